using GcmBot.Core.Replies;

namespace GcmBot.Web;

/// <summary>The JSON shape the chat page renders.</summary>
internal sealed record WebMessage(
    Guid Id,
    string Conversation,
    DateTimeOffset At,
    WebAuthor Author,
    string Visibility,
    string? Title,
    string Text,
    IReadOnlyList<Fact> Facts,
    IReadOnlyList<WebItem> Items,
    IReadOnlyList<WebAction> Actions,
    WebForm? Form,
    WebAttachment? Attachment,
    DateTimeOffset? Deadline,
    bool IsError)
{
    public static readonly WebAuthor Bot = new("GcmBot", null, true);

    public static WebMessage FromUser(string conversation, DateTimeOffset at, Author author, string text) =>
        new(Guid.NewGuid(), conversation, at, new WebAuthor(author.Name, author.Delegation, false), "conversation", null, text, [], [], [], null, null, null, false);

    public static WebMessage FromReply(string conversation, DateTimeOffset at, Reply reply) =>
        new(
            Guid.NewGuid(),
            conversation,
            at,
            Bot,
            reply.Visibility == Core.Replies.Visibility.Private ? "private" : "conversation",
            reply.Title,
            reply.Text,
            reply.Facts,
            [.. reply.Items.Select(i => new WebItem(i.Position, i.Label, i.Detail, i.Segment is { } s ? char.ToLowerInvariant(s.ToString()[0]) + s.ToString()[1..] : null))],
            [.. reply.Actions.Select(a => new WebAction(a.Label, a.Command, a.Style.ToString().ToLowerInvariant()))],
            reply.Form is { } form
                ? new WebForm(form.Command, form.Title, form.SubmitLabel, [.. form.Fields.Select(f => new WebField(f.Name, f.Label, f.Multiline, f.Required, f.MaxLength, f.Value))])
                : null,
            reply.Attachment is { } file ? new WebAttachment(file.FileName, file.ContentType, Convert.ToBase64String(file.Content)) : null,
            reply.Deadline,
            reply.IsError);
}

internal sealed record WebAuthor(string Name, string? Delegation, bool IsBot);

internal sealed record WebItem(int Position, string Label, string Detail, string? Segment);

internal sealed record WebAction(string Label, string Command, string Style);

internal sealed record WebForm(string Command, string Title, string SubmitLabel, IReadOnlyList<WebField> Fields);

internal sealed record WebField(string Name, string Label, bool Multiline, bool Required, int MaxLength, string? Value);

internal sealed record WebAttachment(string FileName, string ContentType, string Base64);
