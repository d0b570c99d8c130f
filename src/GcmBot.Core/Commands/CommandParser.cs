using System.Globalization;
using System.Text;

namespace GcmBot.Core.Commands;

/// <summary>Turns typed text (or a submitted form) into a catalogue command with its arguments.</summary>
public static class CommandParser
{
    private static readonly IReadOnlyList<CommandDefinition> _longestFirst =
        [.. CommandCatalogue.All.OrderByDescending(c => c.Words.Count)];

    /// <summary>Lower-cases a command name and reads hyphens and underscores as spaces (Discord's <c>point-of-order</c>).</summary>
    public static string NormaliseName(string name) =>
        string.Join(' ', name.Replace('-', ' ').Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    public static ParseResult Parse(string text)
    {
        var stripped = StripPrefix(text);
        var tokens = Tokenise(stripped);
        if (tokens.Count == 0)
        {
            return ParseResult.Fail("Type a command, for example `speak` or `agenda now`. `help` lists them all.");
        }

        var words = tokens.Select(t => NormaliseName(t.Text)).ToList();
        var definition = _longestFirst.FirstOrDefault(c => Matches(c, words));
        if (definition is null)
        {
            return ParseResult.Fail(Unknown(words));
        }

        var matchedTokens = CountMatchedTokens(definition, words);
        return Bind(definition, tokens.Skip(matchedTokens).ToList(), stripped);
    }

    /// <summary>A command submitted from a form or a platform's structured command, with named fields.</summary>
    public static ParseResult FromFields(string name, IReadOnlyDictionary<string, string> fields)
    {
        var definition = CommandCatalogue.Find(name);
        if (definition is null)
        {
            return ParseResult.Fail(Unknown(NormaliseName(name).Split(' ')));
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
                    return ParseResult.Fail($"Missing <{argument.Name}> ({argument.Description}). Usage: `{definition.Usage}`");
                }

                continue;
            }

            var error = Validate(definition, argument, value);
            if (error is not null)
            {
                return ParseResult.Fail(error);
            }

            if (argument.Kind == ArgumentKind.Choice)
            {
                arguments[argument.Name] = Choose(argument, value)!;
            }
        }

        return ParseResult.Ok(new ParsedCommand(definition, arguments));
    }

    private static string StripPrefix(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 0 && trimmed[0] is '/' or '!' ? trimmed[1..] : trimmed;
    }

    private static bool Matches(CommandDefinition definition, List<string> words) =>
        CountMatchedTokens(definition, words) > 0;

    /// <summary>How many input tokens spell the command's name (a token may itself be "point-of-order").</summary>
    private static int CountMatchedTokens(CommandDefinition definition, List<string> words)
    {
        var spelled = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            spelled.AddRange(words[i].Split(' '));
            if (spelled.Count == definition.Words.Count)
            {
                return spelled.SequenceEqual(definition.Words) ? i + 1 : 0;
            }

            if (spelled.Count > definition.Words.Count || !definition.Words.Take(spelled.Count).SequenceEqual(spelled))
            {
                return 0;
            }
        }

        return 0;
    }

    private static ParseResult Bind(CommandDefinition definition, List<Token> tokens, string original)
    {
        var arguments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        var specs = definition.Arguments;
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            if (spec.Keyword is not null)
            {
                if (position < tokens.Count && string.Equals(tokens[position].Text, spec.Keyword, StringComparison.OrdinalIgnoreCase))
                {
                    position++;
                }
                else if (spec.Required)
                {
                    return ParseResult.Fail($"Missing `{spec.Keyword} <{spec.Name}>` ({spec.Description}). Usage: `{definition.Usage}`");
                }
                else
                {
                    continue;
                }
            }

            string? value;
            if (spec.Kind == ArgumentKind.Text)
            {
                value = position < tokens.Count ? original[tokens[position].Start..].Trim() : null;
                position = tokens.Count;
            }
            else if (spec.IsMultiWord)
            {
                var stop = StopFor(specs, i, tokens, position);
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
                    return ParseResult.Fail($"Missing <{spec.Name}> ({spec.Description}). Usage: `{definition.Usage}`");
                }

                continue;
            }

            var error = Validate(definition, spec, value);
            if (error is not null)
            {
                return ParseResult.Fail(error);
            }

            arguments[spec.Name] = spec.Kind == ArgumentKind.Choice ? Choose(spec, value)! : value;
        }

        if (position < tokens.Count)
        {
            var extra = string.Join(' ', tokens.Skip(position).Select(t => t.Text));
            return ParseResult.Fail($"I did not understand `{extra}`. Usage: `{definition.Usage}`");
        }

        return ParseResult.Ok(new ParsedCommand(definition, arguments));
    }

    /// <summary>A multi-word argument leaves one token for each later positional argument, and stops at a later keyword.</summary>
    private static int StopFor(IReadOnlyList<CommandArgument> specs, int index, List<Token> tokens, int position)
    {
        var later = specs.Skip(index + 1).ToList();
        foreach (var keyword in later.Where(s => s.Keyword is not null).Select(s => s.Keyword!))
        {
            var at = tokens.FindIndex(position, t => string.Equals(t.Text, keyword, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
            {
                return at;
            }
        }

        var reserved = later.TakeWhile(s => s.Keyword is null).Count(s => s.Required);
        return Math.Max(position, tokens.Count - reserved);
    }

    private static string? Validate(CommandDefinition definition, CommandArgument spec, string value) =>
        (spec.Kind == ArgumentKind.Text ? ControlCharacters.InText(value, $"<{spec.Name}>") : ControlCharacters.InName(value, $"<{spec.Name}>"))
        ?? ValidateKind(definition, spec, value);

    private static string? ValidateKind(CommandDefinition definition, CommandArgument spec, string value) => spec.Kind switch
    {
        ArgumentKind.Number when !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 0 =>
            $"<{spec.Name}> must be a whole number, not `{value}`. Usage: `{definition.Usage}`",
        ArgumentKind.Duration when !DurationParser.TryParse(value, out _) =>
            $"<{spec.Name}> must be a duration such as `90s`, `2m` or `1:30`, not `{value}`. Usage: `{definition.Usage}`",
        ArgumentKind.Choice when Choose(spec, value) is null =>
            $"<{spec.Name}> must be one of {string.Join(", ", spec.Choices!.Select(c => $"`{c}`"))}, not `{value}`. Usage: `{definition.Usage}`",
        _ => null,
    };

    private static string? Choose(CommandArgument spec, string value)
    {
        var choices = spec.Choices ?? [];
        return choices.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase))
            ?? (choices.Count(c => c.StartsWith(value, StringComparison.OrdinalIgnoreCase)) == 1 && value.Length >= 2
                ? choices.First(c => c.StartsWith(value, StringComparison.OrdinalIgnoreCase))
                : null);
    }

    private static string Unknown(IReadOnlyList<string> words)
    {
        var typed = string.Join(' ', words.Take(3));
        var best = CommandCatalogue.All
            .Select(c => (c.Name, Distance: Enumerable.Range(1, Math.Min(c.Words.Count, words.Count))
                .Min(n => Levenshtein(string.Join(' ', words.Take(n)), c.Name))))
            .OrderBy(c => c.Distance)
            .First();
        var suggestion = best.Distance <= Math.Max(2, best.Name.Length / 3) ? $" Did you mean `{best.Name}`?" : "";
        return $"I don't know the command `{typed}`.{suggestion} Type `help` to see the commands.";
    }

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

            tokens.Add(new Token(builder.ToString(), start));
        }

        return tokens;
    }

    private sealed record Token(string Text, int Start);
}
