namespace GcmBot.Web;

internal static class WebChannel
{
    public const string Name = "web";
    public const string RoomPrefix = "room:";
    public const int MaxTextLength = 4000;
}
