using GcmBot.Core.Delivery;
using GcmBot.Discord.Gateway;
using GcmBot.Discord.Interactions;
using GcmBot.Discord.Messages;
using GcmBot.Discord.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GcmBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>The Discord channel, when <c>Discord:Token</c> is configured; without it nothing is added.</summary>
    public static IServiceCollection AddGcmDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DiscordOptions.SectionName);
        services.Configure<DiscordOptions>(section);
        var options = section.Get<DiscordOptions>() ?? new DiscordOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.TryAddSingleton(new GatewayJitter(Random.Shared.NextDouble));
        services.AddSingleton(sp => new DiscordRest(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                BaseAddress = WithTrailingSlash(sp.GetRequiredService<IOptions<DiscordOptions>>().Value.ApiBaseUrl),
            },
            sp.GetRequiredService<IOptions<DiscordOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DiscordRest>>()));
        services.AddSingleton<DiscordDelivery>();
        services.AddSingleton<IChannelDelivery>(sp => sp.GetRequiredService<DiscordDelivery>());
        services.AddSingleton<DiscordPeople>();
        services.AddSingleton<InteractionHandler>();
        services.AddSingleton<MessageCapture>();
        services.AddSingleton<CommandRegistrar>();
        services.AddSingleton<DiscordEvents>();
        services.AddSingleton<IGatewayEvents>(sp => sp.GetRequiredService<DiscordEvents>());
        services.AddHostedService(sp => sp.GetRequiredService<DiscordEvents>());
        if (options.Gateway)
        {
            services.AddHostedService<GatewayClient>();
        }

        if (options.PublicKey is { Length: > 0 } key)
        {
            services.AddSingleton(new SignatureVerifier(key));
        }

        return services;
    }

    /// <summary>The HTTP interactions endpoint, when a public key is configured.</summary>
    public static IEndpointRouteBuilder MapGcmDiscord(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<DiscordOptions>>().Value;
        if (options.Enabled && options.PublicKey is { Length: > 0 })
        {
            endpoints.MapPost(InteractionsEndpoint.Path, InteractionsEndpoint.PostAsync);
        }

        return endpoints;
    }

    private static Uri WithTrailingSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
