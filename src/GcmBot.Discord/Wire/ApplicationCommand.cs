namespace GcmBot.Discord.Wire;

/// <summary>A slash command (type 1, CHAT_INPUT) for the bulk-overwrite registration.</summary>
internal sealed record ApplicationCommand(string Name, string Description, IReadOnlyList<ApplicationCommandOption> Options, int Type = 1)
{
    /// <summary>Locale (<c>fr</c>, <c>es-ES</c>) → the name Discord shows people using that language; interactions still carry <see cref="Name"/>.</summary>
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }
}
