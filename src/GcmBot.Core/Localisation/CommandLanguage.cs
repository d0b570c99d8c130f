using GcmBot.Core.Commands;

namespace GcmBot.Core.Localisation;

/// <summary>
/// The command vocabulary of one language, keyed by the catalogue's English: command names and summaries, argument
/// names, argument descriptions, and the words typed as arguments (choices, terms and keywords such as <c>as</c>).
/// </summary>
/// <param name="Words">English word → the language's spellings, the first shown, all accepted.</param>
public sealed record CommandLanguage(
    Language Language,
    IReadOnlyDictionary<CommandId, CommandText> Commands,
    IReadOnlyDictionary<string, string> ArgumentNames,
    IReadOnlyDictionary<string, string> Descriptions,
    IReadOnlyDictionary<string, string[]> Words);
