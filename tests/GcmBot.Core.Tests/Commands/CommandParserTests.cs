using GcmBot.Core.Commands;
using GcmBot.Core.Localisation;

namespace GcmBot.Core.Tests.Commands;

public sealed class CommandParserTests
{
    public static TheoryData<CommandId, string> CatalogueExamples()
    {
        var data = new TheoryData<CommandId, string>();
        foreach (var definition in CommandCatalogue.All)
        {
            foreach (var example in definition.Examples)
            {
                data.Add(definition.Id, example);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CatalogueExamples))]
    public void Parse_CatalogueExample_ParsesToItsCommand(CommandId id, string example)
    {
        var result = CommandParser.Parse(example);

        Assert.Null(result.Error);
        Assert.Equal(id, result.Command!.Definition.Id);
    }

    [Fact]
    public void All_EveryCommand_HasAnExampleAndAUniqueName()
    {
        Assert.All(CommandCatalogue.All, c => Assert.NotEmpty(c.Examples));
        Assert.Equal(CommandCatalogue.All.Count, CommandCatalogue.All.Select(c => c.Name).Distinct().Count());
        Assert.Equal(Enum.GetValues<CommandId>().Length, CommandCatalogue.All.Count);
    }

    [Theory]
    [InlineData("point of order")]
    [InlineData("point-of-order")]
    [InlineData("/point-of-order")]
    [InlineData("Point Of Order")]
    [InlineData("point_of_order")]
    public void Parse_PointOfOrderSpellings_PointOfOrder(string text)
    {
        Assert.Equal(CommandId.PointOfOrder, CommandParser.Parse(text).Command!.Definition.Id);
    }

    [Theory]
    [InlineData("speak")]
    [InlineData("/speak")]
    [InlineData("!speak")]
    [InlineData("  /speak  ")]
    [InlineData("SPEAK")]
    public void Parse_Prefixes_Speak(string text)
    {
        Assert.Equal(CommandId.Speak, CommandParser.Parse(text).Command!.Definition.Id);
    }

    [Fact]
    public void Parse_ListMoveMultiWordDelegation_DelegationAndPosition()
    {
        var command = CommandParser.Parse("/list move United Arab Emirates 3").Command!;

        Assert.Equal(CommandId.ListMove, command.Definition.Id);
        Assert.Equal("United Arab Emirates", command["delegation"]);
        Assert.Equal("3", command["position"]);
        Assert.Equal(3, command.Number("position"));
    }

    [Fact]
    public void Parse_QuotedDelegation_OneArgument()
    {
        var command = CommandParser.Parse("list move \"Iran (Islamic Republic of)\" 2").Command!;

        Assert.Equal("Iran (Islamic Republic of)", command["delegation"]);
        Assert.Equal("2", command["position"]);
    }

    [Fact]
    public void Parse_CurlyQuotedUser_OneArgument()
    {
        var command = CommandParser.Parse("assign rapporteur “Ana Lopez” AG2").Command!;

        Assert.Equal("rapporteur", command["role"]);
        Assert.Equal("Ana Lopez", command["user"]);
        Assert.Equal("AG2", command["session"]);
    }

    [Fact]
    public void Parse_RegisterWithCategoryKeyword_SplitsAtKeyword()
    {
        var command = CommandParser.Parse("register Migrant Forum in Asia as stakeholder").Command!;

        Assert.Equal(CommandId.Register, command.Definition.Id);
        Assert.Equal("Migrant Forum in Asia", command["delegation"]);
        Assert.Equal("stakeholder", command["category"]);
    }

    [Fact]
    public void Parse_RegisterWithoutCategory_WholeNameIsDelegation()
    {
        var command = CommandParser.Parse("register Republic of Korea").Command!;

        Assert.Equal("Republic of Korea", command["delegation"]);
        Assert.Null(command["category"]);
    }

    [Fact]
    public void Parse_CategoryPrefix_CompletedToChoice()
    {
        var command = CommandParser.Parse("delegation add Holy See as observer").Command!;

        Assert.Equal("Holy See", command["name"]);
        Assert.Equal("observerState", command["category"]);
    }

    [Fact]
    public void Parse_AssignMultiWordUser_RoleUserSession()
    {
        var command = CommandParser.Parse("assign moderator Ana Lopez AG1").Command!;

        Assert.Equal(CommandId.Assign, command.Definition.Id);
        Assert.Equal("moderator", command["role"]);
        Assert.Equal("Ana Lopez", command["user"]);
        Assert.Equal("AG1", command["session"]);
    }

