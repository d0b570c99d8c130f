namespace GcmBot.Summaries.Llm;

internal sealed record LlmNote(string? Kind, string? Text, List<string>? Sources);
