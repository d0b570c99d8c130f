using GcmBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GcmBot.Discord.Interactions;

/// <summary>
/// Registers the slash commands with one bulk overwrite (PUT): in the configured guild when there is
/// one (updates show at once), otherwise globally.
/// </summary>
internal sealed partial class CommandRegistrar
{
    private readonly DiscordRest _rest;
    private readonly DiscordOptions _options;
    private readonly ILogger<CommandRegistrar> _logger;
    private int _registered;

    public CommandRegistrar(DiscordRest rest, IOptions<DiscordOptions> options, ILogger<CommandRegistrar> logger)
    {
        _rest = rest;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Once per process: READY comes again after every re-identify.</summary>
    public async Task RegisterAsync(string? readyApplicationId, CancellationToken cancellationToken)
    {
        var applicationId = _options.ApplicationId is { Length: > 0 } configured ? configured : readyApplicationId;
        if (applicationId is null || Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        var commands = SlashCommands.Build();
        var route = _options.GuildId is { Length: > 0 } guild
            ? DiscordRoute.Create(HttpMethod.Put, "applications/{application_id}/guilds/{guild_id}/commands", applicationId, guild)
            : DiscordRoute.Create(HttpMethod.Put, "applications/{application_id}/commands", applicationId);
        try
        {
            await _rest.SendAsync(route, commands, null, cancellationToken);
        }
        catch
        {
            Interlocked.Exchange(ref _registered, 0);
            throw;
        }

        LogRegistered(_logger, commands.Count, _options.GuildId is { Length: > 0 } ? "guild" : "global");
    }

    [LoggerMessage(EventId = 6501, Level = LogLevel.Information, Message = "Registered {Count} Discord slash commands ({Scope})")]
    private static partial void LogRegistered(ILogger logger, int count, string scope);
}
