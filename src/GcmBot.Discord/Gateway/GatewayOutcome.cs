namespace GcmBot.Discord.Gateway;

/// <summary>What to do after a connection ends.</summary>
internal enum GatewayOutcome
{
    /// <summary>Reconnect to the resume URL and resume the session.</summary>
    Resume,

    /// <summary>Forget the session and identify again.</summary>
    Identify,

    /// <summary>An error reconnecting cannot fix (token, intents, sharding): stop.</summary>
    Stop,
}
