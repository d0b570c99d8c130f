using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Teams.Tests;

/// <summary>/api/messages end to end: real host on loopback, replies through a fake connector that speaks the Connector API.</summary>
public sealed class MessagesTests
{
    private const string Mexico = "29:mexico";

    [Fact]
    public async Task Message_HelpInPersonalChat_RepliesToTheActivityThroughTheConnector()
    {
        await using var chat = await TeamsChat.StartAsync();
        var activity = Activities.Message(chat.ServiceUrl, Mexico, "Delegate of Mexico", "help", "a:personal-mexico");

        using var response = await chat.Host.PostAsync(activity);
        var reply = await chat.Connector.ReplyToAsync((string)activity["id"]!);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("a:personal-mexico", reply.Conversation);
        Assert.Equal("", reply.Authorization);
        Assert.Contains("speak", reply.AllText, StringComparison.Ordinal);
        Assert.Equal(Activities.BotId, reply.Body.GetProperty("from").GetProperty("id").GetString());
        await Schemas.AssertValidAsync(reply.Body);
    }

    [Fact]
    public async Task ConversationUpdate_BotAddedToChannel_WelcomesWithBindingHint()
    {
        await using var chat = await TeamsChat.StartAsync();
        var update = new Dictionary<string, object?>
        {
            ["type"] = "conversationUpdate",
            ["id"] = "f:" + Activities.NewId(),
            ["serviceUrl"] = chat.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new { id = TeamsChat.OrganiserId, name = "Secretariat" },
            ["conversation"] = new { id = Activities.ChannelConversation, conversationType = "channel", isGroup = true },
            ["recipient"] = new { id = Activities.BotId, name = Activities.BotName },
            ["membersAdded"] = new[] { new { id = Activities.BotId } },
        };

        using var response = await chat.Host.PostAsync(update);
        var welcome = await chat.Connector.ContainingAsync("bind AG1", c => c.Conversation == Activities.ChannelConversation);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Null(welcome.ReplyTo);
        await Schemas.AssertValidAsync(welcome.Body);
    }

