namespace GcmBot.Discord.Tests;

/// <summary>
/// A personal answer to a text command goes by direct message. When Discord refuses the DM (50007: the person
/// does not accept DMs from server members), the channel gets only a note, never the answer.
/// </summary>
public sealed class DirectMessageTests
{
    private static readonly (string Id, string Name, bool Organiser) _organiser = ("800000000000000001", "Secretariat", true);
    private static readonly (string Id, string Name, bool Organiser) _mexico = ("800000000000000101", "Delegate of Mexico", false);

    [Fact]
    public async Task TextCommand_DirectMessagesClosed_ChannelGetsANoteNotTheAnswer()
    {
        await using var host = await DiscordHost.StartAsync();
        var users = new DiscordUsers();
        await host.InteractAsync(users.Command(_organiser, "bind", ("target", "Room A")));
        host.Fake.ClosedDirectMessages[_mexico.Id] = true;

        var asked = users.NextId();
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordUsers.Message(_mexico, asked, "!whoami"));

        var refused = await host.Fake.Requests.WaitOneAsync(r => r.Path == $"/channels/dm-{_mexico.Id}/messages", "the refused DM");
        var answer = refused.Json.GetProperty("content").GetString()!;
        var note = await host.Fake.Requests.WaitOneAsync(r => r.Path == $"/channels/{DiscordUsers.Channel}/messages" && r.Body!.Contains(asked, StringComparison.Ordinal), "the public note");
        var content = note.Json.GetProperty("content").GetString()!;
        Assert.Contains("Allow direct messages", content, StringComparison.Ordinal);
        Assert.Contains("/whoami", content, StringComparison.Ordinal);
        Assert.DoesNotContain(answer, content, StringComparison.Ordinal);
        Assert.Empty(note.Json.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
    }

    [Fact]
    public async Task TextCommand_DirectMessagesClosed_NoteInThePersonsLanguage()
    {
        await using var host = await DiscordHost.StartAsync();
        var users = new DiscordUsers();
        await host.InteractAsync(users.Command(_organiser, "bind", ("target", "Room A")));
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordUsers.Message(_mexico, users.NextId(), "!language fr"));
        await host.Fake.Requests.WaitOneAsync(r => r.Path == $"/channels/dm-{_mexico.Id}/messages", "the language's answer by DM");
        host.Fake.ClosedDirectMessages[_mexico.Id] = true;

        var asked = users.NextId();
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordUsers.Message(_mexico, asked, "!whoami"));

        var note = await host.Fake.Requests.WaitOneAsync(r => r.Path == $"/channels/{DiscordUsers.Channel}/messages" && r.Body!.Contains(asked, StringComparison.Ordinal), "the public note");
        Assert.Equal($"<@{_mexico.Id}>, votre réponse est privée et je n'ai pas pu vous l'envoyer par message direct. Autorisez les messages directs des membres de ce serveur "
            + "(paramètres de confidentialité du serveur), ou utilisez /whoami : ses réponses ne sont visibles que par vous.", note.Json.GetProperty("content").GetString());
    }

    [Fact]
    public async Task TextCommand_DirectMessagesOpen_AnswerOnlyByDirectMessage()
    {
        await using var host = await DiscordHost.StartAsync();
        var users = new DiscordUsers();
        await host.InteractAsync(users.Command(_organiser, "bind", ("target", "Room A")));

        var asked = users.NextId();
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordUsers.Message(_mexico, asked, "!whoami"));
        var next = users.NextId();
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordUsers.Message(_mexico, next, "!agenda now"));

        // Messages run in order: once the next command (the agenda, personal too) is answered, a public whoami would have been posted.
        await host.Fake.Requests.WaitAsync(r => r.Path == $"/channels/dm-{_mexico.Id}/messages", 2, "both answers by DM");
        Assert.DoesNotContain(host.Fake.Requests.Items, r => r.Path == $"/channels/{DiscordUsers.Channel}/messages" && (r.Body!.Contains(asked, StringComparison.Ordinal) || r.Body.Contains(next, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TextCommand_InviteWithDirectMessagesClosed_TheLinkIsNeverPosted()
    {
        await using var host = await DiscordHost.StartAsync();
        var users = new DiscordUsers();
        await host.InteractAsync(users.Command(_organiser, "bind", ("target", "Room A")));
        host.Fake.ClosedDirectMessages[_organiser.Id] = true;

        var asked = users.NextId();
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordUsers.Message(_organiser, asked, "!invite Mexico"));

        var refused = await host.Fake.Requests.WaitOneAsync(r => r.Path == $"/channels/dm-{_organiser.Id}/messages", "the refused DM");
        var link = refused.Json.GetRawText().Split('\\', '"', ' ').Single(w => w.Contains("/join/", StringComparison.Ordinal));
        var note = await host.Fake.Requests.WaitOneAsync(r => r.Path == $"/channels/{DiscordUsers.Channel}/messages" && r.Body!.Contains(asked, StringComparison.Ordinal), "the public note");
        Assert.Equal(403, refused.Status);
        Assert.Contains("could not send it to you by direct message", note.Body, StringComparison.Ordinal);
        Assert.Contains("/invite", note.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Fake.Requests.Items, r => !r.Path.StartsWith("/channels/dm-", StringComparison.Ordinal) && r.Body?.Contains("/join/", StringComparison.Ordinal) == true);
        Assert.NotEmpty(link);
    }

    [Fact]
    public async Task PlainMessage_CommandWithoutItsPrefix_NotCapturedAndAHintByDirectMessageOnly()
    {
        await using var host = await DiscordHost.StartAsync();
        var users = new DiscordUsers();
        await host.InteractAsync(users.Command(_organiser, "bind", ("target", "Room A")));
        await host.InteractAsync(users.Command(_organiser, "session-open", ("session", "AG1")));

        var said = users.NextId();
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordUsers.Message(_mexico, said, "speak"));
        var next = users.NextId();
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordUsers.Message(_mexico, next, "!agenda now"));

        var hint = await host.Fake.Requests.WaitOneAsync(r => r.Path == $"/channels/dm-{_mexico.Id}/messages", "the hint");
        Assert.Contains("/speak", hint.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
        // Messages run in order: once the next one is answered, anything about "speak" would have been posted.
        // (The agenda, too, concerns only the asker: it comes by direct message.)
        await host.Fake.Requests.WaitOneAsync(r => r.Path == $"/channels/dm-{_mexico.Id}/messages" && r != hint, "the agenda");
        Assert.DoesNotContain(host.Fake.Requests.Items, r => r.Path == $"/channels/{DiscordUsers.Channel}/messages" && r.Body!.Contains("reads as the command", StringComparison.Ordinal));
        Assert.Null(await host.Store.ReadAsync((data, ct) => data.FindContributionAsync("discord", said, ct), CancellationToken.None));
    }
}
