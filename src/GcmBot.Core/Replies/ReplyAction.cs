namespace GcmBot.Core.Replies;

/// <summary>A button; pressing it runs <see cref="Command"/> as if typed by the presser.</summary>
public sealed record ReplyAction(string Label, string Command, ActionStyle Style = ActionStyle.Secondary);
