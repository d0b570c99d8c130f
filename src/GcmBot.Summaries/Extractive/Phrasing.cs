namespace GcmBot.Summaries.Extractive;

/// <summary>How the summary reports what was said, the way a chair's summary does ("several delegations proposed").</summary>
internal static class Phrasing
{
    /// <summary>Words the summary adds around quotations; the verifier does not ask sources to contain them.</summary>
    public const string ReportingWords =
        "one two several many some delegation delegations participant participants proposed described priority pointed means implementation called partnerships said a the as to of for";

    public static string Who(int delegations, bool hasDelegation) => delegations switch
    {
        <= 1 => hasDelegation ? "One delegation" : "One participant",
        2 => "Two delegations",
        <= 5 => "Several delegations",
        _ => "Many delegations",
    };

    public static string Verb(Question question) => question switch
    {
        Question.Priorities => "described as a priority",
        Question.Commitments => "proposed",
        Question.Means => "pointed to means of implementation",
        Question.Partnerships => "called for partnerships",
        _ => "said",
    };

    public static string Quote(string text)
    {
        var trimmed = text.Trim().TrimEnd(';', ',', ':');
        return $"“{trimmed}{(trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' ? "" : ".")}”";
    }
}
