using GcmBot.Core;
using GcmBot.Discord;
using GcmBot.Host;
using GcmBot.Scheduling;
using GcmBot.Storage;
using GcmBot.Summaries;
using GcmBot.Summaries.Cli;
using GcmBot.Teams;
using GcmBot.Web;

if (await DraftCommandLine.TryRunAsync(args, CancellationToken.None)) return;

if (args is [OrganiserLinkCommand.Name, .. var settings])
{
    await using var tool = Build(settings);
    Environment.ExitCode = await OrganiserLinkCommand.RunAsync(tool.Services, Console.Out, Console.Error, CancellationToken.None);
    return;
}

var app = Build(args);

app.MapGcmHealth();
app.MapGcmTelemetry();
app.MapGcmWebChat();
app.MapGcmDisplays();
app.MapGcmDraftReview();
app.MapGcmDiscord();
app.MapGcmTeams();
app.MapGcmScheduling();

app.Run();

static WebApplication Build(string[] args)
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.Services.AddGcmClock(builder.Configuration);
    builder.Services.AddGcmCore(builder.Configuration);
    builder.Services.AddGcmStorage(builder.Configuration);
    builder.Services.AddGcmMeeting(builder.Configuration);
    builder.Services.AddGcmWebChat(builder.Configuration);
    builder.Services.AddGcmDisplays(builder.Configuration);
    builder.Services.AddGcmDiscord(builder.Configuration);
    builder.Services.AddGcmTeams(builder.Configuration);
    builder.Services.AddGcmScheduling(builder.Configuration);
    builder.Services.AddGcmSummaries(builder.Configuration);
    builder.Services.AddGcmHealth();
    builder.Services.AddGcmTelemetry();
    return builder.Build();
}

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
