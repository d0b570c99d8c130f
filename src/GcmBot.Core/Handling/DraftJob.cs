using GcmBot.Core.Drafting;
using GcmBot.Core.Localisation;

namespace GcmBot.Core.Handling;

/// <summary>
/// A draft to write once the command's transaction has committed: the drafter may wait on a model for
/// a minute, and must not hold the single writer meanwhile.
/// </summary>
/// <param name="Overwrite">Replace a draft the rapporteur edited.</param>
/// <param name="ReportLanguage">The language of the report template's own text (<see cref="CommandContext.ReportLanguage"/>).</param>
/// <param name="Texts">The language of the person who asked: the answer comes after the command's own transaction.</param>
internal sealed record DraftJob(int SessionId, DraftInput Input, bool Overwrite, int ParticipantId, Language ReportLanguage, Texts Texts);
