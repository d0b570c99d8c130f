namespace GcmBot.Core.Replies;

public enum ActionStyle
{
    Primary = 0,
    Secondary = 1,
    Danger = 2,
}
