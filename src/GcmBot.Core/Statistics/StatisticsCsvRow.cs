namespace GcmBot.Core.Statistics;

internal sealed record StatisticsCsvRow(string Table, string Item, string Category, string Measure, double Value);
