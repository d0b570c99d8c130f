namespace GcmBot.Discord.Gateway;

/// <summary>Gateway close event codes and what each asks the client to do (Discord docs).</summary>
internal static class GatewayCloseCodes
{
    public const int AuthenticationFailed = 4004;
    public const int InvalidSeq = 4007;
    public const int SessionTimedOut = 4009;

    /// <summary>Our own code when we drop a connection: anything but 1000/1001 keeps the session resumable.</summary>
    public const int ClientReconnect = 4900;

    public static GatewayOutcome Classify(int? code) => code switch
    {
        AuthenticationFailed or 4010 or 4011 or 4012 or 4013 or 4014 => GatewayOutcome.Stop,
        InvalidSeq or SessionTimedOut => GatewayOutcome.Identify,
        _ => GatewayOutcome.Resume,
    };

    /// <summary>Why the gateway will not take us, in words an operator can act on.</summary>
    public static string Explain(int? code) => code switch
    {
        AuthenticationFailed => "authentication failed: Discord:Token is wrong or was reset",
        4010 => "invalid shard",
        4011 => "sharding required: the bot is in too many guilds for one connection",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents: enable the Message Content intent for the bot in the developer portal",
        _ => $"close code {code}",
    };
}
