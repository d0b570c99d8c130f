using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GcmBot.Teams.Cards;

/// <summary>
/// Keeps text to the Markdown Teams renders in cards and messages (bold, italic, lists, links): inline code
/// becomes quoted text (Teams drops the backticks and the words run together), headings become bold lines,
/// and a Markdown table becomes a FactSet (Teams would show its pipes).
/// </summary>
internal static partial class CardMarkdown
{
    /// <summary>Inline code as quoted text; a backtick left over is dropped.</summary>
    public static string Inline(string text) => InlineCode().Replace(text, "“$1”").Replace("`", "", StringComparison.Ordinal);

    /// <summary>For plain messages: inline code quoted, headings as bold lines.</summary>
    public static string Message(string text) => Heading().Replace(Inline(text), "**$1**");

    /// <summary>
    /// The body elements for a block of reply text: paragraphs as TextBlocks, each heading as a bold
    /// TextBlock, each table as a FactSet (first column the title, the others the value).
    /// </summary>
    public static IEnumerable<JsonObject> Blocks(string text, Func<string, bool, JsonObject> textBlock)
    {
        var paragraph = new List<string>();
        var table = new List<string[]>();
        foreach (var line in text.Split('\n'))
        {
            var isRow = line.TrimStart().StartsWith('|');
            if (!isRow && table.Count > 0)
            {
                yield return FactSet(table);
                table.Clear();
            }

            if (isRow || Heading().IsMatch(line))
            {
                if (paragraph.Count > 0)
                {
                    yield return textBlock(string.Join('\n', paragraph).Trim('\n'), false);
                    paragraph.Clear();
                }

                if (isRow)
                {
                    table.Add(Cells(line));
                }
                else
                {
                    yield return textBlock(Heading().Match(line).Groups[1].Value, true);
                }

                continue;
            }

            paragraph.Add(line);
        }

        if (table.Count > 0)
        {
            yield return FactSet(table);
        }

        if (string.Join('\n', paragraph).Trim('\n') is { Length: > 0 } rest)
        {
            yield return textBlock(rest, false);
        }
    }

    private static string[] Cells(string row) => [.. row.Trim().Trim('|').Split('|').Select(c => c.Trim())];

    private static JsonObject FactSet(List<string[]> rows)
    {
        // The separator row (| --- |) and an empty header row carry nothing to show.
        var facts = rows
            .Where(r => !r.All(c => c.Length == 0 || Separator().IsMatch(c)))
            .Select(r => (JsonNode)new JsonObject { ["title"] = Inline(r[0]), ["value"] = Inline(string.Join(" — ", r.Skip(1).Where(c => c.Length > 0))) });
        return new JsonObject { ["type"] = "FactSet", ["facts"] = new JsonArray([.. facts]) };
    }

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex("^:?-{3,}:?$")]
    private static partial Regex Separator();
}