    [Fact]
    public void Parse_TextArgument_RestOfLineVerbatim()
    {
        var command = CommandParser.Parse("/broadcast  Action groups start at 10:45   sharp.").Command!;

        Assert.Equal("Action groups start at 10:45   sharp.", command["text"]);
    }

    [Fact]
    public void Parse_CardText_KeepsPipes()
    {
        var command = CommandParser.Parse("card a | b | c").Command!;

        Assert.Equal(CommandId.Card, command.Definition.Id);
        Assert.Equal("a | b | c", command["card"]);
    }

    [Fact]
    public void Parse_CardEdit_LongerNameWinsOverCard()
    {
        var command = CommandParser.Parse("card edit 12 New text | means").Command!;

        Assert.Equal(CommandId.CardEdit, command.Definition.Id);
        Assert.Equal("12", command["id"]);
        Assert.Equal("New text | means", command["card"]);
    }

    [Fact]
    public void Parse_EmptyCard_NoArgument()
    {
        var command = CommandParser.Parse("card").Command!;

        Assert.Equal(CommandId.Card, command.Definition.Id);
        Assert.Null(command["card"]);
    }

    [Fact]
    public void Parse_HelpWithCommandName_TextArgument()
    {
        Assert.Equal("list move", CommandParser.Parse("help list move").Command!["command"]);
    }

