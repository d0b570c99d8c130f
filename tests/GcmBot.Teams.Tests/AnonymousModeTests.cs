using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GcmBot.Teams.Tests;

/// <summary>
/// Without <c>Teams:AppId</c> nobody vouches for the sender or the connector: activities are accepted only in
/// Development and only from a connector on this machine; otherwise 401, and the host says why at start.
/// </summary>
public sealed class AnonymousModeTests
{
    [Fact]
    public async Task Post_AnonymousWithRemoteServiceUrl_401AndNothingSent()
    {
        await using var chat = await TeamsChat.StartAsync();
        var forged = Activities.Message("https://attacker.example/", TeamsChat.OrganiserId, "Secretariat", "delegation add Atlantis", "a:personal-organiser");

        using var response = await chat.Host.PostAsync(forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // The same person's next activity (from the local connector) is answered after the refused one would be.
        await chat.SayPrivatelyAsync(TeamsChat.OrganiserId, "Secretariat", "whoami");
        Assert.DoesNotContain(chat.Connector.All, c => c.ReplyTo == (string)forged["id"]!);
    }

    [Fact]
    public async Task Post_AnonymousOutsideDevelopment_401AndStartupSaysWhy()
    {
        var logs = new ListLoggerProvider();
        await using var chat = await TeamsChat.StartAsync(
            new Dictionary<string, string?> { ["environment"] = "Production" },
            services => services.AddSingleton<ILoggerProvider>(logs));
        var activity = Activities.Message(chat.ServiceUrl, TeamsChat.OrganiserId, "Secretariat", "whoami", "a:personal-organiser");

        using var response = await chat.Host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(logs.Entries, e => e.Id.Id == 7403 && e.Message.Contains("Production", StringComparison.Ordinal) && e.Message.Contains("401", StringComparison.Ordinal));
    }
}
