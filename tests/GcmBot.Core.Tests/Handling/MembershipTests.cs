using System.Text;
using GcmBot.Core.Domain;
using GcmBot.Core.Handling;
using GcmBot.Core.Import;
using GcmBot.Core.Replies;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Core.Tests.Handling;

/// <summary>Proven delegations: requests to join, their approval, and members approved in advance.</summary>
public sealed class MembershipTests : IAsyncLifetime
{
    private MeetingHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await MeetingHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Register_Uninvited_RequestWaitsPrivatelyAndApproversAreNotified()
    {
        await _harness.Delegate("ana", "Mexico");

        var reply = (await _harness.Expect("bruno", "register Mexico")).Reply;

        Assert.Equal(Visibility.Private, reply.Visibility);
        Assert.Contains("waiting for approval by Mexico's focal point (ana) or the organisers", reply.Text, StringComparison.Ordinal);
        var bruno = await Person("bruno");
        var mexico = await _harness.DelegationNamed("Mexico");
        Assert.Null(bruno.DelegationId);
        Assert.Equal(mexico.Id, bruno.RequestedDelegationId);
        var told = await _harness.Query(db => db.Notices.AsNoTracking().Where(n => n.Kind == NoticeKind.DelegationRequest && n.CreatedByParticipantId == bruno.Id)
            .Select(n => n.ParticipantId!.Value).ToListAsync());
        Assert.Equal(new[] { (await Person("ana")).Id, (await Person(MeetingHarness.Organiser)).Id }.Order(), told.Order());
    }

    [Fact]
    public async Task Pending_ActingForTheDelegation_RefusedWithWhoCanApprove()
    {
        await _harness.OpenAg1();
        await _harness.Expect("bruno", "register Mexico");

        foreach (var command in new[] { "speak", "withdraw", "reply", "point of order", "card Ports | Funds | IOM", "card withdraw 1", "invite Mexico" })
        {
            var refusal = await _harness.Refused("bruno", command);
            Assert.Contains("request to join Mexico is still waiting for approval by the organisers", refusal.Text, StringComparison.Ordinal);
        }

        Assert.Empty(await _harness.Query(db => db.SpeakerEntries.AsNoTracking().ToListAsync()));
        Assert.Contains((await _harness.Expect("bruno", "whoami")).Reply.Facts, f => f is { Label: "Request", Value: "to join Mexico, waiting for approval" });
    }

