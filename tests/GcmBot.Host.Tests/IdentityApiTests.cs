using System.Net;

namespace GcmBot.Host.Tests;

public sealed class IdentityApiTests
{
    [Theory]
    [InlineData("delegate", "Mexico")]
    [InlineData("moderator", null)]
    [InlineData("Rapporteur", "Chile")]
    [InlineData("organiser", null)]
    public async Task PostIdentity_ValidRole_ReturnsTokenAndRole(string role, string? delegation)
    {
        await using var app = new GcmBotApp();

        using var response = await app.PostIdentityAsync("Ana Pérez", delegation, role);
        var body = await GcmBotApp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("userId").GetString()));
        Assert.Equal("Ana Pérez", body.GetProperty("displayName").GetString());
        Assert.Equal(delegation, body.GetProperty("delegation").GetString());
        Assert.Equal(role.ToLowerInvariant(), Assert.Single(body.GetProperty("roles").EnumerateArray()).GetString());
    }

    [Theory]
    [InlineData("president")]
    [InlineData("none")]
    [InlineData("")]
    [InlineData("15")]
    public async Task PostIdentity_UnknownRole_Returns400WithRoleChoices(string role)
    {
        await using var app = new GcmBotApp();

        using var response = await app.PostIdentityAsync("Ana", "Mexico", role);
        var body = await GcmBotApp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Pick a role: delegate, moderator, rapporteur or organiser.", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task PostIdentity_EmptyName_Returns400(string? name)
    {
        await using var app = new GcmBotApp();

        using var response = await app.PostIdentityAsync(name, "Mexico", "delegate");
        var body = await GcmBotApp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Please give your name", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostIdentity_NameOver80Characters_Returns400()
    {
        await using var app = new GcmBotApp();

        using var accepted = await app.PostIdentityAsync(new string('a', 80), null, "delegate");
        using var refused = await app.PostIdentityAsync(new string('a', 81), null, "delegate");
        var body = await GcmBotApp.ReadJsonAsync(refused);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("at most 80 characters", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostIdentity_AmbiguousDelegation_Returns400WithSuggestions()
    {
        await using var app = new GcmBotApp();

        using var response = await app.PostIdentityAsync("Ana", "Republic", "delegate");
        var error = (await GcmBotApp.ReadJsonAsync(response)).GetProperty("error").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("I can't find the delegation `Republic`", error, StringComparison.Ordinal);
        Assert.Contains("Did you mean", error, StringComparison.Ordinal);
        Assert.Contains("`Republic of Korea`", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostIdentity_MisspelledDelegation_Returns400SuggestingClosestName()
    {
        await using var app = new GcmBotApp();

        using var response = await app.PostIdentityAsync("Ana", "Mexcio", "delegate");
        var error = (await GcmBotApp.ReadJsonAsync(response)).GetProperty("error").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Did you mean `Mexico`?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostIdentity_UnknownDelegation_StoresNoRegistration()
    {
        await using var app = new GcmBotApp();

        using var refused = await app.PostIdentityAsync("Ana", "Atlantis", "delegate");
        var members = await app.QueryAsync(async (data, ct) =>
        {
            var meeting = await data.GetMeetingAsync(ct);
            var delegations = await data.GetDelegationsAsync(meeting!.Id, ct);
            return delegations.Count;
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(96, members);
    }

    [Fact]
    public async Task PostIdentity_RefusedDelegation_StoresNoParticipant()
    {
        await using var app = new GcmBotApp();

        using var refused = await app.PostIdentityAsync("Zoltan Refused", "Atlantis", "delegate");
        var stored = await app.QueryAsync((data, ct) => data.FindParticipantsAsync("web", "Zoltan Refused", ct));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Empty(stored);
    }

    [Fact]
    public async Task PostIdentity_FifthMemberOfDelegation_Returns400()
    {
        await using var app = new GcmBotApp();
        for (var i = 1; i <= 4; i++)
        {
            await app.IdentityAsync($"Member {i}", "Mexico", "delegate");
        }

        using var fifth = await app.PostIdentityAsync("Member 5", "Mexico", "delegate");
        var error = (await GcmBotApp.ReadJsonAsync(fifth)).GetProperty("error").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, fifth.StatusCode);
        Assert.Contains("Mexico already has 4 registered members", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostIdentity_PickerSwitchedOff_Returns403WithMessage()
    {
        await using var app = new GcmBotApp(settings: new Dictionary<string, string> { ["WebChat:IdentityPicker"] = "false" });

        using var response = await app.PostIdentityAsync("Ana", "Mexico", "delegate");
        var error = (await GcmBotApp.ReadJsonAsync(response)).GetProperty("error").GetString()!;

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("ask the secretariat", error, StringComparison.Ordinal);
    }
}
