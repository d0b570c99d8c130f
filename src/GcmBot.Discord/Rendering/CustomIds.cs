namespace GcmBot.Discord.Rendering;

/// <summary>
/// A button's custom_id carries the command it runs (<c>cmd:/next</c>); a modal's, and the button that
/// opens one, the form's command (<c>form:card</c>). Discord limits custom ids to 100 characters.
/// </summary>
internal static class CustomIds
{
    public const int MaxLength = 100;
    private const string CommandPrefix = "cmd:";
    private const string FormPrefix = "form:";

    public static string? ForCommand(string command) => Fit(CommandPrefix + command);

    public static string? ForForm(string command) => Fit(FormPrefix + command);

    public static string? Command(string customId) => customId.StartsWith(CommandPrefix, StringComparison.Ordinal) ? customId[CommandPrefix.Length..] : null;

    public static string? Form(string customId) => customId.StartsWith(FormPrefix, StringComparison.Ordinal) ? customId[FormPrefix.Length..] : null;

    private static string? Fit(string id) => id.Length <= MaxLength ? id : null;
}
