using System.Net;
using System.Text;

namespace GcmBot.Host.Tests;

public sealed class WebSecurityTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/chat.js")]
    [InlineData("/overview")]
    [InlineData("/api/web/meeting")]
    public async Task Get_AnyPage_SecurityHeadersAndNoFraming(string path)
    {
        await using var app = new GcmBotApp();

        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.EndsWith("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task GetRoomDisplay_FrameAncestorsSet_SecretariatPagesMayFrameIt()
    {
        await using var app = new GcmBotApp(settings: new Dictionary<string, string> { ["Displays:FrameAncestors"] = "'self' https://meeting.example.org" });

        using var response = await app.Client.GetAsync(new Uri("/rooms/Room%20A/display", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("frame-ancestors 'self' https://meeting.example.org", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }

    [Theory]
    [InlineData("application/json; charset=nonsense")]
    [InlineData("application/json; charset=")]
    [InlineData("application/json; charset")]
    public async Task PostCommand_UnreadableCharset_Returns415JsonAndStoresNothing(string contentType)
    {
        await using var app = new GcmBotApp();
        var mexico = await app.IdentityAsync("Mexico delegate", "Mexico", "delegate");
        await app.SendAsync(await app.IdentityAsync("Moderator", null, "moderator"), GcmBotApp.RoomA, "/session open AG1");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/web/commands", UriKind.Relative))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{{\"conversation\":\"{GcmBotApp.RoomA}\",\"text\":\"/speak\"}}")),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Add("X-GcmBot-User", mexico);

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("charset=utf-8", (await GcmBotApp.ReadJsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        var session = await app.SessionAsync("AG1");
        Assert.Empty(await app.QueryAsync((data, ct) => data.GetWaitingAsync(session.Id, ct)));
    }
}
