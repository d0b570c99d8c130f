namespace GcmBot.Summaries.Llm;

internal sealed record LlmRecommendation(string? Recommendation, string? Means, string? Partnerships, List<string>? Sources);
