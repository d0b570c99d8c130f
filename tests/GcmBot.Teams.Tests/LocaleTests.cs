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

    [Fact]
    public async Task Welcome_FrenchAndSpanishLocales_EachInTheirLanguage()
    {
        await using var chat = await TeamsChat.StartAsync();

        using var added = await chat.Host.PostAsync(Update(chat, "fr-FR", Activities.BotId, null));
        var hello = await chat.Connector.WaitForAsync(c => Text(c).Contains("Bonjour, je suis GcmBot", StringComparison.Ordinal), "the French hello");
        using var joined = await chat.Host.PostAsync(Update(chat, "es-ES", "29:ana", "Ana"));
        var welcome = await chat.Connector.WaitForAsync(c => Text(c).Contains("Bienvenido(a), Ana.", StringComparison.Ordinal), "the Spanish welcome");

        Assert.Contains("Un organisateur lie cette conversation à une séance ou à une salle avec", Text(hello), StringComparison.Ordinal);
        Assert.Contains("@GcmBot lier AG1", Text(hello), StringComparison.Ordinal);
        Assert.Contains("para ver lo que puedo hacer, e", Text(welcome), StringComparison.Ordinal);
        Assert.Contains("para unirse a su delegación.", Text(welcome), StringComparison.Ordinal);
        Assert.DoesNotContain(chat.Connector.All, c => c.AllText.Contains("Hello, I am GcmBot", StringComparison.Ordinal) || c.AllText.Contains("Welcome, ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PrivateAnswer_FrenchAndSpanishLocales_PointerInTheirLanguage()
    {
        await using var chat = await TeamsChat.StartAsync();

        var french = Activities.Mention(chat.ServiceUrl, France, "Délégué de la France", "whoami").With("locale", "fr-FR");
        using var first = await chat.Host.PostAsync(french);
        var spanish = Activities.Mention(chat.ServiceUrl, Ecuador, "Delegada del Ecuador", "whoami").With("locale", "es-ES");
        using var second = await chat.Host.PostAsync(spanish);

        Assert.Equal("<at>Délégué de la France</at> ma réponse se trouve dans votre conversation personnelle avec moi.", System.Net.WebUtility.HtmlDecode((await chat.Connector.ReplyToAsync((string)french["id"]!)).Text));
        Assert.Equal("<at>Delegada del Ecuador</at> mi respuesta está en su chat personal conmigo.", System.Net.WebUtility.HtmlDecode((await chat.Connector.ReplyToAsync((string)spanish["id"]!)).Text));
    }

    /// <summary>Members added to the channel (the bot, or a person), by someone whose Teams is in <paramref name="locale"/>.</summary>
    private static Dictionary<string, object?> Update(TeamsChat chat, string locale, string member, string? name) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = "f:" + Activities.NewId(),
        ["serviceUrl"] = chat.ServiceUrl,
        ["channelId"] = "msteams",
        ["locale"] = locale,
        ["from"] = new { id = TeamsChat.OrganiserId, name = "Secretariat" },
        ["conversation"] = new { id = Activities.ChannelConversation, conversationType = "channel", isGroup = true },
        ["recipient"] = new { id = Activities.BotId, name = Activities.BotName },
        ["membersAdded"] = new[] { new { id = member, name } },
    };

    /// <summary>The message's text as Teams shows it: the connector body carries non-ASCII letters as HTML entities.</summary>
    private static string Text(ConnectorCall call) => System.Net.WebUtility.HtmlDecode(call.AllText);

    private static Task<ConnectorCall> Say(TeamsChat chat, string user, string locale, string command) =>
        chat.SendAsync(Activities.Mention(chat.ServiceUrl, user, user, command).With("locale", locale));
}
