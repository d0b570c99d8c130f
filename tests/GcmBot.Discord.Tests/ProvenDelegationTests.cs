using static GcmBot.Discord.Tests.ScenarioTests;

namespace GcmBot.Discord.Tests;

/// <summary>
/// Proven delegations on Discord: an uninvited <c>/register</c> waits for approval, the organiser is told by direct
/// message with Approve / Decline buttons, and pressing Approve there lets the person act for the delegation.
/// </summary>
public sealed class ProvenDelegationTests
{
    private static readonly (string Id, string Name, bool Organiser) _organiser = ("800000000000000001", "Secretariat", true);
    private static readonly (string Id, string Name, bool Organiser) _bruno = ("800000000000000201", "Bruno Delegate", false);
    private static readonly (string Id, string Name, bool Organiser) _carla = ("800000000000000202", "Carla Delegate", false);
    private static readonly (string Id, string Name, bool Organiser) _dora = ("800000000000000203", "Dora Delegate", false);

    [Fact]
    public async Task Register_Uninvited_WaitsUntilTheOrganiserApprovesWithTheButtonOfADirectMessage()
    {
        await using var host = await DiscordHost.StartAsync();
        var users = new DiscordUsers();
        await host.InteractAsync(users.Command(_organiser, "bind", ("target", "Room A")));
        await host.InteractAsync(users.Command(_organiser, "session-open", ("session", "AG1")));

        var asked = await host.InteractAsync(users.Command(_bruno, "register", ("delegation", "Portugal")));
        var refused = await host.InteractAsync(users.Command(_bruno, "speak"));

        Assert.True(Ephemeral(asked));
        Assert.Contains("waiting for approval by the organisers", Content(asked), StringComparison.Ordinal);
        Assert.True(Ephemeral(refused));
        Assert.Contains("request to join Portugal is still waiting for approval", Content(refused), StringComparison.Ordinal);

        var told = await host.Fake.Requests.WaitOneAsync(r => r.Path == $"/channels/dm-{_organiser.Id}/messages" && r.Body!.Contains("asks to join", StringComparison.Ordinal), "the organiser's direct message");
        Assert.Contains("Bruno Delegate", told.Body, StringComparison.Ordinal);
        var approve = told.Json.GetProperty("components").EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray())
            .Single(b => b.GetProperty("label").GetString() == "Approve").GetProperty("custom_id").GetString()!;

        var approved = await host.InteractAsync(users.DirectButton(_organiser, $"dm-{_organiser.Id}", approve));

        Assert.Contains("Bruno Delegate now speaks for Portugal", Content(approved), StringComparison.Ordinal);
        await host.Fake.Requests.WaitOneAsync(r => r.Path == $"/channels/dm-{_bruno.Id}/messages" && r.Body!.Contains("was approved", StringComparison.Ordinal), "Bruno's direct message");
        Assert.Contains("Portugal", Content(await host.InteractAsync(users.Command(_bruno, "speak"))), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Fake.Requests.Items, r => r.Path == $"/channels/{DiscordUsers.Channel}/messages"
            && (r.Body!.Contains("asks to join", StringComparison.Ordinal) || r.Body.Contains("was approved", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FocalPoint_HandedOnWithTheSlashCommand_TheNewFocalPointIsToldAndGetsTheNextRequest()
    {
        await using var host = await DiscordHost.StartAsync();
        var users = new DiscordUsers();
        await host.InteractAsync(users.Command(_organiser, "bind", ("target", "Room A")));
        foreach (var member in new[] { _bruno, _carla })
        {
            await host.InteractAsync(users.Command(member, "register", ("delegation", "Portugal")));
            Assert.Contains("now speaks for Portugal", Content(await host.InteractAsync(users.Command(_organiser, "approve", ("person", member.Name)))), StringComparison.Ordinal);
        }

        var handed = await host.InteractAsync(users.Command(_bruno, "focal-point", ("person", "Carla")));

        Assert.True(Ephemeral(handed));
        Assert.Contains("Carla Delegate is now Portugal's focal point", Content(handed), StringComparison.Ordinal);
        await host.Fake.Requests.WaitOneAsync(r => r.Path == $"/channels/dm-{_carla.Id}/messages" && r.Body!.Contains("Bruno Delegate has made you Portugal", StringComparison.Ordinal), "Carla's direct message");

        await host.InteractAsync(users.Command(_dora, "register", ("delegation", "Portugal")));

        var told = await host.Fake.Requests.WaitOneAsync(r => r.Path == $"/channels/dm-{_carla.Id}/messages" && r.Body!.Contains("Dora Delegate", StringComparison.Ordinal), "the new focal point's notice of Dora's request");
        Assert.Contains("Approve", told.Body, StringComparison.Ordinal);
        await host.Fake.Requests.WaitOneAsync(r => r.Path == $"/channels/dm-{_organiser.Id}/messages" && r.Body!.Contains("Dora Delegate", StringComparison.Ordinal), "the organiser's notice of Dora's request");
        Assert.DoesNotContain(host.Fake.Requests.Items, r => r.Path == $"/channels/dm-{_bruno.Id}/messages" && r.Body!.Contains("Dora Delegate", StringComparison.Ordinal));
    }
}
