using GcmBot.Core.Delivery;
using GcmBot.Teams.Auth;
using GcmBot.Teams.Receiving;
using GcmBot.Teams.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>The Microsoft Teams channel over the Bot Framework v3 protocol.</summary>
    public static IServiceCollection AddGcmTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>()
            .Bind(configuration.GetSection(TeamsOptions.SectionName))
            .Validate(o => o.AppId.Length == 0 || o.AppPassword.Length > 0, "Teams:AppPassword (the app's client secret) is required when Teams:AppId is set.")
            .Validate(o => o.KnownProxies.All(p => System.Net.IPAddress.TryParse(p, out _)), "Teams:KnownProxies must be IP addresses.")
            .ValidateOnStart();
        BotFrameworkAuthentication.Add(services);

        services.AddHttpClient(ConnectorClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(BotTokenProvider.LoginClient);
        services.AddSingleton<ServiceUrlTrust>();
        services.AddSingleton<InboundQueue>();
        services.AddSingleton<ActivityProcessor>();
        services.AddHostedService<InboundWorker>();
        services.AddSingleton<OutboundQueue>();
        services.AddSingleton<BotTokenProvider>();
        services.AddSingleton<ConnectorPacer>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<TeamsFiles>();
        services.AddSingleton<TeamsPeople>();
        services.AddSingleton<TeamsActivities>();
        services.AddHostedService<ConnectorSender>();
        services.AddSingleton<IChannelDelivery, TeamsDelivery>();
        return services;
    }
}
