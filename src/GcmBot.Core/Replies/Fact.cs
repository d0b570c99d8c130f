namespace GcmBot.Core.Replies;

public sealed record Fact(string Label, string Value);
