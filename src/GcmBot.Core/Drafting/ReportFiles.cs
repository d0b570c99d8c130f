namespace GcmBot.Core.Drafting;

/// <summary>The content types of a report's files, declared once for the chat and the review page.</summary>
public static class ReportFiles
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string MarkdownType = "text/markdown";
}
