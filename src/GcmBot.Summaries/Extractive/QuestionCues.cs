using System.Text.RegularExpressions;

namespace GcmBot.Summaries.Extractive;

/// <summary>Which guiding question a sentence answers, from the words delegations use for each.</summary>
internal static partial class QuestionCues
{
    public static Question Classify(string sentence)
    {
        if (Commitment().IsMatch(sentence))
        {
            return Question.Commitments;
        }

        if (Partnership().IsMatch(sentence))
        {
            return Question.Partnerships;
        }

        if (Means().IsMatch(sentence))
        {
            return Question.Means;
        }

        return Priority().IsMatch(sentence) ? Question.Priorities : Question.Other;
    }

    [GeneratedRegex(@"\b(should|must|shall|recommend\w*|propos\w*|call(s|ed)?\s+(for|on|upon)|commit\w*|urge[sd]?|need\s+to|we\s+(ask|want|suggest)|(like|wish|want)\s+to\s+see|suggest\w*|the\s+compact\s+(should|must|could))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Commitment();

    [GeneratedRegex(@"\b(partner\w*|cooperat\w*|collaborat\w*|together\s+with|bilateral\w*|regional\s+(process|consultative|organi[sz]ation)\w*|civil\s+society|private\s+sector|employers?|trade\s+unions?|diaspora\w*|local\s+authorit\w*|UN\s+system|IOM|ILO|UNHCR|OHCHR|UNICEF)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Partnership();

    [GeneratedRegex(@"\b(fund\w*|financ\w*|capacity[-\s]building|capacit\w*|data|statistic\w*|legislat\w*|law|laws|mechanism\w*|implement\w*|train\w*|resourc\w*|budget\w*|technical\s+assistance|platform\w*|monitor\w*|agreements?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Means();

    [GeneratedRegex(@"\b(priorit\w*|national\w*|our\s+(country|government|region)|concern\w*|challenge\w*|important|key|focus)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Priority();
}
