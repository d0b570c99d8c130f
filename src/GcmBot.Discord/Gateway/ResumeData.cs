namespace GcmBot.Discord.Gateway;

internal sealed record ResumeData(string Token, string SessionId, int? Seq);
