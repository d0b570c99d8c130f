using GcmBot.Core.Commands;
using GcmBot.Core.Localisation;

namespace GcmBot.Core.Tests.Localisation;

/// <summary>The command catalogue in the six languages: complete, and never ambiguous.</summary>
public sealed class CommandNamesTests
{
    /// <summary>Short messages delegates write as remarks, in the six languages: none may read as a command.</summary>
    public static TheoryData<string> PlainWords() =>
    [
        "thank you", "yes", "no", "agreed", "we agree", "hello", "migration", "partnerships",
        "merci", "merci beaucoup", "oui", "non", "d'accord", "je suis d'accord", "bonjour", "nous appuyons", "migrants",
        "gracias", "sí", "de acuerdo", "estoy de acuerdo", "hola", "apoyamos", "alianzas", "migrantes",
        "спасибо", "да", "нет", "согласен", "согласны", "здравствуйте", "мигранты",
        "谢谢", "是", "同意", "我们同意", "你好", "移民",
        "شكرا", "نعم", "لا", "موافق", "نوافق", "مرحبا", "المهاجرون",
    ];

    [Fact]
    public void Translations_EveryLanguageButEnglish_HasOne()
    {
        Assert.Equal(Language.All.Where(l => l != Language.English).Select(l => l.Code).Order(), CommandNames.Translations.Select(t => t.Language.Code).Order());
    }

    [Fact]
    public void Translations_EveryCommand_HasANameAndASummaryThatFitsDiscordInEveryLanguage()
    {
        var missing = new List<string>();
        foreach (var translation in CommandNames.Translations)
        {
            foreach (var definition in CommandCatalogue.All)
            {
                if (translation.Commands.GetValueOrDefault(definition.Id) is not { } text)
                {
                    missing.Add($"{translation.Language.Code}: no name for {definition.Id}");
                }
                else if (text.Name.Trim().Length == 0 || text.Summary.Length is < 1 or > 100)
                {
                    missing.Add($"{translation.Language.Code}: {definition.Id}'s name is empty or its summary is not 1–100 characters ({text.Summary.Length})");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    [Fact]
    public void Translations_EveryArgument_HasANameADescriptionAndItsWordsInEveryLanguage()
    {
        var missing = new List<string>();
        foreach (var translation in CommandNames.Translations)
        {
            foreach (var argument in CommandCatalogue.All.SelectMany(c => c.Arguments))
            {
                if (!translation.ArgumentNames.ContainsKey(argument.Name))
                {
                    missing.Add($"{translation.Language.Code}: no name for the argument <{argument.Name}>");
                }

                if (translation.Descriptions.GetValueOrDefault(argument.Description) is not { Length: >= 1 and <= 100 })
                {
                    missing.Add($"{translation.Language.Code}: no description of 1–100 characters for \"{argument.Description}\"");
                }

                foreach (var word in Words(argument))
                {
                    if (translation.Words.GetValueOrDefault(word) is not { Length: > 0 } spellings)
                    {
                        missing.Add($"{translation.Language.Code}: no word for `{word}`");
                    }
                    else if (spellings.Any(s => s.Length == 0 || s.Any(char.IsWhiteSpace)))
                    {
                        missing.Add($"{translation.Language.Code}: `{word}` must be typed as one word, not {string.Join(", ", spellings)}");
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join('\n', missing.Distinct()));
    }

    [Fact]
    public void Spellings_AnyLanguage_NeverNameTwoCommands()
    {
        var collisions = CommandNames.Spellings.GroupBy(s => s.Text)
            .Where(g => g.Select(s => s.Command.Id).Distinct().Count() > 1)
            .Select(g => $"`{g.Key}`: {string.Join(", ", g.Select(s => $"{s.Command.Id} ({string.Join('/', s.Languages.Select(l => l.Code))})"))}")
            .ToList();

        Assert.True(collisions.Count == 0, string.Join('\n', collisions));
    }

    [Fact]
    public void ArgumentWords_AllLanguagesTogether_NeverNameTwoChoicesOfOneArgument()
    {
        var collisions = new List<string>();
        foreach (var (definition, argument) in CommandCatalogue.All.SelectMany(c => c.Arguments.Select(a => (c, a))))
        {
            var words = Words(argument).Where(w => w != argument.Keyword).ToList();
            collisions.AddRange(words
                .SelectMany(w => CommandNames.SpellingsOf(w, Language.All).Select(s => (Word: w, Spelling: s)))
                .GroupBy(p => p.Spelling)
                .Where(g => g.Select(p => p.Word).Distinct().Count() > 1)
                .Select(g => $"{definition.Id} <{argument.Name}>: `{g.Key}` is {string.Join(" and ", g.Select(p => p.Word).Distinct())}"));
        }

        Assert.True(collisions.Count == 0, string.Join('\n', collisions));
    }

    [Fact]
    public void ArgumentNames_EveryLanguage_UniqueWithinACommand()
    {
        var duplicates = CommandNames.Translations
            .SelectMany(t => CommandCatalogue.All.Select(c => (t.Language, c, Names: c.Arguments.Select(a => CommandNames.ArgumentName(t.Language, a)).ToList())))
            .Where(x => x.Names.Distinct().Count() != x.Names.Count)
            .Select(x => $"{x.Language.Code} {x.c.Id}: {string.Join(", ", x.Names)}")
            .ToList();

        Assert.True(duplicates.Count == 0, string.Join('\n', duplicates));
    }

    [Theory]
    [MemberData(nameof(PlainWords))]
    public void Parse_PlainWordInAnyLanguage_IsNoCommand(string remark)
    {
        Assert.Null(CommandParser.Parse(remark).Command);
    }

    [Fact]
    public void For_EachLanguage_GivesItsName()
    {
        Assert.Equal("speak", CommandNames.For(Language.English, CommandId.Speak));
        Assert.Equal("prendre la parole", CommandNames.For(Language.French, CommandId.Speak));
        Assert.Equal("hablar", CommandNames.For(Language.Spanish, CommandId.Speak));
        Assert.Equal("ayuda", CommandNames.For(Language.Spanish, CommandId.Help));
        Assert.Equal("aide", CommandNames.For(Language.French, CommandId.Help));
    }

    [Fact]
    public void Usage_French_NamesArgumentsChoicesAndKeywordsInFrench()
    {
        Assert.Equal("inscrire <délégation> [comme état-membre|état-observateur|onu|intergouvernemental|partie-prenante]",
            CommandNames.Usage(Language.French, CommandCatalogue.Get(CommandId.Register)));
        Assert.Equal("register <delegation> [as memberState|observerState|unSystem|intergovernmental|stakeholder]", CommandCatalogue.Get(CommandId.Register).Usage);
    }

    [Theory]
    [InlineData("hablar", CommandId.Speak)]
    [InlineData("Motion d’ordre", CommandId.PointOfOrder)]
    [InlineData("point-of-order", CommandId.PointOfOrder)]
    [InlineData("cuestion de orden", CommandId.PointOfOrder)]
    [InlineData("程序问题", CommandId.PointOfOrder)]
    public void Find_NameInAnyLanguage_FindsTheCommand(string name, CommandId id)
    {
        Assert.Equal(id, CommandNames.Find(name)?.Id);
    }

    private static IEnumerable<string> Words(CommandArgument argument) =>
        [.. argument.Choices ?? [], .. argument.Terms ?? [], .. argument.Keyword is { } keyword ? [keyword] : Array.Empty<string>()];
}
