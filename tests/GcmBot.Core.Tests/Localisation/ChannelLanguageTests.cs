using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Handling;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;
using GcmBot.Core.Tests.Handling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GcmBot.Core.Tests.Localisation;

/// <summary>
/// The language a person's channel reports is kept on the participant for what is sent to them later, and written
/// only when it changes: a SQLite trigger in the real database records every write of the column.
/// </summary>
public sealed class ChannelLanguageTests : IAsyncLifetime
{
    private MeetingHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await MeetingHarness.StartAsync();
        await _harness.Query(db => db.Database.ExecuteSqlRawAsync("CREATE TABLE LanguageWrites (Id INTEGER PRIMARY KEY, Language TEXT)"));
        // UPDATE OF fires whenever the column is in the statement's SET, even with the value it already had.
        await _harness.Query(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER LanguageWritten AFTER UPDATE OF ChannelLanguage ON Participants BEGIN INSERT INTO LanguageWrites (Language) VALUES (NEW.ChannelLanguage); END"));
    }

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    [Fact]
    public async Task Locale_ReportedWithEveryCommand_WrittenOnlyWhenItChanges()
    {
        await _harness.OpenAg1();
        await Say("ana", "whoami", "es-MX");
        await Say("ana", "register Mexico", "es");
        await Say("ana", "queue", "es-ES");
        await _harness.Expect(MeetingHarness.Organiser, "approve ana");
        await Say("ana", "speak", "es");
        await Say("ana", "agenda now");

        Assert.Equal(("es", null), await StoredAsync("ana"));
        Assert.Empty(await WritesAsync());

        // Read-only commands in the language already stored stay off the writer; another language takes it once.
        var store = new CountingStore(_harness.Store);
        var service = new CommandService(store, _harness.Time, Options.Create(_harness.Rules), NullLogger<CommandService>.Instance);
        await Say("ana", "queue", "es-419", service);
        await Say("ana", "whoami", "es", service);
        Assert.Equal(0, store.Writes);
        await Say("ana", "whoami", "fr-CA", service);
        await Say("ana", "queue", "fr", service);
        await Say("ana", "agenda now", "fr-FR", service);
        Assert.Equal(1, store.Writes);
        Assert.Equal(("fr", null), await StoredAsync("ana"));

        // A tag that is none of the six clears it: the meeting's default then speaks for the person.
        await Say("ana", "help", "de-DE", service);

        Assert.Equal(2, store.Writes);
        Assert.Equal(((string?)null, (string?)null), await StoredAsync("ana"));
        Assert.Equal(["fr", null], await WritesAsync());
    }

    [Fact]
    public async Task Reply_ChannelWithoutALocale_InTheLanguageItLastReported()
    {
        await Say("ana", "whoami", "es");

        // Discord's gateway messages (`!queue`) carry no locale: the one the person's interactions last reported answers.
        var shown = await Say("ana", "language");

        var spanish = Texts.For(Language.Spanish);
        Assert.StartsWith(spanish.Format("Language.Current", spanish.NameOf(Language.Spanish), "").Split('`')[0], shown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForPerson_ChoiceThenChannelThenMeetingThenEnglish_FirstThatIsSet()
    {
        var person = new Participant { Channel = "web", ExternalId = "x", DisplayName = "x", Language = "ar", ChannelLanguage = "es" };

        Assert.Equal(Language.Arabic, Texts.ForPerson(person, "fr").Language);
        person.Language = null;
        Assert.Equal(Language.Spanish, Texts.ForPerson(person, "fr").Language);
        person.ChannelLanguage = null;
        Assert.Equal(Language.French, Texts.ForPerson(person, "fr").Language);
        Assert.Equal(Language.English, Texts.ForPerson(person, null).Language);
    }

    private async Task<Reply> Say(string user, string text, string? locale = null, CommandService? service = null)
    {
        var inbound = new Inbound(MeetingHarness.Channel, MeetingHarness.RoomA, user, user) { Text = text, Locale = locale };
        var reply = (await (service ?? _harness.Service).HandleAsync(inbound, CancellationToken.None))!.Reply;
        Assert.False(reply.IsError, $"`{text}` was refused: {reply.Text}");
        return reply;
    }

    private Task<(string? Channel, string? Chosen)> StoredAsync(string user) =>
        _harness.Query(async db =>
        {
            var participant = await db.Participants.AsNoTracking().SingleAsync(p => p.ExternalId == user);
            return (participant.ChannelLanguage, participant.Language);
        });

    private Task<List<string?>> WritesAsync() =>
        _harness.Query(db => db.Database.SqlQueryRaw<string?>("SELECT Language AS Value FROM LanguageWrites ORDER BY Id").ToListAsync());

    /// <summary>The real store, counting the units of work that may write.</summary>
    private sealed class CountingStore(IMeetingStore inner) : IMeetingStore
    {
        private int _writes;

        public int Writes => _writes;

        public Task<T> ExecuteAsync<T>(Func<IMeetingData, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _writes);
            return inner.ExecuteAsync(work, cancellationToken);
        }

        public Task<T> ReadAsync<T>(Func<IMeetingData, CancellationToken, Task<T>> work, CancellationToken cancellationToken) => inner.ReadAsync(work, cancellationToken);

        public Task<bool> TryClaimNoticeAsync(long noticeId, DateTimeOffset now, CancellationToken cancellationToken) => inner.TryClaimNoticeAsync(noticeId, now, cancellationToken);

        public Task ProbeWritesAsync(CancellationToken cancellationToken) => inner.ProbeWritesAsync(cancellationToken);
    }
}
