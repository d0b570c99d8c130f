using GcmBot.Core.Drafting;

namespace GcmBot.Core.Handling;

/// <summary>
/// A draft to write once the command's transaction has committed: the drafter may wait on a model for
/// a minute, and must not hold the single writer meanwhile.
/// </summary>
/// <param name="Overwrite">Replace a draft the rapporteur edited.</param>
internal sealed record DraftJob(int SessionId, DraftInput Input, bool Overwrite, int ParticipantId);
