using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using GcmBot.Core.Handling;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;
using GcmBot.Core.Tests.Handling;

namespace GcmBot.Core.Tests.Localisation;

/// <summary>
/// An organiser and a moderator who chose French (or Spanish) run the organiser's path — bind, assign, broadcasts now
/// and later, session open/move/room/close, delegations, the meeting's default language, reminders, the calendar, a
/// control-character refusal — and no reply they read carries English: neither a sentence of <c>Texts.resx</c> nor
/// one of the literals these handlers used to write.
/// </summary>
public sealed partial class OrganiserInTheirLanguageTests : IAsyncLifetime
{
    /// <summary>The English sentences the organiser's handlers wrote before they went through <c>Texts</c>.</summary>
    private static readonly string[] _formerEnglish =
    [
        "This channel now follows", "no longer follows", "is not bound", "is now moderator", "is now rapporteur", "is already",
        "I don't know", "Several people", "Announcement from the secretariat", "Announcements are limited", "Agenda change",
        "now runs", "moves from", "Nothing was", "scheduled for", "No announcements", "Scheduled announcements", "cancelled",
        "has already passed", "is not a time", "is registered as", "contains a control character", "Please type it again",
        "The agenda as a calendar file", "Agenda calendar", "must end after", "has no room",
    ];

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
    public async Task OrganiserPath_French_EveryReplyInFrench()
    {
        var replies = new List<Reply>();
        async Task<CommandResult> Ok(string user, string text)
        {
            var result = await _harness.Expect(user, text);
            replies.Add(result.Reply);
            return result;
        }

        async Task<Reply> No(string user, string text)
        {
            var reply = await _harness.Refused(user, text);
            replies.Add(reply);
            return reply;
        }

        await Ok(MeetingHarness.Organiser, "language fr");
        await _harness.Expect("mod", "whoami");
        await Ok("mod", "language fr");

        Assert.StartsWith("Ce canal suit désormais **AG1 — ", (await Ok(MeetingHarness.Organiser, "bind AG1")).Reply.Text, StringComparison.Ordinal);
        Assert.Equal("Ce canal suit désormais la salle **Room A** : la séance qui s'y tient, quelle qu'elle soit.", (await Ok(MeetingHarness.Organiser, "bind Room A")).Reply.Text);
        Assert.StartsWith("mod est désormais modérateur ou modératrice de AG1 — ", (await Ok(MeetingHarness.Organiser, "assign moderator mod AG1")).Reply.Text, StringComparison.Ordinal);
        Assert.Equal("mod est déjà modérateur ou modératrice de AG1.", (await No(MeetingHarness.Organiser, "assign moderator mod AG1")).Text);
        Assert.Equal("Je ne connais pas encore `personne` sur ce canal : cette personne doit m'avoir écrit une fois (par exemple `whoami`).",
            (await No(MeetingHarness.Organiser, "assign rapporteur personne AG1")).Text);

        // The moderator chairs in French; the room's announcements stay in the room's language.
        Assert.StartsWith("La séance **", (await Ok("mod", "session open")).Reply.Text, StringComparison.Ordinal);

        var broadcast = await Ok(MeetingHarness.Organiser, "broadcast Les groupes d'action reprennent à 10 h 45.");
        Assert.Equal(Texts("fr").Format("Notice.Announcement"), broadcast.Reply.Title);
        Assert.Equal(Texts("es").Format("Notice.Announcement"), Assert.Single(broadcast.Announcements).For(Texts("es")).Title);
        Assert.StartsWith("Les annonces sont limitées à 1500 caractères ; celle-ci en compte 1501.", (await No(MeetingHarness.Organiser, "broadcast " + new string('a', 1501))).Text, StringComparison.Ordinal);

        var scheduled = await Ok(MeetingHarness.Organiser, "broadcast at 2017-12-06T09:00 Le café est servi.");
        Assert.Matches(@"^Annonce n° (\d+) programmée pour le mer\. 6 déc\. 09:00 \(heure du lieu de réunion\), dans tous les canaux liés\. `broadcast cancel \1` l'annule\.$", scheduled.Reply.Text);
        Assert.Equal("Texte", Assert.Single(scheduled.Reply.Facts).Label);
        Assert.EndsWith("Rien n'a été programmé.", (await No(MeetingHarness.Organiser, "broadcast at 2017-12-04T09:00 Trop tard.")).Text, StringComparison.Ordinal);
        Assert.StartsWith("`25:99` n'est pas une heure que je comprends", (await No(MeetingHarness.Organiser, "broadcast at 25:99 Jamais.")).Text, StringComparison.Ordinal);
        Assert.Contains("l'annonce est donc pour **demain**.", (await Ok(MeetingHarness.Organiser, "broadcast at 00:05 Bonne nuit.")).Reply.Text, StringComparison.Ordinal);
        Assert.Equal("Annonces programmées", (await Ok(MeetingHarness.Organiser, "broadcasts")).Reply.Title);
        var id = Regex.Match(scheduled.Reply.Text, @"\d+").Value;
        Assert.Equal($"Annonce n° {id} annulée : « Le café est servi. »", (await Ok(MeetingHarness.Organiser, $"broadcast cancel {id}")).Reply.Text);
        Assert.StartsWith("Il n'y a pas d'annonce programmée n° 999.", (await No(MeetingHarness.Organiser, "broadcast cancel 999")).Text, StringComparison.Ordinal);

        var moved = await Ok(MeetingHarness.Organiser, "session move AG4 to 16:00");
        Assert.Equal("Modification de l'ordre du jour", moved.Reply.Title);
        Assert.Matches(@"^\*\*AG4 — .+\*\* a désormais lieu de 16:00 à \d\d:\d\d \(au lieu de .+\), en salle .+\.", moved.Reply.Text);
        Assert.Equal("Cambio en el programa", Assert.Single(moved.Announcements).For(Texts("es")).Title);
        Assert.Equal("Une séance doit se terminer après avoir commencé.", (await No(MeetingHarness.Organiser, "session move AG4 to 16:00 15:00")).Text);
        Assert.StartsWith("`4pm` n'est pas une heure", (await No(MeetingHarness.Organiser, "session move AG4 to 4pm")).Text, StringComparison.Ordinal);
        Assert.StartsWith("La réunion n'a pas de salle `Room Z`", (await No(MeetingHarness.Organiser, "session room AG4 to Room Z")).Text, StringComparison.Ordinal);
        var room = await Ok(MeetingHarness.Organiser, "session room AG4 to Room Z new");
        Assert.Matches(@"^\*\*AG4 — .+\*\* passe de la salle .+ à la salle \*\*Room Z\*\* \(mar\. 5 déc\. 16:00–\d\d:\d\d\)\.$", room.Reply.Text);
        Assert.All(room.Announcements, a => Assert.StartsWith("**AG4 — ", a.For(Texts("ru")).Text, StringComparison.Ordinal));
        Assert.Contains(" в **Room Z** ", room.Announcements[0].For(Texts("ru")).Text, StringComparison.Ordinal);

        Assert.StartsWith("Saint-Siège est enregistrée dans la catégorie ", (await Ok(MeetingHarness.Organiser, "delegation add Saint-Siège as observerState")).Reply.Text, StringComparison.Ordinal);
        Assert.Equal("Saint-Siège est déjà enregistrée.", (await No(MeetingHarness.Organiser, "delegation add Saint-Siège as observerState")).Text);
        await Ok(MeetingHarness.Organiser, "language default es");
        await Ok(MeetingHarness.Organiser, "remind me AG4");
        Assert.Equal("Calendrier de l'ordre du jour", (await Ok(MeetingHarness.Organiser, "agenda ics")).Reply.Title);
        await Ok("mod", "session close");
        Assert.Equal("Ce canal ne suit plus aucune séance ni salle.", (await Ok(MeetingHarness.Organiser, "unbind")).Reply.Text);
        Assert.Equal("Ce canal n'est lié à aucune séance ni salle.", (await No(MeetingHarness.Organiser, "unbind")).Text);

        // Control characters: in what is typed (named as the French vocabulary names the argument) and in the person's name.
        Assert.Equal("<texte> contient un caractère de contrôle (U+0000, NUL), qui ne peut pas être enregistré. Veuillez l'envoyer à nouveau sans ce caractère (les sauts de ligne et les tabulations sont acceptés).",
            (await No(MeetingHarness.Organiser, "broadcast Bonjour\0")).Text);
        var badName = (await _harness.Handle(new Inbound(MeetingHarness.Channel, MeetingHarness.RoomA, MeetingHarness.Organiser, "Olga\u0007") { Text = "language fr" }))!.Reply;
        replies.Add(badName);
        Assert.Equal("Votre nom contient un caractère de contrôle (U+0007) : un nom ne peut contenir ni caractère de contrôle, ni saut de ligne, ni tabulation. Veuillez le saisir à nouveau sans ces caractères.", badName.Text);

        AssertNoEnglish(replies);
    }

