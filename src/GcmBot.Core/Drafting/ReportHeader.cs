namespace GcmBot.Core.Drafting;

/// <summary>The header of the reporting template (Annex 2).</summary>
public sealed record ReportHeader(string ActionGroup, string DateAndTime, string Room, string Moderator, string Rapporteur);
