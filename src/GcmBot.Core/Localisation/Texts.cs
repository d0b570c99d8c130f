using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;

namespace GcmBot.Core.Localisation;

/// <summary>
/// Everything GcmBot says in its own words, in one language: the .NET resources <c>Texts.resx</c> (English, the
/// neutral language) and one <c>Texts.&lt;code&gt;.resx</c> per other language, read as an <see cref="IStringLocalizer"/>.
/// A key a language lacks falls back to English; the resource tests make sure none that must be there is missing.
/// </summary>
public sealed class Texts : IStringLocalizer
{
    private static readonly ResourceManager _resources = new("GcmBot.Core.Localisation.Texts", typeof(Texts).Assembly);
    private static readonly Dictionary<string, Texts> _byCode = Language.All.ToDictionary(l => l.Code, l => new Texts(l));

    private Texts(Language language)
    {
        Language = language;
        Culture = Gregorian(language.Culture);
    }

    public static Texts English => For(Language.English);

    public Language Language { get; }

    /// <summary>The language's culture for dates and numbers, always on the Gregorian calendar (Arabic's default may be another).</summary>
    public CultureInfo Culture { get; }

    public static Texts For(Language language) => _byCode[language.Code];

    /// <summary>The first of the codes that names one of the six languages (a person's choice, a channel's locale, a default…), else English.</summary>
    public static Texts For(params string?[] codesInOrder) =>
        For(codesInOrder.Select(Language.FromTag).FirstOrDefault(l => l is not null) ?? Language.English);

    /// <summary>
    /// The language of a message sent to a person later, outside a reply (a floor cue, a reminder, an answer to a
    /// request to join a delegation, an approver's notice): their choice, else the language their channel last
    /// reported, else the meeting's default, else English. Every such message is written through this one rule.
    /// </summary>
    public static Texts ForPerson(Domain.Participant person, string? meetingLanguage) =>
        For(person.Language, person.ChannelLanguage, meetingLanguage);

    public LocalizedString this[string name]
    {
        get
        {
            var value = _resources.GetString(name, Culture);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments] => new(name, Format(name, arguments));

    /// <summary>The text of <paramref name="key"/> with its placeholders filled in, numbers and dates in the language's culture.</summary>
    public string Format(string key, params object?[] arguments) =>
        string.Format(Culture, _resources.GetString(key, Culture) ?? throw new InvalidOperationException($"The text {key} is missing."), arguments);

    /// <summary>
    /// The plural form of <paramref name="key"/> for <paramref name="count"/> (<c>key.one</c>, <c>key.few</c>, …, by the
    /// language's rules; <c>key.other</c> when it has no form of its own). The count is placeholder {0}, the arguments follow.
    /// </summary>
    public string Plural(string key, long count, params object?[] arguments)
    {
        var form = $"{key}.{PluralRules.Category(Language, count)}";
        var chosen = _resources.GetString(form, Culture) is null ? $"{key}.other" : form;
        return Format(chosen, [count, .. arguments]);
    }

    /// <summary>A duration as the meeting writes it: <c>2 min</c>, <c>1:30 min</c>, <c>45 s</c>, <c>1 h 05 min</c>.</summary>
    public string Duration(TimeSpan value) =>
        value.TotalHours >= 1 ? Format("Duration.Hours", (int)value.TotalHours, value.Minutes)
        : value.Seconds == 0 ? Format("Duration.Minutes", (int)value.TotalMinutes)
        : value.TotalMinutes >= 1 ? Format("Duration.MinutesSeconds", (int)value.TotalMinutes, value.Seconds)
        : Format("Duration.Seconds", value.Seconds);

    /// <summary>The name of a language in this one (<c>français</c> in French, <c>French</c> in English).</summary>
    public string NameOf(Language language) => Format($"LanguageName.{language.Code}");

    /// <summary>A delegation category as this language writes it (<i>État Membre</i>, <i>Estado Miembro</i>…).</summary>
    public string Category(Domain.DelegationCategory category) => Format($"Category.{category}");

    /// <summary>An instant already in the venue's time zone, in the pattern a resource gives for this language.</summary>
    public string Date(DateTimeOffset local, string patternKey) => local.ToString(this[patternKey].Value, Culture);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        // English is the neutral resources, which the invariant culture names.
        var culture = Language == Language.English ? CultureInfo.InvariantCulture : Culture;
        var set = _resources.GetResourceSet(culture, createIfNotExists: true, tryParents: includeParentCultures);
        return set is null ? [] : set.Cast<System.Collections.DictionaryEntry>().Select(e => new LocalizedString((string)e.Key, (string)e.Value!));
    }

    private static CultureInfo Gregorian(CultureInfo culture)
    {
        if (culture.DateTimeFormat.Calendar is GregorianCalendar)
        {
            return culture;
        }

        var clone = (CultureInfo)culture.Clone();
        clone.DateTimeFormat.Calendar = culture.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault() ?? new GregorianCalendar();
        return CultureInfo.ReadOnly(clone);
    }
}
