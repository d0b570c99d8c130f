using System.Collections.Concurrent;
using GcmBot.Core.Domain;

namespace GcmBot.Storage;

/// <summary>
/// The last waiting entries read per session, with the <see cref="Session.ListVersion"/> they were read at. Nearly
/// every command reads a whole speakers list, and lists change far less often than they are read: a copy at the
/// version the database shows now saves reading every row again. Only committed states are kept (see
/// <see cref="MeetingData.GetWaitingAsync"/>), and the version comes from the database, so every host instance
/// sees the others' changes.
/// </summary>
internal sealed class WaitingLists
{
    private readonly ConcurrentDictionary<int, (long Version, SpeakerEntry[] Entries)> _lists = new();

    /// <summary>Copies of the entries at exactly <paramref name="version"/>, which the caller is free to change.</summary>
    public List<SpeakerEntry>? Get(int sessionId, long version) =>
        _lists.TryGetValue(sessionId, out var kept) && kept.Version == version ? [.. kept.Entries.Select(e => e.Copy())] : null;

    /// <summary>Keeps copies of a committed state, unless a later version is kept already.</summary>
    public void Keep(int sessionId, long version, IEnumerable<SpeakerEntry> entries)
    {
        var copies = entries.Select(e => e.Copy()).ToArray();
        _lists.AddOrUpdate(sessionId, (version, copies), (_, kept) => kept.Version > version ? kept : (version, copies));
    }
}
