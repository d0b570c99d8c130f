namespace GcmBot.Summaries.Llm;

/// <summary>The model's report, as the JSON schema in <c>prompts/report.schema.json</c> describes it.</summary>
internal sealed record LlmReport(List<LlmSentence>? Summary, List<LlmRecommendation>? Recommendations, List<LlmSentence>? Observations);
