namespace GcmBot.Teams.Tests;

/// <summary>Replies follow the activity's <c>locale</c>: French and Spanish delegates through Teams, on the delegate's path.</summary>
public sealed class LocaleTests
{
    private const string Moderator = "29:marit";
    private const string France = "29:france";
    private const string Ecuador = "29:ecuador";

    [Fact]
    public async Task DelegatePath_FrenchAndSpanishLocales_EachAnsweredInTheirLanguage()
    {
        await using var chat = await TeamsChat.StartAsync();
        await chat.SayAsync(TeamsChat.OrganiserId, "Secretariat", "bind Room A");
        await chat.RegisterAsync(Moderator, "Marit Maij", "Netherlands");
        await chat.SayAsync(TeamsChat.OrganiserId, "Secretariat", "assign moderator Marit Maij AG1");
        await chat.SayAsync(Moderator, "Marit Maij", "session open AG1");

        Assert.Contains("Votre demande d'adhésion à France a été transmise pour approbation (les organisateurs).", Text(await Say(chat, France, "fr-FR", "register France")), StringComparison.Ordinal);
        Assert.Contains("Su solicitud para unirse a Ecuador se ha transmitido para su aprobación a los organizadores.", Text(await Say(chat, Ecuador, "es-ES", "register Ecuador")), StringComparison.Ordinal);
        foreach (var (user, delegation) in new[] { (France, "France"), (Ecuador, "Ecuador") })
        {
            chat.Host.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Contains($"now speaks for {delegation}", (await chat.SayPrivatelyAsync(TeamsChat.OrganiserId, "Secretariat", $"approve {user}")).AllText, StringComparison.Ordinal);
        }

        var french = await Say(chat, France, "fr-FR", "speak");
        Assert.Contains("**France** a demandé la parole : rang n° 1 sur 1.", Text(french), StringComparison.Ordinal);
        Assert.Equal("/withdraw", TeamsChat.ActionData(french, "Se retirer").GetProperty("gcmbotCommand").GetString());
        var spanish = await Say(chat, Ecuador, "es-ES", "speak");
        Assert.Contains("**Ecuador** pidió la palabra: puesto n.º 2 de 2.", Text(spanish), StringComparison.Ordinal);

        var form = await Say(chat, Ecuador, "es-ES", "card");
        Assert.Contains("Tarjeta de recomendación", Text(form), StringComparison.Ordinal);
        Assert.Equal("card", TeamsChat.ActionData(form, "Presentar la tarjeta").GetProperty("gcmbotForm").GetString());

        Assert.Contains("Programa del martes 5 de diciembre de 2017", Text(await Say(chat, Ecuador, "es-ES", "agenda")), StringComparison.Ordinal);
        Assert.Contains("Seul le modérateur de la séance (ou un organisateur) peut utiliser", Text(await Say(chat, France, "fr-FR", "next")), StringComparison.Ordinal);
    }

    /// <summary>The message's text as Teams shows it: the connector body carries non-ASCII letters as HTML entities.</summary>
    private static string Text(ConnectorCall call) => System.Net.WebUtility.HtmlDecode(call.AllText);

    private static Task<ConnectorCall> Say(TeamsChat chat, string user, string locale, string command) =>
        chat.SendAsync(Activities.Mention(chat.ServiceUrl, user, user, command).With("locale", locale));
}
