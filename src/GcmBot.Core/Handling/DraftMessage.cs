using System.Text;
using GcmBot.Core.Drafting;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

/// <summary>
/// A report as a chat message in the channel-neutral reply structure: the header as facts, the summary
/// as text, the recommendations as a numbered list. Markdown tables are left out because Teams and
/// Discord do not render them; the full report travels as the attached <c>.docx</c>.
/// </summary>
/// <remarks>
/// The body is the report, in the report language, composed once; <see cref="Frame"/> puts the words of whoever
/// reads it (what was saved, who published it) in front, once per reader.
/// </remarks>
internal static class DraftMessage
{
    /// <summary>The text's budget: Discord caps a message at 2,000 characters.</summary>
    public const int TextLimit = 1800;

    /// <summary>What the body leaves for the frame's introduction, in any language.</summary>
    public const int IntroLimit = 300;

    /// <summary>The list's budget: Discord caps an embed's description at 4,096 characters.</summary>
    public const int ListLimit = 3800;

    /// <summary>The report's body, its template text in <paramref name="report"/>'s language (<paramref name="texts"/>).</summary>
    public static Reply Body(Report report, Texts texts)
    {
        var (items, listed) = List(report.Recommendations, texts);
        var tail = new StringBuilder();
        tail.Append(report.Recommendations.Count switch
        {
            0 => "\n\n" + texts.Format("Staff.Draft.Body.NoRecommendations"),
            _ when listed < report.Recommendations.Count => "\n\n" + texts.Format("Staff.Draft.Body.RecommendationsFirst", listed, report.Recommendations.Count),
            _ => "\n\n" + texts.Format("Staff.Draft.Body.Recommendations"),
        });
        if (report.Observations.Count > 0)
        {
            tail.Insert(0, "\n\n" + texts.Format("Staff.Draft.Body.Observations", report.Observations.Count));
        }

        var head = $"{texts.Format("Staff.Report.Summary")}\n";
        var summary = Summary(report.Summary, TextLimit - IntroLimit - head.Length - tail.Length, texts);
        var h = report.Header;
        return new Reply($"{head}{summary}{tail}")
        {
            Facts =
            [
                new Fact(texts.Format("Staff.Report.Header.DateAndTime"), h.DateAndTime),
                new Fact(texts.Format("Staff.Report.Header.Room"), h.Room),
                new Fact(texts.Format("Staff.Report.Header.Moderator"), h.Moderator),
                new Fact(texts.Format("Staff.Report.Header.Rapporteur"), h.Rapporteur),
            ],
            Items = items,
        };
    }

    /// <param name="intro">What the reply says before the report, e.g. what was saved, in the reader's language.</param>
    public static Reply Frame(Reply body, string intro) => body with { Text = $"{intro}\n\n{body.Text}" };

    /// <summary>Whole sentences while they fit the budget; the rest is in the attachment.</summary>
    private static string Summary(IReadOnlyList<ReportSentence> sentences, int budget, Texts texts)
    {
        if (sentences.Count == 0)
        {
            return texts.Format("Staff.Report.Nothing");
        }

        var cut = " " + texts.Format("Staff.Draft.Body.Cut");
        var text = new StringBuilder();
        foreach (var sentence in sentences)
        {
            var separator = text.Length == 0 ? "" : " ";
            if (text.Length + separator.Length + sentence.Text.Length > budget - cut.Length)
            {
                return text.Length == 0 ? $"{sentence.Text[..Math.Max(0, budget - cut.Length)].TrimEnd()}{cut}" : $"{text}{cut}";
            }

            text.Append(separator).Append(sentence.Text);
        }

        return text.ToString();
    }

    private static (List<ListItem> Items, int Listed) List(IReadOnlyList<ReportRecommendation> recommendations, Texts texts)
    {
        var items = new List<ListItem>();
        var used = 0;
        foreach (var r in recommendations)
        {
            var item = new ListItem(items.Count + 1, r.Recommendation, texts.Format("Staff.Draft.Body.Means", Or(r.Means), Or(r.Partnerships)));
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
