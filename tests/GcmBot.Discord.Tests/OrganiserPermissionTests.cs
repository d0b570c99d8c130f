namespace GcmBot.Discord.Tests;

/// <summary>
/// Who starts as an organiser is decided by the member's permissions on every path (slash command, text command,
/// plain message): from the interaction, or from the member's roles and the server's roles over REST. A display
/// name never counts, and neither does a role that does not carry Administrator or Manage Server.
/// </summary>
public sealed class OrganiserPermissionTests
{
    private const string AdminRole = "700000000000000001";
    private const string DelegateRole = "700000000000000002";

    private static readonly (string Id, string Name, bool Organiser) _organiser = ("800000000000000001", "Secretariat", true);

    private static async Task<(DiscordHost Host, DiscordUsers Users)> StartBoundAsync()
    {
        var host = await DiscordHost.StartAsync();
        host.Fake.RolePermissions[AdminRole] = "8";
        host.Fake.RolePermissions[DelegateRole] = "3072";
        var users = new DiscordUsers();
        await host.InteractAsync(users.Command(_organiser, "bind", ("target", "Room A")));
        return (host, users);
    }

    /// <summary>Sends <c>!bind Room A</c> (organisers only) and returns where its answer went: the channel or a DM.</summary>
    private static async Task<(bool Public, string Text)> BindAsync(DiscordHost host, DiscordUsers users, (string Id, string Name, bool Organiser) who, string[]? roles = null, string? nick = null, bool withoutMember = false)
    {
        var asked = users.NextId();
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordUsers.Message(who, asked, "!bind Room A", roles: roles, nick: nick, withoutMember: withoutMember));
        var answer = await host.Fake.Requests.WaitOneAsync(
            r => r.Method == "POST" && (r.Path == $"/channels/dm-{who.Id}/messages" || (r.Path == $"/channels/{DiscordUsers.Channel}/messages" && r.Body!.Contains(asked, StringComparison.Ordinal))),
            "the answer to !bind");
        return (answer.Path.StartsWith($"/channels/{DiscordUsers.Channel}/", StringComparison.Ordinal), answer.Json.GetRawText());
    }

    [Fact]
    public async Task TextCommand_AdministratorRoleOrOwner_OrganiserOnFirstContact()
    {
        var (host, users) = await StartBoundAsync();
        await using var _ = host;
        var owner = ("800000000000009999", "Server owner", false);

        var byRole = await BindAsync(host, users, ("800000000000000301", "Ada Admin", false), roles: [DelegateRole, AdminRole]);
        var byOwnership = await BindAsync(host, users, owner);

        Assert.True(byRole.Public, byRole.Text);
        Assert.Contains("now follows", byRole.Text, StringComparison.Ordinal);
        Assert.True(byOwnership.Public, byOwnership.Text);
        Assert.Single(host.Fake.Requests.Items, r => r.Method == "GET" && r.Path == $"/guilds/{Fakes.FakeDiscord.GuildId}");
    }

    [Fact]
    public async Task TextCommand_ForgedNameOrRoleWithoutPermission_Refused()
    {
        var (host, users) = await StartBoundAsync();
        await using var _ = host;

        var forged = await BindAsync(host, users, ("800000000000000302", "Secretariat", false), nick: "Secretariat");
        var delegateRole = await BindAsync(host, users, ("800000000000000303", "Dan Delegate", false), roles: [DelegateRole]);

        Assert.All([forged, delegateRole], answer =>
        {
            Assert.False(answer.Public, answer.Text);
            Assert.Contains("Only organisers", answer.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task PlainMessage_FirstContactOfAnAdministrator_OrganiserByTheirRolesFromRest()
    {
        var (host, users) = await StartBoundAsync();
        await using var _ = host;
        await host.InteractAsync(users.Command(_organiser, "session-open", ("session", "AG1")));
        var admin = ("800000000000000304", "Ada Admin", false);
        var forger = ("800000000000000305", "Secretariat", false);
        host.Fake.MemberRoles[admin.Item1] = [AdminRole];
        host.Fake.MemberRoles[forger.Item1] = [DelegateRole];

        // First contact is a remark; the event carries no member, so the roles come from REST.
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordUsers.Message(admin, users.NextId(), "Good morning, the secretariat has circulated the zero draft.", withoutMember: true));
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordUsers.Message(forger, users.NextId(), "Good morning, this is the secretariat speaking to all of you.", withoutMember: true));
        var adminBinds = await BindAsync(host, users, admin, withoutMember: true);
        var forgerBinds = await BindAsync(host, users, forger, withoutMember: true);

        Assert.True(adminBinds.Public, adminBinds.Text);
        Assert.False(forgerBinds.Public, forgerBinds.Text);
        Assert.Contains("Only organisers", forgerBinds.Text, StringComparison.Ordinal);
        Assert.Contains(host.Fake.Requests.Items, r => r.Path == $"/guilds/{Fakes.FakeDiscord.GuildId}/members/{admin.Item1}");
    }

    [Fact]
    public async Task SlashCommand_ForgedNameWithoutPermission_Refused()
    {
        var (host, users) = await StartBoundAsync();
        await using var _ = host;

        var refused = await host.InteractAsync(users.Command(("800000000000000306", "Secretariat", false), "bind", ("target", "Room A")));

        Assert.Contains("Only organisers", refused.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(64, refused.GetProperty("data").GetProperty("flags").GetInt32());
    }
}
