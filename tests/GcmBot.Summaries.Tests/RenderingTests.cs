using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GcmBot.Core.Drafting;
using GcmBot.Core.Localisation;

namespace GcmBot.Summaries.Tests;

public sealed class RenderingTests : IDisposable
{
    private readonly Drafting _drafting = new(Samples.Options());
    private readonly string _folder = Directory.CreateTempSubdirectory("gcmbot-docx-").FullName;

    [Fact]
    public async Task ToMarkdown_SampleSession_EverySectionOfTheTemplate()
    {
        var report = await DraftAsync();

        var markdown = _drafting.Pipeline.ToMarkdown(report, Language.English);

        foreach (var label in EnglishHeader)
        {
            Assert.Contains($"| {label} |", markdown, StringComparison.Ordinal);
        }

        Assert.Contains("## Summary of discussions", markdown, StringComparison.Ordinal);
        for (var n = 1; n <= report.Recommendations.Count; n++)
        {
            Assert.Contains($"## Recommendation for actionable commitment {n}\n", markdown, StringComparison.Ordinal);
        }

        Assert.Equal(report.Recommendations.Count, CountOf(markdown, "**Means of implementation:**"));
        Assert.Contains("## Any other observations", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromMarkdown_Unedited_SameReport()
    {
        var report = await DraftAsync();

        var read = _drafting.Pipeline.FromMarkdown(_drafting.Pipeline.ToMarkdown(report, Language.English), report, Language.English);

        Assert.Equal(ReportJson.Serialize(report), ReportJson.Serialize(read));
    }

    [Fact]
    public async Task FromMarkdown_Edited_EditsKeptAndChangedSentenceLosesSources()
    {
        var report = await DraftAsync();
        var markdown = _drafting.Pipeline.ToMarkdown(report, Language.English)
            .Replace(report.Summary[0].Text, "The rapporteur's own opening sentence.", StringComparison.Ordinal)
            .Replace("| Room | Room A |", "| Room | Room B |", StringComparison.Ordinal);

        var read = _drafting.Pipeline.FromMarkdown(markdown, report, Language.English);

        Assert.Equal("Room B", read.Header.Room);
        Assert.Equal("The rapporteur's own opening sentence.", read.Summary[0].Text);
        Assert.Empty(read.Summary[0].Sources);
        Assert.Equal(report.Summary[1].Sources, read.Summary[1].Sources);
        Assert.Equal(report.Recommendations.Select(r => r.Sources), read.Recommendations.Select(r => r.Sources));
    }

    [Fact]
    public void FromMarkdown_NotTheTemplate_ExplainsWhatIsMissing()
    {
        var error = Assert.Throws<FormatException>(() => _drafting.Pipeline.FromMarkdown("Just some notes.", new Report(Samples.Header, [], [], []), Language.English));

        Assert.Contains("Summary of discussions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToDocx_SampleSession_OpensWithTheTemplateLayout()
    {
        var report = await DraftAsync();

        using var document = WordprocessingDocument.Open(new MemoryStream(_drafting.Pipeline.ToDocx(report, Language.English)), false);

        var body = document.MainDocumentPart!.Document!.Body!;
        var tables = body.Elements<Table>().ToList();
        Assert.Equal(1 + report.Recommendations.Count, tables.Count);
        var header = tables[0].Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(EnglishHeader, header.Select(r => r[0]));
        Assert.Equal(report.Header.Room, header[2][1]);
        for (var i = 0; i < report.Recommendations.Count; i++)
        {
            var rows = tables[i + 1].Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Equal(["Recommendation", "Means of implementation", "Partnerships"], rows[0]);
            var r = report.Recommendations[i];
            Assert.Equal([r.Recommendation, r.Means, r.Partnerships], rows[1]);
        }

        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(report.Recommendations.Count, paragraphs.Count(p => p.StartsWith("Recommendation for actionable commitment ", StringComparison.Ordinal)));
        Assert.Contains("Any other observations", paragraphs);
    }

    [Fact]
    public async Task ToDocx_Summary_FullWidthBodyTextAfterItsHeading()
    {
        var report = await DraftAsync();

        using var document = WordprocessingDocument.Open(new MemoryStream(_drafting.Pipeline.ToDocx(report, Language.English)), false);

        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        var heading = paragraphs.IndexOf("Summary of discussions");
        Assert.True(heading >= 0, "no summary heading in the body");
        Assert.Equal(string.Join(' ', report.Summary.Select(s => s.Text)), paragraphs[heading + 1]);
        Assert.DoesNotContain(body.Descendants<TableCell>(), c => c.InnerText.Contains(report.Summary[0].Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ToDocx_FrenchReportLanguage_TheTemplatesTextInFrench()
    {
        var report = await DraftAsync();

        using var document = WordprocessingDocument.Open(new MemoryStream(_drafting.Pipeline.ToDocx(report, Language.French)), false);

        var body = document.MainDocumentPart!.Document!.Body!;
        var tables = body.Elements<Table>().ToList();
        Assert.Equal(["Groupe d'action", "Date et heure", "Salle", "Modérateur", "Rapporteur"], tables[0].Elements<TableRow>().Select(r => r.Elements<TableCell>().First().InnerText));
        Assert.Equal(["Recommandation", "Moyens de mise en œuvre", "Partenariats"], tables[1].Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText));
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal("Rapport du groupe d'action", paragraphs[0]);
        Assert.Contains("Résumé des débats", paragraphs);
        Assert.Equal(report.Recommendations.Count, paragraphs.Count(p => p.StartsWith("Recommandation en vue d'un engagement concret ", StringComparison.Ordinal)));
        Assert.Contains(paragraphs, p => p.StartsWith("Sources : ", StringComparison.Ordinal));
        Assert.Contains("Autres observations", paragraphs);
        Assert.DoesNotContain(paragraphs, p => p.Contains("Summary of discussions", StringComparison.Ordinal) || p.Contains("Recommendation for", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ToMarkdown_SpanishReportLanguage_TheTemplatesTextInSpanishAndReadBack()
    {
        var report = await DraftAsync();

        var markdown = _drafting.Pipeline.ToMarkdown(report, Language.Spanish);

        Assert.StartsWith("# Informe del grupo de acción\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Sala | Room A |", markdown, StringComparison.Ordinal);
        Assert.Contains("## Resumen de los debates", markdown, StringComparison.Ordinal);
        Assert.Contains("## Recomendación para un compromiso concreto 1\n", markdown, StringComparison.Ordinal);
        Assert.Equal(report.Recommendations.Count, CountOf(markdown, "**Medios de implementación:**"));
        Assert.Contains("## Otras observaciones", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Summary of discussions", markdown, StringComparison.Ordinal);
        var edited = markdown.Replace("| Sala | Room A |", "| Sala | Sala B |", StringComparison.Ordinal);
        var read = _drafting.Pipeline.FromMarkdown(edited, report, Language.Spanish);
        Assert.Equal(ReportJson.Serialize(report with { Header = report.Header with { Room = "Sala B" } }), ReportJson.Serialize(read));
    }

    [Fact]
    public async Task FromMarkdown_FrenchReport_ReadBackTheSame()
    {
        var report = await DraftAsync();

        var read = _drafting.Pipeline.FromMarkdown(_drafting.Pipeline.ToMarkdown(report, Language.French), report, Language.French);

        Assert.Equal(ReportJson.Serialize(report), ReportJson.Serialize(read));
    }

    [Fact]
    public async Task ToDocx_ConvertedByLibreOfficeHeadless_ToPdfWithoutError()
    {
        var docx = Path.Combine(_folder, "report.docx");
        await File.WriteAllBytesAsync(docx, _drafting.Pipeline.ToDocx(await DraftAsync(), Language.English));

        // A private profile: a shared one is locked by any other soffice running on the machine.
        var start = new ProcessStartInfo("soffice", ["--headless", "--norestore", $"-env:UserInstallation=file://{_folder}/profile", "--convert-to", "pdf", "--outdir", _folder, docx])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var soffice = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start; ./test.sh installs libreoffice-writer-nogui.");
        var errors = soffice.StandardError.ReadToEndAsync();
        var output = await soffice.StandardOutput.ReadToEndAsync();
        await soffice.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);

        Assert.True(soffice.ExitCode == 0, $"soffice exited with {soffice.ExitCode}: {output} {await errors}");
        var pdf = await File.ReadAllBytesAsync(Path.Combine(_folder, "report.pdf"));
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.True(pdf.Length > 5_000, $"the PDF is only {pdf.Length} bytes");
    }

    private static readonly string[] EnglishHeader = ["Action group", "Date and time", "Room", "Moderator", "Rapporteur"];

    private async Task<Report> DraftAsync() => (await _drafting.Pipeline.DraftAsync(Samples.Session(), CancellationToken.None)).Report;

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    public void Dispose()
    {
        _drafting.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
