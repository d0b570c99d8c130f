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
    /// <param name="scriptPrefix">The keys the page's script uses (e.g. <c>Display.</c>), with their staff-only twins under <c>Staff.</c>.</param>
    public static async Task<IResult> RenderAsync(string name, Texts texts, string scriptPrefix, CancellationToken cancellationToken) =>
        Results.Content(await ReadAsync(name, texts, scriptPrefix, cancellationToken), "text/html; charset=utf-8");

    public static async Task<string> ReadAsync(string name, Texts texts, string scriptPrefix, CancellationToken cancellationToken)
    {
        await using var stream = typeof(LocalisedPage).Assembly.GetManifestResourceStream("wwwroot." + name)!;
        using var reader = new StreamReader(stream);
        return Fill(await reader.ReadToEndAsync(cancellationToken), texts, scriptPrefix);
    }

    /// <summary>
    /// Every key under the prefix (or its <c>Staff.</c> twin) English has, each in this language or else in English:
    /// a key a language lacks still has a text.
    /// </summary>
    public static Dictionary<string, string> ScriptTexts(Texts texts, string scriptPrefix) =>
        Texts.English.GetAllStrings(includeParentCultures: false)
            .Where(s => s.Name.StartsWith(scriptPrefix, StringComparison.Ordinal) || s.Name.StartsWith("Staff." + scriptPrefix, StringComparison.Ordinal))
            .ToDictionary(s => s.Name, s => texts[s.Name].Value);

    internal static string Fill(string html, Texts texts, string scriptPrefix)
    {
        var script = JsonSerializer.Serialize(ScriptTexts(texts, scriptPrefix));
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
