namespace GcmBot.Summaries.Text;

/// <summary>A unit-length TF-IDF vector: term ids in ascending order with their weights.</summary>
internal sealed class SparseVector
{
    public static readonly SparseVector Empty = new([], []);

    public SparseVector(int[] terms, float[] weights)
    {
        Terms = terms;
        Weights = weights;
    }

    public int[] Terms { get; }
    public float[] Weights { get; }

    public bool IsEmpty => Terms.Length == 0;

    /// <summary>Cosine similarity: both vectors are unit length, so it is the dot product.</summary>
    public float Cosine(SparseVector other)
    {
        float sum = 0;
        int i = 0, j = 0;
        while (i < Terms.Length && j < other.Terms.Length)
        {
            var a = Terms[i];
            var b = other.Terms[j];
            if (a == b)
            {
                sum += Weights[i++] * other.Weights[j++];
            }
            else if (a < b)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }

    /// <summary>
    /// How much of the shorter text the other one says: the mean of the cosine and of the share of the
    /// shorter vector's weight on shared terms. A short card and a long sentence making the same
    /// proposal score high, where the cosine alone is diluted by the sentence's other words.
    /// </summary>
    public float Overlap(SparseVector other)
    {
        float dot = 0, mine = 0, theirs = 0;
        int i = 0, j = 0;
        while (i < Terms.Length && j < other.Terms.Length)
        {
            var a = Terms[i];
            var b = other.Terms[j];
            if (a == b)
            {
                dot += Weights[i] * other.Weights[j];
                mine += Weights[i] * Weights[i];
                theirs += other.Weights[j] * other.Weights[j];
                i++;
                j++;
            }
            else if (a < b)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (dot + MathF.Max(mine, theirs)) / 2;
    }

    public float Dot(float[] dense)
    {
        float sum = 0;
        for (var i = 0; i < Terms.Length; i++)
        {
            sum += Weights[i] * dense[Terms[i]];
        }

        return sum;
    }
}
