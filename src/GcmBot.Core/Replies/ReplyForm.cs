namespace GcmBot.Core.Replies;

/// <summary>An input form; submitting it runs <see cref="Command"/> with the fields as named arguments.</summary>
public sealed record ReplyForm(string Command, string Title, string SubmitLabel, IReadOnlyList<FormField> Fields);
