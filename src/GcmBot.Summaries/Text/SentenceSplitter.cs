using System.Text.RegularExpressions;

namespace GcmBot.Summaries.Text;

/// <summary>Splits a statement into sentences at end punctuation followed by a capital, a digit or a quote.</summary>
internal static partial class SentenceSplitter
{
    public static IEnumerable<string> Split(string text) =>
        Boundary().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    [GeneratedRegex(@"(?<=[.!?;])\s+(?=[\p{Lu}\d""“‘(])")]
    private static partial Regex Boundary();
}