    [Fact]
    public async Task OrganiserPath_Spanish_EveryReplyInSpanish()
    {
        var replies = new List<Reply>();
        async Task<Reply> Say(string text, bool refused = false)
        {
            var reply = refused ? await _harness.Refused(MeetingHarness.Organiser, text) : (await _harness.Expect(MeetingHarness.Organiser, text)).Reply;
            replies.Add(reply);
            return reply;
        }

        await Say("language es");
        await _harness.Expect("mod", "whoami");
        Assert.StartsWith("Este canal sigue ahora **AG1 — ", (await Say("bind AG1")).Text, StringComparison.Ordinal);
        Assert.StartsWith("mod es ahora relator o relatora de AG1 — ", (await Say("assign rapporteur mod AG1")).Text, StringComparison.Ordinal);
        Assert.Equal(Texts("es").Format("Notice.Announcement"), (await Say("broadcast Se sirve café.")).Title);
        Assert.Matches(@"^Anuncio n\.º \d+ programado para el mié 6 dic 09:00 \(hora local de la sede\)", (await Say("broadcast at 2017-12-06T09:00 Se reanuda la sesión.")).Text);
        Assert.Equal("No hay ningún anuncio programado n.º 999. `broadcasts` muestra la lista.", (await Say("broadcast cancel 999", refused: true)).Text);
        Assert.Equal("Cambio en el programa", (await Say("session move AG4 to 16:00")).Title);
        Assert.StartsWith("**AG4 — ", (await Say("session room AG4 to Room Z new")).Text, StringComparison.Ordinal);
        await Say("language default fr");
        Assert.Equal("Calendario del programa", (await Say("agenda ics")).Title);
        Assert.Equal("<texto> contiene un carácter de control (U+0001), que no se puede guardar. Vuelva a enviarlo sin ese carácter, por favor (los saltos de línea y las tabulaciones se admiten).",
            (await Say("broadcast Hola\u0001", refused: true)).Text);

        AssertNoEnglish(replies);
    }

