using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GcmBot.Web.Tests;

/// <summary>Signing in to the web chat with invitation links, in Chromium, with the identity picker off.</summary>
public sealed partial class SignInTests
{
    private const string Prefix = "Organiser sign-in: ";

    private static readonly Dictionary<string, string> _pickerOff = new() { ["WebChat:IdentityPicker"] = "false" };

    [Fact]
    public async Task OrganiserLink_PickerOff_SignsInAndItsInvitationSignsADelegateIn()
    {
        await using var host = new LiveHost(_pickerOff);
        await using var browser = await Browser.LaunchAsync();
        var organiserLink = await PrintedOrganiserLinkAsync(host);

        await using var organiser = await JoinAsync(browser, organiserLink, "Olga");
        await Assertions.Expect(organiser.Page.Locator("#identity-form")).ToBeHiddenAsync();
        await Assertions.Expect(organiser.Page.Locator("#who-role")).ToHaveTextAsync("Organiser");
        // Signed in, nobody is told to go and find their invitation link.
        await Assertions.Expect(organiser.Page.Locator("#identity-off")).ToBeHiddenAsync();
        Assert.DoesNotContain("/join/", organiser.Page.Url, StringComparison.Ordinal);
        var invitation = await LinkInAsync(await organiser.SayAsync("/invite Mexico"));

        await using var delegate_ = await JoinAsync(browser, invitation, "Ana");
        await Assertions.Expect(delegate_.Page.Locator("#who-delegation")).ToHaveTextAsync("Mexico");
        await Assertions.Expect(await delegate_.SayAsync("/whoami")).ToContainTextAsync("You speak for Mexico");

        // An invitation is shown to the organiser who asked for it only, never to the room.
        await organiser.SayAsync("/invite as rapporteur");
        await organiser.Page.Locator("#message-input").FillAsync("marker after the invitation");
        await organiser.Page.Locator("#message-input").PressAsync("Enter");
        await Assertions.Expect(delegate_.Page.Locator("#log")).ToContainTextAsync("marker after the invitation");
        Assert.DoesNotContain("/join/", await delegate_.Page.Locator("#log").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousPage_JoinFromPageScript_RefusedHearsNothingAndIsAskedForItsLink()
    {
        await using var host = new LiveHost(_pickerOff);
        await using var browser = await Browser.LaunchAsync();
        await using var organiser = await JoinAsync(browser, await PrintedOrganiserLinkAsync(host), "Olga");
        await using var stranger = await ChatPage.OpenBlankAsync(browser, new Uri(host.BaseAddress, "/?room=Room%20A"));
        await Assertions.Expect(stranger.Page.Locator("#identity-off")).ToContainTextAsync("invitation link");

        // The page's own hub client, driven by script as an attacker would: no SignIn, straight to Join.
        var refusal = await stranger.Page.EvaluateAsync<string>("""
            async () => {
              const hub = new SignalRLite("/hubs/chat");
              window.heard = [];
              hub.on("message", (m) => window.heard.push(m));
              await hub.start();
              try { await hub.invoke("Join", "room:Room A"); return "joined"; } catch (e) { return e.message; }
            }
            """);
        await organiser.SayAsync("/session open AG1");
        await organiser.Page.Locator("#message-input").FillAsync("marker for the room");
        await organiser.Page.Locator("#message-input").PressAsync("Enter");
        await Assertions.Expect(organiser.Page.Locator("#log .msg", new() { HasText = "marker for the room" })).Not.ToHaveAttributeAsync("data-id", "");

        Assert.Contains("Sign in", refusal, StringComparison.Ordinal);
        Assert.Equal(0, await stranger.Page.EvaluateAsync<int>("() => window.heard.length"));
        Assert.DoesNotContain("marker for the room", await stranger.Page.Locator("#log").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvitationLink_UsedOrRevoked_RefusedPolitely()
    {
        await using var host = new LiveHost(_pickerOff);
        await using var browser = await Browser.LaunchAsync();
        await using var organiser = await JoinAsync(browser, await PrintedOrganiserLinkAsync(host), "Olga");
        var used = await LinkInAsync(await organiser.SayAsync("/invite Chile"));
        var revoked = await LinkInAsync(await organiser.SayAsync("/invite as moderator"));
        var number = NumberAfterRevoke().Match(await organiser.BotMessages.Last.InnerTextAsync()).Groups[1].Value;
        await Assertions.Expect(await organiser.SayAsync($"/invite revoke {number}")).ToContainTextAsync("is revoked");
        await using var first = await JoinAsync(browser, used, "Carla");

        await using var second = await OpenJoinPageAsync(browser, used, "Intruder");
        await using var third = await OpenJoinPageAsync(browser, revoked, "Mallory");

        await Assertions.Expect(second.Page.Locator("#join-error")).ToContainTextAsync("already been used");
        await Assertions.Expect(third.Page.Locator("#join-error")).ToContainTextAsync("withdrawn by the organisers");
        await Assertions.Expect(second.Page.Locator("#identity-summary")).ToBeHiddenAsync();
        await Assertions.Expect(third.Page.Locator("#identity-summary")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Register_SignedInWithoutDelegation_WaitsUntilTheOrganiserPressesApprove()
    {
        await using var host = new LiveHost(_pickerOff);
        await using var browser = await Browser.LaunchAsync();
        await using var organiser = await JoinAsync(browser, await PrintedOrganiserLinkAsync(host), "Olga");
        await using var rita = await JoinAsync(browser, await LinkInAsync(await organiser.SayAsync("/invite as rapporteur")), "Rita");

        await Assertions.Expect(await rita.SayAsync("/register Mexico")).ToContainTextAsync("waiting for approval by the organisers");
        await Assertions.Expect(await rita.SayAsync("/card Ports for all | Funding | IOM")).ToContainTextAsync("request to join Mexico is still waiting for approval");

        var request = organiser.BotMessages.Filter(new() { HasText = "asks to join" });
        await Assertions.Expect(request).ToContainTextAsync("Rita");
        await request.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Assertions.Expect(organiser.BotMessages.Filter(new() { HasText = "Rita now speaks for Mexico" })).ToBeVisibleAsync();
        await Assertions.Expect(rita.BotMessages.Filter(new() { HasText = "join Mexico was approved" })).ToBeVisibleAsync();
        await Assertions.Expect(await rita.SayAsync("/whoami")).ToContainTextAsync("You speak for Mexico");
        Assert.DoesNotContain("asks to join", await rita.Page.Locator("#log").InnerTextAsync(), StringComparison.Ordinal);
    }

    internal static async Task<Uri> PrintedOrganiserLinkAsync(LiveHost host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await host.Logs.WaitForAsync(Prefix, timeout.Token);
        var link = new Uri(line[Prefix.Length..]);
        Assert.Equal(host.BaseAddress.Authority, link.Authority);
        Assert.StartsWith("/join/", link.AbsolutePath, StringComparison.Ordinal);
        return link;
    }

    internal static async Task<Uri> LinkInAsync(ILocator message)
    {
        var match = JoinLink().Match(await message.InnerTextAsync());
        Assert.True(match.Success, "no sign-in link in the reply");
        return new Uri(match.Value);
    }

    internal static async Task<ChatPage> JoinAsync(Browser browser, Uri link, string name, string? locale = null)
    {
        var page = await OpenJoinPageAsync(browser, link, name, locale);
        await Assertions.Expect(page.Page.Locator("#who-name")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Page.Locator("#status")).ToHaveAttributeAsync("data-state", "connected");
        return page;
    }

    /// <summary>Opens a link, gives a name and presses Sign in, whatever the server answers.</summary>
    private static async Task<ChatPage> OpenJoinPageAsync(Browser browser, Uri link, string name, string? locale = null)
    {
        var page = await ChatPage.OpenBlankAsync(browser, link, locale);
        await Assertions.Expect(page.Page.Locator("#join-form")).ToBeVisibleAsync();
        await page.Page.Locator("#join-name").FillAsync(name);
        await page.Page.Locator("#join-submit").ClickAsync();
        return page;
    }

    [GeneratedRegex(@"https?://\S+/join/[A-Za-z0-9_-]+")]
    private static partial Regex JoinLink();

    [GeneratedRegex(@"invite revoke (\d+)")]
    private static partial Regex NumberAfterRevoke();
}
