using System.Globalization;

namespace GcmBot.Core.Localisation;

/// <summary>
/// One of the six official languages of the United Nations, the languages GcmBot speaks. English is the
/// fallback for any text or person without a language of their own.
/// </summary>
public sealed record Language(string Code, string NativeName, bool RightToLeft, IReadOnlyList<string> DiscordLocales)
{
    public static readonly Language English = new("en", "English", false, ["en-US", "en-GB"]);
    public static readonly Language French = new("fr", "Français", false, ["fr"]);
    public static readonly Language Spanish = new("es", "Español", false, ["es-ES", "es-419"]);
    public static readonly Language Arabic = new("ar", "العربية", true, []);
    public static readonly Language Chinese = new("zh", "中文", false, ["zh-CN"]);
    public static readonly Language Russian = new("ru", "Русский", false, ["ru"]);

    /// <summary>The six, in the order the UN lists them in English: Arabic, Chinese, English, French, Russian, Spanish.</summary>
    public static IReadOnlyList<Language> All { get; } = [Arabic, Chinese, English, French, Russian, Spanish];

    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(Code);

    /// <summary>
    /// The language of a locale or language tag as channels send them (<c>fr-CA</c>, <c>es-419</c>, <c>zh-Hans</c>,
    /// <c>en</c>); null when it is not one of the six.
    /// </summary>
    public static Language? FromTag(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var primary = tag.Trim().Split('-', '_')[0];
        return All.FirstOrDefault(language => string.Equals(language.Code, primary, StringComparison.OrdinalIgnoreCase));
    }
}
