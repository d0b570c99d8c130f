using System.Text.Json;
using System.Threading.Channels;
using GcmBot.Discord.Gateway;
using GcmBot.Discord.Interactions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GcmBot.Discord.Messages;

/// <summary>
/// Routes gateway dispatches without holding up the receive loop: each interaction runs on its own
/// (it has 3 s to be answered); channel messages run one after another, so an edit never overtakes
/// the message it edits.
/// </summary>
internal sealed partial class DiscordEvents : BackgroundService, IGatewayEvents
{
    private readonly Channel<(string Type, JsonElement Data)> _messages = Channel.CreateUnbounded<(string, JsonElement)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly InteractionHandler _interactions;
    private readonly MessageCapture _capture;
    private readonly CommandRegistrar _registrar;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<DiscordEvents> _logger;

    public DiscordEvents(InteractionHandler interactions, MessageCapture capture, CommandRegistrar registrar, IHostApplicationLifetime lifetime, ILogger<DiscordEvents> logger)
    {
        _interactions = interactions;
        _capture = capture;
        _registrar = registrar;
        _lifetime = lifetime;
        _logger = logger;
    }

    public void Dispatch(string type, JsonElement data)
    {
        switch (type)
        {
            case "READY":
                _capture.SelfId = data.GetProperty("user").GetProperty("id").GetString();
                var applicationId = data.TryGetProperty("application", out var application) ? application.GetProperty("id").GetString() : null;
                _ = RunAsync("command registration", ct => _registrar.RegisterAsync(applicationId, ct));
                break;
            case "INTERACTION_CREATE":
                if (InteractionHandler.Parse(data) is { } interaction)
                {
                    _ = RunAsync("interaction", ct => _interactions.HandleFromGatewayAsync(interaction, ct));
                }

                break;
            case "MESSAGE_CREATE" or "MESSAGE_UPDATE" or "MESSAGE_DELETE":
                _messages.Writer.TryWrite((type, data.Clone()));
                break;
            default:
                break;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (type, data) in _messages.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(type, ct => _capture.HandleAsync(type, data, ct));
        }
    }

    private async Task RunAsync(string what, Func<CancellationToken, Task> work)
    {
        try
        {
            await work(_lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) when (_lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception failure)
        {
            LogFailed(_logger, failure, what);
        }
    }

    [LoggerMessage(EventId = 6401, Level = LogLevel.Error, Message = "Discord {What} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string what);
}
