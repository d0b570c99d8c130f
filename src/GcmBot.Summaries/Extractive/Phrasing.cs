namespace GcmBot.Summaries.Extractive;

/// <summary>How the summary reports what was said, the way a chair's summary does ("several delegations proposed").</summary>
internal static class Phrasing
{
    /// <summary>
    /// Words the report adds in reported speech (who, how, the third person and the past tense) and in its
    /// note on statements in other languages; the verifier does not ask sources to contain them.
    /// </summary>
    public const string ReportingWords =
        "one two several many some delegation delegations participant participants proposed suggested recommended urged called call made noted "
        + "they them their theirs themselves was were would could should had did might it that a the as to of for "
        + "statements statement english french spanish quoted summary see sources";

    public static string Who(int delegations, bool hasDelegation) => delegations switch
    {
        <= 1 => hasDelegation ? "One delegation" : "One participant",
        2 => "Two delegations",
        <= 5 => "Several delegations",
        _ => "Many delegations",
    };
}
