using System.Collections.Concurrent;
using GcmBot.Teams.Receiving;
using GcmBot.Teams.Wire;

namespace GcmBot.Teams.Outbound;

/// <summary>
/// Where each Teams user can be reached directly: their personal chat with the bot if they have written
/// there, or else the connector and tenant a personal chat can be created on. Kept in memory: after a
/// restart, a reminder for someone not heard from since falls back to a mention in the session's channel.
/// </summary>
internal sealed class TeamsPeople
{
    private readonly ConcurrentDictionary<string, (ConversationReference Reference, bool Personal, string? Name)> _people = new(StringComparer.Ordinal);

    public void Remember(Activity activity)
    {
        if (activity.From?.Id is not { Length: > 0 } user || activity.Conversation?.Id is not { Length: > 0 } conversation || activity.ServiceUrl is not { Length: > 0 })
        {
            return;
        }

        var personal = TeamsConversation.IsPersonal(activity.Conversation.ConversationType);
        var reference = ConversationReference.From(activity, TeamsConversation.Key(conversation));
        _people.AddOrUpdate(user, (reference, personal, activity.From.Name), (_, known) => personal || !known.Personal ? (reference, personal, activity.From.Name) : known);
    }

    /// <summary>
    /// Where to post privately to <paramref name="userId"/>: their personal chat, or a connector on which to
    /// create one (<c>DirectTo</c> set); null when the user was never seen.
    /// </summary>
    public (ConversationReference Reference, ChannelAccount? DirectTo)? Find(string userId) =>
        _people.TryGetValue(userId, out var known)
            ? (known.Reference, known.Personal ? null : new ChannelAccount(userId, known.Name))
            : null;
}
