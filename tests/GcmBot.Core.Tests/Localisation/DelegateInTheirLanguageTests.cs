using GcmBot.Core.Domain;
using GcmBot.Core.Handling;
using GcmBot.Core.Replies;
using GcmBot.Core.Tests.Handling;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Core.Tests.Localisation;

/// <summary>
/// A French-speaking and a Spanish-speaking delegate on the delegate's path (register, ask for the floor, see their
/// place, submit a card, the agenda, a reminder, help, an error), each answered in their language, chosen by the
/// channel's locale or by <c>language</c>; the moderator and the room keep theirs.
/// </summary>
public sealed class DelegateInTheirLanguageTests : IAsyncLifetime
{
    private MeetingHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await MeetingHarness.StartAsync();

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    [Fact]
    public async Task DelegatePath_FrenchLocale_RepliesInFrench()
    {
        await _harness.OpenAg1();

        Assert.StartsWith("Votre demande d'adhésion à France a été transmise pour approbation (les organisateurs).",
            (await Say("fra", "register France", "fr-FR")).Text, StringComparison.Ordinal);
        Assert.StartsWith("Votre demande d'adhésion à France attend toujours une approbation (les organisateurs). Vous ne pouvez donc pas encore utiliser `speak`",
            (await Say("fra", "speak", "fr-FR")).Text, StringComparison.Ordinal);
        await _harness.Expect(MeetingHarness.Organiser, "approve fra");
        var asked = await Say("fra", "speak", "fr-FR");
        Assert.Equal("**France** a demandé la parole : rang n° 1 sur 1.", asked.Text);
        Assert.Equal(["Se retirer", "Voir la liste"], asked.Actions.Select(a => a.Label));

        var again = await Say("fra", "speak", "fr-FR");
        Assert.True(again.IsError);
        Assert.Equal("France est déjà inscrit sur la liste de AG1 (déclaration), au rang n° 1.", again.Text);

        var queue = await Say("fra", "queue", "fr-FR");
        Assert.StartsWith("Liste des orateurs — AG1", queue.Title, StringComparison.Ordinal);
        Assert.Contains(queue.Facts, f => f is { Label: "Votre rang", Value: "#1" });
        Assert.Contains(queue.Facts, f => f is { Label: "Segment", Value: "États Membres" });
        Assert.Equal("État Membre", Assert.Single(queue.Items).Detail);
        Assert.Equal("fr", queue.Language); // for what an adapter adds around it (Teams' headings, a list cut to fit)

        var card = await Say("fra", "card Élargir les voies de migration régulière | Accords bilatéraux | OIT", "fr-FR");
        Assert.Matches(@"^Fiche n° \d+ enregistrée pour AG1 \(.+\) au nom de France\.", card.Text);
        Assert.Equal(["Recommandation", "Moyens de mise en œuvre", "Partenariats"], card.Facts.Select(f => f.Label));
        Assert.Equal("Fiche de recommandation", (await Say("fra", "card", "fr-FR")).Form!.Title);

        Assert.Equal("Programme du mardi 5 décembre 2017", (await Say("fra", "agenda", "fr-FR")).Title);
        Assert.Matches(@"^Je vous rappellerai \*\*AG4 — .+\*\* le .+, 10 min avant son début dans la salle .+\.$", (await Say("fra", "remind me AG4", "fr-FR")).Text);
        Assert.StartsWith("Dans le chat web, les commandes commencent par `/`.", (await Say("fra", "help", "fr-FR")).Text, StringComparison.Ordinal);
        Assert.Contains("`prendre la parole` — Demander la parole : inscrire votre délégation sur la liste des orateurs.", (await Say("fra", "help", "fr-FR")).Text, StringComparison.Ordinal);

        var refused = await Say("fra", "next", "fr-FR");
        Assert.True(refused.IsError);
        Assert.Equal("Seul le modérateur de la séance (ou un organisateur) peut utiliser `next`.", refused.Text);

        Assert.Equal("**France** s'est retiré de la liste des orateurs de AG1. `speak` l'y réinscrit, en fin de liste.", (await Say("fra", "withdraw", "fr-FR")).Text);

        // The moderator, with no locale, is still answered in English.
        var english = (await _harness.Expect("mod", "next")).Reply;
        Assert.Equal(("Nobody is waiting for the floor in AG1.", "en"), (english.Text, english.Language));
    }

