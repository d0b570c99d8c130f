using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace GcmBot.Web;

/// <summary>
/// Logs the hub calls that fail, for every hub. A refusal (<see cref="HubException"/>: unknown room, not an organiser)
/// is the caller's doing and anyone can provoke it, so it is information, one line without a stack trace; any other
/// failure is an error with its exception. SignalR's own dispatcher would log each of them as an error with the trace,
/// so its log is switched off (<see cref="DisplayServiceCollectionExtensions.AddGcmDisplays"/>).
/// </summary>
internal sealed partial class HubCallLog : IHubFilter
{
    /// <summary>The category of SignalR's dispatcher, whose failed-call log this filter replaces.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    private readonly ILogger<HubCallLog> _logger;

    public HubCallLog(ILogger<HubCallLog> logger)
    {
        _logger = logger;
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException refused)
        {
            LogRefused(_logger, invocationContext.Hub.GetType().Name, invocationContext.HubMethodName, refused.Message);
            throw;
        }
        catch (Exception failure)
        {
            LogFailed(_logger, invocationContext.Hub.GetType().Name, invocationContext.HubMethodName, failure);
            throw;
        }
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Refused a call of {Hub}.{Method}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string hub, string method, string reason);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Error, Message = "A call of {Hub}.{Method} failed")]
    private static partial void LogFailed(ILogger logger, string hub, string method, Exception exception);
}
