namespace GcmBot.Web;

/// <summary>What the statistics page shows, so that its selectors say so: the scope, and the day or session of it.</summary>
internal sealed record StatisticsSelection(string Scope, int? Day = null, string? Session = null);
