namespace GcmBot.Core.Drafting;

/// <summary>One sentence of the summary or of the other observations, with its sources.</summary>
public sealed record ReportSentence(string Text, IReadOnlyList<string> Sources);
