using GcmBot.Core.Drafting;

namespace GcmBot.Summaries.Llm;

/// <summary>The model's verified report, or why there is none (for the rapporteur: no secrets, no stack traces).</summary>
internal sealed record LlmAttempt(Report? Report, string? Failure);
