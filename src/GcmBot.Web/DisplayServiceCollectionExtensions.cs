using GcmBot.Core.Delivery;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GcmBot.Web;

public static class DisplayServiceCollectionExtensions
{
    /// <summary>Room displays and the overview, pushed over SignalR after every committed change; statistics; the calendar.</summary>
    public static IServiceCollection AddGcmDisplays(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DisplayOptions>(configuration.GetSection(DisplayOptions.SectionName));
        // For every hub (the chat hub's too): refusals logged as information, failures as errors (HubCallLog).
        services.AddSignalR(hubs => hubs.AddFilter<HubCallLog>());
        services.AddLogging(logging => logging.AddFilter(HubCallLog.DispatcherCategory, LogLevel.None));
        services.AddSingleton<WebAccess>();
        services.AddSingleton<DisplayNotifier>();
        services.AddSingleton<IDisplayNotifier>(sp => sp.GetRequiredService<DisplayNotifier>());
        services.AddHostedService(sp => sp.GetRequiredService<DisplayNotifier>());
        return services;
    }
}
