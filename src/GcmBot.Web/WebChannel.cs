namespace GcmBot.Web;

internal static class WebChannel
{
    public const string Name = "web";
    public const string RoomPrefix = "room:";
    public const int MaxTextLength = 4000;

    /// <summary>Messages a page gets back at a time when it opens or scrolls up: at least the room's last 200.</summary>
    public const int HistoryPage = 200;
}
