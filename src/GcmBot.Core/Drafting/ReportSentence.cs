namespace GcmBot.Core.Drafting;

/// <summary>One sentence of the summary or of the other observations, with its sources.</summary>
/// <param name="Edited">The rapporteur rewrote this point: redrafting keeps it as written.</param>
public sealed record ReportSentence(string Text, IReadOnlyList<string> Sources, bool Edited = false);