    [Fact]
    public async Task Approve_ByOrganiser_PersonSpeaksForTheDelegationAndIsTold()
    {
        await _harness.OpenAg1();
        await _harness.Expect("bruno", "register Mexico");

        var reply = (await _harness.Expect(MeetingHarness.Organiser, "approve Bruno")).Reply;

        Assert.Contains("bruno now speaks for Mexico (1 of 4 members)", reply.Text, StringComparison.Ordinal);
        var bruno = await Person("bruno");
        Assert.Equal((await _harness.DelegationNamed("Mexico")).Id, bruno.DelegationId);
        Assert.Null(bruno.RequestedDelegationId);
        var told = await _harness.Query(db => db.Notices.AsNoTracking().SingleAsync(n => n.Kind == NoticeKind.Personal && n.ParticipantId == bruno.Id));
        Assert.Contains("approved by org", told.Text, StringComparison.Ordinal);
        Assert.Contains("Mexico", (await _harness.Expect("bruno", "speak")).Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decline_ByFocalPoint_RequestEndsAndPersonIsTold()
    {
        await _harness.Delegate("ana", "Mexico");
        await _harness.Expect("bruno", "register Mexico");

        await _harness.Expect("ana", "decline bruno");

        var bruno = await Person("bruno");
        Assert.Null(bruno.DelegationId);
        Assert.Null(bruno.RequestedDelegationId);
        var told = await _harness.Query(db => db.Notices.AsNoTracking().SingleAsync(n => n.Kind == NoticeKind.Personal && n.ParticipantId == bruno.Id));
        Assert.Contains("declined by ana", told.Text, StringComparison.Ordinal);
        Assert.Contains("`register <delegation>`", (await _harness.Refused("bruno", "speak")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_FocalPoint_SeesAndAnswersOnlyItsOwnDelegation()
    {
        await _harness.Delegate("ana", "Mexico");
        await _harness.Delegate("carla", "Mexico");
        await _harness.Expect("bruno", "register Mexico");
        await _harness.Expect("diego", "register Chile");

        var mine = (await _harness.Expect("ana", "requests")).Reply;
        var all = (await _harness.Expect(MeetingHarness.Organiser, "requests")).Reply;

        Assert.Equal(["bruno — Mexico"], mine.Items.Select(i => i.Label));
        Assert.Equal(["bruno — Mexico", "diego — Chile"], all.Items.Select(i => i.Label));
        Assert.Contains("No request from `diego`", (await _harness.Refused("ana", "approve diego")).Text, StringComparison.Ordinal);
        Assert.Contains("Only organisers, and a delegation's focal point", (await _harness.Refused("carla", "approve bruno")).Text, StringComparison.Ordinal);
        await _harness.Expect("ana", $"approve {mine.Items[0].Position}");
        Assert.Null((await Person("diego")).DelegationId);
        Assert.NotNull((await Person("bruno")).DelegationId);
    }

    [Fact]
    public async Task MemberRemove_ByFocalPoint_PersonNoLongerSpeaksForItAndIsToldInTheirLanguage()
    {
        await _harness.OpenAg1();
        await _harness.Delegate("ana", "Mexico");
        await _harness.Delegate("bruno", "Mexico");
        await _harness.Expect("bruno", "language es");
        await _harness.Expect("bruno", "speak");

        var reply = (await _harness.Expect("ana", "member remove Bruno")).Reply;

        Assert.Equal(Visibility.Private, reply.Visibility);
        Assert.Contains("bruno no longer speaks for Mexico", reply.Text, StringComparison.Ordinal);
        var bruno = await Person("bruno");
        Assert.Null(bruno.DelegationId);
        var told = await _harness.Query(db => db.Notices.AsNoTracking().Where(n => n.Kind == NoticeKind.Personal && n.ParticipantId == bruno.Id)
            .OrderByDescending(n => n.Id).FirstAsync());
        Assert.Contains("ana le ha retirado de Mexico", told.Text, StringComparison.Ordinal);
        await _harness.Refused("bruno", "speak");
        var mexico = await _harness.DelegationNamed("Mexico");
        Assert.Single(await _harness.Query(db => db.SpeakerEntries.AsNoTracking().Where(e => e.DelegationId == mexico.Id).ToListAsync()));
    }

    [Fact]
    public async Task MemberRemove_LastMemberOrByAnOrdinaryMember_RefusedAndNothingChanges()
    {
        await _harness.Delegate("ana", "Mexico");
        await _harness.Delegate("bruno", "Mexico");

        Assert.Contains("Only organisers, and a delegation's focal point", (await _harness.Refused("bruno", "member remove ana")).Text, StringComparison.Ordinal);
        await _harness.Expect("ana", "member remove bruno");
        Assert.Contains("Mexico has only this member", (await _harness.Refused("ana", "member remove ana")).Text, StringComparison.Ordinal);

        Assert.NotNull((await Person("ana")).DelegationId);
        await _harness.Expect(MeetingHarness.Organiser, "member remove ana");
        Assert.Null((await Person("ana")).DelegationId);
    }

    [Fact]
    public async Task MemberRemove_AmbiguousName_RefusedWithTheNumbersToUse()
    {
        await _harness.Handle(new Inbound(MeetingHarness.Channel, MeetingHarness.RoomA, "ana-web", "Ana") { Text = "register Mexico" });
        await _harness.Handle(new Inbound("discord", "dm", "ana-discord", "Ana") { Text = "register Chile" });
        await _harness.Expect(MeetingHarness.Organiser, $"approve {(await Person("ana-web")).Id}");
        await _harness.Expect(MeetingHarness.Organiser, $"approve {(await Person("ana-discord")).Id}");

        var refusal = await _harness.Refused(MeetingHarness.Organiser, "member remove ana");

        var web = await Person("ana-web");
        var discord = await Person("ana-discord");
        Assert.Contains($"`member remove {web.Id}` (Ana, web)", refusal.Text, StringComparison.Ordinal);
        Assert.Contains($"`member remove {discord.Id}` (Ana, discord)", refusal.Text, StringComparison.Ordinal);
        Assert.NotNull(web.DelegationId);
        Assert.NotNull(discord.DelegationId);
    }

    [Fact]
    public async Task Approve_AmbiguousName_RefusedWithTheNumbersToUse()
    {
        await _harness.Handle(new Inbound(MeetingHarness.Channel, MeetingHarness.RoomA, "ana-web", "Ana") { Text = "register Mexico" });
        await _harness.Handle(new Inbound("discord", "dm", "ana-discord", "Ana") { Text = "register Chile" });

        var refusal = await _harness.Refused(MeetingHarness.Organiser, "approve ana");

        var web = await Person("ana-web");
        var discord = await Person("ana-discord");
        Assert.Contains($"`approve {web.Id}` (Ana, web)", refusal.Text, StringComparison.Ordinal);
        Assert.Contains($"`approve {discord.Id}` (Ana, discord)", refusal.Text, StringComparison.Ordinal);
        Assert.Null((await Person("ana-web")).DelegationId);
        Assert.Null((await Person("ana-discord")).DelegationId);
    }

    [Fact]
    public async Task ChileDelegate_RegistersPortugal_CannotWithdrawPortugalsRequest()
    {
        await _harness.OpenAg1();
        await _harness.Delegate("pt", "Portugal");
        await _harness.Delegate("cl", "Chile");
        await _harness.Expect("pt", "speak");

        await _harness.Expect("cl", "register Portugal");
        var withdrawn = await _harness.Run("cl", "withdraw");

        Assert.DoesNotContain("Portugal", withdrawn.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("Chile", withdrawn.Reply.Text, StringComparison.Ordinal);
        var portugal = await _harness.DelegationNamed("Portugal");
        Assert.Equal(EntryStatus.Waiting, (await _harness.Query(db => db.SpeakerEntries.AsNoTracking().SingleAsync(e => e.DelegationId == portugal.Id))).Status);
    }

    [Fact]
    public async Task Requests_FourStrangers_DoNotTakeTheDelegationsPlaces()
    {
        for (var i = 1; i <= 4; i++)
        {
            await _harness.Expect($"stranger{i}", "register Ecuador");
        }

        await _harness.Delegate("real", "Ecuador");
        for (var i = 2; i <= 4; i++)
        {
            await _harness.Delegate($"colleague{i}", "Ecuador");
        }

        var full = await _harness.Refused(MeetingHarness.Organiser, "approve stranger1");

        Assert.Contains("Ecuador already has 4 members", full.Text, StringComparison.Ordinal);
        var ecuador = await _harness.DelegationNamed("Ecuador");
        Assert.Equal(4, await _harness.Query(db => db.Participants.CountAsync(p => p.DelegationId == ecuador.Id)));
        Assert.Equal(ecuador.Id, (await Person("stranger1")).RequestedDelegationId);
    }

    [Fact]
    public async Task FocalPoint_IsTheFirstApprovedMemberNotTheFirstToAsk()
    {
        await _harness.Expect("early", "register Mexico");
        await _harness.Delegate("approved", "Mexico");
        _harness.Time.Advance(TimeSpan.FromMinutes(5));
        await _harness.Expect(MeetingHarness.Organiser, "approve early");

        await _harness.Expect("approved", "invite Mexico");
        var refusal = await _harness.Refused("early", "invite Mexico");

        Assert.Contains("Only organisers, and a delegation's focal point for its own members", refusal.Text, StringComparison.Ordinal);
        Assert.Equal((await Person("approved")).Id, (await _harness.DelegationNamed("Mexico")).FocalPointId);
    }

    [Fact]
    public async Task FocalPoint_HandedOnByTheFocalPoint_NewOneIsToldInTheirLanguageAndGetsTheRequests()
    {
        await _harness.Delegate("ana", "Mexico");
        await _harness.Delegate("bruno", "Mexico");
        await _harness.Expect("bruno", "language fr");

        var reply = (await _harness.Expect("ana", "focal point Bruno")).Reply;

        Assert.Equal(Visibility.Private, reply.Visibility);
        Assert.Contains("bruno is now Mexico's focal point", reply.Text, StringComparison.Ordinal);
        var bruno = await Person("bruno");
        Assert.Equal(bruno.Id, (await _harness.DelegationNamed("Mexico")).FocalPointId);
        Assert.Contains("vous a désigné(e) comme point focal de Mexico", (await LastPersonalNotice(bruno.Id)).Text, StringComparison.Ordinal);
        Assert.Contains("délégué, point focal de Mexico", (await _harness.Expect("bruno", "whoami")).Reply.Facts.Single(f => f.Label == "Rôles").Value, StringComparison.Ordinal);
        Assert.Equal("delegate", (await _harness.Expect("ana", "whoami")).Reply.Facts.Single(f => f.Label == "Roles").Value);

        await _harness.Expect("carla", "register Mexico");
        var carla = await Person("carla");
        var told = await _harness.Query(db => db.Notices.AsNoTracking().Where(n => n.Kind == NoticeKind.DelegationRequest && n.CreatedByParticipantId == carla.Id)
            .Select(n => n.ParticipantId!.Value).ToListAsync());
        Assert.Equal(new[] { bruno.Id, (await Person(MeetingHarness.Organiser)).Id }.Order(), told.Order());
        Assert.Contains("Mexico's focal point (bruno)", (await _harness.Expect("carla", "register Mexico")).Reply.Text, StringComparison.Ordinal);
        Assert.Contains("Only organisers, and a delegation's focal point", (await _harness.Refused("ana", "approve carla")).Text, StringComparison.Ordinal);
        await _harness.Expect("bruno", "approve carla");
    }

    [Fact]
    public async Task FocalPoint_SetByAnOrganiser_OldAndNewFocalPointsAreToldPrivately()
    {
        await _harness.Delegate("ana", "Mexico");
        await _harness.Delegate("bruno", "Mexico");
        await _harness.Expect("ana", "language es");

        var reply = (await _harness.Expect(MeetingHarness.Organiser, "focal point bruno")).Reply;

        Assert.Contains("bruno is now Mexico's focal point", reply.Text, StringComparison.Ordinal);
        var ana = await Person("ana");
        var bruno = await Person("bruno");
        Assert.Equal(bruno.Id, (await _harness.DelegationNamed("Mexico")).FocalPointId);
        Assert.Contains("org has made you Mexico's focal point", (await LastPersonalNotice(bruno.Id)).Text, StringComparison.Ordinal);
        var anaTold = (await LastPersonalNotice(ana.Id)).Text;
        Assert.True(anaTold?.Contains("org ha designado a bruno punto focal de Mexico en su lugar", StringComparison.Ordinal), anaTold);
        Assert.Equal(ana.DelegationId, bruno.DelegationId);
        Assert.Contains("bruno is already Mexico's focal point", (await _harness.Expect(MeetingHarness.Organiser, "focal point bruno")).Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FocalPoint_AnyoneElseOrAPersonOutsideTheDelegation_RefusedAndNothingChanges()
    {
        await _harness.Delegate("ana", "Mexico");
        await _harness.Delegate("bruno", "Mexico");
        await _harness.Delegate("chloe", "Chile");
        await _harness.Expect("dora", "whoami");

        Assert.Contains("Only organisers, and a delegation's focal point for its own delegation, choose its focal point", (await _harness.Refused("bruno", "focal point bruno")).Text, StringComparison.Ordinal);
        Assert.Contains("`chloe` is not a member of Mexico", (await _harness.Refused("ana", "focal point chloe")).Text, StringComparison.Ordinal);
        Assert.Contains("`dora` is not a member of Mexico", (await _harness.Refused("ana", "focal point dora")).Text, StringComparison.Ordinal);
        Assert.Contains("No member of a delegation is called `dora`", (await _harness.Refused(MeetingHarness.Organiser, "focal point dora")).Text, StringComparison.Ordinal);
        await _harness.Refused("dora", "focal point ana");

        Assert.Equal((await Person("ana")).Id, (await _harness.DelegationNamed("Mexico")).FocalPointId);
        Assert.Equal((await Person("chloe")).Id, (await _harness.DelegationNamed("Chile")).FocalPointId);
        Assert.Empty(await _harness.Query(db => db.Notices.AsNoTracking().Where(n => n.Kind == NoticeKind.Personal && n.Text!.Contains("focal")).ToListAsync()));
    }

    [Fact]
    public async Task FocalPoint_AmbiguousName_RefusedWithTheNumbersToUse()
    {
        await _harness.Handle(new Inbound(MeetingHarness.Channel, MeetingHarness.RoomA, "ana-web", "Ana") { Text = "register Mexico" });
        await _harness.Handle(new Inbound("discord", "dm", "ana-discord", "Ana") { Text = "register Chile" });
        await _harness.Expect(MeetingHarness.Organiser, $"approve {(await Person("ana-web")).Id}");
        await _harness.Expect(MeetingHarness.Organiser, $"approve {(await Person("ana-discord")).Id}");
        await _harness.Delegate("bruno", "Mexico");

        var refusal = await _harness.Refused(MeetingHarness.Organiser, "focal point ana");

        var web = await Person("ana-web");
        Assert.Contains($"`focal point {web.Id}` (Ana, web)", refusal.Text, StringComparison.Ordinal);
        Assert.Contains($"`focal point {(await Person("ana-discord")).Id}` (Ana, discord)", refusal.Text, StringComparison.Ordinal);
        Assert.Equal(web.Id, (await _harness.DelegationNamed("Mexico")).FocalPointId);
        await _harness.Expect(MeetingHarness.Organiser, $"focal point {(await Person("bruno")).Id}");
        Assert.Equal((await Person("bruno")).Id, (await _harness.DelegationNamed("Mexico")).FocalPointId);
    }

    [Fact]
    public async Task MemberRemove_TheFocalPoint_TheNextMemberInTheOrderTheyJoinedBecomesItAndIsTold()
    {
        await _harness.Expect("bruno", "whoami");
        await _harness.Delegate("ana", "Mexico");
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        await _harness.Delegate("carla", "Mexico");
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        await _harness.Delegate("bruno", "Mexico");

        await _harness.Expect(MeetingHarness.Organiser, "member remove ana");

        var carla = await Person("carla");
        Assert.True(carla.Id > (await Person("bruno")).Id, "bruno was seen first, so only the order of joining puts carla first");
        Assert.Equal(carla.Id, (await _harness.DelegationNamed("Mexico")).FocalPointId);
        Assert.Contains("ana is no longer a member of Mexico: you are now its focal point", (await LastPersonalNotice(carla.Id)).Text, StringComparison.Ordinal);

        // A focal point may remove itself while others remain: the role goes on again.
        await _harness.Expect("carla", "member remove carla");

        Assert.Null((await Person("carla")).DelegationId);
        Assert.Equal((await Person("bruno")).Id, (await _harness.DelegationNamed("Mexico")).FocalPointId);
        Assert.Contains("focal point of Mexico", (await _harness.Expect("bruno", "whoami")).Reply.Facts.Single(f => f.Label == "Roles").Value, StringComparison.Ordinal);
        await _harness.Expect(MeetingHarness.Organiser, "member remove bruno");
        Assert.Null((await _harness.DelegationNamed("Mexico")).FocalPointId);
        await _harness.Delegate("dora", "Mexico");
        Assert.Equal((await Person("dora")).Id, (await _harness.DelegationNamed("Mexico")).FocalPointId);
    }

    [Fact]
    public async Task Approve_TheFocalPointOfAnotherDelegation_ItsOldDelegationGoesToItsNextMember()
    {
        await _harness.Delegate("ana", "Chile");
        await _harness.Delegate("bruno", "Chile");
        await _harness.Expect("ana", "register Portugal");

        await _harness.Expect(MeetingHarness.Organiser, "approve ana");

        var ana = await Person("ana");
        Assert.Equal(ana.Id, (await _harness.DelegationNamed("Portugal")).FocalPointId);
        Assert.Equal((await Person("bruno")).Id, (await _harness.DelegationNamed("Chile")).FocalPointId);
    }

    [Fact]
    public async Task Register_ApprovedInAdvanceByTeamsDirectoryId_JoinsAtOnce()
    {
        var mexico = await _harness.DelegationNamed("Mexico");
        await _harness.Execute((d, _) =>
        {
            d.Add(new ApprovedMember { DelegationId = mexico.Id, Channel = "teams", ExternalId = "aad-ana" });
            return Task.FromResult(0);
        });

        var listed = await _harness.Handle(new Inbound("teams", "personal", "29:ana", "Ana") { Text = "register Mexico", DirectoryId = "aad-ana" });
        var elsewhere = await _harness.Handle(new Inbound("discord", "dm", "aad-ana", "Impostor") { Text = "register Mexico" });

        Assert.Equal("Mexico", listed!.Author!.Delegation);
        Assert.Contains("You are registered with Mexico", listed.Reply.Text, StringComparison.Ordinal);
        Assert.Equal("Request sent", elsewhere!.Reply.Title);
        Assert.Null(elsewhere.Author!.Delegation);
    }

    [Fact]
    public async Task MeetingFile_Members_StoredAsApprovedMembers()
    {
        var file = await Read("""{"name":"Mexico","category":"memberState","members":["discord:112233","Teams: aad-1"]}""");
        var meetingId = await _harness.Execute((d, ct) => MeetingLoader.StoreAsync(d, file, MeetingHarness.Start, ct));

        var stored = await _harness.Query(db => db.ApprovedMembers.AsNoTracking()
            .Join(db.Delegations.Where(d => d.MeetingId == meetingId), a => a.DelegationId, d => d.Id, (a, d) => a.Channel + ":" + a.ExternalId).ToListAsync());

        Assert.Equal(["discord:112233", "teams:aad-1"], stored.Order());
    }

    [Theory]
    [InlineData("slack:U123")]
    [InlineData("discord:")]
    public async Task MeetingFile_MemberNotChannelAndId_Refused(string member)
    {
        var refusal = await Assert.ThrowsAsync<FormatException>(() => Read($$"""{"name":"Mexico","category":"memberState","members":["{{member}}"]}"""));

        Assert.Contains($"Delegation Mexico: member '{member}' is neither channel:id", refusal.Message, StringComparison.Ordinal);
    }

    private static Task<MeetingFile> Read(string delegation)
    {
        var json = $$"""
            {"title":"T","venue":"V","timeZone":"America/Mexico_City",
             "sessions":[{"code":"P1","title":"Plenary","kind":"ceremony","date":"2017-12-04","start":"10:00","end":"11:00","room":"Plenary hall"}],
             "delegations":[{{delegation}}]}
            """;
        return MeetingLoader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), CancellationToken.None);
    }

    private Task<Notice> LastPersonalNotice(int participantId) =>
        _harness.Query(db => db.Notices.AsNoTracking().Where(n => n.Kind == NoticeKind.Personal && n.ParticipantId == participantId).OrderByDescending(n => n.Id).FirstAsync());

    private Task<Participant> Person(string user) =>
        _harness.Query(db => db.Participants.AsNoTracking().SingleAsync(p => p.ExternalId == user));
}
