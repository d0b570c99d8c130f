using GcmBot.Core.Capture;
using GcmBot.Core.Delivery;
using GcmBot.Core.Handling;
using GcmBot.Core.Invitations;
using GcmBot.Core.Speaking;
using GcmBot.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GcmBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The channel-neutral core: command handling, capture, announcements, speaking rules.</summary>
    public static IServiceCollection AddGcmCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SpeakingRules>(configuration.GetSection(SpeakingRules.SectionName));
        services.Configure<ReminderRules>(configuration.GetSection(ReminderRules.SectionName));
        services.Configure<InvitationRules>(configuration.GetSection(InvitationRules.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CommandService>();
        services.AddSingleton<ContributionService>();
        services.AddSingleton<InvitationService>();
        services.AddSingleton<AnnouncementDispatcher>();
        services.AddSingleton<NoticeService>();
        services.AddMetrics();
        services.AddSingleton<GcmMetrics>();
        services.AddHostedService<QueueSampler>();
        return services;
    }
}
