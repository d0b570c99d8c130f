using System.Text.RegularExpressions;

namespace GcmBot.Summaries.Extractive;

/// <summary>
/// Replaces delegation names in quoted text: a chair's summary says "a delegation", and the names stay
/// with the sources (<c>draft sources</c>).
/// </summary>
internal sealed class DelegationRedactor
{
    private readonly Regex? _names;

    public DelegationRedactor(IEnumerable<string> delegations, bool keepNames)
    {
        var names = delegations.Where(n => n.Length >= 3).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).Select(Regex.Escape).ToList();
        _names = keepNames || names.Count == 0
            ? null
            : new Regex($@"\b(the\s+)?({string.Join('|', names)})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string Redact(string text) => _names is null ? text : _names.Replace(text, "[a delegation]");

    /// <summary>True when the text names a delegation that must not be named.</summary>
    public bool Names(string text) => _names is not null && _names.IsMatch(text);
}