    [Fact]
    public async Task DelegatePath_LanguageCommand_SpanishInEveryReplyWithoutALocale()
    {
        await _harness.OpenAg1();
        await _harness.Delegate("ecu", "Ecuador");

        Assert.Equal("A partir de ahora, las respuestas se le darán en español.", (await _harness.Expect("ecu", "language es")).Reply.Text);
        Assert.Equal("es", (await Participant("ecu")).Language);

        // The choice outlasts a channel that says otherwise.
        Assert.Equal("**Ecuador** pidió la palabra: puesto n.º 1 de 1.", (await Say("ecu", "speak", "en-US")).Text);
        Assert.Equal("Ecuador ya figura en la lista de AG1 (declaración), en el puesto n.º 1.", (await _harness.Refused("ecu", "speak")).Text);
        Assert.Equal("Tarjeta de recomendación", (await _harness.Expect("ecu", "card")).Reply.Form!.Title);
        Assert.Equal("Estado Miembro", Assert.Single((await _harness.Expect("ecu", "queue")).Reply.Items).Detail);
        Assert.Equal("Programa del martes 5 de diciembre de 2017", (await _harness.Expect("ecu", "agenda")).Reply.Title);
        Assert.Matches(@"^No encuentro la sesión `AG99`\. ¿Quiso decir `AG1`.*\? `agenda` muestra la lista de sesiones\.$", (await _harness.Refused("ecu", "agenda AG99")).Text);
        Assert.Equal("Las respuestas se le dan en español. `language <código>` lo cambia: `ar` العربية, `zh` 中文, `en` English, `fr` Français, `ru` Русский, `es` Español.",
            (await _harness.Expect("ecu", "language")).Reply.Text);
    }

