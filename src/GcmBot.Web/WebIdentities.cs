using System.Collections.Concurrent;
using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Replies;

namespace GcmBot.Web;

/// <summary>
/// Web chat users are identified by a random token kept in their browser; only its hash is stored.
/// Display names are cached so that echoing a message needs no database round trip.
/// </summary>
internal sealed class WebIdentities
{
    private readonly IMeetingStore _store;
    private readonly ConcurrentDictionary<string, Author> _authors = new(StringComparer.Ordinal);

    public WebIdentities(IMeetingStore store)
    {
        _store = store;
    }

    public static string UserId(string token) => TokenHash.Of(token);

    public void Remember(string userId, Author author) => _authors[userId] = author;

    /// <summary>The author behind a token, or null when nobody picked an identity with it.</summary>
    public async Task<Author?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        if (_authors.TryGetValue(userId, out var known))
        {
            return known;
        }

        var author = await _store.ReadAsync(async (data, ct) =>
        {
            var participant = await data.FindParticipantAsync(WebChannel.Name, userId, ct);
            if (participant is null)
            {
                return null;
            }

            var delegation = participant.DelegationId is { } id ? await data.GetDelegationAsync(id, ct) : null;
            return new Author(participant.DisplayName, delegation?.Name);
        }, cancellationToken);
        if (author is not null)
        {
            _authors[userId] = author;
        }

        return author;
    }
}
