namespace GcmBot.Core.Statistics;

public enum StatisticsScope
{
    Session = 0,
    Day = 1,
    Meeting = 2,
}
