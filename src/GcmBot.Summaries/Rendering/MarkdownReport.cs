using System.Text;
using GcmBot.Core.Drafting;

namespace GcmBot.Summaries.Rendering;

/// <summary>
/// The reporting template (Annex 2) as Markdown, and back: the rapporteur edits this text and
/// <c>draft edit</c> reads it again, in the same language. Recommendations list their sources so that edits keep them.
/// </summary>
internal static class MarkdownReport
{
    public static string Render(Report report, ReportLabels labels)
    {
        var h = report.Header;
        var text = new StringBuilder().Append("# ").Append(labels.Title).Append("\n\n| | |\n| --- | --- |\n");
        foreach (var (label, value) in labels.Header.Zip([h.ActionGroup, h.DateAndTime, h.Room, h.Moderator, h.Rapporteur]))
        {
            text.Append("| ").Append(label).Append(" | ").Append(Cell(value)).Append(" |\n");
        }

        text.Append("\n## ").Append(labels.Summary).Append("\n\n")
            .Append(report.Summary.Count == 0 ? labels.Nothing : string.Join(' ', report.Summary.Select(s => OneLine(s.Text)))).Append('\n');
        for (var i = 0; i < report.Recommendations.Count; i++)
        {
            var r = report.Recommendations[i];
            text.Append("\n## ").Append(labels.RecommendationNumber(i + 1)).Append("\n\n")
                .Append(Field(labels, 0)).Append(' ').Append(OneLine(r.Recommendation)).Append("  \n")
                .Append(Field(labels, 1)).Append(' ').Append(OneLine(r.Means)).Append("  \n")
                .Append(Field(labels, 2)).Append(' ').Append(OneLine(r.Partnerships)).Append("  \n")
                .Append('*').Append(labels.Label(labels.Sources)).Append(' ').Append(string.Join(", ", r.Sources)).Append("*\n");
        }

        text.Append("\n## ").Append(labels.Observations).Append("\n\n");
        text.Append(report.Observations.Count == 0 ? labels.Nothing + "\n" : string.Concat(report.Observations.Select(o => $"- {OneLine(o.Text)}\n")));
        return text.ToString();
    }

    /// <summary>Recommendation part <paramref name="column"/>'s label as the Markdown writes it, e.g. “**Partnerships:**”.</summary>
    private static string Field(ReportLabels labels, int column) => $"**{labels.Label(labels.Columns[column])}**";

    /// <exception cref="FormatException">A section of the template is missing or unreadable.</exception>
    public static Report Parse(string markdown, Report basis, ReportLabels labels)
    {
        var summaryHeading = $"## {labels.Summary}";
        var observationsHeading = $"## {labels.Observations}";
        var recommendationHeading = $"## {labels.Recommendation} ";
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        var sections = Sections(lines);

        var header = Header(sections.GetValueOrDefault("") ?? [], basis.Header, labels.Header);
        if (!sections.TryGetValue(summaryHeading, out var summaryLines))
        {
            throw new FormatException($"the heading “{summaryHeading}” is missing.");
        }

        if (!sections.TryGetValue(observationsHeading, out var observationLines))
        {
            throw new FormatException($"the heading “{observationsHeading}” is missing.");
        }

        var summaryText = OneLine(string.Join(' ', summaryLines));
        var summary = summaryText == labels.Nothing ? [] : Sentences(summaryText, basis.Summary);

        var recommendations = new List<ReportRecommendation>();
        for (var n = 1; sections.TryGetValue(recommendationHeading + n, out var body); n++)
        {
            recommendations.Add(Recommendation(n, body, basis.Recommendations, labels));
        }

        if (sections.Keys.Count(k => k.StartsWith(recommendationHeading, StringComparison.Ordinal)) != recommendations.Count)
        {
            throw new FormatException($"recommendations must be numbered 1, 2, 3… without gaps (“{recommendationHeading}1”).");
        }

        var observations = observationLines.Where(l => l.Length > 0 && l != labels.Nothing)
            .Select(l => l.TrimStart('-', '*', ' '))
            .Select(l => Keep(l, basis.Observations)).ToList();
        return new Report(header, summary, recommendations, observations);
    }

