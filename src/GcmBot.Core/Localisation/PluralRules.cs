namespace GcmBot.Core.Localisation;

/// <summary>The CLDR cardinal plural categories of whole numbers in the six languages.</summary>
public static class PluralRules
{
    public static string Category(Language language, long count)
    {
        var n = Math.Abs(count);
        var (ten, hundred) = (n % 10, n % 100);
        return language.Code switch
        {
            "zh" => "other",
            "fr" => n <= 1 ? "one" : "other",
            "ru" => ten == 1 && hundred != 11 ? "one"
                : ten is >= 2 and <= 4 && hundred is < 12 or > 14 ? "few"
                : "many",
            "ar" => n switch
            {
                0 => "zero",
                1 => "one",
                2 => "two",
                _ when hundred is >= 3 and <= 10 => "few",
                _ when hundred >= 11 => "many",
                _ => "other",
            },
            _ => n == 1 ? "one" : "other",
        };
    }

    /// <summary>The categories a language uses for whole numbers: the forms each plural text must have in it.</summary>
    public static IReadOnlySet<string> Categories(Language language) =>
        Enumerable.Range(0, 200).Select(n => Category(language, n)).ToHashSet();
}
