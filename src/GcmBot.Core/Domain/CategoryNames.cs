namespace GcmBot.Core.Domain;

public static class CategoryNames
{
    /// <summary>The token used in commands and files, e.g. <c>memberState</c>.</summary>
    public static string Token(DelegationCategory category) =>
        char.ToLowerInvariant(category.ToString()[0]) + category.ToString()[1..];

    /// <summary>In English; a reply to a person uses their <see cref="Localisation.Texts.Category"/>.</summary>
    public static string Display(DelegationCategory category) => Localisation.Texts.English.Category(category);

    /// <summary>Reads a category the parser has already validated.</summary>
    public static DelegationCategory Parse(string text) =>
        TryParse(text, out var category) ? category : throw new FormatException($"Unknown delegation category '{text}'.");

    public static bool TryParse(string text, out DelegationCategory category)
    {
        var compact = text.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        foreach (var candidate in Enum.GetValues<DelegationCategory>())
        {
            if (string.Equals(candidate.ToString(), compact, StringComparison.OrdinalIgnoreCase))
            {
                category = candidate;
                return true;
            }
        }

        category = compact.ToLowerInvariant() switch
        {
            "state" or "ms" => DelegationCategory.MemberState,
            "observer" => DelegationCategory.ObserverState,
            "un" or "unagency" => DelegationCategory.UnSystem,
            "igo" => DelegationCategory.Intergovernmental,
            "ngo" or "civilsociety" => DelegationCategory.Stakeholder,
            _ => (DelegationCategory)(-1),
        };
        return Enum.IsDefined(category);
    }
}
