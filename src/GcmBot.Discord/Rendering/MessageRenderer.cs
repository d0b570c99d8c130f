using System.Globalization;
using System.Text;
using GcmBot.Core.Replies;
using GcmBot.Discord.Wire;

namespace GcmBot.Discord.Rendering;

/// <summary>
/// Renders a channel-neutral reply as a Discord message: text as content, facts and list items as an
/// embed, actions as buttons, a form as a modal (or a button that opens it), a deadline as a
/// <c>&lt;t:UNIX:R&gt;</c> countdown that every client counts down itself. Mentions never ping.
/// </summary>
internal static class MessageRenderer
{
    private const int MaxButtons = 25;
    private const int ButtonsPerRow = 5;
    private const int MaxEmbedDescription = 4096;
    private const int MaxFields = 25;
    private const int MaxFieldName = 256;
    private const int MaxFieldValue = 1024;
    private const int MaxEmbedTotal = 6000;
    private const int ErrorColour = 0xC0392B;
    private const int InfoColour = 0x1F6FB2;

    /// <summary>
    /// The reply within Discord's message limits (2,000 characters of content; an embed of at most 4,096
    /// characters of description, 25 fields and 6,000 characters in all): rows that do not fit go, with the
    /// rest, into an attached Markdown file. Every path that sends a reply fits it first.
    /// </summary>
    public static Reply Fit(Reply reply) => ReplyFitting.Fit(reply, Fits);

    private static bool Fits(Reply reply)
    {
        var description = Description(reply)?.Length ?? 0;
        var fields = reply.Facts.Sum(f => Math.Min(f.Label.Length, MaxFieldName) + Math.Min(Math.Max(f.Value.Length, 1), MaxFieldValue));
        return Content(reply).Length <= DiscordChannel.MaxContent && description <= MaxEmbedDescription
            && reply.Facts.Count <= MaxFields && description + fields <= MaxEmbedTotal;
    }

    public static MessageBody Render(Reply reply, bool ephemeral = false, string? replyTo = null)
    {
        var embed = reply.Items.Count > 0 || reply.Facts.Count > 0
            ? new Embed(
                null,
                Description(reply) is { } description ? Truncate(description, MaxEmbedDescription) : null,
                reply.Facts.Count > 0 ? [.. reply.Facts.Take(MaxFields).Select(f => new EmbedField(Truncate(f.Label, MaxFieldName), Truncate(f.Value.Length > 0 ? f.Value : "—", MaxFieldValue), true))] : null,
                reply.IsError ? ErrorColour : InfoColour)
            : null;

        var buttons = reply.Actions
            .Select(a => (a.Label, Id: CustomIds.ForCommand(a.Command), Style: ButtonStyle(a.Style)))
            .Concat(reply.Form is { } form ? [(form.Title, CustomIds.ForForm(form.Command), 1)] : [])
            .Where(b => b.Id is not null)
            .Take(MaxButtons)
            .Select(b => new Component(Component.Button) { Label = Truncate(b.Label, 80), CustomId = b.Id, Style = b.Style })
            .Chunk(ButtonsPerRow)
            .Select(row => new Component(Component.ActionRow) { Components = row })
            .ToList();

        return new MessageBody(
            Truncate(Content(reply), DiscordChannel.MaxContent),
            embed is null ? null : [embed],
            buttons.Count > 0 ? buttons : null,
            AllowedMentions.None,
            ephemeral ? MessageBody.Ephemeral : null,
            reply.Attachment is { } file ? [new AttachmentSlot(0, file.FileName)] : null,
            replyTo is null ? null : new MessageReference(replyTo));
    }

    private static string Content(Reply reply)
    {
        var content = new StringBuilder();
        if (reply.Title is { Length: > 0 } title)
        {
            content.Append("**").Append(title).Append("**\n");
        }

        content.Append(reply.Text);
        if (reply.Deadline is { } deadline)
        {
            content.Append(CultureInfo.InvariantCulture, $"\nTime runs out <t:{deadline.ToUnixTimeSeconds()}:R> (<t:{deadline.ToUnixTimeSeconds()}:T>).");
        }

        return content.ToString();
    }

    private static string? Description(Reply reply) =>
        reply.Items.Count > 0 ? string.Join('\n', reply.Items.Select(i => $"{i.Position}. **{i.Label}** — {i.Detail}")) : null;

    /// <summary>The form as a modal: one text input per field (Discord allows five).</summary>
    public static ModalData Modal(ReplyForm form) =>
        new(
            CustomIds.ForForm(form.Command)!,
            Truncate(form.Title, 45),
            [.. form.Fields.Take(5).Select(f => new Component(Component.ActionRow)
            {
                Components =
                [
                    new Component(Component.TextInput)
                    {
                        CustomId = f.Name,
                        Label = Truncate(f.Label, 45),
                        Style = f.Multiline ? 2 : 1,
                        Required = f.Required,
                        MaxLength = Math.Clamp(f.MaxLength, 1, 4000),
                        Value = f.Value is { Length: > 0 } value ? Truncate(value, 4000) : null,
                    },
                ],
            })]);

    /// <summary>Discord's styles: 1 primary, 2 secondary, 4 danger.</summary>
    private static int ButtonStyle(ActionStyle style) => style switch
    {
        ActionStyle.Primary => 1,
        ActionStyle.Danger => 4,
        _ => 2,
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
