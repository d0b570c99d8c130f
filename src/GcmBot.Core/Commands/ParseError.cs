using GcmBot.Core.Localisation;

namespace GcmBot.Core.Commands;

/// <summary>
/// What was wrong with typed input, written in the language of whoever reads it: the parser runs before the person
/// (and so their language) is known, so it keeps the text to write rather than the English words.
/// </summary>
/// <param name="language">The language the command's name was typed in (English when no command was recognised).</param>
public sealed class ParseError(Language language, Func<Texts, string> write)
{
    public Language Language { get; } = language;

    public string In(Texts texts) => write(texts);
}
