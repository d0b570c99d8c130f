namespace GcmBot.Summaries;

public enum DrafterKind
{
    /// <summary>Ranks and selects what was said and written; no model, deterministic.</summary>
    Extractive = 0,

    /// <summary>A model over an OpenAI-compatible endpoint, checked and backed by the extractive drafter.</summary>
    Llm = 1,
}
