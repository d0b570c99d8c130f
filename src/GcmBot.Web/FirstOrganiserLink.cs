using GcmBot.Core.Invitations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GcmBot.Web;

/// <summary>
/// Once the host listens, a fresh database gets one organiser sign-in link, printed and logged: the only time an
/// invitation link is ever logged, so that the first run needs no setup.
/// </summary>
internal sealed partial class FirstOrganiserLink : BackgroundService
{
    private readonly IHostApplicationLifetime _lifetime;
    private readonly InvitationService _invitations;
    private readonly ISignInLinks _links;
    private readonly ILogger<FirstOrganiserLink> _logger;

    public FirstOrganiserLink(IHostApplicationLifetime lifetime, InvitationService invitations, ISignInLinks links, ILogger<FirstOrganiserLink> logger)
    {
        _lifetime = lifetime;
        _invitations = invitations;
        _links = links;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The listening address (port 0 included) is known only once the server started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (_lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }

        if (await _invitations.CreateFirstOrganiserLinkAsync(stoppingToken) is { } token)
        {
            var link = _links.For(token);
            LogOrganiserLink(_logger, link);
            await Console.Out.WriteLineAsync($"Organiser sign-in: {link}".AsMemory(), stoppingToken);
        }
    }

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Organiser sign-in: {Link}")]
    private static partial void LogOrganiserLink(ILogger logger, string link);
}
