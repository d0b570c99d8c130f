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

    /// <summary>
    /// Keeps the list a writer committed: the list kept at <paramref name="readVersion"/> (what the writer read) with
    /// the entries it saved applied. Nothing is kept unless the list the writer read is still the one kept.
    /// </summary>
    public void Publish(int sessionId, long readVersion, long newVersion, IEnumerable<(SpeakerEntry Entry, bool Deleted)> saved)
    {
        if (!_lists.TryGetValue(sessionId, out var kept) || kept.Version != readVersion)
        {
            return;
        }

        // An entry saved twice (added, then changed or deleted) counts once, as it was last saved.
        var changed = saved.GroupBy(s => s.Entry).Select(g => g.Last()).ToList();
        var ids = changed.Select(s => s.Entry.Id).ToHashSet();
        var entries = kept.Entries.Where(e => !ids.Contains(e.Id))
            .Concat(changed.Where(s => !s.Deleted && s.Entry.Status == EntryStatus.Waiting).Select(s => s.Entry.Copy()))
            .ToArray();
        _lists.TryUpdate(sessionId, (newVersion, entries), kept);
    }

    /// <summary>Keeps copies of a committed state, unless a later version is kept already.</summary>
    public void Keep(int sessionId, long version, IEnumerable<SpeakerEntry> entries)
    {
        var copies = entries.Select(e => e.Copy()).ToArray();
        _lists.AddOrUpdate(sessionId, (version, copies), (_, kept) => kept.Version > version ? kept : (version, copies));
    }
}
