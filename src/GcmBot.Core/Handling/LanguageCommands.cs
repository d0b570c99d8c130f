using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

/// <summary>Whose language a reply is in: the person's choice, a room's, the meeting's default.</summary>
internal static class LanguageCommands
{
    public static Task<CommandResult> SetAsync(CommandContext context)
    {
        if (Chosen(context) is not { } language)
        {
            return Task.FromResult(CommandResult.Of(Reply.Private(context.T("Language.Current", context.Texts.NameOf(context.Texts.Language), Choices()))));
        }

        context.Participant.Language = language.Code;

        // Said in the language just chosen: the first reply the person reads in it.
        var texts = Texts.For(language);
        return Task.FromResult(CommandResult.Of(Reply.Private(texts.Format("Language.Set", texts.NameOf(language)))));
    }

    public static Task<CommandResult> DefaultAsync(CommandContext context)
    {
        var language = Chosen(context)!;
        context.Meeting.DefaultLanguage = language.Code;
        return Task.FromResult(CommandResult.Of(Reply.Private(context.T("Language.DefaultSet", context.Texts.NameOf(language)))));
    }

    public static Task<CommandResult> RoomAsync(CommandContext context)
    {
        var binding = context.Binding ?? throw new CommandException(context.T("Error.NotBound"));
        var language = Chosen(context)!;
        binding.Language = language.Code;
        return Task.FromResult(CommandResult.Of(Reply.Private(context.T("Language.RoomSet", context.Texts.NameOf(language)))));
    }

    /// <summary>The language the command names; the parser has already checked it is one of the six.</summary>
    private static Language? Chosen(CommandContext context) => Language.FromTag(context.Command["code"]);

    private static string Choices() => string.Join(", ", Language.All.Select(l => $"`{l.Code}` {l.NativeName}"));
}
