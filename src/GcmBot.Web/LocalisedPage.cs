using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GcmBot.Core.Localisation;
using Microsoft.AspNetCore.Http;

namespace GcmBot.Web;

/// <summary>
/// An embedded page in one language: <c>{{Key}}</c> becomes the text, <c>{{lang}}</c> and <c>{{dir}}</c> the
/// language and its direction (rtl for Arabic), <c>{{script-texts}}</c> the texts its script needs, as JSON.
/// </summary>
internal static partial class LocalisedPage
{
    /// <param name="scriptPrefixes">The keys the page's script uses (e.g. <c>Display.</c>), with their staff-only twins under <c>Staff.</c>.</param>
    public static async Task<IResult> RenderAsync(string name, Texts texts, IReadOnlyList<string> scriptPrefixes, CancellationToken cancellationToken) =>
        Results.Content(await ReadAsync(name, texts, scriptPrefixes, cancellationToken), "text/html; charset=utf-8");

    public static async Task<string> ReadAsync(string name, Texts texts, IReadOnlyList<string> scriptPrefixes, CancellationToken cancellationToken)
    {
        await using var stream = typeof(LocalisedPage).Assembly.GetManifestResourceStream("wwwroot." + name)!;
        using var reader = new StreamReader(stream);
        return Fill(await reader.ReadToEndAsync(cancellationToken), texts, scriptPrefixes);
    }

    /// <summary>
    /// Every key under the prefixes (or their <c>Staff.</c> twins) English has, each in this language or else in English:
    /// a key a language lacks still has a text.
    /// </summary>
    public static Dictionary<string, string> ScriptTexts(Texts texts, IReadOnlyList<string> scriptPrefixes) =>
        Texts.English.GetAllStrings(includeParentCultures: false)
            .Where(s => scriptPrefixes.Any(prefix => s.Name.StartsWith(prefix, StringComparison.Ordinal) || s.Name.StartsWith("Staff." + prefix, StringComparison.Ordinal)))
            .ToDictionary(s => s.Name, s => texts[s.Name].Value);

    internal static string Fill(string html, Texts texts, IReadOnlyList<string> scriptPrefixes)
    {
        var script = JsonSerializer.Serialize(ScriptTexts(texts, scriptPrefixes));
        return Token().Replace(html, match => match.Groups[1].Value switch
        {
            "lang" => texts.Language.Code,
            "dir" => texts.Language.RightToLeft ? "rtl" : "ltr",
            "script-texts" => script,
            var key => WebUtility.HtmlEncode(texts.Format(key)),
        });
    }

    [GeneratedRegex(@"\{\{([A-Za-z.-]+)\}\}")]
    private static partial Regex Token();
}
