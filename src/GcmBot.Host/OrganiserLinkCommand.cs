using GcmBot.Core.Invitations;
using GcmBot.Storage;

namespace GcmBot.Host;

/// <summary>
/// <c>organiser-link [--Section:Key=value …]</c>: prints a new single-use organiser sign-in link for the configured
/// database, without starting the host (it may be running). Whoever can run the host may sign in as an organiser;
/// this is the way back in when the first link, or the organiser's browser, is lost.
/// </summary>
internal static class OrganiserLinkCommand
{
    public const string Name = "organiser-link";

    /// <returns>0 with the link printed, 1 when the database cannot be reached.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        try
        {
            await services.MigrateGcmDatabaseAsync(cancellationToken);
            var token = await services.GetRequiredService<InvitationService>().CreateOrganiserLinkAsync(cancellationToken);
            await output.WriteLineAsync($"Organiser sign-in: {services.GetRequiredService<ISignInLinks>().For(token)}");
            return 0;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            await errors.WriteLineAsync($"organiser-link: the database could not be reached ({e.Message}). No link was created.");
            return 1;
        }
    }
}
