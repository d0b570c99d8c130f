using System.Net;
using System.Text.Json;

namespace GcmBot.Host.Tests;

public sealed class MeetingApiTests
{
    [Fact]
    public async Task GetMeeting_SampleLoaded_ListsRoomsAndDelegationsWithCategories()
    {
        await using var app = new GcmBotApp();

        using var response = await app.Client.GetAsync(new Uri("/api/web/meeting", UriKind.Relative));
        var meeting = await GcmBotApp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("America/Mexico_City", meeting.GetProperty("timeZone").GetString());
        var rooms = meeting.GetProperty("rooms").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("Room A", rooms);
        Assert.Contains("Room B", rooms);
        Assert.Contains("Plenary Hall", rooms);
        Assert.DoesNotContain("Registration desk", rooms);
        var delegations = meeting.GetProperty("delegations").EnumerateArray()
            .ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("category").GetString());
        Assert.Equal(96, delegations.Count);
        Assert.Equal("memberState", delegations["Mexico"]);
        Assert.Equal("stakeholder", delegations["Migrant Forum in Asia"]);
        Assert.Equal("observerState", delegations["Holy See"]);
        Assert.True(meeting.GetProperty("identityPicker").GetBoolean());
    }

    [Fact]
    public async Task GetMeeting_IdentityPickerOff_ReportsItOff()
    {
        await using var app = new GcmBotApp(settings: new Dictionary<string, string> { ["WebChat:IdentityPicker"] = "false" });

        using var response = await app.Client.GetAsync(new Uri("/api/web/meeting", UriKind.Relative));
        var meeting = await GcmBotApp.ReadJsonAsync(response);

        Assert.Equal(JsonValueKind.False, meeting.GetProperty("identityPicker").ValueKind);
    }
}
