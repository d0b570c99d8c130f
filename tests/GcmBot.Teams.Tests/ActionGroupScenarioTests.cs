namespace GcmBot.Teams.Tests;

/// <summary>
/// The foundation's command scenario (tests/GcmBot.Web.Tests/ActionGroupScenarioTests.cs) through Teams:
/// activities to /api/messages, answers through the connector (the fake one on loopback).
/// </summary>
public sealed class ActionGroupScenarioTests
{
    private const string Moderator = "29:marit";

    [Fact]
    public async Task ActionGroup_MixedRequests_MemberStatesHeardFirstThenStakeholders()
    {
        await using var chat = await TeamsChat.StartAsync();
        await chat.SayAsync(TeamsChat.OrganiserId, "Secretariat", "bind Room A");
        await chat.RegisterAsync(Moderator, "Marit Maij", "Netherlands");
        await chat.SayAsync(TeamsChat.OrganiserId, "Secretariat", "assign moderator Marit Maij AG1");

        var opened = await chat.SayAsync(Moderator, "Marit Maij", "session open AG1");
        Assert.Contains("Action Group 1", opened.AllText, StringComparison.Ordinal);
        Assert.Contains("is open", opened.AllText, StringComparison.Ordinal);

        string[] order = ["Migrant Forum in Asia", "Mexico", "International Organization for Migration", "Ecuador", "Philippines"];
        foreach (var delegation in order)
        {
            var user = UserOf(delegation);
            await chat.RegisterAsync(user, $"Delegate of {delegation}", delegation);
            var reply = await chat.SayAsync(user, $"Delegate of {delegation}", "speak");
            Assert.Contains($"**{delegation}** asked for the floor", reply.AllText, StringComparison.Ordinal);
        }

        var queue = await chat.SayAsync(Moderator, "Marit Maij", "queue");
        var body = queue.Card!.Value.GetProperty("body").EnumerateArray().ToList();
        var rows = body.Where(e => e.GetProperty("type").GetString() == "ColumnSet")
            .Select(e => e.GetProperty("columns")[1].GetProperty("items")[0].GetProperty("text").GetString()).ToList();
        Assert.Equal(["Mexico", "Ecuador", "Philippines", "Migrant Forum in Asia", "International Organization for Migration"], rows);
        Assert.Contains(body, e => e.TryGetProperty("text", out var t) && t.GetString() == "Stakeholders");
        Assert.Equal("/next", TeamsChat.ActionData(queue, "Next").GetProperty("gcmbotCommand").GetString());

        foreach (var delegation in rows)
        {
            chat.Host.Clock.Advance(TimeSpan.FromMinutes(2));
            var floor = await chat.SubmitAsync(Moderator, "Marit Maij", TeamsChat.ActionData(queue, "Next"));
            Assert.Contains($"The floor goes to **{delegation}**", floor.AllText, StringComparison.Ordinal);
        }

        // A card through the form, then listed.
        var mexico = UserOf("Mexico");
        var form = await chat.SayAsync(mexico, "Delegate of Mexico", "card");
        var inputs = form.Card!.Value.GetProperty("body").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "Input.Text").Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Equal(["recommendation", "means", "partnerships"], inputs);
        var submit = TeamsChat.ActionData(form, "Submit card");
        var saved = await chat.SubmitAsync(mexico, "Delegate of Mexico", new Dictionary<string, string>
        {
            ["gcmbotForm"] = submit.GetProperty("gcmbotForm").GetString()!,
            ["recommendation"] = "Establish firewalls between immigration enforcement and public services",
            ["means"] = "National legislation and guidance to service providers",
            ["partnerships"] = "Local authorities, civil society",
        });
        Assert.Contains("saved for AG1", saved.AllText, StringComparison.Ordinal);
        var cards = await chat.SayAsync(mexico, "Delegate of Mexico", "cards");
        Assert.Contains("Establish firewalls between immigration enforcement and public services", cards.AllText, StringComparison.Ordinal);

        // The export is a download link served by the host.
        var export = await chat.SayAsync(Moderator, "Marit Maij", "cards export");
        var link = export.Card!.Value.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "Action.OpenUrl").GetProperty("url").GetString()!;
        var csv = await chat.Host.Client.GetStringAsync(new Uri(link));
        Assert.Contains("Establish firewalls", csv, StringComparison.Ordinal);

        var now = await chat.SayAsync(mexico, "Delegate of Mexico", "agenda now");
        foreach (var group in new[] { "Action Group 1", "Action Group 2", "Action Group 3" })
        {
            Assert.Contains(group, now.AllText, StringComparison.Ordinal);
        }
    }

    private static string UserOf(string delegation) => "29:" + delegation.ToLowerInvariant().Replace(' ', '-');
}
