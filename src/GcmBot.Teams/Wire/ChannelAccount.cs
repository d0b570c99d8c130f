namespace GcmBot.Teams.Wire;

/// <summary>A user or bot on the channel (<c>#/definitions/ChannelAccount</c>).</summary>
internal sealed record ChannelAccount(string? Id, string? Name = null)
{
    public string? AadObjectId { get; init; }
}