    private static Dictionary<string, List<string>> Sections(List<string> lines)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal) { [""] = [] };
        var current = sections[""];
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                var heading = string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                if (sections.ContainsKey(heading))
                {
                    throw new FormatException($"the heading “{heading}” appears twice.");
                }

                sections[heading] = current = [];
                continue;
            }

            current.Add(line.Trim());
        }

        return sections;
    }

    private static ReportHeader Header(List<string> lines, ReportHeader basis, IReadOnlyList<string> labels)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Where(l => l.StartsWith('|')))
        {
            var cells = SplitRow(line);
            if (cells.Count >= 2 && labels.Contains(cells[0], StringComparer.OrdinalIgnoreCase))
            {
                values[cells[0]] = cells[1];
            }
        }

        string Value(string label, string fallback) => values.GetValueOrDefault(label) ?? fallback;
        return new ReportHeader(
            Value(labels[0], basis.ActionGroup),
            Value(labels[1], basis.DateAndTime),
            Value(labels[2], basis.Room),
            Value(labels[3], basis.Moderator),
            Value(labels[4], basis.Rapporteur));
    }

    private static ReportRecommendation Recommendation(int number, List<string> body, IReadOnlyList<ReportRecommendation> basis, ReportLabels labels)
    {
        string? Value(int column) => body.FirstOrDefault(l => l.StartsWith(Field(labels, column), StringComparison.Ordinal))?[Field(labels, column).Length..].Trim();

        var text = Value(0);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException($"recommendation {number} has no “{Field(labels, 0)}” line.");
        }

        var sourcesLabel = labels.Label(labels.Sources);
        var sourcesLine = body.FirstOrDefault(l => l.Trim('*', '_').StartsWith(sourcesLabel, StringComparison.Ordinal));
        IReadOnlyList<string> sources = sourcesLine is not null
            ? [.. sourcesLine.Trim('*', '_')[sourcesLabel.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
            : basis.FirstOrDefault(b => Same(b.Recommendation, text))?.Sources ?? [];
        return new ReportRecommendation(text, Value(1) ?? "", Value(2) ?? "", sources);
    }

    /// <summary>
    /// The summary's sentences: those left as drafted are recognised whole (a drafted sentence may quote
    /// several), and keep their sources; the rest is split at sentence ends.
    /// </summary>
    private static List<ReportSentence> Sentences(string text, IReadOnlyList<ReportSentence> basis)
    {
        var sentences = new List<ReportSentence>();
        var rest = text;
        while (rest.Length > 0)
        {
            var drafted = basis.FirstOrDefault(b => b.Text.Length > 0 && rest.StartsWith(OneLine(b.Text), StringComparison.Ordinal));
            var sentence = drafted is not null ? OneLine(drafted.Text) : Text.SentenceSplitter.Split(rest).First();
            sentences.Add(new ReportSentence(sentence, drafted?.Sources ?? []));
            rest = rest[sentence.Length..].TrimStart();
        }

        return sentences;
    }

    /// <summary>A sentence keeps its sources only if the rapporteur left it as drafted.</summary>
    private static ReportSentence Keep(string text, IReadOnlyList<ReportSentence> basis) =>
        new(text, basis.FirstOrDefault(b => Same(b.Text, text))?.Sources ?? []);

    private static bool Same(string a, string b) =>
        string.Equals(OneLine(a), OneLine(b), StringComparison.Ordinal);

    private static List<string> SplitRow(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var inner = line.Trim().Trim('|');
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length && inner[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (inner[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(inner[i]);
            }
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }

    private static string Cell(string value) => OneLine(value).Replace("|", "\\|", StringComparison.Ordinal);

    private static string OneLine(string value) =>
        string.Join(' ', value.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
}
