using System.Text.Json;

namespace GcmBot.Discord.Tests;

/// <summary>
/// Replies follow the interaction's <c>locale</c>: a delegate whose Discord client is in French is answered in French,
/// one in Spanish (es-419) in Spanish, on the delegate's path; the room's own messages stay in the room's language.
/// </summary>
public sealed class LocaleTests
{
    private static readonly (string Id, string Name, bool Organiser) _organiser = ("800000000000000001", "Secretariat", true);
    private static readonly (string Id, string Name, bool Organiser) _moderator = ("800000000000000002", "Marit Maij", false);
    private static readonly (string Id, string Name, bool Organiser) _france = ("800000000000000201", "Délégué de la France", false);
    private static readonly (string Id, string Name, bool Organiser) _ecuador = ("800000000000000202", "Delegada del Ecuador", false);
    private static readonly (string Id, string Name, bool Organiser) _switzerland = ("800000000000000203", "Délégué de la Suisse", false);

    [Fact]
    public async Task DelegatePath_FrenchAndSpanishLocales_EachAnsweredInTheirLanguage()
    {
        await using var host = await DiscordHost.StartAsync();
        var users = new DiscordUsers();
        users.Locales[_france.Id] = "fr";
        users.Locales[_ecuador.Id] = "es-419";
        await host.InteractAsync(users.Command(_organiser, "bind", ("target", "Room A")));
        await host.InteractAsync(users.Command(_moderator, "whoami"));
        await host.InteractAsync(users.Command(_organiser, "assign", ("role", "moderator"), ("user", _moderator.Id), ("session", "AG1")));
        var opened = await host.InteractAsync(users.Command(_moderator, "session-open", ("session", "AG1")));
        Assert.Contains("is open", Content(opened), StringComparison.Ordinal);

        Assert.Contains("Votre demande d'adhésion à France a été transmise pour approbation (les organisateurs).",
            Content(await host.InteractAsync(users.Command(_france, "register", ("delegation", "France")))), StringComparison.Ordinal);
        Assert.Contains("Su solicitud para unirse a Ecuador se ha transmitido para su aprobación a los organizadores.",
            Content(await host.InteractAsync(users.Command(_ecuador, "register", ("delegation", "Ecuador")))), StringComparison.Ordinal);
        await host.InteractAsync(users.Command(_organiser, "approve", ("person", _france.Name)));
        await host.InteractAsync(users.Command(_organiser, "approve", ("person", _ecuador.Name)));

        var french = await host.InteractAsync(users.Command(_france, "speak"));
        Assert.Contains("**France** a demandé la parole : rang n° 1 sur 1.", Content(french), StringComparison.Ordinal);
        Assert.Equal(["Se retirer", "Voir la liste"], Buttons(french));
        var spanish = await host.InteractAsync(users.Command(_ecuador, "speak"));
        Assert.Contains("**Ecuador** pidió la palabra: puesto n.º 2 de 2.", Content(spanish), StringComparison.Ordinal);
        Assert.Equal(["Retirarse", "Ver la lista"], Buttons(spanish));

        var place = await host.InteractAsync(users.Command(_ecuador, "queue"));
        Assert.Contains("Lista de oradores — AG1", Content(place), StringComparison.Ordinal);

        var modal = await host.InteractAsync(users.Command(_france, "card"));
        Assert.Equal(9, modal.GetProperty("type").GetInt32());
        Assert.Equal("Fiche de recommandation", modal.GetProperty("data").GetProperty("title").GetString());

        var refused = await host.InteractAsync(users.Command(_ecuador, "next"));
        Assert.Equal("Solo el moderador de la sesión (o un organizador) puede usar `next`.", Content(refused));

        // The floor is announced to the room in the room's language (English here), whoever is speaking.
        var floor = await host.InteractAsync(users.Command(_moderator, "next"));
        Assert.Contains("The floor goes to **France** (Member State).", Content(floor), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redelivery_FrenchAndSpanishLocales_AlreadyDoneInTheirLanguage()
    {
        await using var host = await DiscordHost.StartAsync();
        var users = new DiscordUsers();
        users.Locales[_france.Id] = "fr";
        users.Locales[_ecuador.Id] = "es-419";
        await host.InteractAsync(users.Command(_organiser, "bind", ("target", "Room A")));
        var french = users.Command(_france, "whoami");
        var spanish = users.Command(_ecuador, "whoami");
        await host.InteractAsync(french);
        await host.InteractAsync(spanish);

        // The same interactions again (a gateway resume replays them): done once, and each person is told so.
        Assert.Equal("C'est déjà fait.", Content(await AgainAsync(host, french)));
        Assert.Equal("Eso ya se hizo.", Content(await AgainAsync(host, spanish)));
    }

    /// <summary>Sends an interaction already sent; returns the bot's second callback for it.</summary>
    private static async Task<JsonElement> AgainAsync(DiscordHost host, object interaction)
    {
        var id = JsonSerializer.SerializeToElement(interaction).GetProperty("id").GetString()!;
        await host.Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
        return (await host.Fake.Requests.WaitAsync(r => r.Method == "POST" && r.Path.StartsWith($"/interactions/{id}/", StringComparison.Ordinal), 2, "the second callback"))[1].Json;
    }

    [Fact]
    public async Task DirectMessagesLater_FrenchLocaleWithoutLanguageChoice_InFrenchAndAChoiceOfEnglishWins()
    {
        await using var host = await DiscordHost.StartAsync();
        var users = new DiscordUsers();
        users.Locales[_france.Id] = "fr";
        users.Locales[_switzerland.Id] = "fr";
        await host.InteractAsync(users.Command(_organiser, "bind", ("target", "Room A")));
        await host.InteractAsync(users.Command(_moderator, "whoami"));
        await host.InteractAsync(users.Command(_organiser, "assign", ("role", "moderator"), ("user", _moderator.Id), ("session", "AG1")));
        await host.InteractAsync(users.Command(_moderator, "session-open", ("session", "AG1")));
        await host.InteractAsync(users.Command(_switzerland, "language", ("code", "en")));
        await host.InteractAsync(users.Command(_france, "register", ("delegation", "France")));
        await host.InteractAsync(users.Command(_switzerland, "register", ("delegation", "Switzerland")));
        await host.InteractAsync(users.Command(_organiser, "approve", ("person", _france.Name)));
        await host.InteractAsync(users.Command(_organiser, "approve", ("person", _switzerland.Name)));

        // The answer to the request comes later, by direct message, in the language of the person's client.
        var approved = await DirectMessageAsync(host, _france, "approuvée");
        Assert.Contains("**Votre délégation**", approved, StringComparison.Ordinal);
        Assert.Contains("Votre demande d'adhésion à France a été approuvée par Secretariat.", approved, StringComparison.Ordinal);
        Assert.Contains("Your request to join Switzerland was approved by Secretariat.", await DirectMessageAsync(host, _switzerland, "Switzerland"), StringComparison.Ordinal);

        await host.InteractAsync(users.Command(_france, "speak"));
        await host.InteractAsync(users.Command(_switzerland, "speak"));
        await host.InteractAsync(users.Command(_moderator, "next"));

        Assert.StartsWith("**Vous avez la parole** (AG1) pour ", await DirectMessageAsync(host, _france, "AG1"), StringComparison.Ordinal);
        Assert.Equal("**You are next** in AG1, after France. Please be ready.", await DirectMessageAsync(host, _switzerland, "AG1"));
        var stored = await host.Store.ReadAsync(async (data, ct) => await data.FindParticipantAsync("discord", _france.Id, ct), CancellationToken.None);
        Assert.Equal(("fr", null), (stored!.ChannelLanguage, stored.Language));
    }

    /// <summary>The content of the first direct message to the person that contains <paramref name="marker"/>.</summary>
    private static async Task<string> DirectMessageAsync(DiscordHost host, (string Id, string Name, bool Organiser) who, string marker)
    {
        var sent = await host.Fake.Requests.WaitOneAsync(
            r => r.Method == "POST" && r.Path == $"/channels/dm-{who.Id}/messages" && Text(r).Contains(marker, StringComparison.Ordinal),
            $"a direct message to {who.Name} with {marker}");
        return Text(sent);

        static string Text(Fakes.RecordedRequest message) => message.Json.GetProperty("content").GetString()!;
    }

    private static string Content(JsonElement callback) => callback.GetProperty("data").GetProperty("content").GetString()!;

    private static List<string?> Buttons(JsonElement callback) =>
        [.. callback.GetProperty("data").GetProperty("components").EnumerateArray()
            .SelectMany(row => row.GetProperty("components").EnumerateArray()).Select(b => b.GetProperty("label").GetString())];
}
