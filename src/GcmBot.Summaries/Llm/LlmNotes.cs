namespace GcmBot.Summaries.Llm;

/// <summary>The map step's notes, as <c>prompts/notes.schema.json</c> describes them.</summary>
internal sealed record LlmNotes(List<LlmNote>? Notes);
