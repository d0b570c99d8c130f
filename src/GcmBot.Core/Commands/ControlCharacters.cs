using System.Globalization;
using GcmBot.Core.Localisation;

namespace GcmBot.Core.Commands;

/// <summary>
/// The one rule for control characters in what people send: names (delegations, people, rooms, sessions…) have none;
/// texts (cards, contributions, broadcasts…) keep line breaks and tabs only. Applied where input arrives, so that both
/// databases see the same: SQLite would store a NUL that PostgreSQL refuses.
/// </summary>
public static class ControlCharacters
{
    /// <summary>Why <paramref name="name"/> cannot be taken, or null when it has no control character.</summary>
    /// <param name="what">What the name is, as the reply names it in <paramref name="texts"/>' language, e.g. "Your name" or "&lt;delegation&gt;".</param>
    public static string? InName(string name, string what, Texts texts) =>
        First(name, keepLayout: false) is { } found ? texts.Format("Control.Name", what, Describe(found, texts)) : null;

    /// <summary>Why <paramref name="text"/> cannot be saved, or null when its only control characters are line breaks and tabs.</summary>
    /// <param name="what">What the text is, as the reply names it in <paramref name="texts"/>' language, e.g. "This message" or "&lt;text&gt;".</param>
    public static string? InText(string text, string what, Texts texts) =>
        First(text, keepLayout: true) is { } found ? texts.Format("Control.Text", what, Describe(found, texts)) : null;

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

    private static string Describe(char c, Texts texts) =>
        texts.Format(c == '\0' ? "Control.CharacterNul" : "Control.Character", ((int)c).ToString("X4", CultureInfo.InvariantCulture));
}
