namespace GcmBot.Core.Replies;

public sealed record Attachment(string FileName, string ContentType, byte[] Content);
