namespace GcmBot.Core.Localisation;

/// <summary>How one language names a command.</summary>
/// <param name="Name">What a person types, words separated by spaces (<c>prendre la parole</c>); slash-command names use hyphens.</param>
/// <param name="Summary">The catalogue's summary in the language, at most 100 characters (Discord's description limit).</param>
/// <param name="Aliases">Other names the parser also accepts (<c>parole</c>).</param>
public sealed record CommandText(string Name, string Summary, params string[] Aliases);
