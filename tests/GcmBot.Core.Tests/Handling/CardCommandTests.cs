using System.Globalization;
using System.Text;
using CsvHelper;
using GcmBot.Core.Handling;
using GcmBot.Core.Replies;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Core.Tests.Handling;

public sealed class CardCommandTests : IAsyncLifetime
{
    private MeetingHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await MeetingHarness.StartAsync();
        await _harness.Delegate("mex", "Mexico");
        await _harness.Delegate("che", "Switzerland");
    }

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    [Fact]
    public async Task Card_TextForm_SavedForChannelSession()
    {
        var result = await _harness.Expect("mex", "card Expand regular pathways | Bilateral labour agreements | ILO, employers");

        Assert.StartsWith("Card #", result.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(Visibility.Private, result.Reply.Visibility);
        var card = await _harness.Query(db => db.Cards.AsNoTracking().SingleAsync());
        Assert.Equal("Expand regular pathways", card.Recommendation);
        Assert.Equal("Bilateral labour agreements", card.Means);
        Assert.Equal("ILO, employers", card.Partnerships);
        Assert.Equal((await _harness.Session("AG1")).Id, card.SessionId);
        Assert.Equal((await _harness.DelegationNamed("Mexico")).Id, card.DelegationId);
        Assert.Equal(MeetingHarness.Start, card.SubmittedAt);
        Assert.Contains(result.Reply.Facts, f => f is { Label: "Partnerships", Value: "ILO, employers" });
    }

    [Fact]
    public async Task Card_RecommendationOnly_OtherPartsEmpty()
    {
        await _harness.Expect("mex", "card Protect migrant children");

        var card = await _harness.Query(db => db.Cards.AsNoTracking().SingleAsync());
        Assert.Equal("Protect migrant children", card.Recommendation);
        Assert.Equal("", card.Means);
        Assert.Equal("", card.Partnerships);
    }

    [Fact]
    public async Task Card_Empty_ReturnsFormAndSavesNothing()
    {
        var result = await _harness.Expect("mex", "card");

        var form = result.Reply.Form!;
        Assert.Equal("card", form.Command);
        Assert.Equal(["recommendation", "means", "partnerships"], form.Fields.Select(f => f.Name));
        Assert.True(form.Fields[0].Required);
        Assert.Equal(0, await _harness.Query(db => db.Cards.CountAsync()));
    }

    [Fact]
    public async Task Card_SubmittedFromForm_Saved()
    {
        var result = await _harness.Handle(new Inbound(MeetingHarness.Channel, MeetingHarness.RoomA, "mex", "mex")
        {
            CommandName = "card",
            Fields = new Dictionary<string, string> { ["recommendation"] = "Portable social security", ["means"] = "Agreements", ["partnerships"] = "ILO" },
        });

        Assert.False(result!.Reply.IsError, result.Reply.Text);
        var card = await _harness.Query(db => db.Cards.AsNoTracking().SingleAsync());
        Assert.Equal("Portable social security", card.Recommendation);
        Assert.Equal("ILO", card.Partnerships);
    }

    [Fact]
    public async Task Card_EmptyRecommendation_Refused()
    {
        var refusal = await _harness.Refused("mex", "card | means | partners");

        Assert.Contains("needs a recommendation", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Card_TooLong_RefusedAndNothingSaved()
    {
        await _harness.Refused("mex", "card " + new string('x', 2001));

        Assert.Equal(0, await _harness.Query(db => db.Cards.CountAsync()));
    }

    [Fact]
    public async Task Card_UnboundChannel_RefusedBecauseSessionUnknown()
    {
        var refusal = await _harness.Refused("mex", "card Something", "conv-unbound");

        Assert.Contains("not bound to a session", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardEditAndWithdraw_OwnDelegation_Changed()
    {
        var id = await SubmitAsync("mex", "Old text | old means | old partners");
        await _harness.Delegate("mex2", "Mexico");
        _harness.Time.Advance(TimeSpan.FromMinutes(3));

        await _harness.Expect("mex2", $"card edit {id} New text | new means | new partners");

        var edited = await _harness.Query(db => db.Cards.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal("New text", edited.Recommendation);
        Assert.Equal("new partners", edited.Partnerships);
        Assert.Equal(MeetingHarness.Start + TimeSpan.FromMinutes(3), edited.UpdatedAt);

        await _harness.Expect("mex", $"card withdraw {id}");

        Assert.NotNull((await _harness.Query(db => db.Cards.AsNoTracking().SingleAsync(c => c.Id == id))).WithdrawnAt);
        Assert.Contains($"no card #{id}", (await _harness.Refused("mex", $"card withdraw {id}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardEdit_WithoutText_ReturnsPrefilledForm()
    {
        var id = await SubmitAsync("mex", "Old text | old means | old partners");

        var result = await _harness.Expect("mex", $"card edit {id}");

        Assert.Equal("card edit", result.Reply.Form!.Command);
        Assert.Equal([id.ToString(CultureInfo.InvariantCulture), "Old text", "old means", "old partners"], result.Reply.Form.Fields.Select(f => f.Value));
    }

    [Fact]
    public async Task CardEditAndWithdraw_OtherDelegation_RefusedAndUnchanged()
    {
        var id = await SubmitAsync("mex", "Mexico's card");

        var edit = await _harness.Refused("che", $"card edit {id} Hijacked");
        var withdraw = await _harness.Refused("che", $"card withdraw {id}");

        Assert.Contains("belongs to another delegation", edit.Text, StringComparison.Ordinal);
        Assert.Contains("belongs to another delegation", withdraw.Text, StringComparison.Ordinal);
        var card = await _harness.Query(db => db.Cards.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal("Mexico's card", card.Recommendation);
        Assert.Null(card.WithdrawnAt);
    }

    [Fact]
    public async Task Cards_Delegate_OwnCardsOnlyAndAllRefused()
    {
        await SubmitAsync("mex", "Mexico one");
        await SubmitAsync("mex", "Mexico two");
        await SubmitAsync("che", "Swiss one");

        var mine = await _harness.Expect("mex", "cards");
        var refusal = await _harness.Refused("mex", "cards all");

        Assert.Equal(["Mexico one", "Mexico two"], mine.Reply.Items.Select(i => i.Label));
        Assert.Contains("moderator and rapporteur", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardsAll_Rapporteur_SeesEveryActiveCard()
    {
        await SubmitAsync("mex", "Mexico one");
        var withdrawn = await SubmitAsync("mex", "Mexico withdrawn");
        await SubmitAsync("che", "Swiss one");
        await _harness.Expect("mex", $"card withdraw {withdrawn}");
        await _harness.Expect("rap", "whoami");
        await _harness.Expect(MeetingHarness.Organiser, "assign rapporteur rap AG1");

        var all = await _harness.Expect("rap", "cards all");

        Assert.Equal("Cards for AG1 (2)", all.Reply.Title);
        Assert.Equal(["Mexico one", "Swiss one"], all.Reply.Items.Select(i => i.Label));
        Assert.StartsWith("Switzerland", all.Reply.Items[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardsExport_Rapporteur_CsvWithHeaderAndEveryCard()
    {
        await SubmitAsync("mex", "Expand pathways | Bilateral agreements | ILO, employers");
        var withdrawn = await SubmitAsync("che", "Withdrawn \"quoted\" idea");
        await _harness.Expect("che", $"card withdraw {withdrawn}");
        await _harness.Expect("rap", "whoami");
        await _harness.Expect(MeetingHarness.Organiser, "assign rapporteur rap AG1");

        var result = await _harness.Expect("rap", "cards export");

        Assert.Contains("1 card(s) for AG1, 1 withdrawn", result.Reply.Text, StringComparison.Ordinal);
        var attachment = result.Reply.Attachment!;
        Assert.Equal("cards-AG1.csv", attachment.FileName);
        Assert.Equal("text/csv", attachment.ContentType);
        using var csv = new CsvReader(new StringReader(Encoding.UTF8.GetString(attachment.Content)), CultureInfo.InvariantCulture);
        Assert.True(csv.Read());
        csv.ReadHeader();
        Assert.Equal(
            ["Card", "Session", "Dimension", "Delegation", "Category", "Recommendation", "MeansOfImplementation", "Partnerships", "SubmittedAt", "Status"],
            csv.HeaderRecord!);
        var rows = new List<(string Delegation, string Recommendation, string Partnerships, string Status, string SubmittedAt)>();
        while (csv.Read())
        {
            Assert.Equal("AG1", csv.GetField("Session"));
            rows.Add((csv.GetField("Delegation")!, csv.GetField("Recommendation")!, csv.GetField("Partnerships")!, csv.GetField("Status")!, csv.GetField("SubmittedAt")!));
        }

        Assert.Equal(
            [("Mexico", "Expand pathways", "ILO, employers", "submitted", "2017-12-05 10:50"), ("Switzerland", "Withdrawn \"quoted\" idea", "", "withdrawn", "2017-12-05 10:50")],
            rows);
    }

    [Fact]
    public async Task CardsExport_CellsStartingLikeFormulas_EscapedAsText()
    {
        await SubmitAsync("mex", "=HYPERLINK(\"http://example.org\") | +1 | @SUM(A1)");
        await SubmitAsync("che", "-2+3");

        var csv = Encoding.UTF8.GetString((await _harness.Expect(MeetingHarness.Organiser, "cards export")).Reply.Attachment!.Content);

        Assert.Contains("\"'=HYPERLINK(\"\"http://example.org\"\")\",\"'+1\",\"'@SUM(A1)\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"'-2+3\"", csv, StringComparison.Ordinal);
        Assert.DoesNotMatch("(^|,)[=+@-]", csv);
    }

    [Fact]
    public async Task StatsCsv_DelegationNamedLikeAFormula_EscapedAsText()
    {
        // Delegation names come from the imported list, which the secretariat may have pasted from anywhere.
        await _harness.Query(db => db.Delegations.Where(d => d.Name == "Mexico").ExecuteUpdateAsync(u => u.SetProperty(d => d.Name, "@SUM(1+1)")));
        await SubmitAsync("mex", "An idea");

        var csv = Encoding.UTF8.GetString((await _harness.Expect(MeetingHarness.Organiser, "stats session")).Reply.Attachment!.Content);

        Assert.Contains("\"'@SUM(1+1)\"", csv, StringComparison.Ordinal);
        Assert.DoesNotMatch("(^|,)[=+@-]", csv);
    }

    [Fact]
    public async Task CardsExport_Delegate_Refused()
    {
        var refusal = await _harness.Refused("mex", "cards export");

        Assert.Contains("Only the session's rapporteur or moderator", refusal.Text, StringComparison.Ordinal);
        Assert.Null(refusal.Attachment);
    }

    private async Task<int> SubmitAsync(string user, string text)
    {
        await _harness.Expect(user, $"card {text}");
        return await _harness.Query(db => db.Cards.MaxAsync(c => c.Id));
    }
}
