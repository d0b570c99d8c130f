namespace GcmBot.Discord.Tests.Fakes;

/// <summary>An interaction the fake Discord sent: its token, when, and whether its callback came.</summary>
internal sealed class IssuedInteraction(string token, DateTimeOffset at)
{
    /// <summary>1 once the callback was accepted (set with <see cref="Interlocked"/>).</summary>
    public int Acknowledged;

    public string Token { get; } = token;

    public DateTimeOffset At { get; } = at;
}
