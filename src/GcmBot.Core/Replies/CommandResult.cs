namespace GcmBot.Core.Replies;

public sealed record CommandResult(Reply Reply, IReadOnlyList<Announcement> Announcements)
{
    /// <summary>The sender as known after the command ran (a registration changes the delegation).</summary>
    public Author? Author { get; init; }

    public static CommandResult Of(Reply reply, params Announcement[] announcements) => new(reply, announcements);
}
