using System.Text;
using System.Text.RegularExpressions;
using GcmBot.Core.Drafting;

namespace GcmBot.Summaries.Text;

/// <summary>
/// Cleans the drafter's input: control characters and runs of white space go, empty items go, and a
/// statement repeated word for word by the same delegation (a re-sent chat message) counts once.
/// </summary>
internal static partial class Normaliser
{
    public static DraftInput Normalise(DraftInput input)
    {
        var seen = new HashSet<(string, string)>();
        var contributions = new List<SourceContribution>();
        foreach (var c in input.Contributions)
        {
            var text = Clean(c.Text);
            if (text.Length > 0 && seen.Add((c.Delegation, text.ToLowerInvariant())))
            {
                contributions.Add(c with { Text = text, Speaker = Clean(c.Speaker), Delegation = Clean(c.Delegation) });
            }
        }

        var cards = input.Cards
            .Select(c => c with
            {
                Recommendation = Clean(c.Recommendation),
                Means = Clean(c.Means),
                Partnerships = Clean(c.Partnerships),
                Delegation = Clean(c.Delegation),
            })
            .Where(c => c.Recommendation.Length > 0)
            .ToList();
        return input with { Contributions = contributions, Cards = cards };
    }

    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var kept = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            kept.Append(char.IsControl(ch) || char.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.Format ? ' ' : ch);
        }

        return Spaces().Replace(kept.ToString(), " ").Trim();
    }

    /// <summary>
    /// Text that talks to a language model rather than about migration ("ignore previous instructions",
    /// "you are now…"): never a recommendation nor a summary point, whichever drafter runs.
    /// </summary>
    public static bool IsInstructionLike(string sentence) => Instruction().IsMatch(sentence);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(
        @"\b(ignore|disregard|forget|override)\b.{0,40}\b(instruction|prompt|rule|above|previous|prior|earlier)s?\b"
        + @"|\b(system|developer)\s+(prompt|message|instruction)s?\b|\byou\s+are\s+now\b|\bas\s+an?\s+(ai|language\s+model|assistant)\b"
        + @"|\b(respond|reply|answer|output|print|return)\s+(only|with|exactly)\b|\bnew\s+instructions?\b|\bjailbreak\b|</?(message|system|assistant)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Instruction();
}
