namespace GcmBot.Core.Replies;

public sealed record FormField(string Name, string Label, bool Multiline, bool Required, int MaxLength, string? Value = null);
