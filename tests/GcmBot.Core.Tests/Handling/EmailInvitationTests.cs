using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using GcmBot.Core.Domain;
using GcmBot.Core.Import;
using GcmBot.Core.Invitations;
using GcmBot.Core.Replies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GcmBot.Core.Tests.Handling;

/// <summary>The meeting file's e-mail members: their invitations, the mail-merge CSV and re-issued links, on real SQLite.</summary>
public sealed class EmailInvitationTests : IAsyncLifetime
{
    private static readonly TimeSpan _lifetime = new InvitationRules().InvitationLifetime;
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
    public async Task Sync_AddressesListed_OneSingleUseDelegateInvitationEach()
    {
        var changes = await SyncAsync(("Mexico", ["ana@example.org", "email:bruno@example.org", "discord:112233"]), ("Chile", ["carla@example.org"]));

        var stored = await EmailInvitationsAsync();
        var mexico = await _harness.DelegationNamed("Mexico");
        var chile = await _harness.DelegationNamed("Chile");
        Assert.Equal(new EmailInvitationChanges(3, 0), changes);
        Assert.Equal(
            [(mexico.Id, "ana@example.org"), (mexico.Id, "bruno@example.org"), (chile.Id, "carla@example.org")],
            stored.Select(i => (i.DelegationId!.Value, i.Email!)));
        Assert.All(stored, i => Assert.True(i.Role == Roles.Delegate && i.MaxUses == 1 && i.CreatedById is null && i.Uses == 0 && i.RevokedAt is null));
    }

    [Fact]
    public async Task Sync_Again_NoSecondInvitationForAnAddress()
    {
        await SyncAsync(("Mexico", ["ana@example.org"]));

        var again = await SyncAsync(("Mexico", ["ANA@example.org", "ana@example.org"]));

        Assert.Equal(new EmailInvitationChanges(0, 0), again);
        Assert.Single(await EmailInvitationsAsync());
    }

    [Fact]
    public async Task Sync_AddressRemoved_UnusedRevokedUsedKeptAndItsPersonStaysAMember()
    {
        await SyncAsync(("Mexico", ["ana@example.org", "bruno@example.org"]));
        var (ana, _) = await RedeemAsync(TokenIn((await InvitesEmailsAsync())["ana@example.org"].Link));

        var changes = await SyncAsync(("Mexico", []));

        Assert.Equal(new EmailInvitationChanges(0, 1), changes);
        var stored = await EmailInvitationsAsync();
        Assert.All(stored.Where(i => i.Email == "bruno@example.org"), i => Assert.NotNull(i.RevokedAt));
        Assert.Null(stored.Single(i => i.Email == "ana@example.org" && i.Uses == 1).RevokedAt);
        Assert.Contains("You speak for Mexico", (await _harness.Expect(ana, "whoami")).Reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, (await SyncAsync(("Mexico", []))).Revoked);
    }

