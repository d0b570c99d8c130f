namespace GcmBot.Discord.Gateway;

/// <summary>The random numbers the gateway waits by (first heartbeat, re-identify); fixed in tests.</summary>
internal sealed class GatewayJitter
{
    private readonly Func<double> _next;

    public GatewayJitter(Func<double> next)
    {
        _next = next;
    }

    /// <summary>In [0, 1).</summary>
    public double Next() => _next();
}
