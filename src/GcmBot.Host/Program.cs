using GcmBot.Core;
using GcmBot.Host;
using GcmBot.Scheduling;
using GcmBot.Storage;
using GcmBot.Teams;
using GcmBot.Web;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.Services.AddGcmClock(builder.Configuration);
builder.Services.AddGcmCore(builder.Configuration);
builder.Services.AddGcmStorage(builder.Configuration);
builder.Services.AddGcmMeeting(builder.Configuration);
builder.Services.AddGcmWebChat(builder.Configuration);
builder.Services.AddGcmTeams(builder.Configuration);
builder.Services.AddGcmScheduling(builder.Configuration);
builder.Services.AddGcmHealth();

var app = builder.Build();

app.MapGcmHealth();
app.MapGcmWebChat();
app.MapGcmTeams();
app.MapGcmScheduling();

app.Run();

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
