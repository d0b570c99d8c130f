using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using GcmBot.Core.Localisation;

namespace GcmBot.Core.Tests.Localisation;

/// <summary>
/// Every text is in every language: each translation has every key, the delegate's path and the staff's replies
/// (<c>Staff.</c>) alike, so that a moderator or organiser can chair in any of the six. Plural texts have each form the
/// language uses, and every translation fills in the same placeholders as the English.
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
        var chinese = new Dictionary<string, string> { ["Floor.Placed"] = "**{0}** 请求发言。", ["Agenda.NoDay.other"] = "{0} 天" };
        var arabic = new Dictionary<string, string> { ["Floor.Placed"] = "طلب **{0}** الكلمة.", ["Staff.Estimate"] = "الموعد المتوقع للانتهاء {0}" };

        Assert.Equal(["Agenda.NoDay.many", "Agenda.NoDay.other", "Floor.Placed", "Staff.Estimate"], Missing(english, russian, Language.Russian));
        Assert.Equal(["Staff.Estimate"], Missing(english, french, Language.French));
        // A staff reply is required in Arabic and Chinese too; Chinese needs only the other form of a plural text.
        Assert.Equal(["Staff.Estimate"], Missing(english, chinese, Language.Chinese));
        Assert.Equal(["Agenda.NoDay.few", "Agenda.NoDay.many", "Agenda.NoDay.one", "Agenda.NoDay.other", "Agenda.NoDay.two", "Agenda.NoDay.zero"],
            Missing(english, arabic, Language.Arabic));
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
        var singles = english.Keys.Where(k => !IsPluralForm(k));
        var plurals = english.Keys.Where(IsPluralForm).Select(BaseOf).Distinct()
            .SelectMany(b => PluralRules.Categories(language).Append("other").Distinct().Select(c => $"{b}.{c}"));
        return [.. singles.Concat(plurals).Where(k => !own.ContainsKey(k)).Order(StringComparer.Ordinal)];
    }

    internal static List<string> Mismatched(IReadOnlyDictionary<string, string> english, IReadOnlyDictionary<string, string> own) =>
        [.. own.Where(e => !Same(Expected(english, e.Key), Placeholders(e.Value), IsPluralForm(e.Key))).Select(e => e.Key).Order(StringComparer.Ordinal)];

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
