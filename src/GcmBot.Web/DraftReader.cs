using GcmBot.Core.Domain;
using GcmBot.Core.Localisation;

namespace GcmBot.Web;

/// <summary>
/// Who opened a draft's page or API: the session when they may review its draft (else null), and what their
/// language is made of (their own choice, the meeting's default), for the page and its refusals alike.
/// </summary>
internal sealed record DraftReader(Session? Session, string? PersonLanguage, string? MeetingLanguage)
{
    /// <summary>The reader's language: their choice, else the browser's, else the meeting's (as the web chat page).</summary>
    public Texts TextsFor(string? browserLanguage) => Texts.For(PersonLanguage, browserLanguage, MeetingLanguage);
}
