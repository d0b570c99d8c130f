namespace GcmBot.Summaries.Extractive;

/// <summary>The four guiding questions of the action groups, in the order the summary follows.</summary>
internal enum Question
{
    Priorities = 0,
    Commitments = 1,
    Means = 2,
    Partnerships = 3,
    Other = 4,
}