    [Fact]
    public void Parse_MissingRequiredArgument_PoliteErrorWithUsage()
    {
        var result = CommandParser.Parse("list add");

        Assert.Null(result.Command);
        Assert.Contains("Missing <delegation>", result.Error?.In(Texts.English), StringComparison.Ordinal);
        Assert.Contains("Usage: `list add <delegation>`", result.Error?.In(Texts.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingRequiredKeywordArgument_ErrorWithUsage()
    {
        var result = CommandParser.Parse("delegation add Holy See");

        Assert.Null(result.Command);
        Assert.Contains("as <category>", result.Error?.In(Texts.English), StringComparison.Ordinal);
        Assert.Contains(CommandCatalogue.Get(CommandId.DelegationAdd).Usage, result.Error?.In(Texts.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PositionNotANumber_ErrorWithUsage()
    {
        var result = CommandParser.Parse("list move Mexico first");

        Assert.Null(result.Command);
        Assert.Contains("<position> must be a whole number, not `first`", result.Error?.In(Texts.English), StringComparison.Ordinal);
        Assert.Contains("Usage: `list move <delegation> <position>`", result.Error?.In(Texts.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadChoice_ErrorListsChoicesAndUsage()
    {
        var result = CommandParser.Parse("flex maybe");

        Assert.Null(result.Command);
        Assert.Contains("`on`, `off`", result.Error?.In(Texts.English), StringComparison.Ordinal);
        Assert.Contains("not `maybe`", result.Error?.In(Texts.English), StringComparison.Ordinal);
        Assert.Contains("Usage: `flex on|off`", result.Error?.In(Texts.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExtraTokens_ErrorNamesThemWithUsage()
    {
        var result = CommandParser.Parse("next please now");

        Assert.Null(result.Command);
        Assert.Contains("`please now`", result.Error?.In(Texts.English), StringComparison.Ordinal);
        Assert.Contains("Usage: `next`", result.Error?.In(Texts.English), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("spek", "speak")]
    [InlineData("nxt", "next")]
    [InlineData("agenad now", "agenda")]
    [InlineData("withdrw", "withdraw")]
    public void Parse_Misspelt_SuggestsClosest(string text, string suggestion)
    {
        var result = CommandParser.Parse(text);

        Assert.Null(result.Command);
        Assert.Contains($"Did you mean `{suggestion}`?", result.Error?.In(Texts.English), StringComparison.Ordinal);
        Assert.Contains("`help`", result.Error?.In(Texts.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Gibberish_NoSuggestion()
    {
        var result = CommandParser.Parse("xyzzyplugh");

        Assert.Null(result.Command);
        Assert.Contains("I don't know the command `xyzzyplugh`", result.Error?.In(Texts.English), StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", result.Error?.In(Texts.English), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/")]
    [InlineData("!")]
    public void Parse_Empty_AsksForACommand(string text)
    {
        var result = CommandParser.Parse(text);

        Assert.Null(result.Command);
        Assert.Contains("Type a command", result.Error?.In(Texts.English), StringComparison.Ordinal);
    }

    [Fact]
    public void FromFields_CardForm_NamedArgumentsTrimmedAndBlanksDropped()
    {
        var result = CommandParser.FromFields("card", new Dictionary<string, string>
        {
            ["recommendation"] = "  Expand regular pathways ",
            ["means"] = "Bilateral agreements",
            ["partnerships"] = "   ",
        });

        var command = result.Command!;
        Assert.Equal(CommandId.Card, command.Definition.Id);
        Assert.Equal("Expand regular pathways", command["recommendation"]);
        Assert.Equal("Bilateral agreements", command["means"]);
        Assert.Null(command["partnerships"]);
    }

    [Fact]
    public void FromFields_HyphenatedName_FindsCommand()
    {
        var result = CommandParser.FromFields("list-move", new Dictionary<string, string> { ["delegation"] = "Mexico", ["position"] = "2" });

        Assert.Equal(CommandId.ListMove, result.Command!.Definition.Id);
        Assert.Equal(2, result.Command.Number("position"));
    }

    [Fact]
    public void FromFields_InvalidNumber_Error()
    {
        var result = CommandParser.FromFields("card edit", new Dictionary<string, string> { ["id"] = "twelve" });

        Assert.Null(result.Command);
        Assert.Contains("<id> must be a whole number", result.Error?.In(Texts.English), StringComparison.Ordinal);
    }

    [Fact]
    public void FromFields_UnknownCommand_SuggestsClosest()
    {
        var result = CommandParser.FromFields("spek", new Dictionary<string, string>());

        Assert.Null(result.Command);
        Assert.Contains("Did you mean `speak`?", result.Error?.In(Texts.English), StringComparison.Ordinal);
    }

    [Fact]
    public void FromFields_MissingRequiredField_PoliteErrorWithUsage()
    {
        var result = CommandParser.FromFields("list move", new Dictionary<string, string> { ["delegation"] = "Mexico" });

        Assert.Null(result.Command);
        Assert.Contains("Missing <position>", result.Error?.In(Texts.English), StringComparison.Ordinal);
        Assert.Contains("Usage: `list move <delegation> <position>`", result.Error?.In(Texts.English), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ON", "on")]
    [InlineData("Off", "off")]
    [InlineData("of", "off")]
    public void FromFields_ChoiceInOtherCaseOrPrefix_NormalisedLikeTypedText(string typed, string expected)
    {
        var typedResult = CommandParser.Parse($"flex {typed}");
        var formResult = CommandParser.FromFields("flex", new Dictionary<string, string> { ["mode"] = typed });

        Assert.Equal(expected, typedResult.Command!["mode"]);
        Assert.Equal(expected, formResult.Command!["mode"]);
    }

    [Theory]
    [InlineData("card Expand pathways\u0000 | Agreements | ILO")]
    [InlineData("broadcast Start at 10:45\u0007")]
    [InlineData("register \"Mex\u0000ico\"")]
    [InlineData("register \"Mex\nico\"")]
    [InlineData("list add \"Mexico\u001b\"")]
    public void Parse_ControlCharacterInAnArgument_RefusedSayingWhich(string typed)
    {
        var result = CommandParser.Parse(typed);

        Assert.Null(result.Command);
        Assert.Matches(@"^<\w+> contains a control character \(U\+00[01][0-9A-F](, NUL)?\)", result.Error!.In(Texts.English));
    }

    [Fact]
    public void Parse_TextWithLineBreaksAndTabs_Kept()
    {
        var result = CommandParser.Parse("broadcast Room change:\r\n\tAG1 moves to Room B.");

        Assert.Null(result.Error);
        Assert.Equal("Room change:\r\n\tAG1 moves to Room B.", result.Command!["text"]);
    }

    [Theory]
    [InlineData("register", "delegation", "Mex\tico")]
    [InlineData("register", "delegation", "Mex\u0000ico")]
    [InlineData("broadcast", "text", "Start\u0000")]
    [InlineData("card", "card", "Pathways\u007f | Agreements | ILO")]
    public void FromFields_ControlCharacterInAField_RefusedLikeTypedText(string command, string field, string value)
    {
        var result = CommandParser.FromFields(command, new Dictionary<string, string> { [field] = value });

        Assert.Null(result.Command);
        Assert.StartsWith($"<{field}> contains a control character", result.Error?.In(Texts.English), StringComparison.Ordinal);
    }
}
