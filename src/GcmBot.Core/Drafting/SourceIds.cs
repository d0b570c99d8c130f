using System.Globalization;

namespace GcmBot.Core.Drafting;

/// <summary>How the report cites stored cards and contributions: <c>card-12</c>, <c>msg-345</c>.</summary>
public static class SourceIds
{
    public const string CardPrefix = "card-";
    public const string ContributionPrefix = "msg-";

    public static string Card(int id) => CardPrefix + id.ToString(CultureInfo.InvariantCulture);

    public static string Contribution(long id) => ContributionPrefix + id.ToString(CultureInfo.InvariantCulture);

    public static int? CardNumber(string id) =>
        id.StartsWith(CardPrefix, StringComparison.Ordinal) && int.TryParse(id.AsSpan(CardPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static long? ContributionNumber(string id) =>
        id.StartsWith(ContributionPrefix, StringComparison.Ordinal) && long.TryParse(id.AsSpan(ContributionPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
