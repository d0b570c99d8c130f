using GcmBot.Core.Drafting;
using GcmBot.Summaries.Text;

namespace GcmBot.Summaries.Extractive;

/// <summary>What the extractive drafter ranks and clusters: one sentence of a contribution, or one card.</summary>
internal sealed class Unit
{
    public required string SourceId { get; init; }
    public required string Delegation { get; init; }
    public required string Text { get; init; }
    public required Question Question { get; init; }

    /// <summary>Position in the input: cards first, then sentences in the order they were said. Ties break on it.</summary>
    public required int Order { get; init; }

    /// <summary>The contribution a sentence comes from (its index in the normalised input), or -1 for a card.</summary>
    public int Contribution { get; init; } = -1;
    public SourceCard? Card { get; init; }
    public int TermCount { get; set; }
    public int WordCount { get; init; }
    public SparseVector Vector { get; set; } = SparseVector.Empty;

    /// <summary>The sentence in reported speech; null for a card.</summary>
    public Reported? Reported { get; init; }

    /// <summary>Words of the whole statement the sentence is part of: substance comes in long statements, procedure in short ones.</summary>
    public int StatementWords { get; init; }

    /// <summary>Whether the sentence may be a point of the report: in the report's language, not housekeeping, not a question, long enough to say something.</summary>
    public bool IsPoint { get; init; }

    /// <summary>The language of the card, or of the statement the sentence is part of (<see cref="LanguageGuess"/>).</summary>
    public required string Language { get; init; }

    public bool IsCard => Card is not null;
}
