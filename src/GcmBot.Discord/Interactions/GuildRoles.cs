using System.Numerics;

namespace GcmBot.Discord.Interactions;

/// <summary>A server's owner and each of its roles' permissions, by role id (@everyone has the server's id).</summary>
internal sealed record GuildRoles(string? OwnerId, IReadOnlyDictionary<string, BigInteger> Permissions);
