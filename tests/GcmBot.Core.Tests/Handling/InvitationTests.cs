using GcmBot.Core.Domain;
using GcmBot.Core.Invitations;
using GcmBot.Core.Replies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GcmBot.Core.Tests.Handling;

public sealed class InvitationTests : IAsyncLifetime
{
    private MeetingHarness _harness = null!;
    private InvitationService _invitations = null!;
    private int _people;

    public async Task InitializeAsync()
    {
        _harness = await MeetingHarness.StartAsync();
        _invitations = new InvitationService(_harness.Store, _harness.Time, Options.Create(new InvitationRules()));
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Invite_Organiser_PrivateLinkWhoseTokenIsStoredOnlyAsHash()
    {
        var reply = (await _harness.Expect(MeetingHarness.Organiser, "invite Mexico")).Reply;

        Assert.Equal(Visibility.Private, reply.Visibility);
        var token = TokenOf(reply);
        var stored = await _harness.Query(db => db.Invitations.AsNoTracking().SingleAsync());
        Assert.Equal(TokenHash.Of(token), stored.TokenHash);
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(1, stored.MaxUses);
    }

    [Fact]
    public async Task Redeem_ValidLink_SignsInWithTheDelegationAndRole()
    {
        var token = await Invite(MeetingHarness.Organiser, "invite Mexico");

        var (user, joined) = await Redeem(token);

        Assert.Null(joined.Error);
        Assert.Equal("Mexico", joined.Delegation);
        Assert.Contains("You speak for Mexico", (await _harness.Expect(user, "whoami")).Reply.Text, StringComparison.Ordinal);
        await _harness.Expect(user, "card Ports for all | Funding | IOM");
    }

    [Fact]
    public async Task Redeem_UsedSingleUseLink_RefusedAndNobodyAdded()
    {
        var token = await Invite(MeetingHarness.Organiser, "invite Mexico");
        await Redeem(token);
        var before = await Participants();

        var (_, again) = await Redeem(token);

        Assert.Contains("already been used", again.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Participants());
    }

    [Fact]
    public async Task Redeem_LinkForThree_ThreePeopleThenRefused()
    {
        var token = await Invite(MeetingHarness.Organiser, "invite Mexico for 3");

        for (var i = 0; i < 3; i++)
        {
            Assert.Null((await Redeem(token)).Joined.Error);
        }

        Assert.Contains("already been used", (await Redeem(token)).Joined.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redeem_AfterTheLifetime_RefusedAsExpired()
    {
        var early = await Invite(MeetingHarness.Organiser, "invite Mexico");
        var late = await Invite(MeetingHarness.Organiser, "invite Chile");

        _harness.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Null((await Redeem(early)).Joined.Error);
        _harness.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Contains("expired", (await Redeem(late)).Joined.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_ThenRedeem_RefusedAndListedAsRevoked()
    {
        var token = await Invite(MeetingHarness.Organiser, "invite as moderator");
        var id = await _harness.Query(db => db.Invitations.AsNoTracking().Select(i => i.Id).SingleAsync());

        await _harness.Expect(MeetingHarness.Organiser, $"invite revoke {id}");

        Assert.Contains("withdrawn", (await Redeem(token)).Joined.Error, StringComparison.Ordinal);
        var list = (await _harness.Expect(MeetingHarness.Organiser, "invites")).Reply;
        Assert.Contains(list.Items, i => i.Position == id && i.Detail.StartsWith("revoked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invites_SingleAndSeveralUses_StatusSaidOnceAndPlacesOnlyWhenThereAreSeveral()
    {
        await Redeem(await Invite(MeetingHarness.Organiser, "invite as moderator"));
        await Invite(MeetingHarness.Organiser, "invite as rapporteur for 3");

        var details = (await _harness.Expect(MeetingHarness.Organiser, "invites")).Reply.Items.Select(i => i.Detail).ToList();

        Assert.Contains("used", details);
        Assert.Contains(details, d => d.StartsWith("open until ", StringComparison.Ordinal) && d.EndsWith(" · used 0 of 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invite_RoleWithoutDelegation_SignsInWithThatRoleOnly()
    {
        var token = await Invite(MeetingHarness.Organiser, "invite as moderator");

        var (user, joined) = await Redeem(token);

        Assert.Equal(Roles.Moderator, joined.Role);
        Assert.Null(joined.Delegation);
        await _harness.Expect(user, "session open AG1");
    }

    [Fact]
    public async Task Invite_DelegateWithoutDelegation_Refused()
    {
        var refusal = await _harness.Refused(MeetingHarness.Organiser, "invite");

        Assert.Contains("names the delegation", refusal.Text, StringComparison.Ordinal);
        Assert.Equal(0, await _harness.Query(db => db.Invitations.CountAsync()));
    }

    [Fact]
    public async Task Invite_BeyondTheFourPlaces_Refused()
    {
        await _harness.Delegate("mex1", "Mexico");
        await _harness.Delegate("mex2", "Mexico");

        var tooMany = await _harness.Refused(MeetingHarness.Organiser, "invite Mexico for 3");
        await Invite(MeetingHarness.Organiser, "invite Mexico");
        await Invite("mex1", "invite Mexico");
        var full = await _harness.Refused(MeetingHarness.Organiser, "invite Mexico");

        Assert.Contains("at most 2 more", tooMany.Text, StringComparison.Ordinal);
        Assert.Contains("nobody more can be invited", full.Text, StringComparison.Ordinal);
        Assert.Equal(2, await _harness.Query(db => db.Invitations.CountAsync()));
    }

    [Fact]
    public async Task Invite_FocalPoint_OwnDelegatesOnly()
    {
        await _harness.Delegate("mex1", "Mexico");
        await _harness.Delegate("mex2", "Mexico");

        var token = await Invite("mex1", "invite");
        var second = await _harness.Refused("mex2", "invite Mexico");
        var other = await _harness.Refused("mex1", "invite Chile");
        var role = await _harness.Refused("mex1", "invite as organiser");

        Assert.Equal("Mexico", (await Redeem(token)).Joined.Delegation);
        Assert.Contains("focal point", second.Text, StringComparison.Ordinal);
        Assert.Contains("delegates of Mexico only", other.Text, StringComparison.Ordinal);
        Assert.Contains("delegates of Mexico only", role.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redeem_FirstMemberOfTheDelegation_IsItsFocalPointAndInvitesTheNext()
    {
        var (first, _) = await Redeem(await Invite(MeetingHarness.Organiser, "invite Mexico"));

        var (second, joined) = await Redeem(await Invite(first, "invite"));

        Assert.Equal("Mexico", joined.Delegation);
        Assert.Contains((await _harness.Expect(first, "whoami")).Reply.Facts, f => f.Value.Contains("focal point of Mexico", StringComparison.Ordinal));
        Assert.Contains("focal point", (await _harness.Refused(second, "invite")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redeem_SpanishBrowser_TheChannelLanguageIsStoredForWhatComesLater()
    {
        var token = await Invite(MeetingHarness.Organiser, "invite Mexico");

        await _invitations.RedeemAsync(token, MeetingHarness.Channel, "guest-es", "Ana", "es-MX", CancellationToken.None);

        Assert.Equal("es", await _harness.Query(db => db.Participants.AsNoTracking().Where(p => p.ExternalId == "guest-es").Select(p => p.ChannelLanguage).SingleAsync()));
    }

    [Fact]
    public async Task Revoke_OtherDelegationsInvitation_Refused()
    {
        await _harness.Delegate("mex1", "Mexico");
        await _harness.Delegate("chl1", "Chile");
        await Invite("mex1", "invite");
        var id = await _harness.Query(db => db.Invitations.AsNoTracking().Select(i => i.Id).SingleAsync());

        await _harness.Refused("chl1", $"invite revoke {id}");

        Assert.Empty((await _harness.Expect("chl1", "invites")).Reply.Items);
        Assert.Single((await _harness.Expect("mex1", "invites")).Reply.Items);
        Assert.Null(await _harness.Query(db => db.Invitations.AsNoTracking().Select(i => i.RevokedAt).SingleAsync()));
    }

    [Fact]
    public async Task CreateFirstOrganiserLink_FreshDatabase_OneOrganiserLinkOnce()
    {
        Assert.Null(await _invitations.CreateFirstOrganiserLinkAsync(CancellationToken.None));
        await _harness.Execute(async (data, ct) =>
        {
            (await data.FindParticipantAsync(MeetingHarness.Channel, MeetingHarness.Organiser, ct))!.Roles = Roles.None;
            return 0;
        });

        var token = await _invitations.CreateFirstOrganiserLinkAsync(CancellationToken.None);
        var again = await _invitations.CreateFirstOrganiserLinkAsync(CancellationToken.None);

        Assert.NotNull(token);
        Assert.Null(again);
        var (user, joined) = await Redeem(token);
        Assert.Equal(Roles.Organiser, joined.Role);
        await _harness.Expect(user, "broadcast Welcome");
    }

    private async Task<string> Invite(string user, string text) => TokenOf((await _harness.Expect(user, text)).Reply);

    [Fact]
    public async Task Redeem_NameWithControlCharacter_RefusedAndTheLinkKept()
    {
        var token = await Invite(MeetingHarness.Organiser, "invite Mexico");
        var before = await Participants();

        var refused = await _invitations.RedeemAsync(token, MeetingHarness.Channel, "guest-nul", "Ana\u0000", null, CancellationToken.None);

        Assert.StartsWith("Your name contains a control character (U+0000, NUL)", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Participants());
        Assert.Null((await Redeem(token)).Joined.Error); // the single use is still there
    }

    private async Task<(string User, Redemption Joined)> Redeem(string token)
    {
        var user = $"guest{++_people}";
        return (user, await _invitations.RedeemAsync(token, MeetingHarness.Channel, user, user, null, CancellationToken.None));
    }

    private Task<int> Participants() => _harness.Query(db => db.Participants.CountAsync());

    private static string TokenOf(Reply reply)
    {
        var at = reply.Text.IndexOf("/join/", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no link in: {reply.Text}");
        return reply.Text[(at + "/join/".Length)..].Split('\n', ' ')[0];
    }
}
