using GcmBot.Core.Commands;

namespace GcmBot.Core.Tests.Handling;

public sealed class RoleCheckTests : IAsyncLifetime
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

    public static TheoryData<CommandId, string> PrivilegedCommands() => Examples(c => c.Access != Access.Anyone);

    public static TheoryData<CommandId, string> ChairCommands() => Examples(c => c.Access is Access.Moderator or Access.Reporting);

    [Theory]
    [MemberData(nameof(PrivilegedCommands))]
    public async Task HandleAsync_PrivilegedCommandByPlainParticipant_RefusedByRoleCheck(CommandId id, string example)
    {
        var reply = await _harness.Refused("nobody", example);

        Assert.Contains(RefusalFor(CommandCatalogue.Get(id).Access), reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ChairCommands))]
    public async Task HandleAsync_ChairCommandByModeratorOfAnotherSession_Refused(CommandId id, string example)
    {
        await _harness.Delegate("chad", "Chad");
        await _harness.Moderator("chad", "AG2");

        var reply = await _harness.Refused("chad", example);

        Assert.Contains(RefusalFor(CommandCatalogue.Get(id).Access), reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ModeratorOfAnotherSession_MayOpenTheirOwnByName()
    {
        await _harness.Moderator("chad", "AG2");

        var result = await _harness.Expect("chad", "session open AG2");

        Assert.Equal("AG2 open — Room B", result.Reply.Title);
        Assert.False((await _harness.Session("AG1")).IsOpen);
    }

    [Theory]
    [MemberData(nameof(PrivilegedCommands))]
    public async Task HandleAsync_PrivilegedCommandByOrganiser_NotRefusedByRoleCheck(CommandId id, string example)
    {
        var result = await _harness.Run(MeetingHarness.Organiser, example);

        foreach (var access in new[] { Access.Delegation, Access.Moderator, Access.Reporting, Access.Organiser, Access.Officials })
        {
            Assert.DoesNotContain(RefusalFor(access), result.Reply.Text, StringComparison.Ordinal);
        }

        Assert.Contains(id, CommandCatalogue.All.Where(c => c.Access != Access.Anyone).Select(c => c.Id));
    }

    [Fact]
    public async Task HandleAsync_AssignedModerator_MayChairOwnSession()
    {
        await _harness.Moderator("mod", "AG1");

        await _harness.Expect("mod", "session open");
        await _harness.Expect("mod", "list add Mexico");
        await _harness.Expect("mod", "next");
        await _harness.Expect("mod", "cards export");
    }

    private static TheoryData<CommandId, string> Examples(Func<CommandDefinition, bool> which)
    {
        var data = new TheoryData<CommandId, string>();
        foreach (var definition in CommandCatalogue.All.Where(which))
        {
            data.Add(definition.Id, definition.Examples[0]);
        }

        return data;
    }

    private static string RefusalFor(Access access) => access switch
    {
        Access.Delegation => "is for delegations",
        Access.Moderator => "Only the session's moderator (or an organiser)",
        Access.Reporting => "Only the session's rapporteur or moderator (or an organiser)",
        Access.Officials => "Only moderators, rapporteurs and organisers",
        _ => "Only organisers (the secretariat)",
    };
}
