using GcmBot.Core.Domain;
using GcmBot.Core.Handling;
using GcmBot.Core.Replies;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Core.Tests.Handling;

public sealed class MeetingCommandTests : IAsyncLifetime
{
    private MeetingHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await MeetingHarness.StartAsync();

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    [Fact]
    public async Task Register_FifthMember_RefusedAndNotRegistered()
    {
        for (var i = 1; i <= 4; i++)
        {
            await _harness.Delegate($"mex{i}", "Mexico");
        }

        var refusal = await _harness.Refused("mex5", "register MEX");

        Assert.Contains("already has 4 registered members", refusal.Text, StringComparison.Ordinal);
        var mexico = await _harness.DelegationNamed("Mexico");
        Assert.Equal(4, await _harness.Query(db => db.Participants.CountAsync(p => p.DelegationId == mexico.Id)));
        Assert.Contains("not registered", (await _harness.Expect("mex5", "whoami")).Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_SameDelegationAgain_PoliteNoOp()
    {
        await _harness.Delegate("mex", "Mexico");

        var again = await _harness.Expect("mex", "register Mexico");

        Assert.Contains("already registered with Mexico", again.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_AmbiguousName_RefusedWithSuggestions()
    {
        var refusal = await _harness.Refused("someone", "register United");

        Assert.Contains("I can't find the delegation `United`", refusal.Text, StringComparison.Ordinal);
        Assert.Contains("Did you mean", refusal.Text, StringComparison.Ordinal);
        Assert.Contains("`United Arab Emirates`", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_MisspeltDelegation_RefusedWithSuggestion()
    {
        var refusal = await _harness.Refused("someone", "register Mexcio");

        Assert.Contains("I can't find the delegation `Mexcio`", refusal.Text, StringComparison.Ordinal);
        Assert.Contains("Did you mean `Mexico`?", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_UnknownWithCategoryByDelegate_RefusedAndNotCreated()
    {
        var refusal = await _harness.Refused("someone", "register Atlantis Forum as stakeholder");

        Assert.Contains("secretariat registers new delegations", refusal.Text, StringComparison.Ordinal);
        Assert.False(await _harness.Query(db => db.Delegations.AnyAsync(d => d.Name == "Atlantis Forum")));
    }

    [Fact]
    public async Task Register_ExistingWithCategoryKeywordByOrganiser_Registered()
    {
        var result = await _harness.Expect(MeetingHarness.Organiser, "register Migrant Forum in Asia as stakeholder");

        Assert.Contains("Migrant Forum in Asia (Non-governmental stakeholder)", result.Reply.Text, StringComparison.Ordinal);
        Assert.Equal("Migrant Forum in Asia", result.Author!.Delegation);
    }

    [Fact]
    public async Task DelegationAdd_ByOrganiser_NewDelegationMembersCanRegister()
    {
        await _harness.Expect(MeetingHarness.Organiser, "delegation add Atlantis Forum as stakeholder");
        await _harness.Refused(MeetingHarness.Organiser, "delegation add atlantis forum as stakeholder");

        await _harness.Delegate("atl", "Atlantis Forum");

        Assert.Equal(DelegationCategory.Stakeholder, (await _harness.DelegationNamed("Atlantis Forum")).Category);
    }

    [Fact]
    public async Task WhoAmI_BeforeAndAfterRegistering_ShowsDelegationAndRoles()
    {
        var before = await _harness.Expect("ana", "whoami");
        Assert.Contains(before.Reply.Facts, f => f is { Label: "Delegation", Value: "none" });
        Assert.Contains(before.Reply.Facts, f => f is { Label: "Roles", Value: "participant" });

        await _harness.Delegate("ana", "Mexico");
        var after = await _harness.Expect("ana", "whoami");

        Assert.Equal("You speak for Mexico.", after.Reply.Text);
        Assert.Equal("ana", after.Reply.Title);
        Assert.Contains(after.Reply.Facts, f => f is { Label: "Delegation", Value: "Mexico (Member State)" });
        Assert.Contains(after.Reply.Facts, f => f is { Label: "Roles", Value: "delegate, focal point of Mexico" });
        Assert.Equal(Visibility.Private, after.Reply.Visibility);
    }

    [Theory]
    [InlineData("agenda")]
    [InlineData("agenda now")]
    [InlineData("agenda next")]
    [InlineData("agenda day 2")]
    [InlineData("agenda AG1")]
    public async Task Agenda_AnyForm_AnsweredToTheAskerOnly(string text)
    {
        var agenda = await _harness.Expect("mex", text);

        Assert.Equal(Visibility.Private, agenda.Reply.Visibility);
        Assert.Empty(agenda.Announcements);
    }

    [Fact]
    public async Task AgendaNow_DuringActionGroups_ListsTheThreeParallelGroups()
    {
        var result = await _harness.Expect("ana", "agenda now");

        Assert.Equal("Now (10:50)", result.Reply.Title);
        Assert.Equal(3, result.Reply.Items.Count);
        Assert.All(result.Reply.Items, i => Assert.StartsWith("10:45–13:00", i.Label, StringComparison.Ordinal));
        Assert.Equal(["AG1 · Room A", "AG2 · Room B", "AG3 · Room C"], result.Reply.Items.Select(i => i.Detail[..12]));
    }

    [Fact]
    public async Task AgendaNext_DuringActionGroups_ListsAfternoonGroupsAt1530()
    {
        var result = await _harness.Expect("ana", "agenda next");

        Assert.Equal("Next, at Tue 5 Dec 15:30", result.Reply.Title);
        Assert.Equal(["AG4 · Room A", "AG5 · Room B", "AG6 · Room C"], result.Reply.Items.Select(i => i.Detail[..12]));
        Assert.All(result.Reply.Items, i => Assert.StartsWith("15:30–18:00", i.Label, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("agenda today")]
    [InlineData("agenda day 2")]
    public async Task Agenda_Day2_AllNineSessionsOfTheDayInOrder(string text)
    {
        var result = await _harness.Expect("ana", text);

        Assert.Equal(9, result.Reply.Items.Count);
        Assert.StartsWith("10:00–10:15", result.Reply.Items[0].Label, StringComparison.Ordinal);
        Assert.StartsWith("15:30–18:00", result.Reply.Items[^1].Label, StringComparison.Ordinal);
        Assert.Contains("5 December 2017", result.Reply.Title!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgendaTomorrow_Day2_ListsDay3()
    {
        var result = await _harness.Expect("ana", "agenda tomorrow");

        Assert.Contains("6 December 2017", result.Reply.Title!, StringComparison.Ordinal);
        Assert.Contains(result.Reply.Items, i => i.Detail.StartsWith("D3-REPORT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AgendaSessionCode_Ag1_ShowsDetails()
    {
        var result = await _harness.Expect("ana", "agenda AG1");

        Assert.StartsWith("AG1 — ", result.Reply.Title, StringComparison.Ordinal);
        Assert.Contains(result.Reply.Facts, f => f is { Label: "Room", Value: "Room A" });
        Assert.Contains(result.Reply.Facts, f => f is { Label: "When", Value: "Day 2, Tue 5 Dec 10:45–13:00" });
        Assert.Contains(result.Reply.Facts, f => f is { Label: "Status", Value: "scheduled" });
        Assert.Contains(result.Reply.Facts, f => f.Label == "Moderator" && f.Value.Contains("Marit Maij", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Agenda_NoSuchDay_Refused()
    {
        var refusal = await _harness.Refused("ana", "agenda day 9");

        Assert.Contains("the meeting has 3 days", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Delegate_OnlyCommandsTheyMayUse()
    {
        await _harness.Delegate("mex", "Mexico");

        var help = (await _harness.Expect("mex", "help")).Reply.Text;

        Assert.Contains("`speak` —", help, StringComparison.Ordinal);
        Assert.Contains("`card [<card>]` —", help, StringComparison.Ordinal);
        Assert.DoesNotContain("broadcast", help, StringComparison.Ordinal);
        Assert.DoesNotContain("`next`", help, StringComparison.Ordinal);
        Assert.DoesNotContain("cards export", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ModeratorAndOrganiser_SeeTheirCommands()
    {
        await _harness.Moderator("mod", "AG1");

        var moderator = (await _harness.Expect("mod", "help")).Reply.Text;
        var organiser = (await _harness.Expect(MeetingHarness.Organiser, "help")).Reply.Text;

        Assert.Contains("`next` —", moderator, StringComparison.Ordinal);
        Assert.Contains("`cards export` —", moderator, StringComparison.Ordinal);
        Assert.DoesNotContain("broadcast", moderator, StringComparison.Ordinal);
        Assert.Contains("`broadcast <text>` —", organiser, StringComparison.Ordinal);
        Assert.Contains("`speak` —", organiser, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_OneCommand_UsageAndWho()
    {
        var result = await _harness.Expect("ana", "help list move");

        Assert.Equal("list move <delegation> <position>", result.Reply.Title);
        Assert.Contains(result.Reply.Facts, f => f is { Label: "Who", Value: "the session's moderator, organisers" });
    }

    [Fact]
    public async Task Help_TypedInFrench_NamesTheCommandsInFrench()
    {
        await _harness.Delegate("mex", "Mexico");

        var help = (await _harness.Expect("mex", "aide")).Reply.Text;

        Assert.Contains("`prendre la parole` — Demander la parole", help, StringComparison.Ordinal);
        Assert.Contains("`fiche [<fiche>]` —", help, StringComparison.Ordinal);
        Assert.DoesNotContain("`speak`", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_OneCommandNamedInSpanish_UsageInSpanish()
    {
        var result = await _harness.Expect("ana", "ayuda mover orador");

        Assert.Equal("mover orador <delegación> <lugar>", result.Reply.Title);
        Assert.Contains(result.Reply.Facts, f => f is { Label: "<lugar>", Value: "su nuevo lugar, 1 = el siguiente" });
        Assert.Contains(result.Reply.Facts, f => f is { Label: "Ejemplo", Value: "mover orador Mexico 1" });
    }

    [Fact]
    public async Task Help_EnglishHelpForALocalisedName_ExplainsItInEnglish()
    {
        var result = await _harness.Expect("ana", "help hablar");

        Assert.Equal("speak", result.Reply.Title);
    }

    [Fact]
    public async Task Broadcast_Organiser_AnnouncementToEveryChannel()
    {
        var result = await _harness.Expect(MeetingHarness.Organiser, "broadcast Action groups start at 10:45 sharp.");

        var announcement = Assert.Single(result.Announcements);
        Assert.Null(announcement.SessionId);
        Assert.Equal("Action groups start at 10:45 sharp.", announcement.Message.Text);
    }

    [Fact]
    public async Task Broadcast_TooLong_Refused()
    {
        var refusal = await _harness.Refused(MeetingHarness.Organiser, "broadcast " + new string('a', 1501));

        Assert.Contains("limited to 1500 characters", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_RedeliveredEvent_NullAndNoEffect()
    {
        await _harness.Delegate("mex", "Mexico");
        var inbound = new Inbound(MeetingHarness.Channel, MeetingHarness.RoomA, "mex", "mex") { Text = "card Once only", EventId = _harness.NextEventId() };

        var first = await _harness.Handle(inbound);
        var second = await _harness.Handle(inbound);

        Assert.NotNull(first);
        Assert.False(first.Reply.IsError, first.Reply.Text);
        Assert.Null(second);
        Assert.Equal(1, await _harness.Query(db => db.Cards.CountAsync()));
        Assert.NotNull(await _harness.Handle(inbound with { EventId = _harness.NextEventId() }));
        Assert.Equal(2, await _harness.Query(db => db.Cards.CountAsync()));
    }

    [Fact]
    public async Task HandleAsync_RefusedCommand_RollsBackEverything()
    {
        await _harness.Delegate("mex", "Mexico");

        // A new participant is flushed inside the transaction before the refusal; the rename is tracked too.
        await _harness.Refused("ghost", "speak");
        var refused = await _harness.Handle(new Inbound(MeetingHarness.Channel, MeetingHarness.RoomA, "mex", "Renamed") { Text = "speak", EventId = "evt-refused" });

        Assert.True(refused!.Reply.IsError);
        Assert.False(await _harness.Query(db => db.Participants.AnyAsync(p => p.ExternalId == "ghost")));
        Assert.Equal("mex", await _harness.Query(db => db.Participants.Where(p => p.ExternalId == "mex").Select(p => p.DisplayName).SingleAsync()));
        Assert.False(await _harness.Query(db => db.ProcessedEvents.AnyAsync(e => e.EventId == "evt-refused")));
    }

    [Fact]
    public async Task HandleAsync_UnknownCommand_PoliteErrorWithSuggestion()
    {
        var reply = await _harness.Refused("ana", "spek");

        Assert.Contains("Did you mean `speak`?", reply.Text, StringComparison.Ordinal);
        Assert.Equal(Visibility.Private, reply.Visibility);
    }

    [Fact]
    public async Task Unbind_BoundChannel_SessionNoLongerFollowed()
    {
        await _harness.Expect(MeetingHarness.Organiser, "unbind");

        var refusal = await _harness.Refused("ana", "queue");

        Assert.Contains("not bound to a session", refusal.Text, StringComparison.Ordinal);
        await _harness.Refused(MeetingHarness.Organiser, "unbind");
    }

    [Fact]
    public async Task Assign_UnknownUser_RefusedWithHint()
    {
        var refusal = await _harness.Refused(MeetingHarness.Organiser, "assign moderator Ana Lopez AG1");

        Assert.Contains("I don't know `Ana Lopez`", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assign_MultiWordDisplayName_Assigned()
    {
        await _harness.Expect("Ana Lopez", "whoami");

        var result = await _harness.Expect(MeetingHarness.Organiser, "assign moderator Ana Lopez AG1");

        Assert.Contains("Ana Lopez is now moderator of AG1", result.Reply.Text, StringComparison.Ordinal);
        await _harness.Expect("Ana Lopez", "session open");
    }
}
