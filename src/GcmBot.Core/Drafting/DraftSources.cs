using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Drafting;

/// <summary>
/// What the points of a session's draft rest on: each cited card or statement with its delegation, for
/// <c>draft sources</c> and the review page alike.
/// </summary>
public sealed class DraftSources
{
    private readonly IReadOnlyDictionary<int, Card> _cards;
    private readonly IReadOnlyDictionary<long, Contribution> _contributions;
    private readonly IReadOnlyDictionary<int, Delegation> _delegations;
    private readonly Meeting _meeting;

    private DraftSources(IReadOnlyDictionary<int, Card> cards, IReadOnlyDictionary<long, Contribution> contributions, IReadOnlyDictionary<int, Delegation> delegations, Meeting meeting)
    {
        _cards = cards;
        _contributions = contributions;
        _delegations = delegations;
        _meeting = meeting;
    }

    public static async Task<DraftSources> LoadAsync(IMeetingData data, Meeting meeting, int sessionId, CancellationToken cancellationToken)
    {
        var cards = (await data.GetCardsAsync(sessionId, null, cancellationToken)).ToDictionary(c => c.Id);
        var contributions = (await data.GetContributionsAsync(sessionId, cancellationToken)).ToDictionary(c => c.Id);
        var delegations = await data.GetDelegationsAsync(
            cards.Values.Select(c => c.DelegationId).Concat(contributions.Values.Where(c => c.DelegationId is not null).Select(c => c.DelegationId!.Value)),
            cancellationToken);
        return new DraftSources(cards, contributions, delegations, meeting);
    }

    /// <summary>One item per id, in order, in the reader's language; an id deleted since the draft was made says so.</summary>
    public IReadOnlyList<ListItem> Describe(IReadOnlyList<string> ids, Texts texts)
    {
        var items = new List<ListItem>();
        foreach (var id in ids)
        {
            var position = items.Count + 1;
            if (SourceIds.CardNumber(id) is { } cardId && _cards.TryGetValue(cardId, out var card))
            {
                items.Add(new ListItem(position, texts.Format(card.IsWithdrawn ? "Staff.Draft.Source.CardWithdrawn" : "Staff.Draft.Source.Card", card.Id, Name(card.DelegationId, texts)),
                    texts.Format("Staff.Draft.Source.CardDetail", card.Recommendation, Handling.DraftMessage.Or(card.Means), Handling.DraftMessage.Or(card.Partnerships))));
            }
            else if (SourceIds.ContributionNumber(id) is { } messageId && _contributions.TryGetValue(messageId, out var said))
            {
                var at = _meeting.ToLocal(said.At).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
                items.Add(new ListItem(position, $"{said.AuthorName} · {Name(said.DelegationId, texts)} · {at}", said.Text));
            }
            else
            {
                items.Add(new ListItem(position, id, texts.Format("Staff.Draft.Source.Gone")));
            }
        }

        return items;
    }

    private string Name(int? id, Texts texts) => id is { } d && _delegations.TryGetValue(d, out var delegation) ? delegation.Name : texts.Format("Staff.Draft.Source.NoDelegation");
}
