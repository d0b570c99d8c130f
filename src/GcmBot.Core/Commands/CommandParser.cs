using System.Globalization;
using System.Text;
using GcmBot.Core.Localisation;

namespace GcmBot.Core.Commands;

/// <summary>
/// Turns typed text (or a submitted form) into a catalogue command with its arguments. Commands may be typed in any of
/// the six languages (<see cref="CommandNames"/>): <c>/hablar</c> runs exactly as <c>/speak</c>.
/// </summary>
public static class CommandParser
{
    private static readonly IReadOnlyList<CommandSpelling> _longestFirst =
        [.. CommandNames.Spellings.OrderByDescending(s => s.Words.Count)];

    /// <summary>
    /// Folds a name or word for comparison: lower case, accents dropped (<c>Séance</c> → <c>seance</c>, <c>ё</c> → <c>е</c>),
    /// hyphens, underscores and apostrophes read as spaces (Discord's <c>point-of-order</c>, <c>motion d’ordre</c>).
    /// </summary>
    public static string NormaliseName(string name)
    {
        var decomposed = name.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c is '-' or '_' or '\'' or '’')
            {
                folded.Append(' ');
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return string.Join(' ', folded.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public static ParseResult Parse(string text)
    {
        var stripped = StripPrefix(text);
        var tokens = Tokenise(stripped);
        if (tokens.Count == 0)
        {
            return ParseResult.Fail(new ParseError(Language.English, t => t.Format(
                "Parse.Empty",
                CommandNames.For(t.Language, CommandId.Speak),
                $"{CommandNames.For(t.Language, CommandId.Agenda)} {CommandNames.Word(t.Language, "now")}",
                CommandNames.For(t.Language, CommandId.Help))));
        }

        var words = tokens.Select(t => NormaliseName(t.Text)).ToList();
        var spelling = _longestFirst.FirstOrDefault(s => CountMatchedTokens(s, words) > 0);
        if (spelling is null)
        {
            return ParseResult.Fail(new ParseError(Language.English, t => Unknown(t, words)));
        }

        var matchedTokens = CountMatchedTokens(spelling, words);
        return Bind(spelling, tokens.Skip(matchedTokens).ToList(), stripped);
    }

    /// <summary>A command submitted from a form or a platform's structured command, with named fields.</summary>
    public static ParseResult FromFields(string name, IReadOnlyDictionary<string, string> fields)
    {
        var definition = CommandCatalogue.Find(name);
        if (definition is null)
        {
            return ParseResult.Fail(new ParseError(Language.English, t => Unknown(t, NormaliseName(name).Split(' '))));
        }

        var arguments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in fields)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                arguments[key] = value.Trim();
            }
        }

        foreach (var argument in definition.Arguments)
        {
            if (!arguments.TryGetValue(argument.Name, out var value))
            {
                if (argument.Required)
                {
                    return ParseResult.Fail(Missing(definition, argument, Language.English));
                }

                continue;
            }

            var error = Validate(definition, argument, value, []);
            if (error is not null)
            {
                return ParseResult.Fail(error);
            }

            if (argument.Kind == ArgumentKind.Choice)
            {
                arguments[argument.Name] = Choose(argument, value, [])!;
            }
        }

