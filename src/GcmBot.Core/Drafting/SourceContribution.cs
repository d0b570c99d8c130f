namespace GcmBot.Core.Drafting;

/// <summary>Something said in the session; <see cref="Id"/> is what the report cites.</summary>
public sealed record SourceContribution(string Id, string Speaker, string Delegation, string Text, DateTimeOffset At);
