using System.Globalization;
using System.Numerics;
using GcmBot.Core.Domain;
using GcmBot.Discord.Wire;

namespace GcmBot.Discord.Interactions;

/// <summary>How Discord users are named and which role they start with.</summary>
internal static class DiscordPeople
{
    private static readonly BigInteger _administrator = 1 << 3;
    private static readonly BigInteger _manageServer = 1 << 5;

    public static string NameOf(DiscordUser user, GuildMember? member) =>
        member?.Nick is { Length: > 0 } nick ? nick : user.GlobalName is { Length: > 0 } global ? global : user.Username;

    /// <summary>Organisers: the configured user ids, and server members who may manage the server.</summary>
    public static Roles FirstRoles(DiscordUser user, GuildMember? member, DiscordOptions options)
    {
        if (options.Organisers.Contains(user.Id))
        {
            return Roles.Organiser;
        }

        return member?.Permissions is { } text && BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var permissions)
            && ((permissions & _administrator) != 0 || (permissions & _manageServer) != 0)
            ? Roles.Organiser
            : Roles.None;
    }
}
