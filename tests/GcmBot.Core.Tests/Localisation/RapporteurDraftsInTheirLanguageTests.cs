using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using GcmBot.Core.Capture;
using GcmBot.Core.Drafting;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;
using GcmBot.Core.Tests.Handling;
using GcmBot.Summaries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Core.Tests.Localisation;

/// <summary>
/// A French-speaking and a Spanish-speaking rapporteur through the whole <c>draft</c> path (draft, show, edit, a point,
/// redraft, sources, publish) with the real extractive drafter and SQLite: what frames the report is in the
/// rapporteur's language (or each room's, once published), the report itself in the report language.
/// </summary>
public sealed partial class RapporteurDraftsInTheirLanguageTests : IAsyncLifetime
{
    private const string SecondRoomA = "conv-room-a-2";
    private ServiceProvider _services = null!;
    private CountingDrafter _drafter = null!;
    private MeetingHarness _harness = null!;
    private int _messages;

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection().AddLogging().AddGcmSummaries(new ConfigurationBuilder().Build()).BuildServiceProvider();
        _drafter = new CountingDrafter(_services.GetRequiredService<IReportDrafter>());
        _harness = await MeetingHarness.StartAsync(drafter: _drafter);
        await _harness.OpenAg1();
        await _harness.Delegate("mex", "Mexico");
        await _harness.Delegate("che", "Switzerland");
        await _harness.Expect("rap", "whoami");
        await _harness.Expect(MeetingHarness.Organiser, "assign rapporteur rap AG1");
        await _harness.Expect("mex", "card Expand regular pathways for migrant workers | Bilateral labour agreements | ILO, employers");
        await Say("mex", "Our national priority is to protect the human rights of all migrants, regardless of their status.");
        await Say("che", "We propose that States expand regular pathways for migrant workers at all skill levels.");
        await Say("mex", "Reducing the cost of remittances below three percent is a priority for Mexico.");
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task DraftPath_FrenchRapporteur_FrameInFrenchReportInEnglish()
    {
        await _harness.Expect("rap", "language fr");

        var drafted = (await _harness.Expect("rap", "draft")).Reply;

        Assert.Equal("Projet de rapport de AG1 (non publié)", drafted.Title);
        Assert.StartsWith("Veuillez l'examiner avant qu'il ne soit diffusé : `draft edit` pour le modifier", drafted.Text, StringComparison.Ordinal);
        Assert.Contains(drafted.Facts, f => f is { Label: "Méthode de rédaction", Value: "extractive" });
        Assert.Contains(drafted.Facts, f => f is { Label: "État", Value: "tel que rédigé" });
        Assert.Equal(["Publier", "Markdown", "Modifier"], drafted.Actions.Select(a => a.Label));
        // The meeting's report language is English: the report itself is, in chat as in the .docx.
        Assert.Contains("\n\nSummary of discussions\n", drafted.Text, StringComparison.Ordinal);
        Assert.Contains(drafted.Facts, f => f is { Label: "Room", Value: "Room A" });
        Assert.StartsWith("Means of implementation: ", drafted.Items[0].Detail, StringComparison.Ordinal);
        Assert.Contains("Summary of discussions", DocxText(drafted.Attachment!), StringComparison.Ordinal);
        Assert.Empty(EnglishIn(Frame(drafted), "fr"));

        var shown = (await _harness.Expect("rap", "draft")).Reply;
        Assert.StartsWith("Le projet de rapport enregistré. `draft regenerate` le rédige à nouveau", shown.Text, StringComparison.Ordinal);

        var form = (await _harness.Expect("rap", "draft edit")).Reply;
        Assert.Equal("Modifiez le projet de rapport de AG1, puis enregistrez-le. `draft regenerate` conserve vos modifications.", form.Text);
        Assert.Equal(("Modifier le projet de rapport de AG1", "Enregistrer le projet"), (form.Form!.Title, form.Form.SubmitLabel));
        Assert.Equal(["Séance", "Projet de rapport (Markdown)"], form.Form.Fields.Select(f => f.Label));
        var markdown = form.Form.Fields[1].Value!;
        var edited = await _harness.Expect("rap", $"draft edit {markdown.Replace("| Room | Room A |", "| Room | Room B |", StringComparison.Ordinal)}");
        Assert.StartsWith("Vos modifications sont enregistrées. `draft regenerate` les conserve", edited.Reply.Text, StringComparison.Ordinal);
        Assert.Contains(edited.Reply.Facts, f => f is { Label: "État", Value: "modifié par le rapporteur" });

        var kept = (await _harness.Expect("rap", "draft regenerate")).Reply;
        Assert.Equal("Votre version modifiée du projet de rapport de AG1 est conservée. Le nouveau projet automatique est joint pour comparaison ; `draft regenerate overwrite` remplace vos modifications par celui-ci.", kept.Text);
        Assert.Equal("Nouveau projet de rapport de AG1 (non enregistré)", kept.Title);
        await _harness.Expect("rap", "draft regenerate overwrite");

        var point = await _harness.Expect("rap", "draft point s1 Participants stressed the protection of the human rights of all migrants.");
        Assert.Equal("Phrase 1 du résumé du projet de rapport de AG1 est enregistrée telle que vous l'avez rédigée. `draft regenerate` la conserve.", point.Reply.Text);
        var redrafted = (await _harness.Expect("rap", "draft regenerate")).Reply;
        Assert.StartsWith("Projet rédigé à nouveau à partir des fiches et des contributions les plus récentes ; le point que vous avez reformulé est conservé", redrafted.Text, StringComparison.Ordinal);

        var sources = (await _harness.Expect("rap", "draft sources 1")).Reply;
        Assert.Matches(@"^Recommandation 1 du projet de rapport de AG1 repose sur \d+ sources?$", sources.Title);
        Assert.Contains(sources.Items, i => i.Label.StartsWith("Fiche n° ", StringComparison.Ordinal) && i.Label.Contains("Mexico", StringComparison.Ordinal));
        Assert.Contains(sources.Items, i => i.Detail.Contains(" · moyens : Bilateral labour agreements · partenariats : ILO, employers", StringComparison.Ordinal));
        Assert.StartsWith("Le projet de rapport comporte ", (await _harness.Refused("rap", "draft point s99 Some new text.")).Text, StringComparison.Ordinal);
        Assert.StartsWith("Phrase 1 du résumé doit comporter un texte de 1 à 4 000 caractères", (await _harness.Refused("rap", "draft point s1")).Text.Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
        var export = (await _harness.Expect("rap", "draft export md")).Reply;
        Assert.Equal("Le projet de rapport non publié de AG1 : draft-AG1.md.", export.Text);

        var published = await _harness.Expect("rap", "draft publish");

        Assert.Equal("Rapport de AG1 : Action Group 1: Human dimension", published.Reply.Title);
        Assert.StartsWith("Le rapport de AG1, examiné et publié par rap.\n\nSummary of discussions\n", published.Reply.Text, StringComparison.Ordinal);
        var room = Assert.Single(published.Announcements);
        Assert.StartsWith("The report of AG1, reviewed and published by rap.\n\nSummary of discussions\n", room.For(Texts.English).Text, StringComparison.Ordinal);
        Assert.Equal("Report of AG1: Action Group 1: Human dimension", room.For(Texts.English).Title);
    }

    [Fact]
    public async Task DraftPath_SpanishRapporteurFrenchMeeting_FrameInSpanishReportInFrench()
    {
        await _harness.Expect(MeetingHarness.Organiser, "language default fr");
        await _harness.Expect("rap", "language es");

        var drafted = (await _harness.Expect("rap", "draft")).Reply;

        Assert.Equal("Proyecto de informe de AG1 (no publicado)", drafted.Title);
        Assert.StartsWith("Revíselo antes de que se difunda: `draft edit` para modificarlo, `draft sources <n>` para ver en qué se basa una recomendación", drafted.Text, StringComparison.Ordinal);
        Assert.Contains(drafted.Facts, f => f is { Label: "Método de redacción", Value: "extractivo" });
        Assert.Contains(drafted.Facts, f => f is { Label: "Estado", Value: "tal como se redactó" });
        Assert.Equal(["Publicar", "Markdown", "Editar"], drafted.Actions.Select(a => a.Label));
        // The report is the meeting's, in its default language: French, its date too.
        Assert.Contains("\n\nRésumé des débats\n", drafted.Text, StringComparison.Ordinal);
        Assert.Contains(drafted.Facts, f => f is { Label: "Salle", Value: "Room A" });
        Assert.Contains(drafted.Facts, f => f.Label == "Date et heure" && f.Value.Contains("décembre", StringComparison.Ordinal));
        Assert.StartsWith("Moyens de mise en œuvre : ", drafted.Items[0].Detail, StringComparison.Ordinal);
        Assert.Contains("Résumé des débats", DocxText(drafted.Attachment!), StringComparison.Ordinal);
        Assert.Empty(EnglishIn(Frame(drafted), "es"));

        var markdown = Encoding.UTF8.GetString((await _harness.Expect("rap", "draft export md")).Reply.Attachment!.Content);
        var form = (await _harness.Expect("rap", "draft edit")).Reply.Form!;
        Assert.Equal(("Modificar el proyecto de informe de AG1", "Guardar el proyecto"), (form.Title, form.SubmitLabel));
        var edited = await _harness.Expect("rap", $"draft edit {markdown.Replace("| Salle | Room A |", "| Salle | Salle B |", StringComparison.Ordinal)}");
        Assert.StartsWith("Sus modificaciones se han guardado.", edited.Reply.Text, StringComparison.Ordinal);
        Assert.Contains(edited.Reply.Facts, f => f is { Label: "Salle", Value: "Salle B" });
        var point = await _harness.Expect("rap", "draft point 1 Ampliar las vías regulares | Acuerdos bilaterales | OIT, OIM");
        Assert.Equal("Recomendación 1 del proyecto de informe de AG1 se ha guardado tal como usted la redactó. `draft regenerate` la conserva.", point.Reply.Text);
        var sources = (await _harness.Expect("rap", "draft sources 1")).Reply;
        // A point rewritten on its own keeps its sources.
        Assert.Matches(@"^Recomendación 1 del proyecto de informe de AG1 se basa en \d+ fuentes?$", sources.Title);
        Assert.Contains(sources.Items, i => i.Label.StartsWith("Tarjeta n.º ", StringComparison.Ordinal) && i.Label.Contains("Mexico", StringComparison.Ordinal));

        // A second conversation in the room reads Spanish; the first has the meeting's default.
        await _harness.Expect(MeetingHarness.Organiser, "bind Room A", SecondRoomA);
        await _harness.Expect(MeetingHarness.Organiser, "language room es", SecondRoomA);
        var docxBefore = _drafter.DocxCount;
        var published = await _harness.Expect("rap", "draft publish");

        Assert.Equal("Informe de AG1: Action Group 1: Human dimension", published.Reply.Title);
        Assert.StartsWith("El informe de AG1, examinado y publicado por rap.\n\nRésumé des débats\n", published.Reply.Text, StringComparison.Ordinal);
        var room = Assert.Single(published.Announcements);
        var french = room.For(Texts.For(Language.French));
        var spanish = room.For(Texts.For(Language.Spanish));
        Assert.Equal("Rapport de AG1 : Action Group 1: Human dimension", french.Title);
        Assert.StartsWith("Le rapport de AG1, examiné et publié par rap.\n\nRésumé des débats\n", french.Text, StringComparison.Ordinal);
        Assert.StartsWith("El informe de AG1, examinado y publicado por rap.\n\nRésumé des débats\n", spanish.Text, StringComparison.Ordinal);
        Assert.Equal("Ampliar las vías regulares", french.Items[0].Label);
        Assert.Equal("Moyens de mise en œuvre : Acuerdos bilaterales · Partenariats : OIT, OIM", spanish.Items[0].Detail);
        // The report is composed once, its .docx rendered once: each room only gets its own frame around it.
        Assert.Same(french.Items, spanish.Items);
        Assert.Same(french.Attachment, spanish.Attachment);
        Assert.Same(published.Reply.Attachment, spanish.Attachment);
        Assert.Equal(docxBefore + 1, _drafter.DocxCount);
        Assert.Equal(french.Text[french.Text.IndexOf("\n\n", StringComparison.Ordinal)..], spanish.Text[spanish.Text.IndexOf("\n\n", StringComparison.Ordinal)..]);
        Assert.NotNull(await _harness.Query(db => db.Drafts.AsNoTracking().Select(d => d.PublishedAt).SingleAsync()));
    }

    [Fact]
    public void EnglishIn_AnEnglishFrame_FindsTheEnglish()
    {
        // The check itself: an English frame is caught.
        Assert.Contains("edited by the rapporteur", EnglishIn("Draft report of AG1 (not published)\nedited by the rapporteur", "fr"));
    }

    /// <summary>What frames the report in a reply: its title, the introduction before the report, the facts that are not the report's header, the buttons.</summary>
    private static string Frame(Reply reply) =>
        string.Join("\n", [reply.Title, reply.Text[..reply.Text.IndexOf("\n\n", StringComparison.Ordinal)], .. reply.Facts.Skip(4).Select(f => f.Label + " " + f.Value), .. reply.Actions.Select(a => a.Label)]);

    /// <summary>Fragments of English texts, not also in their translation, that appear in the frame.</summary>
    private static List<string> EnglishIn(string shown, string code)
    {
        var resources = new ResourceManager("GcmBot.Core.Localisation.Texts", typeof(Texts).Assembly);
        var english = Entries(resources, CultureInfo.InvariantCulture);
        var own = Entries(resources, CultureInfo.GetCultureInfo(code));
        return [.. english
            .Where(e => own.ContainsKey(e.Key))
            .SelectMany(e => Placeholder().Split(e.Value).Select(fragment => fragment.Trim())
                .Where(fragment => fragment.Length >= 8 && !own[e.Key].Contains(fragment, StringComparison.Ordinal)))
            .Where(fragment => shown.Contains(fragment, StringComparison.Ordinal))
            .Distinct()];
    }

    private static Dictionary<string, string> Entries(ResourceManager resources, CultureInfo culture) =>
        resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static string DocxText(Attachment attachment)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(attachment.Content), false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }

    private async Task Say(string user, string text)
    {
        var contributions = new ContributionService(_harness.Store, _harness.Time);
        Assert.NotNull((await contributions.CaptureAsync(MeetingHarness.Channel, MeetingHarness.RoomA, $"msg-{++_messages}", user, user, text, CancellationToken.None)).Contribution);
    }

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();

    /// <summary>The real drafter, counting the Word documents it renders.</summary>
    private sealed class CountingDrafter(IReportDrafter inner) : IReportDrafter
    {
        public int DocxCount { get; private set; }

        public Task<DraftOutcome> DraftAsync(DraftInput input, CancellationToken cancellationToken) => inner.DraftAsync(input, cancellationToken);

        public string ToMarkdown(Report report, Language language) => inner.ToMarkdown(report, language);

        public byte[] ToDocx(Report report, Language language)
        {
            DocxCount++;
            return inner.ToDocx(report, language);
        }

        public Report FromMarkdown(string markdown, Report basis, Language language) => inner.FromMarkdown(markdown, basis, language);
    }
}
