using GcmBot.Teams.Wire;

namespace GcmBot.Teams.Receiving;

/// <param name="Host">The address the activity came in on, for links (downloads) in the replies.</param>
internal sealed record QueuedActivity(Activity Activity, Uri Host);
