using System.Net;
using GcmBot.Core.Replies;
using GcmBot.Teams.Cards;
using GcmBot.Teams.Wire;

namespace GcmBot.Teams.Outbound;

/// <summary>Turns a channel-neutral reply into the message activity GcmBot posts.</summary>
internal sealed class TeamsActivities
{
    private readonly TeamsFiles _files;

    public TeamsActivities(TeamsFiles files)
    {
        _files = files;
    }

    /// <param name="host">Base address for download links; null: files are not offered.</param>
    /// <param name="mention">Whom the message is for, mentioned at its start (the pointer to a private answer).</param>
    public Activity Message(Reply reply, ConversationReference target, Uri? host, ChannelAccount? mention = null)
    {
        var prefix = mention is { Id.Length: > 0 } ? $"<at>{WebUtility.HtmlEncode(mention.Name ?? "you")}</at> " : "";
        IReadOnlyList<Entity>? entities = prefix.Length > 0 ? [new Entity("mention") { Mentioned = mention, Text = prefix.TrimEnd() }] : null;
        var from = new ChannelAccount(target.BotId, target.BotName);
        if (AdaptiveCardRenderer.IsSimple(reply))
        {
            return new Activity
            {
                Type = "message",
                From = from,
                Text = prefix + AdaptiveCardRenderer.EscapeMessage(reply.Text),
                TextFormat = "markdown",
                Entities = entities,
            };
        }

        Uri? download = null;
        if (reply.Attachment is { } file && host is not null)
        {
            download = new Uri(host, $"{TeamsEndpoints.FilesPath}/{_files.Add(file)}/{Uri.EscapeDataString(file.FileName)}");
        }

        return new Activity
        {
            Type = "message",
            From = from,
            Text = prefix.Length > 0 ? prefix.TrimEnd() : null,
            TextFormat = prefix.Length > 0 ? "markdown" : null,
            Summary = reply.Title ?? Shorten(reply.Text),
            Attachments = [new Wire.Attachment(AdaptiveCardRenderer.ContentType) { Content = AdaptiveCardRenderer.Render(reply, download) }],
            Entities = entities,
        };
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..97] + "...";
}
