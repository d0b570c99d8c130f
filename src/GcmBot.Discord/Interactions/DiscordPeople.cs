using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using GcmBot.Core.Domain;
using GcmBot.Discord.Rest;
using GcmBot.Discord.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GcmBot.Discord.Interactions;

/// <summary>
/// How Discord users are named and which role they start with. Organisers are the configured user ids and
/// server members who may manage the server (Administrator or Manage Server, or the server's owner), decided
/// the same way on every path: an interaction carries the member's permissions; a message carries at most the
/// member's role ids, so the member (when it lacks them) and the server's roles come from REST, cached for a
/// few minutes. A display name never counts: anyone can call themselves "Secretariat".
/// </summary>
internal sealed partial class DiscordPeople
{
    /// <summary>How long a server's roles and a member's role ids are trusted before they are asked for again.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private static readonly BigInteger _administrator = 1 << 3;
    private static readonly BigInteger _manageServer = 1 << 5;

    private readonly DiscordRest _rest;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordPeople> _logger;
    private readonly ConcurrentDictionary<string, (GuildRoles Roles, DateTimeOffset Until)> _guilds = new();
    private readonly ConcurrentDictionary<(string Guild, string User), (IReadOnlyList<string> Roles, DateTimeOffset Until)> _members = new();

    public DiscordPeople(DiscordRest rest, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordPeople> logger)
    {
        _rest = rest;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public static string NameOf(DiscordUser user, GuildMember? member) =>
        member?.Nick is { Length: > 0 } nick ? nick : user.GlobalName is { Length: > 0 } global ? global : user.Username;

    /// <param name="guildId">The server the person wrote in; null in a direct message, where no server permission applies.</param>
    /// <param name="member">The member as the event carried it (an interaction's has permissions, a message's role ids).</param>
    public async Task<Roles> FirstRolesAsync(DiscordUser user, string? guildId, GuildMember? member, CancellationToken cancellationToken)
    {
        if (_options.Organisers.Contains(user.Id))
        {
            return Roles.Organiser;
        }

        if (member?.Permissions is { } text)
        {
            return ManagesServer(Parse(text)) ? Roles.Organiser : Roles.None;
        }

        if (guildId is null)
        {
            return Roles.None;
        }

        try
        {
            var guild = await GuildAsync(guildId, cancellationToken);
            if (guild.OwnerId == user.Id)
            {
                return Roles.Organiser;
            }

            var roles = member?.Roles ?? await MemberRolesAsync(guildId, user.Id, cancellationToken);
            var permissions = roles.Aggregate(guild.Permissions.GetValueOrDefault(guildId), (all, role) => all | guild.Permissions.GetValueOrDefault(role));
            return ManagesServer(permissions) ? Roles.Organiser : Roles.None;
        }
        catch (DiscordRestException failure)
        {
            // Unknown is not an organiser; the next contact asks again (failures are not cached).
            LogUnresolved(_logger, failure.Status is { } status ? (int)status : 0);
            return Roles.None;
        }
    }

    private static bool ManagesServer(BigInteger permissions) => (permissions & _administrator) != 0 || (permissions & _manageServer) != 0;

    private static BigInteger Parse(string text) =>
        BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var permissions) ? permissions : BigInteger.Zero;

    /// <summary>The server's owner and each role's permissions (the @everyone role has the server's id).</summary>
    private async Task<GuildRoles> GuildAsync(string guildId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_guilds.TryGetValue(guildId, out var cached) && cached.Until > now)
        {
            return cached.Roles;
        }

        var json = (await _rest.GetAsync(DiscordRoute.Create(HttpMethod.Get, "guilds/{guild_id}", guildId), cancellationToken))!.Value;
        var roles = new GuildRoles(
            json.GetProperty("owner_id").GetString(),
            json.GetProperty("roles").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => Parse(r.GetProperty("permissions").GetString() ?? "0")));
        _guilds[guildId] = (roles, now + CacheFor);
        return roles;
    }

    private async Task<IReadOnlyList<string>> MemberRolesAsync(string guildId, string userId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_members.TryGetValue((guildId, userId), out var cached) && cached.Until > now)
        {
            return cached.Roles;
        }

        var json = (await _rest.GetAsync(DiscordRoute.Create(HttpMethod.Get, "guilds/{guild_id}/members/{user_id}", guildId, userId), cancellationToken))!.Value;
        IReadOnlyList<string> roles = [.. json.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)];
        _members[(guildId, userId)] = (roles, now + CacheFor);
        return roles;
    }

    [LoggerMessage(EventId = 6203, Level = LogLevel.Warning, Message = "Discord did not say which roles a member has ({Status}); they start without the organiser role")]
    private static partial void LogUnresolved(ILogger logger, int status);
}
