using System.Globalization;
using GcmBot.Core.Localisation;

namespace GcmBot.Core.Tests.Localisation;

public sealed class TextsTests
{
    [Theory]
    [InlineData("ru", 1, "one")]
    [InlineData("ru", 21, "one")]
    [InlineData("ru", 11, "many")]
    [InlineData("ru", 3, "few")]
    [InlineData("ru", 22, "few")]
    [InlineData("ru", 12, "many")]
    [InlineData("ru", 5, "many")]
    [InlineData("ar", 0, "zero")]
    [InlineData("ar", 1, "one")]
    [InlineData("ar", 2, "two")]
    [InlineData("ar", 3, "few")]
    [InlineData("ar", 110, "few")]
    [InlineData("ar", 11, "many")]
    [InlineData("ar", 100, "other")]
    [InlineData("fr", 0, "one")]
    [InlineData("fr", 2, "other")]
    [InlineData("es", 0, "other")]
    [InlineData("en", 1, "one")]
    [InlineData("zh", 1, "other")]
    public void Category_WholeNumbers_FollowCldr(string code, long count, string category) =>
        Assert.Equal(category, PluralRules.Category(Language.FromTag(code)!, count));

    [Theory]
    [InlineData("ru", 3, "Дня 9 нет: совещание длится 3 дня.")]
    [InlineData("ru", 5, "Дня 9 нет: совещание длится 5 дней.")]
    [InlineData("ar", 2, "لا يوجد يوم 9: الاجتماع يستمر يومين.")]
    [InlineData("fr", 1, "Il n'y a pas de jour 9 : la réunion dure 1 jour.")]
    [InlineData("en", 3, "There is no day 9: the meeting has 3 days.")]
    public void Plural_Count_PicksTheLanguagesForm(string code, long count, string expected) =>
        Assert.Equal(expected, Texts.For(Language.FromTag(code)!).Plural("Agenda.NoDay", count, 9));

    [Theory]
    [InlineData("fr", null, "es", "fr")]
    [InlineData(null, "es-419", "fr", "es")]
    [InlineData(null, "de-DE", "ru", "ru")]
    [InlineData(null, null, null, "en")]
    [InlineData("xx", null, null, "en")]
    public void For_PersonChannelMeeting_TakesTheFirstOfTheSix(string? person, string? channel, string? meeting, string code) =>
        Assert.Equal(code, Texts.For(person, channel, meeting).Language.Code);

    [Fact]
    public void Culture_Arabic_IsGregorian()
    {
        var arabic = Texts.For(Language.Arabic);
        Assert.IsType<GregorianCalendar>(arabic.Culture.DateTimeFormat.Calendar);
        var date = new DateTimeOffset(2017, 12, 5, 10, 50, 0, TimeSpan.FromHours(-6));
        Assert.Contains("2017", arabic.Date(date, "Format.LongDate"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Tuesday 5 December 2017")]
    [InlineData("fr", "mardi 5 décembre 2017")]
    [InlineData("es", "martes 5 de diciembre de 2017")]
    [InlineData("zh", "2017年12月5日 星期二")]
    [InlineData("ru", "вторник, 5 декабря 2017")]
    public void Date_LongDate_WrittenAsTheLanguageWritesIt(string code, string expected) =>
        Assert.Equal(expected, Texts.For(Language.FromTag(code)!).Date(new DateTimeOffset(2017, 12, 5, 10, 50, 0, TimeSpan.FromHours(-6)), "Format.LongDate"));

    [Theory]
    [InlineData("en", 90, "1:30 min")]
    [InlineData("ru", 120, "2 мин")]
    [InlineData("zh", 45, "45 秒")]
    public void Duration_InTheLanguage(string code, int seconds, string expected) =>
        Assert.Equal(expected, Texts.For(Language.FromTag(code)!).Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Indexer_UnknownKey_ReportsNotFound()
    {
        var text = Texts.English["No.Such.Key"];
        Assert.True(text.ResourceNotFound);
        Assert.Throws<InvalidOperationException>(() => Texts.English.Format("No.Such.Key"));
    }
}
