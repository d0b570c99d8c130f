using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GcmBot.Core.Localisation;

namespace GcmBot.Web.Tests;

/// <summary>
/// What the web chat says in its own words beyond its labels, in the person's language: the chat script's notices
/// (every one from the texts), the HTTP refusals over real HTTP (the stored choice, else <c>Accept-Language</c>), and
/// the statistics page.
/// </summary>
public sealed partial class WebLanguageTests
{
    private static readonly string[] _shown = [@"\bnotice\(", @"\.textContent\s*=(?!=)", @"\.placeholder\s*=(?!=)", @"setCustomValidity\(", @"""aria-label"":", @"document\.title\s*=(?!=)"];

    [Fact]
    public void ChatScript_EveryNoticeAndLabel_ComesFromTheTexts()
    {
        var script = ChatScript();
        var checkedCount = 0;
        foreach (var pattern in _shown)
        {
            foreach (Match match in Regex.Matches(script, pattern))
            {
                if (script.AsSpan(Math.Max(0, match.Index - 9), Math.Min(9, match.Index)).EndsWith("function ", StringComparison.Ordinal))
                {
                    continue;
                }

                var shown = Expression(script, match.Index + match.Length);
                var english = Literals().Matches(WithoutTexts(shown)).Select(m => m.Value).Where(l => l.Any(char.IsLetter)).ToList();
                Assert.True(english.Count == 0, $"chat.js shows a literal instead of a text: {shown.Trim()}");
                checkedCount++;
            }
        }

        // The patterns found what they look for: about twenty notices and as many labels.
        Assert.True(checkedCount > 40, $"only {checkedCount} places checked");
        var keys = Texts.English.GetAllStrings(includeParentCultures: false).Select(s => s.Name).ToHashSet();
        Assert.All(TextKeys().Matches(script).Select(m => m.Groups[1].Value).Where(k => !k.EndsWith('.')), key => Assert.Contains(key, keys));
    }

    [Theory]
    [InlineData("fr-FR", "Veuillez d'abord indiquer qui vous êtes (votre nom, votre délégation et votre rôle).", "Ce lien de connexion n'est pas valide. Veuillez vérifier que vous l'avez copié en entier, ou demandez-en un nouveau à la personne qui vous a invité(e).", "Veuillez vous connecter pour voir les messages de la salle.", "Ce Content-Type ne peut pas être lu. Envoyez du JSON en application/json; charset=utf-8.", "Il n'y a pas de salle nommée « Nowhere » dans cette réunion.")]
    [InlineData("es-ES, en;q=0.5", "Indique primero quién es (su nombre, su delegación y su función).", "Este enlace de inicio de sesión no es válido. Compruebe que lo copió completo o pida uno nuevo a quien le invitó.", "Inicie sesión para ver los mensajes de la sala.", "Ese Content-Type no se puede leer. Envíe JSON como application/json; charset=utf-8.", "No hay ninguna sala llamada «Nowhere» en esta reunión.")]
    public async Task HttpErrors_BrowserLanguage_RefusedInThatLanguage(string acceptLanguage, string unknown, string badLink, string history, string charset, string noRoom)
    {
        await using var host = new LiveHost();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);

        Assert.Equal((HttpStatusCode.Unauthorized, unknown), await ErrorAsync(await client.PostAsJsonAsync("/api/web/commands", new { conversation = "room:Room A", text = "/help" })));
        Assert.Equal((HttpStatusCode.BadRequest, badLink), await ErrorAsync(await client.PostAsJsonAsync("/api/web/join", new { token = "", displayName = "Ana" })));
        Assert.Equal((HttpStatusCode.Unauthorized, history), await ErrorAsync(await client.GetAsync(new Uri("/api/web/history?conversation=room%3ARoom%20A", UriKind.Relative))));
        using var unreadable = new StringContent("{}", Encoding.UTF8);
        unreadable.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=nonsense");
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, charset), await ErrorAsync(await client.PostAsync(new Uri("/api/web/commands", UriKind.Relative), unreadable)));
        Assert.Equal((HttpStatusCode.NotFound, noRoom), await ErrorAsync(await client.GetAsync(new Uri("/api/rooms/Nowhere/display", UriKind.Relative))));
    }

    [Fact]
    public async Task HttpErrors_StoredChoiceFrench_WinsOverASpanishBrowser()
    {
        await using var host = new LiveHost();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-ES");
        var token = await IdentityAsync(client, "Ana", "Mexico", "delegate");
        Assert.Equal((HttpStatusCode.BadRequest, "Elija una función: delegado(a), moderador(a), relator(a) u organizador(a)."),
            await ErrorAsync(await client.PostAsJsonAsync("/api/web/identity", new { displayName = "Ana", delegation = "Mexico", role = "chair" })));

        using var chosen = await CommandAsync(client, token, new { conversation = "room:Room A", text = "/language fr" });
        chosen.EnsureSuccessStatusCode();

        Assert.Equal((HttpStatusCode.BadRequest, "Tapez un message ou une commande, par exemple `/aide`."), await ErrorAsync(await CommandAsync(client, token, new { conversation = "room:Room A", text = " " })));
        Assert.Equal((HttpStatusCode.BadRequest, "Veuillez d'abord choisir une salle."), await ErrorAsync(await CommandAsync(client, token, new { conversation = "", text = "/help" })));
    }

    [Fact]
    public async Task StatisticsPage_French_LabelsCategoriesAndDatesInFrenchCsvInEnglish()
    {
        await using var host = new LiveHost();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var moderator = await IdentityAsync(client, "Marit", "Netherlands", "moderator");
        var mexico = await IdentityAsync(client, "Ana", "Mexico", "delegate");
        (await CommandAsync(client, moderator, new { conversation = "room:Room A", text = "/session open AG1" })).Dispose();
        (await CommandAsync(client, mexico, new { conversation = "room:Room A", text = "/speak" })).Dispose();
        (await CommandAsync(client, moderator, new { conversation = "room:Room A", text = "/next" })).Dispose();

        var french = await PageAsync(client, moderator, "/stats?scope=day&day=2&lang=fr", null);
        var spanish = await PageAsync(client, moderator, "/stats", "es-ES");
        var refused = await PageAsync(client, mexico, "/stats", "fr-FR");
        var arabic = await PageAsync(client, moderator, "/stats?lang=ar", null);
        var russian = await PageAsync(client, moderator, "/stats", "ru-RU");
        using var csv = await client.SendAsync(Get("/stats.csv?lang=fr", moderator, null));

        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", french, StringComparison.Ordinal);
        Assert.Contains("<h1>Statistiques</h1>", french, StringComparison.Ordinal);
        Assert.Contains("Jour 2 — mardi 5 décembre 2017", french, StringComparison.Ordinal);
        Assert.Contains("<strong>1</strong> délégations, <strong>", french, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Délégation</th><th scope=\"col\">Catégorie</th>", french, StringComparison.Ordinal);
        Assert.Contains("<td>Mexico</td><td>État Membre</td>", french, StringComparison.Ordinal);
        Assert.Contains("États Membres — Interventions: 1", french, StringComparison.Ordinal);
        Assert.Contains("Télécharger le CSV", french, StringComparison.Ordinal);
        Assert.Contains("<h1>Estadísticas</h1>", spanish, StringComparison.Ordinal);
        Assert.Contains("Toda la reunión", spanish, StringComparison.Ordinal);
        Assert.Contains("Les statistiques sont réservées aux modérateurs", refused, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabic, StringComparison.Ordinal);
        Assert.Contains("<h1>الإحصاءات</h1>", arabic, StringComparison.Ordinal);
        Assert.Contains("<h1>Статистика</h1>", russian, StringComparison.Ordinal);
        Assert.Contains("delegations,Mexico,Member State,", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> IdentityAsync(HttpClient client, string name, string delegation, string role)
    {
        using var response = await client.PostAsJsonAsync("/api/web/identity", new { displayName = name, delegation, role });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString()!;
    }

    private static Task<HttpResponseMessage> CommandAsync(HttpClient client, string token, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/web/commands", UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-GcmBot-User", token);
        return client.SendAsync(request);
    }

    /// <summary>The page's HTML with its character references decoded (<c>&amp;#233;</c> is é), as a reader sees its words.</summary>
    private static async Task<string> PageAsync(HttpClient client, string token, string path, string? acceptLanguage)
    {
        using var response = await client.SendAsync(Get(path, token, acceptLanguage));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage Get(string path, string token, string? acceptLanguage)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-GcmBot-User", token);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return request;
    }

    private static async Task<(HttpStatusCode, string?)> ErrorAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }
    }

    private static string ChatScript()
    {
        using var stream = typeof(WebChatEndpoints).Assembly.GetManifestResourceStream("wwwroot.chat.js")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>What follows <paramref name="start"/> up to the end of the statement or argument: a closing bracket, a comma or a semicolon at depth 0.</summary>
    private static string Expression(string script, int start)
    {
        var depth = 0;
        char? quote = null;
        for (var i = start; i < script.Length; i++)
        {
            var c = script[i];
            if (quote is { } q)
            {
                quote = c == '\\' ? quote : c == q ? null : quote;
                i += c == '\\' ? 1 : 0;
                continue;
            }

            switch (c)
            {
                case '"' or '\'' or '`':
                    quote = c;
                    break;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}' when depth == 0:
                    return script[start..i];
                case ')' or ']' or '}':
                    depth--;
                    break;
                case ',' or ';' when depth == 0:
                    return script[start..i];
            }
        }

        return script[start..];
    }

    /// <summary>The expression without its <c>t(…)</c> calls (their keys are not shown) nor the <c>${…}</c> of its templates.</summary>
    private static string WithoutTexts(string expression)
    {
        var start = TextCall().Match(expression);
        while (start.Success)
        {
            var end = start.Index + start.Length + Expression(expression, start.Index + start.Length).Length;
            expression = expression[..start.Index] + expression[Math.Min(end + 1, expression.Length)..];
            start = TextCall().Match(expression);
        }

        return Regex.Replace(expression, @"\$\{[^}]*\}", "");
    }

    [GeneratedRegex(@"(?<![\w.])t\(")]
    private static partial Regex TextCall();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'|`[^`]*`")]
    private static partial Regex Literals();

    [GeneratedRegex(@"(?<![\w.])t\(""([A-Za-z.]+)""")]
    private static partial Regex TextKeys();
}
