using System.Collections.Concurrent;
using System.Security.Cryptography;
using GcmBot.Core.Replies;

namespace GcmBot.Teams.Outbound;

/// <summary>
/// Files a reply carries (the cards export) are offered in Teams as a download link: a bot cannot attach
/// a file to a channel message without SharePoint. Each link has an unguessable name and expires.
/// </summary>
internal sealed class TeamsFiles
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (Attachment File, DateTimeOffset Expires)> _files = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public TeamsFiles(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>Keeps the file and returns the name of its download link.</summary>
    public string Add(Attachment file)
    {
        var now = _time.GetUtcNow();
        foreach (var (key, entry) in _files)
        {
            if (entry.Expires <= now)
            {
                _files.TryRemove(key, out _);
            }
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _files[id] = (file, now + Lifetime);
        return id;
    }

    public Attachment? Find(string id) =>
        _files.TryGetValue(id, out var entry) && entry.Expires > _time.GetUtcNow() ? entry.File : null;
}
