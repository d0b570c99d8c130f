using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using GcmBot.Core.Localisation;

namespace GcmBot.Core.Tests.Localisation;

/// <summary>
/// Every text is in every language it must be in: French and Spanish have every key; Arabic, Chinese and Russian
/// every key of the delegate's path (all but the <c>Staff.</c> keys). Plural texts have each form the language uses,
/// and every translation fills in the same placeholders as the English.
/// </summary>
public sealed partial class TextsResourceTests
{
    private static readonly ResourceManager _resources = new("GcmBot.Core.Localisation.Texts", typeof(Texts).Assembly);

    public static TheoryData<string> Translations => [.. Language.All.Where(l => l != Language.English).Select(l => l.Code)];

    [Theory]
    [MemberData(nameof(Translations))]
    public void Resources_EveryLanguage_HaveEveryKeyTheyMustHave(string code)
    {
        var language = Language.FromTag(code)!;
        var missing = Missing(English(), Own(language), language);
        Assert.True(missing.Count == 0, $"{code} lacks: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Resources_EveryTranslation_FillsTheEnglishPlaceholders(string code)
    {
        var mismatched = Mismatched(English(), Own(Language.FromTag(code)!));
        Assert.True(mismatched.Count == 0, $"{code} placeholders differ from English in: {string.Join(", ", mismatched)}");
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Resources_NoTranslation_HasAKeyEnglishLacks(string code)
    {
        var english = English();
        Assert.DoesNotContain(Own(Language.FromTag(code)!).Keys, k => !english.ContainsKey(k) && !IsPluralForm(k));
    }

    [Fact]
    public void Missing_AKeyDroppedFromATranslation_IsReported()
    {
        // The check itself, on resources with one delegate key, one staff key and one plural text missing.
        var english = new Dictionary<string, string>
        {
            ["Floor.Placed"] = "**{0}** asked for the floor.",
            ["Staff.Estimate"] = "Estimated end {0}",
            ["Agenda.NoDay.one"] = "{0} day",
            ["Agenda.NoDay.other"] = "{0} days",
        };
        var russian = new Dictionary<string, string> { ["Agenda.NoDay.one"] = "{0} день", ["Agenda.NoDay.few"] = "{0} дня" };
        var french = new Dictionary<string, string> { ["Floor.Placed"] = "**{0}** a demandé la parole.", ["Agenda.NoDay.one"] = "{0} jour", ["Agenda.NoDay.other"] = "{0} jours" };

        Assert.Equal(["Agenda.NoDay.many", "Agenda.NoDay.other", "Floor.Placed"], Missing(english, russian, Language.Russian).Order());
        Assert.Equal(["Staff.Estimate"], Missing(english, french, Language.French));
        Assert.Equal(["Floor.Placed"], Mismatched(english, new Dictionary<string, string> { ["Floor.Placed"] = "**{1}** a demandé la parole." }));
    }

    [Fact]
    public void Format_EveryEnglishText_FormatsWithItsPlaceholders()
    {
        // A stray brace would throw only when someone meets the text: format each one now, in every language.
        foreach (var language in Language.All)
        {
            var texts = Texts.For(language);
            foreach (var (key, value) in English())
            {
                var arguments = Placeholders(value).Select(_ => (object?)"x").Concat(Enumerable.Repeat<object?>(1, 10)).ToArray();
                var exception = Record.Exception(() => texts.Format(key, arguments));
                Assert.True(exception is null, $"{language.Code} {key}: {exception?.Message}");
            }
        }
    }

    internal static List<string> Missing(IReadOnlyDictionary<string, string> english, IReadOnlyDictionary<string, string> own, Language language)
    {
        var required = english.Keys.Where(k => IsRequired(k, language)).ToList();
        var singles = required.Where(k => !IsPluralForm(k));
        var plurals = required.Where(IsPluralForm).Select(BaseOf).Distinct()
            .SelectMany(b => PluralRules.Categories(language).Append("other").Distinct().Select(c => $"{b}.{c}"));
        return [.. singles.Concat(plurals).Where(k => !own.ContainsKey(k)).Order(StringComparer.Ordinal)];
    }

    internal static List<string> Mismatched(IReadOnlyDictionary<string, string> english, IReadOnlyDictionary<string, string> own) =>
        [.. own.Where(e => !Same(Expected(english, e.Key), Placeholders(e.Value), IsPluralForm(e.Key))).Select(e => e.Key).Order(StringComparer.Ordinal)];

    private static bool IsRequired(string key, Language language) =>
        language == Language.French || language == Language.Spanish || !key.StartsWith("Staff.", StringComparison.Ordinal);

    private static bool IsPluralForm(string key) =>
        key.Split('.')[^1] is "zero" or "one" or "two" or "few" or "many" or "other";

    private static string BaseOf(string key) => key[..key.LastIndexOf('.')];

    /// <summary>The English placeholders of a key; a plural form is compared with English's <c>other</c> form.</summary>
    private static HashSet<string> Expected(IReadOnlyDictionary<string, string> english, string key) =>
        Placeholders(english.TryGetValue(key, out var value) ? value : english.GetValueOrDefault($"{BaseOf(key)}.other") ?? "");

    /// <summary>A plural form may leave out the count ({0}), as Arabic does for one and two.</summary>
    private static bool Same(HashSet<string> expected, HashSet<string> actual, bool plural) =>
        plural ? expected.Except(["0"]).ToHashSet().SetEquals(actual.Except(["0"])) : expected.SetEquals(actual);

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    private static Dictionary<string, string> English() => Read(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Own(Language language) => Read(CultureInfo.GetCultureInfo(language.Code));

    private static Dictionary<string, string> Read(CultureInfo culture)
    {
        var set = _resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for {culture.Name}.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
