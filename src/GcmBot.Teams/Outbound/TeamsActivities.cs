using System.Text.Json;
using System.Text.Json.Nodes;
using GcmBot.Core.Localisation;
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
        // Measured with a stand-in link, so that fitting registers no file; the link's length is the same.
        var probe = host is null ? null : new Uri(host, $"{TeamsEndpoints.FilesPath}/{new string('0', 32)}/");
        var fitted = ReplyFitting.Fit(reply, r => Size(Build(r, target, probe, mention)) <= Budget);
        Uri? download = null;
        if (fitted.Attachment is { } file && host is not null)
        {
            download = new Uri(host, $"{TeamsEndpoints.FilesPath}/{_files.Add(file)}/{Uri.EscapeDataString(file.FileName)}");
        }

        return Build(fitted, target, download, mention);
    }

    /// <summary>
    /// What is sent when the connector still refuses a message as too big (413): the title and the
    /// download link of the whole answer, if it has one, as plain text.
    /// </summary>
    public static Activity Shorter(Activity activity)
    {
        var link = activity.Attachments?.Select(a => a.Content).OfType<JsonObject>()
            .SelectMany(card => card["actions"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .FirstOrDefault(a => (string?)a["type"] == "Action.OpenUrl")?["url"]?.GetValue<string>();
        var texts = Texts.For(activity.Locale);
        var title = activity.Summary ?? texts.Format("Teams.TooLarge.ThisAnswer");
        return new Activity
        {
            Type = "message",
            From = activity.From,
            Text = AdaptiveCardRenderer.EscapeHtml(texts.Format("Teams.TooLarge", Shorten(title)))
                + " " + (link is null ? AdaptiveCardRenderer.EscapeHtml(texts.Format("Teams.TooLarge.AskPersonal")) : $"[{AdaptiveCardRenderer.EscapeHtml(texts.Format("Teams.TooLarge.Download"))}]({link})"),
            TextFormat = "markdown",
            Locale = activity.Locale,
        };
    }

    /// <summary>Teams refuses messages over 40 KB (counted in UTF-16); 28 KB leaves room for what the connector adds.</summary>
    public const int Budget = 28 * 1024;

    private static int Size(Activity activity) => JsonSerializer.Serialize(activity, TeamsJson.Options).Length * 2;

    private static Activity Build(Reply reply, ConversationReference target, Uri? download, ChannelAccount? mention)
    {
        var prefix = mention is { Id.Length: > 0 } ? $"<at>{AdaptiveCardRenderer.EscapeHtml(mention.Name ?? "you")}</at> " : "";
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
                Locale = reply.Language,
            };
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
            Locale = reply.Language,
        };
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..97] + "...";
}
