using GcmBot.Web.Tests;
using Microsoft.Playwright;

namespace GcmBot.Teams.Tests;

/// <summary>
/// End to end with a real Teams client: Microsoft 365 Agents Playground (channel msteams) against the host
/// on loopback, driven through its web UI in headless Chromium. The Playground's user is an organiser
/// (Teams:Organisers), registers for Mexico and moderates, in the Playground's personal chat.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PlaygroundTests
{
    private static readonly string _artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");

    [Fact]
    public async Task Playground_CommandsCardsAndATimer_RepliesShownInTheTeamsClient()
    {
        await using var host = new TeamsHost(new Dictionary<string, string?> { ["Teams:Organisers:0"] = Playground.UserId });
        await using var playground = await Playground.StartAsync(host.MessagesUri);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.Chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        Directory.CreateDirectory(_artifacts);
        try
        {
            await page.GotoAsync(playground.Address.AbsoluteUri);

            // The Playground installs the bot: the welcome arrives first.
            await Assertions.Expect(Bot(page).Filter(new() { HasText = "Hello, I am GcmBot" })).ToBeVisibleAsync();

            await Assertions.Expect(await SayAsync(page, "help")).ToContainTextAsync("Show the commands you can use");

            await Assertions.Expect(await SayAsync(page, "bind Room A")).ToContainTextAsync("now follows Room A");
            await Assertions.Expect(await SayAsync(page, "register Mexico")).ToContainTextAsync("Mexico");
            await Assertions.Expect(await SayAsync(page, "session open AG1")).ToContainTextAsync("is open");
            await Assertions.Expect(await SayAsync(page, "speak")).ToContainTextAsync("Mexico asked for the floor: #1 of 1");

            var queue = await SayAsync(page, "queue");
            await Assertions.Expect(queue).ToContainTextAsync("Speakers list");
            await Assertions.Expect(queue).ToContainTextAsync("Your place");
            await Assertions.Expect(queue).ToContainTextAsync("#1");

            // Adaptive Card buttons: on the list, Mexico is offered Withdraw; the answer offers Join list again.
            await Assertions.Expect(queue.GetByRole(AriaRole.Button, new() { Name = "Join list", Exact = true })).ToHaveCountAsync(0);
            await PressAsync(page, queue, "Withdraw", "Mexico withdrew from the speakers list");
            await PressAsync(page, Bot(page).Last, "Join list", "Mexico asked for the floor: #1 of 1");

            // The recommendation card form, submitted, then listed.
            var form = await SayAsync(page, "card");
            await form.GetByLabel("Recommendation for an actionable commitment").FillAsync("Establish firewalls between immigration enforcement and public services");
            await form.GetByLabel("Means of implementation").FillAsync("National legislation and guidance to service providers");
            await form.GetByLabel("Partnerships").FillAsync("Local authorities, civil society");
            await PressAsync(page, form, "Submit card", "saved for AG1");
            await Assertions.Expect(await SayAsync(page, "cards")).ToContainTextAsync("Establish firewalls between immigration enforcement and public services");

            // A proactive message: the speaking timer's expiry, through the stored conversation reference.
            // The room hears who has the floor; the speaker (here the same person, in their personal chat) gets its cue.
            await Assertions.Expect(await SayAsync(page, "next", answers: 2)).ToContainTextAsync("The floor goes to Mexico");
            await Assertions.Expect(Bot(page).Last).ToContainTextAsync("You have the floor in AG1, for 2 min");
            host.Clock.Advance(TimeSpan.FromMinutes(2));
            await Assertions.Expect(Bot(page).Filter(new() { HasText = "Time is up for Mexico" })).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_artifacts, "playground.png"), FullPage = true });
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_artifacts, "playground-failure.png") });
            await File.WriteAllTextAsync(Path.Combine(_artifacts, "playground-failure.html"), await page.ContentAsync());
            throw;
        }
    }

    /// <summary>
    /// A team channel with two delegates. The Playground's client only ever speaks as its signed-in user (every
    /// message it sends, from the UI or its conversation API, reaches the bot from its configuration's
    /// <c>currentUser</c>), so the two delegates, Megan Bowen and Adele Vance, both members of its team, speak
    /// through its custom activities; the organiser (its signed-in user) too. What the bot sends is read from the
    /// Playground's events recording, after its connector accepted it: the channel posts, the personal chats the
    /// bot created (<c>POST /v3/conversations</c>) and what it posted in each.
    /// </summary>
    [Fact]
    public async Task Playground_TeamChannelWithTwoDelegates_WhatConcernsOnePersonReachesOnlyTheirPersonalChat()
    {
        await using var host = new TeamsHost(new Dictionary<string, string?> { ["Teams:Organisers:0"] = Playground.UserId });
        await using var playground = await Playground.StartAsync(host.MessagesUri, recordEvents: true);
        var config = await playground.ConfigAsync();
        var organiserChat = config.GetProperty("config").GetProperty("personalChat").GetProperty("id").GetString()!;
        var team = config.GetProperty("config").GetProperty("teams")[0];
        Assert.Equal(Playground.TeamId, team.GetProperty("id").GetString());
        Assert.Contains(team.GetProperty("members").EnumerateArray(), m => m.GetString() == Megan.Id);
        Assert.Contains(team.GetProperty("members").EnumerateArray(), m => m.GetString() == Adele.Id);
        var room = new Room(playground);

        await room.InChannelAsync(Organiser, "bind Room A", "now follows Room A");
        await room.InChannelAsync(Organiser, "session open AG1", "is open");
        await room.RegisterAsync(Megan, "Mexico", organiserChat, host);
        await room.RegisterAsync(Adele, "Chile", organiserChat, host);

        // What the room needs: each request for the floor, in the channel.
        await room.InChannelAsync(Megan, "speak", "Mexico asked for the floor: #1 of 1");
        await room.InChannelAsync(Adele, "speak", "Chile asked for the floor: #2 of 2");

        // What concerns one person: in their personal chat, with only a pointer in the channel.
        await room.PrivatelyAsync(Megan, "whoami", "You speak for Mexico.");
        await room.PrivatelyAsync(Adele, "whoami", "You speak for Chile.");
        var meganQueue = await room.PrivatelyAsync(Megan, "queue", "Your place");
        var adeleQueue = await room.PrivatelyAsync(Adele, "queue", "Your place");

        var posted = await room.PostedAsync();
        var meganChat = await room.PersonalChatAsync(Megan);
        var adeleChat = await room.PersonalChatAsync(Adele);
        Assert.NotEqual(meganChat, adeleChat);
        Assert.Contains("#1", meganQueue.Text, StringComparison.Ordinal);
        Assert.Contains("#2", adeleQueue.Text, StringComparison.Ordinal);
        Assert.All(posted.Where(p => p.Text.Contains("You speak for Mexico", StringComparison.Ordinal)), p => Assert.Equal(meganChat, p.Conversation));
        Assert.All(posted.Where(p => p.Text.Contains("You speak for Chile", StringComparison.Ordinal)), p => Assert.Equal(adeleChat, p.Conversation));
        Assert.All(posted.Where(p => p.Text.Contains("Your place", StringComparison.Ordinal)), p => Assert.True(p.Conversation == meganChat || p.Conversation == adeleChat, p.Conversation));
        Assert.All(posted.Where(p => p.Text.Contains("join Mexico was approved", StringComparison.Ordinal)), p => Assert.Equal(meganChat, p.Conversation));
        Assert.All(posted.Where(p => p.Text.Contains("join Chile was approved", StringComparison.Ordinal)), p => Assert.Equal(adeleChat, p.Conversation));
        // (The speakers list itself names every delegation: only what is about one person is checked above.)

        var channel = posted.Where(p => p.InChannel).ToList();
        Assert.Contains(channel, p => p.Text.Contains("Mexico asked for the floor: #1 of 1", StringComparison.Ordinal));
        Assert.Contains(channel, p => p.Text.Contains("Chile asked for the floor: #2 of 2", StringComparison.Ordinal));
        Assert.Contains(channel, p => p.Text.Contains($"<at>{Megan.Name}</at> my answer is in your personal chat", StringComparison.Ordinal));
        Assert.Contains(channel, p => p.Text.Contains($"<at>{Adele.Name}</at> my answer is in your personal chat", StringComparison.Ordinal));
        Assert.DoesNotContain(channel, p => p.Text.Contains("You speak for", StringComparison.Ordinal) || p.Text.Contains("Your place", StringComparison.Ordinal)
            || p.Text.Contains("was approved", StringComparison.Ordinal) || p.Text.Contains("asks to join", StringComparison.Ordinal));
    }

    private static readonly User Organiser = new(Playground.UserId, "Alex Wilber", "00000000-0000-0000-0000-0000000000020");
    private static readonly User Megan = new("user-id-1", "Megan Bowen", "00000000-0000-0000-0000-0000000000021");
    private static readonly User Adele = new("user-id-2", "Adele Vance", "00000000-0000-0000-0000-0000000000022");

    private sealed record User(string Id, string Name, string AadObjectId);

    /// <summary>A message the bot posted and the Playground's connector took: where, its whole JSON, the connector's status.</summary>
    private sealed record Posted(string Conversation, string Text, int Status)
    {
        public bool InChannel => Conversation == Playground.TeamId || Conversation.StartsWith(Playground.TeamId + ";", StringComparison.Ordinal);
    }

    /// <summary>The Playground's team channel and the people in it, speaking through custom activities.</summary>
    private sealed class Room(Playground playground)
    {
        private static readonly TimeSpan _bound = TimeSpan.FromSeconds(20);

        /// <summary>An @mention of the bot in the General channel; waits for the bot's channel reply.</summary>
        public async Task<Posted> InChannelAsync(User user, string command, string expected)
        {
            var id = await SendAsync(user, $"<at>{Playground.BotName}</at> {command}", Playground.TeamId, "channel",
                [new { type = "mention", text = $"<at>{Playground.BotName}</at>", mentioned = new { id = Playground.BotId, name = Playground.BotName } }]);
            return await WaitAsync(p => p.InChannel && p.Text.Contains(expected, StringComparison.Ordinal), $"\"{expected}\" in the channel after {user.Name}'s {command} ({id})");
        }

        /// <summary>A command in the channel whose answer is private: waits for it in the user's personal chat and the pointer in the channel.</summary>
        public async Task<Posted> PrivatelyAsync(User user, string command, string expected)
        {
            var before = (await PostedAsync()).Count;
            await SendAsync(user, $"<at>{Playground.BotName}</at> {command}", Playground.TeamId, "channel",
                [new { type = "mention", text = $"<at>{Playground.BotName}</at>", mentioned = new { id = Playground.BotId, name = Playground.BotName } }]);
            await WaitAsync(p => p.InChannel && p.Text.Contains($"<at>{user.Name}</at> my answer is in your personal chat", StringComparison.Ordinal), $"the pointer for {user.Name}'s {command}", before);
            var chat = await PersonalChatAsync(user);
            return await WaitAsync(p => p.Conversation == chat && p.Text.Contains(expected, StringComparison.Ordinal), $"\"{expected}\" in {user.Name}'s personal chat", before);
        }

        /// <summary>Registers in the channel; the organiser approves in their personal chat; the delegate is told in theirs.</summary>
        public async Task RegisterAsync(User user, string delegation, string organiserChat, TeamsHost host)
        {
            await InChannelAsync(user, $"register {delegation}", $"<at>{user.Name}</at> my answer is in your personal chat");
            var asked = await WaitAsync(p => !p.InChannel && p.Text.Contains("asks to join", StringComparison.Ordinal) && p.Text.Contains(user.Name, StringComparison.Ordinal), $"the organiser asked about {user.Name}");
            Assert.NotEqual(await PersonalChatAsync(user), asked.Conversation);
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            await SendAsync(Organiser, $"approve {user.Name}", organiserChat, "personal", null);
            await WaitAsync(p => p.Conversation == organiserChat && p.Text.Contains($"now speaks for {delegation}", StringComparison.Ordinal), $"the organiser's approval of {user.Name}");
            var chat = await PersonalChatAsync(user);
            await WaitAsync(p => p.Conversation == chat && p.Text.Contains($"join {delegation} was approved", StringComparison.Ordinal), $"{user.Name} told");
        }

        /// <summary>The personal chat the bot created with the user (<c>POST /v3/conversations</c>, the id the Playground gave).</summary>
        public async Task<string> PersonalChatAsync(User user)
        {
            var deadline = DateTime.UtcNow + _bound;
            while (true)
            {
                foreach (var e in await playground.RecordedAsync())
                {
                    if (e.TryGetProperty("request", out var request) && request.TryGetProperty("body", out var body) && body.ValueKind == System.Text.Json.JsonValueKind.Object
                        && body.TryGetProperty("members", out var members) && members.ValueKind == System.Text.Json.JsonValueKind.Array && members.GetArrayLength() == 1
                        && members[0].GetProperty("id").GetString() == user.Id
                        && e.GetProperty("response").TryGetProperty("body", out var created) && created.ValueKind == System.Text.Json.JsonValueKind.Object && created.TryGetProperty("id", out var id))
                    {
                        return id.GetString()!;
                    }
                }

                Assert.True(DateTime.UtcNow < deadline, $"No personal chat created for {user.Name}.");
                await playground.WaitForRecordingAsync(deadline - DateTime.UtcNow);
            }
        }

        /// <summary>Every message the bot posted that the Playground's connector accepted, in order.</summary>
        public async Task<IReadOnlyList<Posted>> PostedAsync()
        {
            var posted = new List<Posted>();
            foreach (var e in await playground.RecordedAsync())
            {
                if (!e.TryGetProperty("request", out var request) || !request.TryGetProperty("body", out var body) || body.ValueKind != System.Text.Json.JsonValueKind.Object
                    || !body.TryGetProperty("type", out var type) || type.GetString() != "message"
                    || !body.TryGetProperty("from", out var from) || from.GetProperty("id").GetString() != Playground.BotId)
                {
                    continue;
                }

                var status = e.GetProperty("response").GetProperty("statusCode").GetInt32();
                // Compared without Markdown emphasis ("follows **Room A**").
                posted.Add(new Posted(e.GetProperty("conversationId").GetString() ?? "", body.GetRawText().Replace("**", "", StringComparison.Ordinal), status));
            }

            return posted;
        }

        private async Task<Posted> WaitAsync(Func<Posted, bool> match, string what, int skip = 0)
        {
            var deadline = DateTime.UtcNow + _bound;
            while (true)
            {
                var posted = await PostedAsync();
                if (posted.Skip(skip).FirstOrDefault(match) is { } found)
                {
                    Assert.True(found.Status is >= 200 and < 300, $"The Playground refused {found.Text} ({found.Status}).");
                    return found;
                }

                Assert.True(DateTime.UtcNow < deadline, $"Not seen within {_bound.TotalSeconds} s: {what}. Posted: {string.Join("\n", posted.Select(p => p.Conversation + " " + p.Text))}");
                await playground.WaitForRecordingAsync(deadline - DateTime.UtcNow);
            }
        }

        private async Task<string> SendAsync(User user, string text, string conversation, string conversationType, object[]? entities)
        {
            var id = Guid.NewGuid().ToString();
            await playground.SendActivityAsync(new Dictionary<string, object?>
            {
                ["type"] = "message",
                ["id"] = id,
                ["timestamp"] = DateTimeOffset.UtcNow,
                ["channelId"] = "msteams",
                ["serviceUrl"] = playground.ServiceUrl,
                ["from"] = new { id = user.Id, name = user.Name, aadObjectId = user.AadObjectId },
                ["recipient"] = new { id = Playground.BotId, name = Playground.BotName },
                ["conversation"] = new { id = conversation, isGroup = conversationType != "personal", conversationType, tenantId = Playground.TenantId },
                ["text"] = text,
                ["textFormat"] = "plain",
                ["entities"] = entities,
                ["channelData"] = conversationType == "channel"
                    ? new { tenant = new { id = Playground.TenantId }, team = (object?)new { id = Playground.TeamId, name = "My Team" }, channel = (object?)new { id = Playground.TeamId } }
                    : new { tenant = new { id = Playground.TenantId }, team = (object?)null, channel = (object?)null },
                ["locale"] = "en-US",
            });
            return id;
        }
    }

    /// <summary>The bot's messages in the open conversation (the Playground renders each in an output card).</summary>
    private static ILocator Bot(IPage page) => page.Locator(".fai-OutputCard");

    /// <summary>Types a message into the compose box, sends it, waits for the bot's answers and returns the first.</summary>
    private static async Task<ILocator> SayAsync(IPage page, string text, int answers = 1)
    {
        var before = await Bot(page).CountAsync();
        await page.Locator("[data-lexical-editor='true']").ClickAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Bot(page)).ToHaveCountAsync(before + answers, new() { Timeout = 15_000 });
        return Bot(page).Nth(before);
    }

    /// <summary>Presses a card button and waits for the bot's answer.</summary>
    private static async Task PressAsync(IPage page, ILocator card, string button, string expected)
    {
        var before = await Bot(page).CountAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Assertions.Expect(Bot(page)).ToHaveCountAsync(before + 1, new() { Timeout = 15_000 });
        await Assertions.Expect(Bot(page).Nth(before)).ToContainTextAsync(expected);
    }
}
