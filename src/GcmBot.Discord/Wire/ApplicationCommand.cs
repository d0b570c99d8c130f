namespace GcmBot.Discord.Wire;

/// <summary>A slash command (type 1, CHAT_INPUT) for the bulk-overwrite registration.</summary>
internal sealed record ApplicationCommand(string Name, string Description, IReadOnlyList<ApplicationCommandOption> Options, int Type = 1);
