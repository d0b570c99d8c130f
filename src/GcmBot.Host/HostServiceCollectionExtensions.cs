using GcmBot.Core.Telemetry;
using OpenTelemetry.Metrics;

namespace GcmBot.Host;

internal static class HostServiceCollectionExtensions
{
    /// <summary>The real clock, or a rehearsal clock when <c>Clock:Now</c> is set.</summary>
    public static IServiceCollection AddGcmClock(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ClockOptions.SectionName).Get<ClockOptions>() ?? new ClockOptions();
        var real = TimeProvider.System;
        services.AddSingleton<TimeProvider>(options.Now is { } now
            ? new RehearsalTimeProvider(RehearsalAnchor.Resolve(Path.GetFullPath(options.AnchorFile, AppContext.BaseDirectory), now, real), real)
            : real);
        return services;
    }

    /// <summary>Loads the meeting file at start when the database has no meeting yet.</summary>
    public static IServiceCollection AddGcmMeeting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MeetingOptions>(configuration.GetSection(MeetingOptions.SectionName));
        services.AddHostedService<MeetingSeeder>();
        return services;
    }

    public static IServiceCollection AddGcmHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>OpenTelemetry metrics (the bot's own and ASP.NET Core's), scraped in Prometheus format at <c>/metrics</c>.</summary>
    public static IServiceCollection AddGcmTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(GcmMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections")
            .AddPrometheusExporter());
        return services;
    }

    public static WebApplication MapGcmTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    public static WebApplication MapGcmHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
