using System.Net;
using System.Text.RegularExpressions;
using GcmBot.Teams.Wire;

namespace GcmBot.Teams.Receiving;

/// <summary>Reads the command text of a message: without the bot's own @mention, HTML entities decoded.</summary>
internal static partial class MentionText
{
    /// <returns>The text, and whether the bot was mentioned.</returns>
    public static (string Text, bool MentionedBot) Strip(Activity activity)
    {
        var text = activity.Text ?? "";
        var mentioned = false;
        foreach (var entity in activity.Entities ?? [])
        {
            if (string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                && entity.Mentioned?.Id is { Length: > 0 } id && id == activity.Recipient?.Id)
            {
                mentioned = true;
                if (entity.Text is { Length: > 0 } shown)
                {
                    text = text.Replace(shown, " ", StringComparison.Ordinal);
                }
            }
        }

        // Some clients leave the bot's <at> tag without an entity at the start of the text.
        var leading = LeadingMention().Match(text);
        if (leading.Success && activity.Recipient?.Name is { Length: > 0 } name
            && string.Equals(WebUtility.HtmlDecode(leading.Groups["name"].Value).Trim(), name, StringComparison.OrdinalIgnoreCase))
        {
            mentioned = true;
            text = text[leading.Length..];
        }

        text = WebUtility.HtmlDecode(Tags().Replace(text, " "));
        return (Spaces().Replace(text, " ").Trim(), mentioned);
    }

    [GeneratedRegex(@"^\s*<at>(?<name>[^<]*)</at>", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingMention();

    /// <summary>Formatting tags Teams may wrap a message in (<c>&lt;p&gt;</c>, <c>&lt;div&gt;</c>, …).</summary>
    [GeneratedRegex(@"</?(p|div|span|br|b|i|strong|em)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
