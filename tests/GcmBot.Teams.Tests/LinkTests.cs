using System.Net.Http.Json;

namespace GcmBot.Teams.Tests;

/// <summary>Download links use the address users reach the bot on, not the one a TLS proxy forwarded to.</summary>
public sealed class LinkTests
{
    private const string Mexico = "29:mexico";

    [Fact]
    public async Task Download_PublicUrlSet_LinkUsesIt()
    {
        await using var chat = await TeamsChat.StartAsync(new Dictionary<string, string?> { ["Teams:PublicUrl"] = "https://gcmbot.example.org" });

        var reply = await chat.SayPrivatelyAsync(Mexico, "Delegate of Mexico", "agenda ics");

        Assert.StartsWith("https://gcmbot.example.org/api/teams/files/", Link(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_BehindLoopbackProxy_LinkUsesForwardedSchemeAndHost()
    {
        await using var chat = await TeamsChat.StartAsync();

        var reply = await ForwardedAsync(chat, "gcmbot.example.org");

        Assert.StartsWith("https://gcmbot.example.org/api/teams/files/", Link(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_ForwardedFromUnknownProxy_Ignored()
    {
        // Naming the proxies replaces the default (loopback): the test client is no longer one of them.
        await using var chat = await TeamsChat.StartAsync(new Dictionary<string, string?> { ["Teams:KnownProxies:0"] = "10.0.0.7" });

        var reply = await ForwardedAsync(chat, "evil.example");

        Assert.StartsWith(chat.Host.Client.BaseAddress!.AbsoluteUri, Link(reply), StringComparison.Ordinal);
    }

    /// <summary>Asks for a download as if through a TLS proxy that forwards for <paramref name="host"/>.</summary>
    private static async Task<ConnectorCall> ForwardedAsync(TeamsChat chat, string host)
    {
        var activity = Activities.Message(chat.ServiceUrl, Mexico, "Delegate of Mexico", "agenda ics", "a:personal-mexico");
        using var request = new HttpRequestMessage(HttpMethod.Post, chat.Host.MessagesUri) { Content = JsonContent.Create(activity) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", host);
        using (await chat.Host.Client.SendAsync(request))
        {
        }

        return await chat.Connector.ReplyToAsync((string)activity["id"]!);
    }

    private static string Link(ConnectorCall reply) =>
        reply.Card!.Value.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "Action.OpenUrl").GetProperty("url").GetString()!;
}
