using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace GcmBot.Host.Tests;

/// <summary>Anyone can make a refused hub call: it is logged as one information line, not as an error with a stack trace.</summary>
public sealed class HubRefusalTests
{
    [Fact]
    public async Task WatchOverview_NotAnOrganiser_RefusedAndLoggedAsInformationWithoutTrace()
    {
        await using var app = new GcmBotApp();
        var delegate_ = await app.IdentityAsync("Ana", "Mexico", "delegate");
        await using var display = app.Hub("/hubs/display");
        await display.StartAsync();

        var refusals = new List<HubException>();
        foreach (var token in new[] { delegate_, "not-a-token", delegate_ })
        {
            refusals.Add(await Assert.ThrowsAsync<HubException>(() => display.InvokeAsync<JsonElement>("WatchOverview", token)));
        }

        Assert.All(refusals, refused => Assert.Contains("The overview is for organisers", refused.Message, StringComparison.Ordinal));
        var logged = app.Logs.Entries.Where(e => e.Message.Contains("WatchOverview", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, logged.Count);
        Assert.All(logged, entry =>
        {
            Assert.Equal(LogLevel.Information, entry.Level);
            Assert.Null(entry.Exception);
        });
        Assert.DoesNotContain(app.Logs.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore.SignalR", StringComparison.Ordinal) && e.Level >= LogLevel.Warning);
    }
}
