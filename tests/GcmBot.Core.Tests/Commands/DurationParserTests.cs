using GcmBot.Core.Commands;

namespace GcmBot.Core.Tests.Commands;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("90", 90)]
    [InlineData("90s", 90)]
    [InlineData("90 sec", 90)]
    [InlineData("2m", 120)]
    [InlineData("2 min", 120)]
    [InlineData("2 minutes", 120)]
    [InlineData("1:30", 90)]
    [InlineData("0:45", 45)]
    [InlineData("1h", 3600)]
    [InlineData("1.5m", 90)]
    [InlineData(" 3 MIN ", 180)]
    public void TryParse_AsPeopleTypeIt_Seconds(string text, int seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0s")]
    [InlineData("-1")]
    [InlineData("1:5")]
    [InlineData("1:300")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("2 fortnights")]
    [InlineData("200h")]
    [InlineData("0:00")]
    [InlineData("1:75")]
    [InlineData("\uFF12m")]
    [InlineData("\u0662:\u0663\u0660")]
    [InlineData("9999999999999999999999h")]
    [InlineData("99999999999999999999999999999999999999999999999999999999999999")]
    [InlineData("1.00000000000000000000001h")]
    public void TryParse_NotADuration_False(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _));
    }

    [Theory]
    [InlineData(120, "2 min")]
    [InlineData(90, "1:30 min")]
    [InlineData(45, "45 s")]
    [InlineData(3900, "1 h 05 min")]
    public void Format_Durations_ReadableText(int seconds, string expected)
    {
        Assert.Equal(expected, DurationParser.Format(TimeSpan.FromSeconds(seconds)));
    }
}
