namespace GcmBot.Discord.Wire;

/// <summary>A slash command's name and options, a button's custom id, or a modal's custom id and inputs.</summary>
internal sealed record InteractionData(string? Name, IReadOnlyList<CommandOptionValue>? Options, string? CustomId, IReadOnlyList<SubmittedComponent>? Components);
