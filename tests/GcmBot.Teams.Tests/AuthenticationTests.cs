using System.Net;

namespace GcmBot.Teams.Tests;

/// <summary>
/// With an app id, only activities with a valid Bot Framework token for this bot and this serviceUrl get
/// in. Tokens are signed by a test key published through a local OpenID metadata endpoint.
/// </summary>
public sealed class AuthenticationTests : IClassFixture<AuthenticatedHost>
{
    private const string AppId = AuthenticatedHost.AppId;
    private const string Intruder = "29:intruder";

    private readonly FakeLogin _login;
    private readonly OpenIdServer _openId;
    private readonly TeamsChat _chat;

    public AuthenticationTests(AuthenticatedHost host)
    {
        _login = host.Login;
        _openId = host.OpenId;
        _chat = host.Chat;
    }

    [Fact]
    public async Task Post_ValidToken_Accepted()
    {
        var activity = Activities.Message(_chat.ServiceUrl, "29:mexico", "Delegate of Mexico", "whoami", "a:personal-mexico");

        using var response = await _chat.Host.PostAsync(activity, _openId.Token(AppId, _chat.ServiceUrl));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await _chat.Connector.ReplyToAsync((string)activity["id"]!);
    }

    [Fact]
    public async Task Replies_WithAppId_CarryAClientCredentialsTokenFetchedOnce()
    {
        var first = Activities.Message(_chat.ServiceUrl, "29:mexico", "Delegate of Mexico", "whoami", "a:personal-mexico");
        var second = Activities.Message(_chat.ServiceUrl, "29:mexico", "Delegate of Mexico", "help", "a:personal-mexico");

        using (await _chat.Host.PostAsync(first, _openId.Token(AppId, _chat.ServiceUrl)))
        using (await _chat.Host.PostAsync(second, _openId.Token(AppId, _chat.ServiceUrl)))
        {
        }

        var replies = new[] { await _chat.Connector.ReplyToAsync((string)first["id"]!), await _chat.Connector.ReplyToAsync((string)second["id"]!) };
        Assert.All(replies, r => Assert.Equal("Bearer " + FakeLogin.AccessToken, r.Authorization));
        // MSAL caches the token until it expires: one request for every send of this host.
        Assert.Equal(1, _login.TokenRequests);
        Assert.Contains("grant_type=client_credentials", _login.LastForm, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", _login.LastForm, StringComparison.Ordinal);
    }

    public static TheoryData<string> Rejections => ["wrong audience", "wrong issuer", "expired", "bad signature", "serviceUrl mismatch", "missing header", "not a jwt", "kid not published", "channel not endorsed"];

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task Post_InvalidToken_401AndNothingProcessed(string fault)
    {
        var token = fault switch
        {
            "wrong audience" => _openId.Token("another-bot", _chat.ServiceUrl),
            "wrong issuer" => _openId.Token(AppId, _chat.ServiceUrl, issuer: "https://sts.windows.net/evil/"),
            "expired" => _openId.Token(AppId, _chat.ServiceUrl, expires: DateTimeOffset.UtcNow.AddMinutes(-6)),
            "bad signature" => _openId.Token(AppId, _chat.ServiceUrl, key: OpenIdServer.Impostor()),
            "serviceUrl mismatch" => _openId.Token(AppId, "https://smba.trafficmanager.net/evil/"),
            "not a jwt" => "not-a-token",
            "kid not published" => _openId.Token(AppId, _chat.ServiceUrl, key: _openId.Unpublished()),
            "channel not endorsed" => _openId.Token(AppId, _chat.ServiceUrl),
            _ => null,
        };
        var rejected = Activities.Message(_chat.ServiceUrl, Intruder, "Intruder", "register Mexico", "a:personal-intruder");
        if (fault == "channel not endorsed")
        {
            // The test key is endorsed for msteams only, like Teams' keys in Bot Framework's JWKS.
            rejected["channelId"] = "slack";
        }

        using var response = await _chat.Host.PostAsync(rejected, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // One person's activities in a conversation are handled in order: once their next (valid) one is
        // answered, the refused one would have been too.
        var barrier = Activities.Message(_chat.ServiceUrl, Intruder, "Intruder", "whoami", "a:personal-intruder");
        using (await _chat.Host.PostAsync(barrier, _openId.Token(AppId, _chat.ServiceUrl)))
        {
        }

        await _chat.Connector.ReplyToAsync((string)barrier["id"]!);
        Assert.DoesNotContain(_chat.Connector.All, c => c.ReplyTo == (string)rejected["id"]!);
        var intruder = await _chat.Host.QueryAsync((data, ct) => data.FindParticipantAsync("teams", Intruder, ct));
        Assert.Null(intruder!.DelegationId);
    }

    [Fact]
    public async Task Post_TokenWithinFiveMinutesSkew_Accepted()
    {
        var activity = Activities.Message(_chat.ServiceUrl, "29:mexico", "Delegate of Mexico", "whoami", "a:personal-mexico");

        using var response = await _chat.Host.PostAsync(activity, _openId.Token(AppId, _chat.ServiceUrl, expires: DateTimeOffset.UtcNow.AddMinutes(-3)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
