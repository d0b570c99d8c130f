namespace GcmBot.Discord.Gateway;

/// <param name="ResetAfter">Milliseconds until <see cref="Remaining"/> resets.</param>
internal sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