    [Fact]
    public async Task InvitesEmails_FormulaLikeAddressAndDelegation_EscapedAndEachLinkSignsItsAddressIn()
    {
        // Names come from a file the secretariat may have pasted from anywhere; `=` is allowed in an address's local part.
        await _harness.Query(db => db.Delegations.Where(d => d.Name == "Mexico").ExecuteUpdateAsync(u => u.SetProperty(d => d.Name, "=SUM(1+1)")));
        await SyncAsync(("=SUM(1+1)", ["=cmd@example.org"]), ("Chile", ["carla@example.org"]));

        var reply = (await _harness.Expect(MeetingHarness.Organiser, "invites emails")).Reply;
        var csv = Encoding.UTF8.GetString(reply.Attachment!.Content);
        var rows = Rows(csv);

        Assert.Equal(Visibility.Private, reply.Visibility);
        Assert.Equal("text/csv", reply.Attachment.ContentType);
        Assert.Contains("2 new sign-in links", reply.Text, StringComparison.Ordinal);
        Assert.Contains("previous links of these addresses no longer work", reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("Email,Delegation,Link,Expires", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=cmd@example.org\",\"'=SUM(1+1)\"", csv, StringComparison.Ordinal);
        Assert.DoesNotMatch("(^|,)\"?[=+@-]", csv);
        Assert.Equal("2017-12-12 10:50", rows["carla@example.org"].Expires);
        Assert.Equal("=SUM(1+1)", (await RedeemAsync(TokenIn(rows["'=cmd@example.org"].Link))).Joined.Delegation);
        Assert.Equal("Chile", (await RedeemAsync(TokenIn(rows["carla@example.org"].Link))).Joined.Delegation);
    }

    [Fact]
    public async Task InvitesEmails_Again_OnlyTheNewestLinksWorkAndUsedAddressesAreLeftOut()
    {
        await SyncAsync(("Mexico", ["ana@example.org", "bruno@example.org"]));
        var first = await InvitesEmailsAsync();
        await RedeemAsync(TokenIn(first["bruno@example.org"].Link));

        var second = (await _harness.Expect(MeetingHarness.Organiser, "invites emails")).Reply;
        var rows = Rows(Encoding.UTF8.GetString(second.Attachment!.Content));

        Assert.Equal(["ana@example.org"], rows.Keys);
        Assert.Contains("1 address has already used its invitation", second.Text, StringComparison.Ordinal);
        Assert.Contains("withdrawn", (await RedeemAsync(TokenIn(first["ana@example.org"].Link))).Joined.Error, StringComparison.Ordinal);
        Assert.Null((await RedeemAsync(TokenIn(rows["ana@example.org"].Link))).Joined.Error);
    }

    [Fact]
    public async Task InviteReissue_Address_PreviousLinkRefusedNewOneWorks()
    {
        await SyncAsync(("Mexico", ["ana@example.org"]));
        var previous = (await InvitesEmailsAsync())["ana@example.org"].Link;

        var reply = (await _harness.Expect(MeetingHarness.Organiser, "invite reissue ANA@example.org")).Reply;

        Assert.Equal(Visibility.Private, reply.Visibility);
        Assert.Contains("new sign-in link for ana@example.org (Mexico)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("withdrawn by the organisers", (await RedeemAsync(TokenIn(previous))).Joined.Error, StringComparison.Ordinal);
        Assert.Equal("Mexico", (await RedeemAsync(TokenIn(reply.Text))).Joined.Delegation);
        Assert.Contains("already used their invitation", (await _harness.Refused(MeetingHarness.Organiser, "invite reissue ana@example.org")).Text, StringComparison.Ordinal);
        Assert.Contains("No invitation of the meeting file is for zoe@example.org", (await _harness.Refused(MeetingHarness.Organiser, "invite reissue zoe@example.org")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvitesEmailsAndReissue_NotOrganiser_RefusedAndNoLinkChanged()
    {
        await SyncAsync(("Mexico", ["ana@example.org"]));
        await _harness.Delegate("mex1", "Mexico");
        var before = await EmailInvitationsAsync();

        var csv = await _harness.Refused("mex1", "invites emails");
        var reissue = await _harness.Refused("mex1", "invite reissue ana@example.org");

        Assert.Contains("Only organisers", csv.Text, StringComparison.Ordinal);
        Assert.Contains("Only organisers", reissue.Text, StringComparison.Ordinal);
        Assert.Null(csv.Attachment);
        Assert.Equal(before.Select(i => (i.Id, i.RevokedAt)), (await EmailInvitationsAsync()).Select(i => (i.Id, i.RevokedAt)));
    }

    [Fact]
    public async Task EmailInvitation_TakesNoPlaceUntilUsed_FullDelegationRefusesItPolitely()
    {
        await SyncAsync(("Mexico", ["ana@example.org", "bruno@example.org"]));
        var links = await InvitesEmailsAsync();
        await _harness.Delegate("mex1", "Mexico");
        await _harness.Delegate("mex2", "Mexico");

        // Two members and two unused addresses: the addresses hold no place, so two more can still be invited.
        await _harness.Expect(MeetingHarness.Organiser, "invite Mexico for 2");
        await RedeemAsync(TokenIn(links["ana@example.org"].Link));
        await _harness.Delegate("mex3", "Mexico");
        var (_, full) = await RedeemAsync(TokenIn(links["bruno@example.org"].Link));

        Assert.Equal("Mexico already has 4 members (delegations are 1 + 3). Please contact the secretariat.", full.Error);
        Assert.Equal(4, await _harness.Query(db => db.Participants.CountAsync(p => p.DelegationId != null && p.JoinedAt != null)));
    }

    [Fact]
    public async Task Invites_EmailInvitations_LabelledWithTheirAddressNewestLinkOnly()
    {
        await SyncAsync(("Mexico", ["ana@example.org", "bruno@example.org"]));
        var links = await InvitesEmailsAsync();
        await RedeemAsync(TokenIn(links["ana@example.org"].Link));
        await _harness.Expect(MeetingHarness.Organiser, "invite reissue bruno@example.org");

        var items = (await _harness.Expect(MeetingHarness.Organiser, "invites")).Reply.Items;

        Assert.Equal(["Mexico — delegate · ana@example.org", "Mexico — delegate · bruno@example.org"], items.Select(i => i.Label));
        Assert.Equal("used", items[0].Detail);
        Assert.StartsWith("open until ", items[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitations_OrganiserInSpanish_RepliesInSpanish()
    {
        await _harness.Expect(MeetingHarness.Organiser, "language es");
        await SyncAsync(("Mexico", ["ana@example.org"]));

        var invite = (await _harness.Expect(MeetingHarness.Organiser, "invite Chile")).Reply;
        var csv = (await _harness.Expect(MeetingHarness.Organiser, "invites emails")).Reply;
        var list = (await _harness.Expect(MeetingHarness.Organiser, "invites")).Reply;

        Assert.StartsWith("Este es un enlace de acceso para un delegado de Chile.", invite.Text, StringComparison.Ordinal);
        Assert.StartsWith("El archivo adjunto contiene 1 enlace de acceso nuevo", csv.Text, StringComparison.Ordinal);
        Assert.Equal("Invitaciones", list.Title);
        Assert.All(list.Items, i => Assert.StartsWith("válida hasta el ", i.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateFirstOrganiserLink_OnlyTheFilesEmailInvitations_StillCreated()
    {
        await SyncAsync(("Mexico", ["ana@example.org"]));
        await _harness.Execute(async (data, ct) =>
        {
            (await data.FindParticipantAsync(MeetingHarness.Channel, MeetingHarness.Organiser, ct))!.Roles = Roles.None;
            return 0;
        });

        var token = await _invitations.CreateFirstOrganiserLinkAsync(CancellationToken.None);

        Assert.NotNull(token);
        Assert.Equal(Roles.Organiser, (await RedeemAsync(token)).Joined.Role);
    }

    [Theory]
    [InlineData("fr", "Ce lien de connexion a déjà été utilisé.")]
    [InlineData("ar", "سبق استخدام رابط تسجيل الدخول هذا.")]
    [InlineData(null, "This sign-in link has already been used.")]
    public async Task Redeem_UsedLink_RefusedInTheBrowsersLanguage(string? language, string refusal)
    {
        await SyncAsync(("Mexico", ["ana@example.org"]));
        var token = TokenIn((await InvitesEmailsAsync())["ana@example.org"].Link);
        await RedeemAsync(token);

        var again = await _invitations.RedeemAsync(token, MeetingHarness.Channel, "late", "Late", language, CancellationToken.None);

        Assert.StartsWith(refusal, again.Error, StringComparison.Ordinal);
    }

    private Task<EmailInvitationChanges> SyncAsync(params (string Delegation, string[] Members)[] members) =>
        _harness.Execute(async (data, ct) => await EmailInvitations.SyncAsync(data, await FileAsync(members), _harness.Time.GetUtcNow(), _lifetime, ct));

    /// <summary>The sample meeting's file, with these members on these delegations.</summary>
    private static async Task<MeetingFile> FileAsync((string Delegation, string[] Members)[] members)
    {
        var meeting = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "sample-meeting.json")))!;
        foreach (var (name, list) in members)
        {
            var delegation = meeting["delegations"]!.AsArray().SingleOrDefault(d => (string?)d!["name"] == name)
                ?? meeting["delegations"]!.AsArray().Single(d => (string?)d!["name"] == "Mexico");
            delegation!["name"] = name;
            delegation["members"] = new JsonArray([.. list.Select(m => JsonValue.Create(m))]);
        }

        await using var json = new MemoryStream(Encoding.UTF8.GetBytes(meeting.ToJsonString()));
        return await MeetingLoader.ReadAsync(json, CancellationToken.None);
    }

    private Task<List<Invitation>> EmailInvitationsAsync() =>
        _harness.Query(db => db.Invitations.AsNoTracking().Where(i => i.Email != null).OrderBy(i => i.Id).ToListAsync());

    private async Task<Dictionary<string, (string Delegation, string Link, string Expires)>> InvitesEmailsAsync() =>
        Rows(Encoding.UTF8.GetString((await _harness.Expect(MeetingHarness.Organiser, "invites emails")).Reply.Attachment!.Content));

    private static Dictionary<string, (string Delegation, string Link, string Expires)> Rows(string csv)
    {
        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        return reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>()
            .ToDictionary(r => (string)r["Email"], r => ((string)r["Delegation"], (string)r["Link"], (string)r["Expires"]));
    }

    private async Task<(string User, Redemption Joined)> RedeemAsync(string token)
    {
        var user = $"guest{++_people}";
        return (user, await _invitations.RedeemAsync(token, MeetingHarness.Channel, user, user, null, CancellationToken.None));
    }

    private static string TokenIn(string text)
    {
        var at = text.IndexOf("/join/", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no link in: {text}");
        return text[(at + "/join/".Length)..].Split('\n', ' ')[0];
    }
}
