namespace GcmBot.Summaries.Llm;

internal sealed record LlmSentence(string? Text, List<string>? Sources);
