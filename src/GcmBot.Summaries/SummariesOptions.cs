namespace GcmBot.Summaries;

/// <summary>The <c>Summaries</c> configuration section.</summary>
public sealed class SummariesOptions
{
    public const string SectionName = "Summaries";

    public DrafterKind Drafter { get; set; } = DrafterKind.Extractive;

    /// <summary>Base URL of an OpenAI-compatible API, e.g. <c>http://localhost:11434/v1</c> (Ollama).</summary>
    public string? Endpoint { get; set; }

    public string Model { get; set; } = "";

    /// <summary>Sent as the bearer token; never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one model request may take before the extractive drafter stands in.</summary>
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// The most contribution text (JSON-encoded characters) sent in one request; longer sessions are
    /// summarised chunk by chunk first (map-reduce). About four characters make a token.
    /// </summary>
    public int MaxInputCharacters { get; set; } = 24_000;

    /// <summary>Folder of the Semantic Kernel prompt templates, relative to the app folder.</summary>
    public string PromptsPath { get; set; } = "prompts";

    /// <summary>
    /// The summary's length, in words. 180: the human summaries of the dev set run about 130 words, and a longer
    /// extract mostly adds words nobody would have written (docs/drafter-quality.md).
    /// </summary>
    public int SummaryWords { get; set; } = 180;

    public int MaxRecommendations { get; set; } = 12;

    public int MaxObservations { get; set; } = 3;

    /// <summary>Cosine similarity (TF-IDF over stems) from which two proposals count as the same recommendation.</summary>
    public double ClusterThreshold { get; set; } = 0.5;
}
