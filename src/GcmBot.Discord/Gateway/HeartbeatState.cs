namespace GcmBot.Discord.Gateway;

/// <summary>Shared by the receive loop (acks) and the heartbeat loop (sends, zombie check).</summary>
internal sealed class HeartbeatState
{
    private volatile bool _acked = true;
    private volatile bool _zombie;

    public bool Acked
    {
        get => _acked;
        set => _acked = value;
    }

    /// <summary>A heartbeat went unacknowledged: the connection is dead even if the socket looks open.</summary>
    public bool Zombie
    {
        get => _zombie;
        set => _zombie = value;
    }
}