    [Fact]
    public async Task OrganiserPath_English_KeepsItsWording()
    {
        Assert.StartsWith("This channel now follows **AG1 — ", (await _harness.Expect(MeetingHarness.Organiser, "bind AG1")).Reply.Text, StringComparison.Ordinal);
        Assert.Equal("<text> contains a control character (U+0000, NUL), which cannot be saved. Please send it again without it (line breaks and tabs are fine).",
            (await _harness.Refused(MeetingHarness.Organiser, "broadcast Hello\0")).Text);
    }

    /// <summary>
    /// The handlers of the organiser's path write no English of their own: no string literal starting with a letter
    /// (or an interpolated one) is passed to a reply, a <c>CommandException</c> or a title; their words are keys.
    /// </summary>
    [Theory]
    [InlineData("Handling/SecretariatCommands.cs")]
    [InlineData("Handling/AgendaCommands.cs")]
    [InlineData("Handling/ReminderCommands.cs")]
    [InlineData("Handling/CalendarCommands.cs")]
    [InlineData("Handling/LanguageCommands.cs")]
    [InlineData("Handling/MeetingCommands.cs")]
    [InlineData("Handling/QueueView.cs")]
    [InlineData("Handling/Lookup.cs")]
    [InlineData("Commands/ControlCharacters.cs")]
    public void Handler_Source_HasNoEnglishReplyLiteral(string file)
    {
        var source = File.ReadAllText(Path.Combine(SourceRoot(), "src", "GcmBot.Core", file));
        var literals = ReplyLiteral().Matches(source).Select(m => m.Value).ToList();
        Assert.True(literals.Count == 0, $"{file} writes English: {string.Join(" | ", literals)}");
    }

    private static string SourceRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "src", "GcmBot.Core")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("The repository's root, above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// No text of any reply (its text, title, facts, items and buttons) contains a stretch of an English
    /// <c>Texts.resx</c> value longer than 12 characters between its placeholders, nor a former English literal.
    /// </summary>
    internal static void AssertNoEnglish(IEnumerable<Reply> replies)
    {
        var fragments = EnglishFragments();
        foreach (var reply in replies)
        {
            foreach (var text in Shown(reply))
            {
                var english = fragments.FirstOrDefault(f => text.Contains(f, StringComparison.Ordinal))
                    ?? _formerEnglish.FirstOrDefault(f => text.Contains(f, StringComparison.OrdinalIgnoreCase));
                Assert.True(english is null, $"English “{english}” in “{text}”");
            }
        }
    }

    private static IEnumerable<string> Shown(Reply reply) =>
        [reply.Text, reply.Title ?? "", .. reply.Facts.SelectMany(f => new[] { f.Label, f.Value }), .. reply.Items.Select(i => i.Detail), .. reply.Actions.Select(a => a.Label)];

    private static List<string> EnglishFragments()
    {
        var english = new ResourceManager("GcmBot.Core.Localisation.Texts", typeof(Texts).Assembly).GetResourceSet(CultureInfo.InvariantCulture, true, false)!;
        return [.. english.Cast<DictionaryEntry>()
            .SelectMany(e => Placeholder().Split((string)e.Value!))
            .Where(f => f.Trim().Length > 12)
            .Distinct()];
    }

    private static Texts Texts(string code) => GcmBot.Core.Localisation.Texts.For(Language.FromTag(code)!);

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    // `new Reply("…`, `Reply.Private($"…`, `CommandException("…`, `Title = "…`, `new Fact("…`, `ReplyAction("…` with a letter first.
    [GeneratedRegex(@"(?:\bReply(?:\.\w+)?|CommandException|Title\s*=|\bFact|ReplyAction)\s*\(?\s*\$?""[A-Za-z][^""]*""")]
    private static partial Regex ReplyLiteral();
}