    [Fact]
    public async Task Announcements_RoomLanguage_EachRoomInItsOwn()
    {
        await _harness.Expect(MeetingHarness.Organiser, "language default fr");
        await _harness.Expect(MeetingHarness.Organiser, "language room es");
        Assert.Equal("es", (await _harness.Query(db => db.Bindings.AsNoTracking().SingleAsync(b => b.ConversationId == MeetingHarness.RoomA))).Language);
        Assert.Equal("fr", (await _harness.Query(db => db.Meetings.AsNoTracking().SingleAsync())).DefaultLanguage);

        var opened = await _harness.OpenAg1();
        var announcement = Assert.Single(opened.Announcements);
        Assert.StartsWith("Se abre la sesión **", announcement.For(Texts("es")).Text, StringComparison.Ordinal);
        Assert.StartsWith("La séance **", announcement.For(Texts("fr")).Text, StringComparison.Ordinal);

        // The moderator has no language of their own: the meeting's default answers them.
        Assert.StartsWith("La séance **", opened.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chairing_FrenchModerator_RepliesInFrenchRoomInItsOwn()
    {
        await _harness.Moderator("mod");
        await _harness.Expect("mod", "language fr");
        await _harness.Expect("mod", "session open");
        Assert.Equal("Personne n'attend la parole dans AG1.", (await _harness.Expect("mod", "next")).Reply.Text);

        await _harness.Delegate("mex", "Mexico");
        await _harness.Expect("mex", "speak");
        var next = await _harness.Expect("mod", "next");
        Assert.Equal("La parole est à **Mexico** (État Membre).", next.Reply.Text);
        Assert.Contains(next.Reply.Facts, f => f is { Label: "Temps", Value: "2 min" });
        Assert.Equal("The floor goes to **Mexico** (Member State).", Assert.Single(next.Announcements, a => a.Delegation is null).For(Texts("en")).Text);
        Assert.Equal("**Vous avez la parole** (AG1) pour 2 min.", Assert.Single(next.Announcements, a => a.Delegation is not null).For(Texts("fr")).Text);

        var extended = await _harness.Expect("mod", "timer extend 30s");
        Assert.Equal("30 s de plus : Mexico, reste 2:30 min, jusqu'à 10:52:30.", extended.Reply.Text);
        var room = Assert.Single(extended.Announcements);
        Assert.Equal("AG1: tiempo de palabra", room.For(Texts("es")).Title);
        Assert.Equal("добавлено 30 с: Mexico, осталось 2:30 мин, до 10:52:30.", room.For(Texts("ru")).Text);

        var refused = (await _harness.Refused("mod", "timer extend 99m")).Text;
        Assert.StartsWith("Une prolongation : durée maximale ", refused, StringComparison.Ordinal);
        Assert.EndsWith(", et non 1 h 39 min. Rien n'a été modifié.", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParserErrorsAndWhoAmI_FrenchLocale_InFrench()
    {
        await _harness.Delegate("fra", "France");

        var unknown = await Say("fra", "speek", "fr-FR");
        Assert.True(unknown.IsError);
        Assert.Equal("Je ne connais pas la commande `speek`. Vouliez-vous dire `speak` ? Tapez `aide` pour voir les commandes.", unknown.Text);
        Assert.Equal("Tapez une commande, par exemple `prendre la parole` ou `ordre du jour maintenant`. `aide` les affiche toutes.", (await Say("fra", "/", "fr-FR")).Text);
        Assert.Equal("Il manque <délégation> (nom ou code court de la délégation). Syntaxe : `inscrire <délégation> [comme état-membre|état-observateur|onu|intergouvernemental|partie-prenante]`",
            (await Say("fra", "register", "fr-FR")).Text);

        var whoami = await Say("fra", "whoami", "fr-FR");
        Assert.Contains(whoami.Facts, f => f is { Label: "Rôles", Value: "délégué, point focal de France" });
    }

    [Fact]
    public async Task ParserErrorsAndWhoAmI_SpanishLanguage_InSpanishWithoutALocale()
    {
        await _harness.Delegate("ecu", "Ecuador");
        await _harness.Expect("ecu", "language es");

        var unknown = await Say("ecu", "xyzzyplugh");
        Assert.True(unknown.IsError);
        Assert.Equal("No conozco el comando `xyzzyplugh`. Escriba `ayuda` para ver los comandos.", unknown.Text);
        Assert.Equal("<categoría> debe ser uno de estos valores: `estado-miembro`, `estado-observador`, `onu`, `intergubernamental`, `parte-interesada`, no `planet`. Uso: `inscribirse <delegación> [como estado-miembro|estado-observador|onu|intergubernamental|parte-interesada]`",
            (await Say("ecu", "register Ecuador as planet")).Text);

        var whoami = await Say("ecu", "whoami");
        Assert.Contains(whoami.Facts, f => f is { Label: "Funciones", Value: "delegado, punto focal de Ecuador" });

        // English is kept word for word for whoever has no other language.
        Assert.StartsWith("I don't know the command `xyzzyplugh`.", (await _harness.Refused("mod", "xyzzyplugh")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageDefault_Delegate_Refused()
    {
        await _harness.Delegate("ecu", "Ecuador");
        Assert.Equal("Only organisers (the secretariat) can use `language default`.", (await _harness.Refused("ecu", "language default es")).Text);
        Assert.Null((await _harness.Query(db => db.Meetings.AsNoTracking().SingleAsync())).DefaultLanguage);
    }

    private static GcmBot.Core.Localisation.Texts Texts(string code) => GcmBot.Core.Localisation.Texts.For(GcmBot.Core.Localisation.Language.FromTag(code)!);

    private async Task<Reply> Say(string user, string text, string? locale = null) =>
        (await _harness.Handle(new Inbound(MeetingHarness.Channel, MeetingHarness.RoomA, user, user) { Text = text, Locale = locale }))!.Reply;

    private Task<Participant> Participant(string user) =>
        _harness.Query(db => db.Participants.AsNoTracking().SingleAsync(p => p.ExternalId == user));
}
