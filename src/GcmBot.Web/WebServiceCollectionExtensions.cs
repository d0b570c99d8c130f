using GcmBot.Core.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>The built-in web chat: the embedded default channel.</summary>
    public static IServiceCollection AddGcmWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebChatOptions>(configuration.GetSection(WebChatOptions.SectionName));
        services.AddSignalR();
        services.AddSingleton<WebIdentities>();
        services.AddSingleton<WebDelivery>();
        services.AddSingleton<IChannelDelivery>(sp => sp.GetRequiredService<WebDelivery>());
        services.AddHostedService<WebRoomBinder>();
        return services;
    }
}
