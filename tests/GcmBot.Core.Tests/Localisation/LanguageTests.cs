using GcmBot.Core.Localisation;

namespace GcmBot.Core.Tests.Localisation;

public sealed class LanguageTests
{
    [Theory]
    [InlineData("fr", "fr")]
    [InlineData("fr-CA", "fr")]
    [InlineData("es-419", "es")]
    [InlineData("es_ES", "es")]
    [InlineData("zh-Hans-CN", "zh")]
    [InlineData("AR", "ar")]
    [InlineData(" ru ", "ru")]
    [InlineData("en-GB", "en")]
    public void A_channel_locale_names_its_language(string tag, string code) =>
        Assert.Equal(code, Language.FromTag(tag)?.Code);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("de")]
    [InlineData("pt-BR")]
    public void A_locale_outside_the_six_has_no_language(string? tag) => Assert.Null(Language.FromTag(tag));

    [Fact]
    public void Only_arabic_is_written_right_to_left() =>
        Assert.Equal(["ar"], Language.All.Where(language => language.RightToLeft).Select(language => language.Code));
}
