using System.Globalization;
using System.Text.RegularExpressions;

namespace GcmBot.Core.Commands;

/// <summary>Reads durations as people type them: <c>90</c>, <c>90s</c>, <c>2m</c>, <c>2min</c>, <c>1:30</c>, <c>1h</c>.</summary>
public static partial class DurationParser
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        if (match.Groups["min"].Success)
        {
            var seconds = int.Parse(match.Groups["sec"].Value, CultureInfo.InvariantCulture);
            value = TimeSpan.FromMinutes(int.Parse(match.Groups["min"].Value, CultureInfo.InvariantCulture)) + TimeSpan.FromSeconds(seconds);
            return seconds < 60 && value > TimeSpan.Zero && value <= TimeSpan.FromDays(7);
        }

        var number = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        value = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "" or "s" or "sec" or "secs" or "second" or "seconds" => TimeSpan.FromSeconds(number),
            "m" or "min" or "mins" or "minute" or "minutes" => TimeSpan.FromMinutes(number),
            _ => TimeSpan.FromHours(number),
        };
        return value > TimeSpan.Zero && value <= TimeSpan.FromDays(7);
    }

    /// <summary>In English; a reply to a person uses their <see cref="Localisation.Texts.Duration"/>.</summary>
    public static string Format(TimeSpan value) => Localisation.Texts.English.Duration(value);

    // ASCII digits only (\d also matches full-width and other scripts, which int.Parse refuses), and few
    // enough of them that no number overflows a TimeSpan before the seven-day bound is checked.
    [GeneratedRegex(@"^(?:(?<min>[0-9]{1,3}):(?<sec>[0-9]{2})|(?<n>[0-9]{1,6}(?:\.[0-9]{1,3})?)\s*(?<unit>s|secs?|seconds?|m|mins?|minutes?|h|hours?)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
