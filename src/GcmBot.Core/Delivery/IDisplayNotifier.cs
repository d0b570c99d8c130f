namespace GcmBot.Core.Delivery;

/// <summary>
/// Told, right after a change is committed, which rooms it touched; the room displays and the organisers'
/// overview are refreshed from the store. One place, so a scale-out backplane needs to hook in only here.
/// Must not block: the caller is on the command's path.
/// </summary>
public interface IDisplayNotifier
{
    void RoomsChanged(IEnumerable<string> rooms);
}
