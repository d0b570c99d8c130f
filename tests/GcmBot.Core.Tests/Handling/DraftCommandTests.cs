using System.Text;
using DocumentFormat.OpenXml.Packaging;
using GcmBot.Core.Capture;
using GcmBot.Core.Drafting;
using GcmBot.Core.Handling;
using GcmBot.Core.Replies;
using GcmBot.Summaries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Core.Tests.Handling;

/// <summary>The <c>draft</c> commands with the real extractive drafter (GcmBot.Summaries) and SQLite.</summary>
public sealed class DraftCommandTests : IAsyncLifetime
{
    private ServiceProvider _services = null!;
    private MeetingHarness _harness = null!;
    private int _messages;

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection().AddLogging().AddGcmSummaries(new ConfigurationBuilder().Build()).BuildServiceProvider();
        _harness = await MeetingHarness.StartAsync(drafter: _services.GetRequiredService<IReportDrafter>());
        await _harness.OpenAg1();
        await _harness.Delegate("mex", "Mexico");
        await _harness.Delegate("che", "Switzerland");
        await _harness.Expect("rap", "whoami");
        await _harness.Expect(MeetingHarness.Organiser, "assign rapporteur rap AG1");
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Draft_NothingSaidYet_PoliteRefusal()
    {
        var refusal = await _harness.Refused("rap", "draft");

        Assert.Contains("nothing to draft from yet", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_Delegate_Refused()
    {
        await SessionAsync();

        var refusal = await _harness.Refused("mex", "draft");

        Assert.Contains("rapporteur or moderator", refusal.Text, StringComparison.Ordinal);
        Assert.Equal(0, await _harness.Query(db => db.Drafts.CountAsync()));
    }

    [Fact]
    public async Task Draft_Rapporteur_PrivateDraftSavedWithSources()
    {
        await SessionAsync();

        var result = await _harness.Expect("rap", "draft");

        var reply = result.Reply;
        Assert.Equal(Visibility.Private, reply.Visibility);
        Assert.Empty(result.Announcements);
        Assert.Equal("Draft report of AG1 (not published)", reply.Title);
        Assert.Contains(reply.Facts, f => f is { Label: "Drafter", Value: "extractive" });
        var draft = await _harness.Query(db => db.Drafts.AsNoTracking().SingleAsync());
        Assert.Equal((await _harness.Session("AG1")).Id, draft.SessionId);
        Assert.False(draft.Edited);
        Assert.Null(draft.PublishedAt);
        Assert.Equal(MeetingHarness.Start, draft.DraftedAt);
        var report = ReportJson.Deserialize(draft.Content);
        Assert.Equal("Action Group 1: Human dimension", report.Header.ActionGroup);
        Assert.Equal("Room A", report.Header.Room);
        Assert.Equal("mod", report.Header.Moderator);
        Assert.Equal("rap", report.Header.Rapporteur);
        var card = SourceIds.Card(await CardIdAsync("Expand regular pathways for migrant workers"));
        var pathways = Assert.Single(report.Recommendations, r => r.Sources.Contains(card));
        Assert.Contains(pathways.Sources, s => s.StartsWith(SourceIds.ContributionPrefix, StringComparison.Ordinal));
        Assert.DoesNotContain("Mexico", string.Join(' ', report.Summary.Select(s => s.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_Again_ShowsTheSavedDraftWithoutRedrafting()
    {
        await SessionAsync();
        await _harness.Expect("rap", "draft");
        _harness.Time.Advance(TimeSpan.FromMinutes(5));

        var again = await _harness.Expect("rap", "draft");

        Assert.StartsWith("The saved draft.", again.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(MeetingHarness.Start, (await _harness.Query(db => db.Drafts.AsNoTracking().SingleAsync())).DraftedAt);
    }

    [Fact]
    public async Task DraftEdit_ThenRegenerate_EditsKeptAndNewDraftAttached()
    {
        await SessionAsync();
        await _harness.Expect("rap", "draft");
        var markdown = (await _harness.Query(db => db.Drafts.AsNoTracking().SingleAsync())).Markdown;
        var edited = markdown.Replace("| Room | Room A |", "| Room | Room A (edited) |", StringComparison.Ordinal);

        await _harness.Expect("rap", $"draft edit {edited}");
        await Say("che", "States should guarantee firewalls between immigration enforcement and public services.");
        var regenerated = await _harness.Expect("rap", "draft regenerate");

        var kept = await _harness.Query(db => db.Drafts.AsNoTracking().SingleAsync());
        Assert.True(kept.Edited);
        Assert.Equal("Room A (edited)", ReportJson.Deserialize(kept.Content).Header.Room);
        Assert.Contains("edited draft of AG1 is kept", regenerated.Reply.Text, StringComparison.Ordinal);
        Assert.Equal("draft-AG1-new.md", regenerated.Reply.Attachment!.FileName);
        Assert.Contains("firewalls", Encoding.UTF8.GetString(regenerated.Reply.Attachment.Content), StringComparison.Ordinal);

        await _harness.Expect("rap", "draft regenerate overwrite");

        var replaced = await _harness.Query(db => db.Drafts.AsNoTracking().SingleAsync());
        Assert.False(replaced.Edited);
        Assert.Equal("Room A", ReportJson.Deserialize(replaced.Content).Header.Room);
    }

    [Fact]
    public async Task DraftPoint_ThenRegenerate_RewrittenPointsKeptInPlaceMarkedAndTheRestRedrafted()
    {
        await SessionAsync();
        await _harness.Expect("rap", "draft");
        var card = SourceIds.Card(await CardIdAsync("Expand regular pathways for migrant workers"));
        var drafted = ReportJson.Deserialize((await _harness.Query(db => db.Drafts.AsNoTracking().SingleAsync())).Content);
        var cardPoint = drafted.Recommendations.ToList().FindIndex(r => r.Sources.Contains(card)) + 1;

        var saved = await _harness.Expect("rap", "draft point s1 Participants stressed the protection of the human rights of all migrants.");
        await _harness.Expect("rap", $"draft point {cardPoint} Expand regular pathways at all skill levels | Bilateral labour agreements and skills partnerships | ILO, IOM, employers");

        Assert.Contains("Summary sentence 1 of the AG1 draft is saved", saved.Reply.Text, StringComparison.Ordinal);
        var edited = await _harness.Query(db => db.Drafts.AsNoTracking().SingleAsync());
        Assert.True(edited.Edited);
        var report = ReportJson.Deserialize(edited.Content);
        Assert.Equal(("Participants stressed the protection of the human rights of all migrants.", true), (report.Summary[0].Text, report.Summary[0].Edited));
        Assert.Equal(drafted.Summary[0].Sources, report.Summary[0].Sources);
        Assert.Equal(("Expand regular pathways at all skill levels", "Bilateral labour agreements and skills partnerships", "ILO, IOM, employers", true),
            (report.Recommendations[cardPoint - 1].Recommendation, report.Recommendations[cardPoint - 1].Means, report.Recommendations[cardPoint - 1].Partnerships, report.Recommendations[cardPoint - 1].Edited));
        Assert.Contains("Expand regular pathways at all skill levels", edited.Markdown, StringComparison.Ordinal);

        await Say("che", "States should guarantee firewalls between immigration enforcement and public services.");
        var regenerated = await _harness.Expect("rap", "draft regenerate");

        Assert.Contains("the 2 points you rewrote are kept as you wrote them", regenerated.Reply.Text, StringComparison.Ordinal);
        var redrafted = ReportJson.Deserialize((await _harness.Query(db => db.Drafts.AsNoTracking().SingleAsync())).Content);
        Assert.Equal((report.Summary[0].Text, true), (redrafted.Summary[0].Text, redrafted.Summary[0].Edited));
        Assert.Equal(report.Summary[0].Sources, redrafted.Summary[0].Sources);
        Assert.Equal((report.Recommendations[cardPoint - 1].Recommendation, report.Recommendations[cardPoint - 1].Means, true),
            (redrafted.Recommendations[cardPoint - 1].Recommendation, redrafted.Recommendations[cardPoint - 1].Means, redrafted.Recommendations[cardPoint - 1].Edited));
        Assert.Single(redrafted.Recommendations, r => r.Sources.Contains(card));
        Assert.Contains(redrafted.Recommendations, r => r.Recommendation.Contains("firewalls", StringComparison.Ordinal) && !r.Edited);

        await _harness.Expect("rap", "draft regenerate overwrite");

        var replaced = await _harness.Query(db => db.Drafts.AsNoTracking().SingleAsync());
        Assert.False(replaced.Edited);
        Assert.DoesNotContain(ReportJson.Deserialize(replaced.Content).Recommendations, r => r.Edited);
    }

    [Fact]
    public async Task DraftPoint_UnknownPointOrEmptyText_RefusedAndNothingSaved()
    {
        await SessionAsync();
        await _harness.Expect("rap", "draft");
        var before = (await _harness.Query(db => db.Drafts.AsNoTracking().SingleAsync())).Content;

        var unknown = await _harness.Refused("rap", "draft point s99 Some new text for a sentence that is not there.");
        var empty = await _harness.Refused("rap", "draft point s1");
        var delegate_ = await _harness.Refused("mex", "draft point s1 Mexico rewrote the summary.");

        Assert.Contains("Ask for a recommendation by number", unknown.Text, StringComparison.Ordinal);
        Assert.Contains("nothing was saved", empty.Text, StringComparison.Ordinal);
        Assert.Contains("rapporteur or moderator", delegate_.Text, StringComparison.Ordinal);
        var after = await _harness.Query(db => db.Drafts.AsNoTracking().SingleAsync());
        Assert.Equal(before, after.Content);
        Assert.False(after.Edited);
    }

    [Fact]
    public async Task DraftRegenerateNamed_SummaryNamesTheDelegations_PlainDraftDoesNot()
    {
        await SessionAsync();
        await _harness.Expect("rap", "draft");
        string SummaryText(string content) => string.Join(' ', ReportJson.Deserialize(content).Summary.Select(s => s.Text));
        var plain = SummaryText((await _harness.Query(db => db.Drafts.AsNoTracking().SingleAsync())).Content);

        await _harness.Expect("rap", "draft regenerate named");

        var named = SummaryText((await _harness.Query(db => db.Drafts.AsNoTracking().SingleAsync())).Content);
        Assert.DoesNotContain("Mexico", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("Switzerland", plain, StringComparison.Ordinal);
        Assert.True(named.Contains("Mexico", StringComparison.Ordinal) || named.Contains("Switzerland", StringComparison.Ordinal), named);
    }

    [Fact]
    public async Task DraftEdit_WithoutText_FormPrefilled_AndUnreadableTextRefused()
    {
        await SessionAsync();
        await _harness.Expect("rap", "draft");

        var form = (await _harness.Expect("rap", "draft edit")).Reply.Form!;
        var refusal = await _harness.Refused("rap", "draft edit just a few words");

        Assert.Equal("draft edit", form.Command);
        Assert.Equal("AG1", form.Fields[0].Value);
        Assert.StartsWith("# Report of the action group", form.Fields[1].Value, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", refusal.Text, StringComparison.Ordinal);
        Assert.False((await _harness.Query(db => db.Drafts.AsNoTracking().SingleAsync())).Edited);
    }

    [Fact]
    public async Task DraftExport_DocxAndMarkdown_Attached()
    {
        await SessionAsync();
        await _harness.Expect("rap", "draft");

        var docx = (await _harness.Expect("rap", "draft export docx")).Reply.Attachment!;
        var md = (await _harness.Expect("mod", "draft export md for AG1")).Reply.Attachment!;

        Assert.Equal("draft-AG1.docx", docx.FileName);
        Assert.Equal(ReportFiles.DocxType, docx.ContentType);
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx.Content), false))
        {
            Assert.Contains("Summary of discussions", document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        Assert.Equal("text/markdown", md.ContentType);
        Assert.StartsWith("# Report of the action group", Encoding.UTF8.GetString(md.Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftExport_FrenchMeeting_TemplateInFrenchAndEditsReadBackInFrench()
    {
        await _harness.Expect(MeetingHarness.Organiser, "language default fr");
        await SessionAsync();
        await _harness.Expect("rap", "draft");

        var docx = (await _harness.Expect("rap", "draft export docx")).Reply.Attachment!;
        var markdown = Encoding.UTF8.GetString((await _harness.Expect("rap", "draft export md")).Reply.Attachment!.Content);
        await _harness.Expect("rap", $"draft edit {markdown.Replace("| Salle | Room A |", "| Salle | Salle B |", StringComparison.Ordinal)}");

        using (var document = WordprocessingDocument.Open(new MemoryStream(docx.Content), false))
        {
            var body = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("Résumé des débats", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Summary of discussions", body, StringComparison.Ordinal);
        }

        Assert.StartsWith("# Rapport du groupe d'action", markdown, StringComparison.Ordinal);
        Assert.Equal("Salle B", ReportJson.Deserialize((await _harness.Query(db => db.Drafts.AsNoTracking().SingleAsync())).Content).Header.Room);
    }

    [Fact]
    public async Task DraftPublish_PostedToTheConversationAndTheSessionsChannels()
    {
        await SessionAsync();
        await _harness.Expect("rap", "draft");

        var result = await _harness.Expect("rap", "draft publish");

        Assert.Equal(Visibility.Conversation, result.Reply.Visibility);
        Assert.Equal("Report of AG1: Action Group 1: Human dimension", result.Reply.Title);
        var announcement = Assert.Single(result.Announcements);
        Assert.Equal((await _harness.Session("AG1")).Id, announcement.SessionId);
        Assert.Equal(MeetingHarness.Start, (await _harness.Query(db => db.Drafts.AsNoTracking().SingleAsync())).PublishedAt);
    }

    [Fact]
    public async Task DraftPublish_ReportRenderedWithoutMarkdownTables_DocxAttached()
    {
        await SessionAsync();
        await _harness.Expect("rap", "draft");

        var result = await _harness.Expect("rap", "draft publish");

        var report = ReportJson.Deserialize((await _harness.Query(db => db.Drafts.AsNoTracking().SingleAsync())).Content);
        var posted = Assert.Single(result.Announcements).Message;
        Assert.Equal(result.Reply, posted);
        var shown = string.Join('\n', [posted.Text, .. posted.Items.Select(i => i.Label + i.Detail), .. posted.Facts.Select(f => f.Label + f.Value)]);
        Assert.DoesNotContain('|', shown);
        Assert.DoesNotContain("---", shown, StringComparison.Ordinal);
        Assert.Contains(report.Summary[0].Text, posted.Text, StringComparison.Ordinal);
        Assert.Equal(report.Recommendations.Count, posted.Items.Count);
        Assert.Equal(("report-AG1.docx", ReportFiles.DocxType), (posted.Attachment!.FileName, posted.Attachment.ContentType));
        using var docx = WordprocessingDocument.Open(new MemoryStream(posted.Attachment.Content), false);
        Assert.Contains(report.Recommendations[0].Recommendation, docx.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftSources_Recommendation_ListsTheCardsAndStatementsWithDelegations()
    {
        await SessionAsync();
        await _harness.Expect("rap", "draft");

        var result = await _harness.Expect("rap", "draft sources 1");
        var unknown = await _harness.Refused("rap", "draft sources 99");

        Assert.StartsWith("Recommendation 1 of the AG1 draft rests on", result.Reply.Title, StringComparison.Ordinal);
        Assert.Contains(result.Reply.Items, i => i.Label.StartsWith("Card #", StringComparison.Ordinal) && i.Label.Contains("Mexico", StringComparison.Ordinal));
        Assert.Contains(result.Reply.Items, i => i.Label.Contains("Switzerland", StringComparison.Ordinal));
        Assert.Contains("draft sources s1", unknown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_Rapporteur_SummaryAndNumberedRecommendationsWithTheDocxAttached()
    {
        await SessionAsync();

        var reply = (await _harness.Expect("rap", "draft")).Reply;

        var report = ReportJson.Deserialize((await _harness.Query(db => db.Drafts.AsNoTracking().SingleAsync())).Content);
        Assert.Contains($"Summary of discussions\n{report.Summary[0].Text}", reply.Text, StringComparison.Ordinal);
        Assert.Equal(report.Recommendations.Select(r => r.Recommendation), reply.Items.Select(i => i.Label));
        Assert.Equal(Enumerable.Range(1, report.Recommendations.Count), reply.Items.Select(i => i.Position));
        var pathways = Assert.Single(reply.Items, i => i.Label == "Expand regular pathways for migrant workers");
        Assert.Equal("Means of implementation: Bilateral labour agreements · Partnerships: ILO, employers", pathways.Detail);
        Assert.Contains(reply.Facts, f => f is { Label: "Room", Value: "Room A" });
        Assert.Equal(ReportFiles.DocxType, reply.Attachment!.ContentType);
        using var docx = WordprocessingDocument.Open(new MemoryStream(reply.Attachment.Content), false);
        Assert.Contains(report.Summary[0].Text, docx.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        Assert.DoesNotContain('|', reply.Text);
    }

    [Fact]
    public async Task Draft_LongSession_WithinChatLimitsAndTheFullDraftAttached()
    {
        await SessionAsync();
        for (var i = 0; i < 30; i++)
        {
            await _harness.Expect(i % 2 == 0 ? "mex" : "che", $"card Proposal {i}: establish a national programme on topic{i} for migrant integration, with local authorities, schools, employers and health services of region{i}, so that newly arrived migrants find language courses, recognition of qualifications{i} and decent work within months | Funding line {i} of the national budget and a regional fund for integration{i} | Partner {i}, municipalities and diaspora associations");
        }

        for (var i = 0; i < 40; i++)
        {
            await Say(i % 2 == 0 ? "mex" : "che", $"Our priority number {i} is the integration of migrants in the labour market of region{i}, with training and recognition of skills{i}.");
        }

        var reply = (await _harness.Expect("rap", "draft")).Reply;

        var report = ReportJson.Deserialize((await _harness.Query(db => db.Drafts.AsNoTracking().SingleAsync())).Content);
        Assert.True(reply.Text.Length <= DraftMessage.TextLimit, $"{reply.Text.Length} characters of text");
        Assert.True(reply.Items.Sum(i => i.Label.Length + i.Detail.Length + 12) <= DraftMessage.ListLimit, "the list is longer than an embed");
        Assert.InRange(reply.Items.Count, 1, report.Recommendations.Count - 1);
        Assert.Contains($"the first {reply.Items.Count} of {report.Recommendations.Count}", reply.Text, StringComparison.Ordinal);
        using var docx = WordprocessingDocument.Open(new MemoryStream(reply.Attachment!.Content), false);
        var body = docx.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.All(report.Recommendations, r => Assert.Contains(r.Recommendation, body, StringComparison.Ordinal));
    }

    private async Task SessionAsync()
    {
        await _harness.Expect("mex", "card Expand regular pathways for migrant workers | Bilateral labour agreements | ILO, employers");
        await Say("mex", "Our national priority is to protect the human rights of all migrants, regardless of their status.");
        await Say("che", "We propose that States expand regular pathways for migrant workers at all skill levels.");
        await Say("mex", "Reducing the cost of remittances below three percent is a priority for Mexico.");
        await Say("che", "Cooperation with employers and trade unions is essential for labour migration.");
    }

    private async Task Say(string user, string text)
    {
        var contributions = new ContributionService(_harness.Store, _harness.Time);
        Assert.NotNull((await contributions.CaptureAsync(MeetingHarness.Channel, MeetingHarness.RoomA, $"msg-{++_messages}", user, user, text, CancellationToken.None)).Contribution);
    }

    private Task<int> CardIdAsync(string recommendation) =>
        _harness.Query(db => db.Cards.Where(c => c.Recommendation == recommendation).Select(c => c.Id).SingleAsync());
}
