using GcmBot.Core.Commands;
using GcmBot.Core.Localisation;

namespace GcmBot.Core.Tests.Commands;

/// <summary>Typed commands in the six languages run exactly as the English ones.</summary>
public sealed class LocalisedCommandParserTests
{
    /// <summary>Every catalogue example, its English name replaced by each language's name (spaced, and hyphenated as on Discord).</summary>
    public static TheoryData<string, string> TranslatedExamples()
    {
        var data = new TheoryData<string, string>();
        var seen = new HashSet<(string, string)>();
        foreach (var definition in CommandCatalogue.All)
        {
            foreach (var example in definition.Examples)
            {
                foreach (var translation in CommandNames.Translations)
                {
                    var name = CommandNames.For(translation.Language, definition.Id);
                    foreach (var spelled in new[] { name, name.Replace(' ', '-') })
                    {
                        if (seen.Add((example, spelled + example[definition.Name.Length..])))
                        {
                            data.Add(example, spelled + example[definition.Name.Length..]);
                        }
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TranslatedExamples))]
    public void Parse_ExampleWithTranslatedName_SameCommandAndArgumentsAsEnglish(string english, string translated)
    {
        var expected = CommandParser.Parse(english).Command!;
        var result = CommandParser.Parse("/" + translated);

        Assert.Null(result.Error);
        Assert.Equal(expected.Definition.Id, result.Command!.Definition.Id);
        Assert.Equal(expected.Arguments.OrderBy(a => a.Key), result.Command.Arguments.OrderBy(a => a.Key));
    }

    [Theory]
    [InlineData("/hablar", CommandId.Speak)]
    [InlineData("/HABLAR", CommandId.Speak)]
    [InlineData("/prendre la parole", CommandId.Speak)]
    [InlineData("/prendre-la-parole", CommandId.Speak)]
    [InlineData("/parole", CommandId.Speak)]
    [InlineData("/aide", CommandId.Help)]
    [InlineData("/ayuda", CommandId.Help)]
    [InlineData("/motion d'ordre", CommandId.PointOfOrder)]
    [InlineData("/Motion d’ordre", CommandId.PointOfOrder)]
    [InlineData("/motion-d-ordre", CommandId.PointOfOrder)]
    [InlineData("/cuestion de orden", CommandId.PointOfOrder)]
    [InlineData("/по порядку ведения", CommandId.PointOfOrder)]
    [InlineData("/发言", CommandId.Speak)]
    [InlineData("/发言名单", CommandId.Queue)]
    [InlineData("/نقطة نظام", CommandId.PointOfOrder)]
    [InlineData("/طلب الكلمة", CommandId.Speak)]
    [InlineData("/seance ouvrir", null)]
    public void Parse_LocalisedName_ItsCommand(string text, CommandId? id)
    {
        Assert.Equal(id, CommandParser.Parse(text).Command?.Definition.Id);
    }

    [Theory]
    [InlineData("/agenda mañana", "tomorrow")]
    [InlineData("/agenda manana", "tomorrow")]
    [InlineData("/agenda día 2", "day 2")]
    [InlineData("/ordre du jour demain", "tomorrow")]
    [InlineData("/agenda aujourd'hui", "today")]
    [InlineData("/повестка завтра", "tomorrow")]
    [InlineData("/议程 明天", "tomorrow")]
    [InlineData("/جدول الأعمال غدا", "tomorrow")]
    [InlineData("/agenda AG1", "AG1")]
    [InlineData("/agenda tomorrow", "tomorrow")]
    public void Parse_AgendaInAnyLanguage_TermReadInEnglish(string text, string when)
    {
        var command = CommandParser.Parse(text).Command!;

        Assert.Equal(CommandId.Agenda, command.Definition.Id);
        Assert.Equal(when, command["when"]);
    }

    [Fact]
    public void Parse_LocalisedChoicesAndKeywords_ReadInEnglish()
    {
        var register = CommandParser.Parse("/inscribirse Foro de Migrantes como parte-interesada").Command!;
        var export = CommandParser.Parse("/exporter projet DOCX pour AG1").Command!;
        var floor = CommandParser.Parse("/donner la parole ouverture").Command!;
        var flex = CommandParser.Parse("/souplesse oui").Command!;
        var move = CommandParser.Parse("/déplacer séance AG4 à 16:00").Command!;
        var cards = CommandParser.Parse("/fichas todas").Command!;

        Assert.Equal(("Foro de Migrantes", "stakeholder"), (register["delegation"], register["category"]));
        Assert.Equal(("docx", "AG1"), (export["format"], export["session"]));
        Assert.Equal("opening", floor["role"]);
        Assert.Equal("on", flex["mode"]);
        Assert.Equal(("AG4", "16:00"), (move["session"], move["start"]));
        Assert.Equal("all", cards["which"]);
    }

    [Fact]
    public void Parse_EnglishName_OtherLanguagesKeywordsAreOrdinaryWords()
    {
        // "como" is Spanish for "as" only after a Spanish name: an English command keeps it in the delegation's name.
        var english = CommandParser.Parse("/register Grupo como Nosotros").Command!;
        var spanish = CommandParser.Parse("/inscribirse Grupo como observerState").Command!;

        Assert.Equal("Grupo como Nosotros", english["delegation"]);
        Assert.Equal(("Grupo", "observerState"), (spanish["delegation"], spanish["category"]));
    }

    [Theory]
    [InlineData("/hablar", "es")]
    [InlineData("/aide", "fr")]
    [InlineData("/speak", "en")]
    [InlineData("/agenda", "en")]
    [InlineData("/发言", "zh")]
    public void Parse_LocalisedName_CarriesItsLanguage(string text, string language)
    {
        Assert.Equal(language, CommandParser.Parse(text).Command!.Language.Code);
    }

    [Fact]
    public void Parse_MisspeltLocalisedName_SuggestsIt()
    {
        Assert.Contains("Did you mean `hablar`?", CommandParser.Parse("/hablr").Error?.In(Texts.English), StringComparison.Ordinal);
    }
}
