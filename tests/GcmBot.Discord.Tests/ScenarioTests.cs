using System.Text.Json;
using GcmBot.Core.Commands;
using GcmBot.Discord.Tests.Fakes;

namespace GcmBot.Discord.Tests;

/// <summary>
/// The foundation's command scenario (join the list, Member States first, the floor in order, a card,
/// capture) end to end through the Discord adapter in the real host: interactions arrive over the
/// gateway from the fake Discord, answers go back as interaction callbacks and channel messages.
/// </summary>
public sealed class ScenarioTests
{
    private static readonly (string Id, string Name, bool Organiser) _organiser = ("800000000000000001", "Secretariat", true);
    private static readonly (string Id, string Name, bool Organiser) _moderator = ("800000000000000002", "Marit Maij", false);

    private static (string Id, string Name, bool Organiser) Delegate(int i, string delegation) => ($"80000000000000010{i}", $"Delegate of {delegation}", false);

    internal static string Content(JsonElement callback) => callback.GetProperty("data").GetProperty("content").GetString()!;

    internal static bool Ephemeral(JsonElement callback) =>
        callback.GetProperty("data").TryGetProperty("flags", out var flags) && (flags.GetInt32() & 64) != 0;

    [Fact]
    public async Task ActionGroup_ThroughDiscord_MemberStatesFirstCardByModalContributionCaptured()
    {
        await using var host = await DiscordHost.StartAsync();
        var users = new DiscordUsers();

        // Slash commands registered in the guild from the catalogue.
        var registered = await host.Fake.RequestAsync("PUT", $"/applications/{FakeDiscord.ApplicationId}/guilds/{FakeDiscord.GuildId}/commands");
        Assert.Equal(CommandCatalogue.All.Count, registered.Json.GetArrayLength());

        // The organiser binds the channel; the moderator is assigned to AG1 and opens it.
        var bound = await host.InteractAsync(users.Command(_organiser, "bind", ("target", "Room A")));
        Assert.Equal(4, bound.GetProperty("type").GetInt32());
        Assert.Contains("now follows **Room A**", Content(bound), StringComparison.Ordinal);
        await host.InteractAsync(users.Command(_moderator, "whoami"));
        var assigned = await host.InteractAsync(users.Command(_organiser, "assign", ("role", "moderator"), ("user", _moderator.Id), ("session", "AG1")));
        Assert.Contains("now moderator of AG1", Content(assigned), StringComparison.Ordinal);

        var choices = await host.InteractAsync(users.Autocomplete(_moderator, "session-open", "session", "AG"));
        Assert.Equal(8, choices.GetProperty("type").GetInt32());
        Assert.Contains(choices.GetProperty("data").GetProperty("choices").EnumerateArray(), c => c.GetProperty("value").GetString() == "AG1");

        var opened = await host.InteractAsync(users.Command(_moderator, "session-open", ("session", "AG1")));
        Assert.Contains("is open", Content(opened), StringComparison.Ordinal);
        Assert.False(Ephemeral(opened));
        var join = opened.GetProperty("data").GetProperty("components")[0].GetProperty("components").EnumerateArray()
            .Single(b => b.GetProperty("label").GetString() == "Join list");

        // Three Member States and two stakeholders ask for the floor in mixed order; the first by the button.
        string[] order = ["Migrant Forum in Asia", "Mexico", "International Organization for Migration", "Ecuador", "Philippines"];
        for (var i = 0; i < order.Length; i++)
        {
            var who = Delegate(i, order[i]);
            var registration = await host.InteractAsync(users.Command(who, "register", ("delegation", order[i])));
            Assert.True(Ephemeral(registration));
            await host.InteractAsync(users.Command(_organiser, "approve", ("person", who.Name)));
            var asked = i == 0
                ? await host.InteractAsync(users.Button(who, join.GetProperty("custom_id").GetString()!))
                : await host.InteractAsync(users.Command(who, "speak"));
            Assert.Contains(order[i], Content(asked), StringComparison.Ordinal);
        }

        var queue = await host.InteractAsync(users.Command(_moderator, "queue"));
        Assert.True(Ephemeral(queue));
        var rows = queue.GetProperty("data").GetProperty("embeds")[0].GetProperty("description").GetString()!.Split('\n');
        string[] heard = ["Mexico", "Ecuador", "Philippines", "Migrant Forum in Asia", "International Organization for Migration"];
        Assert.Equal(heard.Select((d, i) => $"{i + 1}. **{d}**"), rows.Select(r => r[..r.IndexOf(" —", StringComparison.Ordinal)]));

        // The floor in that order; each speaker's timer warns and expires in the channel, with a countdown.
        foreach (var delegation in heard)
        {
            var floor = await host.InteractAsync(users.Command(_moderator, "next"));
            Assert.Contains($"The floor goes to **{delegation}**", Content(floor), StringComparison.Ordinal);
            host.Clock.Advance(TimeSpan.FromMinutes(2));
            await host.Fake.Requests.WaitOneAsync(r => r.Path == $"/channels/{DiscordUsers.Channel}/messages" && r.Body!.Contains(delegation, StringComparison.Ordinal) && r.Body.Contains("Time is up", StringComparison.Ordinal), $"time is up for {delegation}");
        }

        var warning = await host.Fake.Requests.WaitOneAsync(r => r.Path == $"/channels/{DiscordUsers.Channel}/messages" && r.Body!.Contains("left for", StringComparison.Ordinal));
        Assert.Matches(@"<t:\d+:R>", warning.Json.GetProperty("content").GetString());

        // A card through the modal: /card opens it, the submission saves it.
        var mexico = Delegate(1, "Mexico");
        var modal = await host.InteractAsync(users.Command(mexico, "card"));
        Assert.Equal(9, modal.GetProperty("type").GetInt32());
        var inputs = modal.GetProperty("data").GetProperty("components").EnumerateArray().Select(r => r.GetProperty("components")[0]).ToList();
        Assert.Equal(["recommendation", "means", "partnerships"], inputs.Select(i => i.GetProperty("custom_id").GetString()));
        Assert.All(inputs, i => Assert.Equal(2, i.GetProperty("style").GetInt32()));
        var saved = await host.InteractAsync(users.ModalSubmit(mexico, modal.GetProperty("data").GetProperty("custom_id").GetString()!,
            ("recommendation", "Establish firewalls between immigration enforcement and public services"),
            ("means", "National legislation and guidance to service providers"),
            ("partnerships", "Local authorities, civil society")));
        Assert.Contains("saved for AG1", Content(saved), StringComparison.Ordinal);
        Assert.True(Ephemeral(saved));
        var cards = await host.InteractAsync(users.Command(mexico, "cards"));
        Assert.Contains("Establish firewalls", cards.GetRawText(), StringComparison.Ordinal);

        // Said in the bound channel while AG1 is open: captured; a bot's message is not; an edit follows.
        var said = users.NextId();
        var bots = users.NextId();
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordUsers.Message(mexico, said, "Mexico supports regular pathways for @everyone"));
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordUsers.Message(("800000000000000999", "Other bot", false), bots, "I am a bot", bot: true));
        await host.Gateway.DispatchAsync("MESSAGE_UPDATE", DiscordUsers.Message(mexico, said, "Mexico supports regular pathways for migrant workers"));

        // A prefix command in the same channel, handled after them (messages run in order): the agenda concerns
        // whoever asked, so it is answered by direct message.
        var prefixed = users.NextId();
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordUsers.Message(_moderator, prefixed, "!agenda now"));
        var answer = await host.Fake.Requests.WaitOneAsync(r => r.Path == $"/channels/dm-{_moderator.Id}/messages" && r.Body!.Contains("Now (", StringComparison.Ordinal));
        Assert.Contains("Action Group 1", answer.Body, StringComparison.Ordinal);

        var captured = await host.Store.ReadAsync((data, ct) => data.FindContributionAsync("discord", said, ct), CancellationToken.None);
        Assert.NotNull(captured);
        Assert.Equal("Mexico supports regular pathways for migrant workers", captured.Text);
        Assert.Equal("Delegate of Mexico", captured.AuthorName);
        Assert.Null(await host.Store.ReadAsync((data, ct) => data.FindContributionAsync("discord", bots, ct), CancellationToken.None));
        Assert.Null(await host.Store.ReadAsync((data, ct) => data.FindContributionAsync("discord", prefixed, ct), CancellationToken.None));

        AssertEveryBodyValid(host.Fake);
    }

    [Fact]
    public async Task Interaction_SlowerThanBudget_DeferredThenEditedOrFollowedUpEphemeral()
    {
        await using var host = await DiscordHost.StartAsync(new Dictionary<string, string> { ["Discord:AcknowledgeWithin"] = "00:00:00" });
        var users = new DiscordUsers();
        await host.Fake.RequestAsync("PUT", "/applications/");

        // A public answer: "thinking…" first, then the original edited.
        var bound = users.Command(_organiser, "bind", ("target", "Room A"));
        var deferred = await host.InteractAsync(bound);
        Assert.Equal(5, deferred.GetProperty("type").GetInt32());
        var token = JsonSerializer.SerializeToElement(bound).GetProperty("token").GetString();
        var edited = await host.Fake.RequestAsync("PATCH", $"/webhooks/{FakeDiscord.ApplicationId}/{token}/messages/@original");
        Assert.Contains("now follows", edited.Json.GetProperty("content").GetString(), StringComparison.Ordinal);

        // A private answer must not stay public: the deferral is deleted and an ephemeral follow-up sent.
        var whoami = users.Command(_moderator, "whoami");
        await host.InteractAsync(whoami);
        var privateToken = JsonSerializer.SerializeToElement(whoami).GetProperty("token").GetString();
        await host.Fake.RequestAsync("DELETE", $"/webhooks/{FakeDiscord.ApplicationId}/{privateToken}/messages/@original");
        var followUp = await host.Fake.Requests.WaitOneAsync(r => r.Method == "POST" && r.Path == $"/webhooks/{FakeDiscord.ApplicationId}/{privateToken}");
        Assert.Equal(64, followUp.Json.GetProperty("flags").GetInt32());

        AssertEveryBodyValid(host.Fake);
    }

    /// <summary>Every JSON body the adapter sent in the test, against Discord's OpenAPI description.</summary>
    private static void AssertEveryBodyValid(FakeDiscord fake)
    {
        var sent = fake.Requests.Items.Where(r => r.Body is not null).ToList();
        Assert.NotEmpty(sent);
        foreach (var request in sent)
        {
            var errors = OpenApi.Validate(request.Method, request.Path, request.Body!);
            Assert.True(errors.Count == 0, $"{request}: {string.Join("; ", errors)}");
        }

        // Every message, direct or inside an interaction callback, pings nobody.
        var messages = sent.Select(r => r.Json)
            .Select(j => j.ValueKind == JsonValueKind.Object && j.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? data : j)
            .Where(j => j.ValueKind == JsonValueKind.Object && j.TryGetProperty("content", out _))
            .ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Empty(m.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray()));
    }

    [Fact]
    public async Task RemindMe_ThroughDiscord_DirectMessageToThePersonAndNothingInTheChannel()
    {
        await using var host = await DiscordHost.StartAsync();
        var users = new DiscordUsers();
        await host.InteractAsync(users.Command(_organiser, "bind", ("target", "Room A")));
        var ana = Delegate(0, "Mexico");
        await host.InteractAsync(users.Command(ana, "register", ("delegation", "Mexico")));

        var set = await host.InteractAsync(users.Command(ana, "remind-me", ("what", "AG1 2m")));

        Assert.True(Ephemeral(set));
        Assert.Contains("I will remind you", Content(set), StringComparison.Ordinal);
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        // Ana's request to join Mexico went to the organiser by direct message; her reminder goes to her alone.
        await host.Fake.Requests.WaitOneAsync(r => r.Path == "/users/@me/channels" && r.Json.GetProperty("recipient_id").GetString() == ana.Id, "Ana's direct message channel");
        var sent = await host.Fake.Requests.WaitOneAsync(r => r.Path == $"/channels/dm-{ana.Id}/messages", "Ana's reminder");
        Assert.Contains("AG1", sent.Json.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Fake.Requests.Items, r => r.Path.StartsWith($"/channels/{DiscordUsers.Channel}/messages", StringComparison.Ordinal) && r.Json.ToString().Contains(ana.Name, StringComparison.Ordinal));
    }
}
