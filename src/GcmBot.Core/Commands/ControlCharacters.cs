using System.Globalization;

namespace GcmBot.Core.Commands;

/// <summary>
/// The one rule for control characters in what people send: names (delegations, people, rooms, sessions…) have none;
/// texts (cards, contributions, broadcasts…) keep line breaks and tabs only. Applied where input arrives, so that both
/// databases see the same: SQLite would store a NUL that PostgreSQL refuses.
/// </summary>
public static class ControlCharacters
{
    /// <summary>Why <paramref name="name"/> cannot be taken, or null when it has no control character.</summary>
    /// <param name="what">What the name is, as the reply names it, e.g. "Your name" or "&lt;delegation&gt;".</param>
    public static string? InName(string name, string what) =>
        First(name, keepLayout: false) is { } found
            ? $"{what} contains {Describe(found)}: names cannot contain control characters, line breaks or tabs. Please type it again without them."
            : null;

    /// <summary>Why <paramref name="text"/> cannot be saved, or null when its only control characters are line breaks and tabs.</summary>
    /// <param name="what">What the text is, as the reply names it, e.g. "This message" or "&lt;text&gt;".</param>
    public static string? InText(string text, string what) =>
        First(text, keepLayout: true) is { } found
            ? $"{what} contains {Describe(found)}, which cannot be saved. Please send it again without it (line breaks and tabs are fine)."
            : null;

    private static char? First(string value, bool keepLayout)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) && !(keepLayout && c is '\n' or '\r' or '\t'))
            {
                return c;
            }
        }

        return null;
    }

    private static string Describe(char c) =>
        $"a control character (U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}{(c == '\0' ? ", NUL" : "")})";
}
