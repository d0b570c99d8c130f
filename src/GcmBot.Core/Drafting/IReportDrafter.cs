using GcmBot.Core.Localisation;

namespace GcmBot.Core.Drafting;

/// <summary>
/// Drafts and renders the rapporteur's report (DESIGN.md §6). The core calls it; GcmBot.Summaries
/// implements it, so the core stays free of models, HTTP and file formats.
/// </summary>
public interface IReportDrafter
{
    /// <summary>
    /// Drafts a verified report. Model failures do not throw: the implementation falls back to its
    /// extractive drafter and says so in <see cref="DraftOutcome.Note"/>.
    /// </summary>
    Task<DraftOutcome> DraftAsync(DraftInput input, CancellationToken cancellationToken);

    /// <summary>The report in the reporting template, as Markdown, the template's own text in <paramref name="language"/>.</summary>
    string ToMarkdown(Report report, Language language);

    /// <summary>The report in the reporting template, as a Word document, the template's own text in <paramref name="language"/>.</summary>
    byte[] ToDocx(Report report, Language language);

    /// <summary>
    /// Reads a report back from Markdown the rapporteur edited. Sources of points whose text did not
    /// change are kept from <paramref name="basis"/>; changed points carry the rapporteur's word only.
    /// </summary>
    /// <param name="language">The language <see cref="ToMarkdown"/> wrote the template's text in.</param>
    /// <exception cref="FormatException">The text does not follow the template; the message says what is wrong.</exception>
    Report FromMarkdown(string markdown, Report basis, Language language);
}
