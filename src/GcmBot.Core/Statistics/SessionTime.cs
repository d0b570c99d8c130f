namespace GcmBot.Core.Statistics;

/// <summary>Speaking time used versus allotted in one session, over its completed interventions (everyone who spoke).</summary>
public sealed record SessionTime(string Code, string Title, int Interventions, TimeSpan Used, TimeSpan Allotted);
