namespace GcmBot.Web;

/// <summary>SignalR group names of the display hub.</summary>
internal static class DisplayGroups
{
    public const string Overview = "overview";

    public static string Room(string room) => "display:" + room.ToLowerInvariant();
}
