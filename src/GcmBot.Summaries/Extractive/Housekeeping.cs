using System.Text.RegularExpressions;

namespace GcmBot.Summaries.Extractive;

/// <summary>
/// What a chair's summary never reports: thanks, greetings, giving the floor, procedure (calls to order,
/// headsets, time limits, points of order), addressing the chair, bare acknowledgements; and what is not
/// speech at all: markup and commands typed as text. Rules in English, French and Spanish, tested on real
/// committee transcripts (docs/drafter-quality.md).
/// </summary>
internal static partial class Housekeeping
{
    public static bool Is(string sentence) =>
        Opening().IsMatch(sentence) || Procedure().IsMatch(sentence) || Markup().IsMatch(sentence) || Command().IsMatch(sentence);

    /// <summary>Thanks, greetings, floor-giving and acknowledgements, at the start of the sentence after any vocative.</summary>
    [GeneratedRegex(
        @"^\W*(?:(?:mr|mrs|ms|madam|madame|monsieur|señor|señora)\.?\s+(?:chair\w*|president\w*|présidente?|presidenta?|speaker|minister|co-?facilitator)\W+)?"
        + @"(?:thank|thanks|many\s+thanks|i\s+(?:would\s+like\s+to\s+|want\s+to\s+|wish\s+to\s+)?(?:thank|congratulate|welcome|join\s+others)|we\s+(?:thank|congratulate|welcome)|merci|je\s+vous\s+remercie|nous\s+remercions|gracias|muchas\s+gracias|agradezco|agradecemos"
        + @"|good\s+(?:morning|afternoon|evening)|hello\b|hi\b|welcome\b|bonjour|bonsoir|bienvenu|buenos\s+d[ií]as|buenas\s+tardes|bienvenid"
        + @"|(?:okay|ok|yes|no|right|sure|fine|agreed|indeed|absolutely|sorry|apologies|pardon|great|excellent|perfect|very\s+good|all\s+right)\W*$"
        + @"|(?:mr|mrs|ms|madam|madame)\.?\s+(?:chair\w*|president|speaker|minister)\W*$"
        + @"|(?:we(?:'ll|\s+will)?|let's|let\s+us|i(?:'ll|\s+will)?)\s+(?:now\s+)?(?:go|move|proceed|turn|come|pass)\s+(?:on\s+|back\s+|over\s+)?(?:to|with)\b"
        + @"|(?:our|the)\s+(?:next|first|last|final)\s+(?:question|questions|speaker|intervention|petition|statement|round)\b"
        + @"|next\s+(?:is|we\s+have|on\s+my\s+list|speaker|question)|over\s+to\s+you|go\s+ahead|please\s+(?:go\s+ahead|proceed|continue)"
        + @"|i\s+(?:now\s+)?(?:call|invite|recognize|recognise)\b|i\s+(?:now\s+)?give\s+(?:the\s+)?floor|you\s+have\s+the\s+floor|la\s+parole\s+est|tiene\s+la\s+palabra|le\s+doy\s+la\s+palabra)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Opening();

    /// <summary>Running the meeting, wherever it is said in the sentence.</summary>
    [GeneratedRegex(
        @"\b(?:call\s+(?:this|the)\s+meeting\s+to\s+order|(?:meeting|committee|session|sitting)\s+(?:is|stands)\s+(?:now\s+)?(?:adjourned|suspended|resumed|closed|open)|point\s+of\s+order|rappel\s+au\s+r[eè]glement|cuesti[oó]n\s+de\s+orden"
        + @"|headsets?|earpieces?|microphones?|\bmic\b|on\s+mute|unmute|interpretation\s+(?:channel|button|services?\s+(?:are|is)\s+available)|can\s+you\s+hear|hear\s+me|your\s+(?:time|speaking\s+time)\s+is\s+up|speaking\s+time"
        + @"|(?:one|two|three|\d+)\s+(?:more\s+)?(?:minutes?|seconds?)\s+(?:left|remaining)|standing\s+order|i\s+(?:would\s+like\s+to\s+)?remind\s+(?:members|delegations|delegates|speakers|everyone|colleagues)"
        + @"|\b(?:like|want|wish)\s+to\s+thank\b|\bthank\s+(?:you|the\s+\w+)\s+for\b|\b(?:pleased|happy|delighted|glad)\s+to\s+(?:welcome|answer|be\s+here|introduce|take)\b|answer\s+(?:any\s+)?questions"
        + @"|\b(?:proceed|move\s+on|turn|go|come)\s+to\s+(?:the\s+)?(?:next|presenting|presentation|tabling|questions?|item|statements?|petitions?|oral\s+questions|vote)\b|simultaneous\s+(?:translation|interpretation)|translation\s+(?:is|was)\s+available|\bbilingual\b"
        + @"|\bplease\b|s'il\s+vous\s+pla[iî]t|por\s+favor|(?:english|french|spanish|floor)\s+channel|video\s*conference|technical\s+(?:difficulties|problems|issues)|is\s+it\s+(?:the\s+pleasure\s+of|agreed)|order,\s+please|for\s+the\s+record|list\s+of\s+speakers|speakers?\s+list)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Procedure();

    [GeneratedRegex(@"<\s*/?\s*[a-z!][^>]*>|&lt;|&gt;|\bjavascript:|\{\{|\}\}|```", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    /// <summary>A bot command typed into the conversation: "/next", "!join", "@GcmBot draft".</summary>
    [GeneratedRegex(@"^\s*[/!@]\w", RegexOptions.CultureInvariant)]
    private static partial Regex Command();
}