        return ParseResult.Ok(new ParsedCommand(definition, arguments));
    }

    private static string StripPrefix(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 0 && trimmed[0] is '/' or '!' ? trimmed[1..] : trimmed;
    }

    /// <summary>How many input tokens spell the command's name (a token may itself be "point-of-order").</summary>
    private static int CountMatchedTokens(CommandSpelling spelling, List<string> words)
    {
        var expected = spelling.Words;
        var spelled = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            spelled.AddRange(words[i].Split(' '));
            if (spelled.Count == expected.Count)
            {
                return spelled.SequenceEqual(expected) ? i + 1 : 0;
            }

            if (spelled.Count > expected.Count || !expected.Take(spelled.Count).SequenceEqual(spelled))
            {
                return 0;
            }
        }

        return 0;
    }

    /// <summary>Binds the arguments; their keywords and words may be in English or in a language the command's name was typed in.</summary>
    private static ParseResult Bind(CommandSpelling spelling, List<Token> tokens, string original)
    {
        var definition = spelling.Command;
        var languages = spelling.Languages;
        var arguments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        var specs = definition.Arguments;
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            if (spec.Keyword is not null)
            {
                if (position < tokens.Count && IsKeyword(spec.Keyword, tokens[position], languages))
                {
                    position++;
                }
                else if (spec.Required)
                {
                    return ParseResult.Fail(new ParseError(languages[0], t => t.Format(
                        "Parse.MissingKeyword", CommandNames.Word(t.Language, spec.Keyword), CommandNames.ArgumentName(t.Language, spec), CommandNames.Description(t.Language, spec), CommandNames.Usage(t.Language, definition))));
                }
                else
                {
                    continue;
                }
            }

            string? value;
            if (spec.Kind == ArgumentKind.Text)
            {
                value = position < tokens.Count ? WithTerm(spec, tokens[position], original, languages) : null;
                position = tokens.Count;
            }
            else if (spec.IsMultiWord)
            {
                var stop = StopFor(specs, i, tokens, position, languages);
                value = stop > position ? string.Join(' ', tokens.Skip(position).Take(stop - position).Select(t => t.Text)) : null;
                position = Math.Max(position, stop);
            }
            else
            {
                value = position < tokens.Count ? tokens[position++].Text : null;
            }

            if (value is null)
            {
                if (spec.Required)
                {
                    return ParseResult.Fail(Missing(definition, spec, languages[0]));
                }

                continue;
            }

            var error = Validate(definition, spec, value, languages);
            if (error is not null)
            {
                return ParseResult.Fail(error);
            }

            arguments[spec.Name] = spec.Kind == ArgumentKind.Choice ? Choose(spec, value, languages)! : value;
        }

        if (position < tokens.Count)
        {
            var extra = string.Join(' ', tokens.Skip(position).Select(t => t.Text));
            return ParseResult.Fail(new ParseError(languages[0], t => t.Format("Parse.NotUnderstood", extra, CommandNames.Usage(t.Language, definition))));
        }

        return ParseResult.Ok(new ParsedCommand(definition, arguments) { Language = languages[0] });
    }

    private static bool IsKeyword(string keyword, Token token, IReadOnlyList<Language> languages) =>
        CommandNames.SpellingsOf(keyword, languages).Contains(NormaliseName(token.Text));

    /// <summary>A text argument as typed, its first word in English when it is one of the argument's terms (<c>mañana</c> → <c>tomorrow</c>).</summary>
    private static string WithTerm(CommandArgument spec, Token first, string original, IReadOnlyList<Language> languages)
    {
        var term = spec.Terms?.FirstOrDefault(t => CommandNames.SpellingsOf(t, languages).Contains(NormaliseName(first.Text)));
        return term is null ? original[first.Start..].Trim() : $"{term} {original[first.End..].Trim()}".TrimEnd();
    }

    /// <summary>A multi-word argument leaves one token for each later positional argument, and stops at a later keyword.</summary>
    private static int StopFor(IReadOnlyList<CommandArgument> specs, int index, List<Token> tokens, int position, IReadOnlyList<Language> languages)
    {
        var later = specs.Skip(index + 1).ToList();
        foreach (var keyword in later.Where(s => s.Keyword is not null).Select(s => s.Keyword!))
        {
            var at = tokens.FindIndex(position, t => IsKeyword(keyword, t, languages));
            if (at >= 0)
            {
                return at;
            }
        }

        var reserved = later.TakeWhile(s => s.Keyword is null).Count(s => s.Required);
        return Math.Max(position, tokens.Count - reserved);
    }

    private static ParseError? Validate(CommandDefinition definition, CommandArgument spec, string value, IReadOnlyList<Language> languages)
    {
        var language = languages.Count > 0 ? languages[0] : Language.English;
        string? Refused(Texts texts) => spec.Kind == ArgumentKind.Text
            ? ControlCharacters.InText(value, $"<{CommandNames.ArgumentName(texts.Language, spec)}>", texts)
            : ControlCharacters.InName(value, $"<{CommandNames.ArgumentName(texts.Language, spec)}>", texts);
        if (Refused(Texts.English) is not null)
        {
            return new ParseError(language, t => Refused(t)!);
        }

        return spec.Kind switch
        {
            ArgumentKind.Number when !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 0 =>
                new ParseError(language, t => t.Format("Parse.NotNumber", CommandNames.ArgumentName(t.Language, spec), value, CommandNames.Usage(t.Language, definition))),
            ArgumentKind.Duration when !DurationParser.TryParse(value, out _) =>
                new ParseError(language, t => t.Format("Parse.NotDuration", CommandNames.ArgumentName(t.Language, spec), value, CommandNames.Usage(t.Language, definition))),
            ArgumentKind.Choice when Choose(spec, value, languages) is null =>
                new ParseError(language, t => t.Format(
                    "Parse.NotChoice",
                    CommandNames.ArgumentName(t.Language, spec),
                    string.Join(", ", spec.Choices!.Select(c => $"`{CommandNames.Word(t.Language, c)}`")),
                    value,
                    CommandNames.Usage(t.Language, definition))),
            _ => null,
        };
    }

    private static string? Choose(CommandArgument spec, string value, IReadOnlyList<Language> languages) =>
        CommandNames.Canonical(spec.Choices ?? [], value, languages);

    private static string Unknown(Texts texts, IReadOnlyList<string> words)
    {
        var typed = string.Join(' ', words.Take(3));
        var best = CommandNames.Spellings
            .Select(s => (Name: s.Text, Distance: Enumerable.Range(1, Math.Min(s.Words.Count, words.Count))
                .Min(n => Levenshtein(string.Join(' ', words.Take(n)), s.Text))))
            .OrderBy(c => c.Distance)
            .First();
        var suggestion = best.Distance <= Math.Max(2, best.Name.Length / 3) ? texts.Format("Parse.DidYouMean", best.Name) : "";
        return texts.Format("Parse.Unknown", typed, suggestion, CommandNames.For(texts.Language, CommandId.Help));
    }

    private static ParseError Missing(CommandDefinition definition, CommandArgument spec, Language language) =>
        new(language, t => t.Format("Parse.Missing", CommandNames.ArgumentName(t.Language, spec), CommandNames.Description(t.Language, spec), CommandNames.Usage(t.Language, definition)));

    internal static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static List<Token> Tokenise(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var builder = new StringBuilder();
            if (text[i] is '"' or '“')
            {
                i++;
                while (i < text.Length && text[i] is not ('"' or '”'))
                {
                    builder.Append(text[i++]);
                }

                i++;
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    builder.Append(text[i++]);
                }
            }

            tokens.Add(new Token(builder.ToString(), start, Math.Min(i, text.Length)));
        }

        return tokens;
    }

    /// <param name="End">Just after the token in the text (after its closing quote).</param>
    private sealed record Token(string Text, int Start, int End);
}
