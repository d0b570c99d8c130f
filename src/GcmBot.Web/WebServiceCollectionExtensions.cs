using GcmBot.Core.Delivery;
using GcmBot.Core.Invitations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace GcmBot.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>
    /// The built-in web chat: the embedded default channel. With <c>ConnectionStrings:Redis</c> set,
    /// SignalR messages fan out through Redis so that clients on every instance receive them.
    /// </summary>
    public static IServiceCollection AddGcmWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        // The environment gives the picker's default; the configuration, when it says, wins.
        services.AddOptions<WebChatOptions>()
            .Configure<IHostEnvironment>((options, environment) => options.IdentityPicker = environment.IsDevelopment())
            .Bind(configuration.GetSection(WebChatOptions.SectionName));
        var signalR = services.AddSignalR();
        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = RedisChannel.Literal("gcmbot"));
        }

        services.AddSingleton<ShuttingDown>();
        services.AddSingleton<SecurityHeaders>();
        services.AddSingleton<RequestCharset>();
        services.AddSingleton<WebIdentities>();
        services.AddSingleton<WebDelivery>();
        services.AddSingleton<IChannelDelivery>(sp => sp.GetRequiredService<WebDelivery>());
        services.AddHostedService<WebRoomBinder>();
        services.AddSingleton<ISignInLinks, SignInLinks>();
        services.AddHostedService<FirstOrganiserLink>();
        return services;
    }
}
