namespace GcmBot.Discord;

internal static class DiscordChannel
{
    /// <summary>The channel kind stored with participants, bindings and contributions.</summary>
    public const string Name = "discord";

    public const string UserAgent = "DiscordBot (https://github.com/gcmbot/gcmbot, 1.0)";

    /// <summary>Discord's limits on what a message may carry.</summary>
    public const int MaxContent = 2000;

    /// <summary>Discord takes an interaction's first answer (its callback) only this long after the interaction.</summary>
    public static readonly TimeSpan CallbackWindow = TimeSpan.FromSeconds(3);
}
