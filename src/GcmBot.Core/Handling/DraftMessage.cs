using System.Text;
using GcmBot.Core.Drafting;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

/// <summary>
/// A report as a chat message in the channel-neutral reply structure: the header as facts, the summary
/// as text, the recommendations as a numbered list. Markdown tables are left out because Teams and
/// Discord do not render them; the full report travels as the attached <c>.docx</c>.
/// </summary>
internal static class DraftMessage
{
    /// <summary>The text's budget: Discord caps a message at 2,000 characters.</summary>
    public const int TextLimit = 1800;

    /// <summary>The list's budget: Discord caps an embed's description at 4,096 characters.</summary>
    public const int ListLimit = 3800;

    public const string SummaryHeading = "Summary of discussions";
    public const string RecommendationsHeading = "Recommendations for actionable commitments";

    private const string Cut = " … (the full summary is in the attached .docx)";

    /// <param name="intro">What the reply says before the report, e.g. what was saved.</param>
    public static Reply Compose(string intro, Report report)
    {
        var (items, listed) = List(report.Recommendations);
        var tail = new StringBuilder();
        tail.Append(report.Recommendations.Count switch
        {
            0 => "\n\nNo recommendations for actionable commitments.",
            _ when listed < report.Recommendations.Count => $"\n\n{RecommendationsHeading} (the first {listed} of {report.Recommendations.Count}; all are in the attached .docx):",
            _ => $"\n\n{RecommendationsHeading}:",
        });
        if (report.Observations.Count > 0)
        {
            tail.Insert(0, $"\n\nAny other observations: {report.Observations.Count}, in the attached .docx.");
        }

        var head = $"{intro}\n\n{SummaryHeading}\n";
        var summary = Summary(report.Summary, TextLimit - head.Length - tail.Length);
        var h = report.Header;
        return new Reply($"{head}{summary}{tail}")
        {
            Facts =
            [
                new Fact("Date and time", h.DateAndTime),
                new Fact("Room", h.Room),
                new Fact("Moderator", h.Moderator),
                new Fact("Rapporteur", h.Rapporteur),
            ],
            Items = items,
        };
    }

    /// <summary>Whole sentences while they fit the budget; the rest is in the attachment.</summary>
    private static string Summary(IReadOnlyList<ReportSentence> sentences, int budget)
    {
        if (sentences.Count == 0)
        {
            return "None.";
        }

        var text = new StringBuilder();
        foreach (var sentence in sentences)
        {
            var separator = text.Length == 0 ? "" : " ";
            if (text.Length + separator.Length + sentence.Text.Length > budget - Cut.Length)
            {
                return text.Length == 0 ? $"{sentence.Text[..Math.Max(0, budget - Cut.Length)].TrimEnd()}{Cut}" : $"{text}{Cut}";
            }

            text.Append(separator).Append(sentence.Text);
        }

        return text.ToString();
    }

    private static (List<ListItem> Items, int Listed) List(IReadOnlyList<ReportRecommendation> recommendations)
    {
        var items = new List<ListItem>();
        var used = 0;
        foreach (var r in recommendations)
        {
            var item = new ListItem(items.Count + 1, r.Recommendation, $"Means of implementation: {Or(r.Means)} · Partnerships: {Or(r.Partnerships)}");
            // The renderer adds the number and separators: about a dozen characters a line.
            used += item.Label.Length + item.Detail.Length + 12;
            if (used > ListLimit)
            {
                break;
            }

            items.Add(item);
        }

        return (items, items.Count);
    }

    /// <summary>An empty field shown as a dash rather than as nothing.</summary>
    public static string Or(string value) => value.Length == 0 ? "—" : value;
}
