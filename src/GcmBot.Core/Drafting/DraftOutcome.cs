namespace GcmBot.Core.Drafting;

/// <param name="Drafter">Which drafter wrote the report: <c>extractive</c> or <c>llm</c>.</param>
/// <param name="Note">What the rapporteur should know, e.g. that the model failed and the extractive drafter stood in.</param>
public sealed record DraftOutcome(Report Report, string Drafter, string? Note = null);
