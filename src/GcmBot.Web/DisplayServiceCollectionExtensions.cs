using GcmBot.Core.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Web;

public static class DisplayServiceCollectionExtensions
{
    /// <summary>Room displays and the overview, pushed over SignalR after every committed change; statistics; the calendar.</summary>
    public static IServiceCollection AddGcmDisplays(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DisplayOptions>(configuration.GetSection(DisplayOptions.SectionName));
        services.AddSignalR();
        services.AddSingleton<WebAccess>();
        services.AddSingleton<DisplayNotifier>();
        services.AddSingleton<IDisplayNotifier>(sp => sp.GetRequiredService<DisplayNotifier>());
        services.AddHostedService(sp => sp.GetRequiredService<DisplayNotifier>());
        return services;
    }
}