    [Fact]
    public async Task Mention_InChannel_IsStrippedAndBindsTheChannelWithAReference()
    {
        await using var chat = await TeamsChat.StartAsync();

        var reply = await chat.SayAsync(TeamsChat.OrganiserId, "Secretariat", "bind Room A");

        Assert.Contains("now follows **Room A**", reply.AllText, StringComparison.Ordinal);
        var binding = await chat.Host.QueryAsync((data, ct) => data.GetBindingAsync("teams", Activities.ChannelConversation, ct));
        Assert.NotNull(binding);
        using var reference = JsonDocument.Parse(binding.Reference!);
        Assert.Equal(chat.ServiceUrl, reference.RootElement.GetProperty("serviceUrl").GetString());
        Assert.Equal(Activities.ChannelConversation, reference.RootElement.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task Message_Redelivered_IsProcessedOnce()
    {
        await using var chat = await TeamsChat.StartAsync();
        await OpenRoomAAsync(chat);
        await chat.RegisterAsync(Mexico, "Delegate of Mexico", "Mexico");
        var speak = Activities.Mention(chat.ServiceUrl, Mexico, "Delegate of Mexico", "speak");

        using (await chat.Host.PostAsync(speak))
        using (await chat.Host.PostAsync(speak))
        {
        }

        // One person's activities in a conversation are handled in order: once their next one is answered, both copies have been through.
        var queue = await chat.SayAsync(Mexico, "Delegate of Mexico", "queue");
        Assert.Contains("#1", queue.AllText, StringComparison.Ordinal);
        Assert.Single(chat.Connector.All, c => c.ReplyTo == (string)speak["id"]!);
        var waiting = await chat.Host.QueryAsync(async (data, ct) =>
        {
            var session = (await data.GetSessionsAsync((await data.GetMeetingAsync(ct))!.Id, ct)).Single(s => s.Code == "AG1");
            return await data.GetWaitingAsync(session.Id, ct);
        });
        Assert.Single(waiting);
    }

    [Fact]
    public async Task Message_MenuTitlesInFrenchAndSpanish_RunAsTheEnglishCommands()
    {
        await using var chat = await TeamsChat.StartAsync();
        await OpenRoomAAsync(chat);
        await chat.SayAsync(Mexico, "Délégué du Mexique", "inscrire Mexico");
        await chat.SayAsync("29:ecuador", "Delegada del Ecuador", "inscribirse Ecuador");
        foreach (var name in new[] { "Délégué du Mexique", "Delegada del Ecuador" })
        {
            chat.Host.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Contains("now speaks for", (await chat.SayPrivatelyAsync(TeamsChat.OrganiserId, "Secretariat", $"approve {name}")).AllText, StringComparison.Ordinal);
        }

        // The titles of the French and Spanish command menus (fr.json, es.json), as Teams sends them after the mention.
        await chat.SendAsync(Activities.Mention(chat.ServiceUrl, Mexico, "Délégué du Mexique", "prendre la parole").With("locale", "fr-FR"));
        await chat.SendAsync(Activities.Mention(chat.ServiceUrl, "29:ecuador", "Delegada del Ecuador", "hablar").With("locale", "es-ES"));
        var queue = await chat.SayAsync("29:ecuador", "Delegada del Ecuador", "oradores");

        Assert.Contains("Mexico", queue.AllText, StringComparison.Ordinal);
        Assert.Contains("Ecuador", queue.AllText, StringComparison.Ordinal);
        Assert.Contains("#2", queue.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_SameActivityTwiceAfterTheQueueForgotIt_CommandRunsOnce()
    {
        await using var chat = await TeamsChat.StartAsync();
        await OpenRoomAAsync(chat);
        await chat.RegisterAsync(Mexico, "Delegate of Mexico", "Mexico");
        var speak = Activities.Mention(chat.ServiceUrl, Mexico, "Delegate of Mexico", "speak");
        var activity = JsonSerializer.Deserialize<Wire.Activity>(JsonSerializer.Serialize(speak), Wire.TeamsJson.Options)!;
        var processor = chat.Host.Factory.Services.GetRequiredService<Receiving.ActivityProcessor>();

        // As after a restart: the in-memory duplicate check is gone, the stored activity id is not.
        await processor.ProcessAsync(new Receiving.QueuedActivity(activity, chat.Host.Client.BaseAddress!), CancellationToken.None);
        await processor.ProcessAsync(new Receiving.QueuedActivity(activity, chat.Host.Client.BaseAddress!), CancellationToken.None);
        await chat.SayAsync(Mexico, "Delegate of Mexico", "queue");

        Assert.Single(chat.Connector.All, c => c.ReplyTo == activity.Id);
        var processed = await chat.Host.QueryAsync(async (data, ct) =>
        {
            var session = (await data.GetSessionsAsync((await data.GetMeetingAsync(ct))!.Id, ct)).Single(s => s.Code == "AG1");
            return await data.GetWaitingAsync(session.Id, ct);
        });
        Assert.Single(processed);
    }

    [Fact]
    public async Task CardButton_JoinPressed_PutsTheDelegationOnTheList()
    {
        await using var chat = await TeamsChat.StartAsync();
        await OpenRoomAAsync(chat);
        await chat.RegisterAsync(Mexico, "Delegate of Mexico", "Mexico");

        var queue = await chat.SayAsync(Mexico, "Delegate of Mexico", "queue");
        var joined = await chat.SubmitAsync(Mexico, "Delegate of Mexico", TeamsChat.ActionData(queue, "Join list"));

        Assert.Contains("**Mexico** asked for the floor: #1 of 1", joined.AllText, StringComparison.Ordinal);
        var titles = queue.Card!.Value.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Join list"], titles);
    }

    [Fact]
    public async Task Invoke_AdaptiveCardAction_AnswersInTheResponseAndRunsTheCommand()
    {
        await using var chat = await TeamsChat.StartAsync();
        await OpenRoomAAsync(chat);
        var invoke = Activities.Message(chat.ServiceUrl, TeamsChat.OrganiserId, "Secretariat", "", Activities.ChannelConversation, "channel")
            .With("type", "invoke").With("name", "adaptiveCard/action")
            .With("value", new { action = new { type = "Action.Execute", verb = "run", data = new { gcmbotCommand = "/queue" } } });

        using var response = await chat.Host.PostAsync(invoke);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        // The queue is a private answer: it goes to the organiser's personal chat.
        var reply = await chat.Connector.ContainingAsync("Speakers list", c => c.Conversation == FakeConnector.PersonalConversation(TeamsChat.OrganiserId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", body.GetProperty("type").GetString());
        Assert.Contains("Speakers list", reply.AllText, StringComparison.Ordinal);
        Assert.Contains("Next", reply.AllText, StringComparison.Ordinal);
        await Schemas.AssertValidAsync(reply.Body);
    }

    [Fact]
    public async Task ChannelMessages_WhileSessionOpen_AreCapturedEditedAndDeleted()
    {
        await using var chat = await TeamsChat.StartAsync();
        await OpenRoomAAsync(chat);
        var said = Activities.Message(chat.ServiceUrl, Mexico, "Delegate of Mexico", "<p>Mexico supports regular pathways.</p>", Activities.ChannelConversation + ";messageid=1", "channel");
        var edit = Activities.Message(chat.ServiceUrl, Mexico, "Delegate of Mexico", "Mexico supports regular pathways for workers.", Activities.ChannelConversation, "channel", id: (string)said["id"]!)
            .With("type", "messageUpdate");

        using (await chat.Host.PostAsync(said))
        using (await chat.Host.PostAsync(edit))
        {
        }

        await chat.SayAsync(Mexico, "Delegate of Mexico", "whoami");
        var captured = await chat.Host.QueryAsync((data, ct) => data.FindContributionAsync("teams", (string)said["id"]!, ct));
        Assert.NotNull(captured);
        Assert.Equal("Mexico supports regular pathways for workers.", captured.Text);
        Assert.Equal(Activities.ChannelConversation, captured.ConversationId);
        Assert.NotNull(captured.EditedAt);

        using (await chat.Host.PostAsync(edit.With("type", "messageDelete").With("id", said["id"]).With("text", null)))
        {
        }

        await chat.SayAsync(Mexico, "Delegate of Mexico", "whoami");
        var deleted = await chat.Host.QueryAsync((data, ct) => data.FindContributionAsync("teams", (string)said["id"]!, ct));
        Assert.NotNull(deleted!.DeletedAt);
    }

    [Fact]
    public async Task TimerExpiry_InBoundChannel_PostsProactivelyThroughTheStoredReference()
    {
        await using var chat = await TeamsChat.StartAsync();
        await OpenRoomAAsync(chat);
        await chat.RegisterAsync(Mexico, "Delegate of Mexico", "Mexico");
        await chat.SayAsync(Mexico, "Delegate of Mexico", "speak");
        await chat.SayAsync(TeamsChat.OrganiserId, "Secretariat", "next");

        chat.Host.Clock.Advance(TimeSpan.FromMinutes(2));
        var expiry = await chat.Connector.ContainingAsync("Time is up", c => c.ReplyTo is null);

        Assert.Equal(Activities.ChannelConversation, expiry.Conversation);
        await Schemas.AssertValidAsync(expiry.Body);
    }

    [Fact]
    public async Task Reminder_ForSomeoneSeenOnlyInAChannel_CreatesAPersonalChatAndPostsThere()
    {
        await using var chat = await TeamsChat.StartAsync();
        await chat.SayAsync(TeamsChat.OrganiserId, "Secretariat", "bind Room A");

        var set = await chat.SayAsync(Mexico, "Delegate of Mexico", "remind me AG1 1m");
        chat.Host.Clock.Advance(TimeSpan.FromMinutes(4));
        var created = await chat.Connector.WaitForAsync(c => c.Conversation is null, "a new personal conversation");
        var reminder = await chat.Connector.ContainingAsync("AG1", c => c.Conversation?.StartsWith("a:personal-", StringComparison.Ordinal) == true);

        Assert.Contains("I will remind you", set.AllText, StringComparison.Ordinal);
        Assert.Equal(FakeConnector.PersonalConversation(Mexico), set.Conversation);
        Assert.Equal(Mexico, created.Body.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal(Activities.BotId, created.Body.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal(Activities.Tenant, created.Body.GetProperty("tenantId").GetString());
        Assert.Null(reminder.ReplyTo);
        await Schemas.AssertMatchesAsync("ConversationParameters", created.Body);
        await Schemas.AssertValidAsync(reminder.Body);
    }

    [Fact]
    public async Task PrivateAnswer_AskedInChannel_GoesToThePersonalChatWithOnlyAPointerInTheChannel()
    {
        await using var chat = await TeamsChat.StartAsync();
        var asked = Activities.Mention(chat.ServiceUrl, Mexico, "Delegate of Mexico", "register Mexico");

        var answer = await chat.SendAsync(asked);
        var pointer = await chat.Connector.ReplyToAsync((string)asked["id"]!);

        Assert.Contains("Your request to join Mexico is waiting for approval", answer.AllText, StringComparison.Ordinal);
        Assert.Equal(FakeConnector.PersonalConversation(Mexico), answer.Conversation);
        Assert.Null(answer.ReplyTo);
        Assert.Equal($"<at>Delegate of Mexico</at> {TeamsChat.PrivatePointer}", pointer.Text);
        Assert.DoesNotContain("waiting", pointer.AllText, StringComparison.Ordinal);
        var created = await chat.Connector.WaitForAsync(c => c.Conversation is null, "a new personal conversation");
        Assert.Equal(Mexico, created.Body.GetProperty("members")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Invite_AskedInChannel_TheLinkGoesOnlyToThePersonalChat()
    {
        await using var chat = await TeamsChat.StartAsync();
        var asked = Activities.Mention(chat.ServiceUrl, TeamsChat.OrganiserId, "Secretariat", "invite Mexico");

        var answer = await chat.SendAsync(asked);
        var pointer = await chat.Connector.ReplyToAsync((string)asked["id"]!);

        Assert.Contains("/join/", answer.AllText, StringComparison.Ordinal);
        Assert.Equal(FakeConnector.PersonalConversation(TeamsChat.OrganiserId), answer.Conversation);
        Assert.Equal($"<at>Secretariat</at> {TeamsChat.PrivatePointer}", pointer.Text);
        Assert.DoesNotContain(chat.Connector.All, c => c.Conversation != answer.Conversation && c.AllText.Contains("/join/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CommandWithoutSlash_UnmentionedInChannel_NotCapturedAndAHintInThePersonalChatOnly()
    {
        await using var chat = await TeamsChat.StartAsync();
        await OpenRoomAAsync(chat);
        var said = Activities.Message(chat.ServiceUrl, Mexico, "Delegate of Mexico", "speak", Activities.ChannelConversation + ";messageid=m-speak", "channel", id: "m-speak");

        using var response = await chat.Host.PostAsync(said);
        var hint = await chat.Connector.WaitForAsync(c => c.Conversation == FakeConnector.PersonalConversation(Mexico), "the hint in the personal chat");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("/speak", hint.AllText, StringComparison.Ordinal);
        await Schemas.AssertValidAsync(hint.Body);
        Assert.DoesNotContain(chat.Connector.All, c => c.Conversation != hint.Conversation && c.AllText.Contains("reads as the command", StringComparison.Ordinal));
        Assert.Null(await chat.Host.Store.ReadAsync((data, ct) => data.FindContributionAsync("teams", "m-speak", ct), CancellationToken.None));
    }

    [Fact]
    public async Task Message_MalformedOrIncomplete_IsRefusedWith400()
    {
        await using var chat = await TeamsChat.StartAsync();
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");

        using var garbage = await chat.Host.Client.PostAsync(chat.Host.MessagesUri, content);
        using var noConversation = await chat.Host.PostAsync(Activities.Message(chat.ServiceUrl, Mexico, "x", "help").With("conversation", null));

        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noConversation.StatusCode);
    }

    internal static async Task OpenRoomAAsync(TeamsChat chat)
    {
        await chat.SayAsync(TeamsChat.OrganiserId, "Secretariat", "bind Room A");
        var opened = await chat.SayAsync(TeamsChat.OrganiserId, "Secretariat", "session open AG1");
        Assert.Contains("is open", opened.AllText, StringComparison.Ordinal);
    }
}
