namespace GcmBot.Core.Replies;

/// <summary>A channel-neutral message; each adapter renders it in its own way.</summary>
public sealed record Reply(string Text)
{
    public Visibility Visibility { get; init; } = Visibility.Conversation;
    public string? Title { get; init; }
    public IReadOnlyList<Fact> Facts { get; init; } = [];
    public IReadOnlyList<ListItem> Items { get; init; } = [];
    public IReadOnlyList<ReplyAction> Actions { get; init; } = [];
    public ReplyForm? Form { get; init; }
    public Attachment? Attachment { get; init; }

    /// <summary>A running speaking timer's end, for channels that render a live countdown.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Marks a reply that only tells the user something went wrong; nothing was changed.</summary>
    public bool IsError { get; init; }

    /// <summary>The code of the language the reply is written in, for what an adapter adds in its own words; null: English.</summary>
    public string? Language { get; init; }

    public static Reply Private(string text) => new(text) { Visibility = Visibility.Private };

    public static Reply Error(string text) => new(text) { Visibility = Visibility.Private, IsError = true };

    /// <summary>The one answer when storage or another part of ours failed before anything was saved.</summary>
    public static Reply Failed { get; } = FailedIn(Localisation.Texts.English);

    /// <summary><see cref="Failed"/> in the person's language.</summary>
    public static Reply FailedIn(Localisation.Texts texts) => Error(texts.Format("Error.Failed"));
}
