namespace GcmBot.Discord.Wire;

/// <summary>Which mentions in the text may ping: none by default, so user text never pings @everyone, @here or roles.</summary>
internal sealed record AllowedMentions(IReadOnlyList<string> Parse, IReadOnlyList<string>? Users = null)
{
    public static readonly AllowedMentions None = new([]);
}
