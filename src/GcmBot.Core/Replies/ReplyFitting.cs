using System.Globalization;
using System.Text;

namespace GcmBot.Core.Replies;

/// <summary>
/// Makes a reply fit a channel's message limit without losing anything: the rows that fit are shown, with a
/// note, and the whole reply (every row) goes with it as a Markdown file. Each adapter says what fits.
/// </summary>
public static class ReplyFitting
{
    public const string FileContentType = "text/markdown";

    /// <param name="fits">The channel's limit: whether this version of the reply can be sent.</param>
    public static Reply Fit(Reply reply, Func<Reply, bool> fits)
    {
        if (fits(reply))
        {
            return reply;
        }

        // A reply that already carries a file keeps it; otherwise the whole reply becomes the file.
        var file = reply.Attachment ?? new Attachment(FileName(reply), FileContentType, Encoding.UTF8.GetBytes(AsMarkdown(reply)));
        var text = reply.Text;
        var texts = Localisation.Texts.For(reply.Language);
        Reply Shown(int rows) => reply with
        {
            Text = $"{text}\n\n{(rows < reply.Items.Count ? texts.Format("Fit.Showing", rows, reply.Items.Count, file.FileName) : texts.Format("Fit.Whole", file.FileName))}".TrimStart('\n'),
            Items = [.. reply.Items.Take(rows)],
            Attachment = file,
        };

        // The most rows that fit (binary search: fitting is monotone in the number of rows).
        int low = 0, high = reply.Items.Count;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (fits(Shown(middle)))
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        var shown = Shown(low);
        if (fits(shown))
        {
            return shown;
        }

        // Even without rows the text is too long: a short version, the rest in the file.
        return shown with { Text = $"{Cut(text, 1000)}\n\n{texts.Format("Fit.Whole", file.FileName)}", Facts = [.. reply.Facts.Take(10)] };
    }

    /// <summary>The reply as a Markdown document: title, text, facts, then every row.</summary>
    public static string AsMarkdown(Reply reply)
    {
        var text = new StringBuilder();
        if (reply.Title is { Length: > 0 } title)
        {
            text.Append("# ").Append(title).Append("\n\n");
        }

        if (reply.Text.Length > 0)
        {
            text.Append(reply.Text).Append("\n\n");
        }

        foreach (var fact in reply.Facts)
        {
            text.Append("- **").Append(fact.Label).Append(":** ").Append(fact.Value).Append('\n');
        }

        if (reply.Facts.Count > 0)
        {
            text.Append('\n');
        }

        foreach (var item in reply.Items)
        {
            text.Append(CultureInfo.InvariantCulture, $"{item.Position}. **{item.Label}**");
            text.Append(item.Detail.Length > 0 ? " — " + item.Detail : "").Append('\n');
        }

        return text.ToString();
    }

    private static string FileName(Reply reply)
    {
        var slug = new string([.. (reply.Title ?? "answer").ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return (slug.Length == 0 ? "answer" : slug) + ".md";
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
