using GcmBot.Core.Delivery;
using GcmBot.Storage;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GcmBot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    private const string DashboardPath = "/hangfire";

    /// <summary>
    /// Notices (timer warnings and expiries, reminders, scheduled broadcasts) fired by in-process timers,
    /// with Hangfire as the durable backstop: in memory by default, on PostgreSQL when storage is.
    /// </summary>
    public static IServiceCollection AddGcmScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SchedulingOptions>(configuration.GetSection(SchedulingOptions.SectionName));
        var options = configuration.GetSection(SchedulingOptions.SectionName).Get<SchedulingOptions>() ?? new SchedulingOptions();
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();

        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (storage.Provider == StorageProvider.Postgres)
            {
                hangfire.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(storage.PostgresConnectionString));
            }
            else
            {
                hangfire.UseInMemoryStorage();
            }
        });
        services.AddHangfireServer(server =>
        {
            server.WorkerCount = options.WorkerCount;
            server.SchedulePollingInterval = options.SchedulePollingInterval;
        });

        services.AddSingleton<NoticeTimers>();
        services.AddSingleton<INoticeScheduler>(sp => sp.GetRequiredService<NoticeTimers>());
        services.AddTransient<NoticeJob>();
        services.AddHostedService<SessionReminderPlanner>();
        services.AddHostedService<NoticeSweeper>();
        services.AddHealthChecks().AddCheck<HangfireHealthCheck>("hangfire", tags: ["ready"]);
        return services;
    }

    public static WebApplication MapGcmScheduling(this WebApplication app)
    {
        var enabled = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SchedulingOptions>>().Value.Dashboard;
        if (app.Environment.IsDevelopment())
        {
            RefuseNonFormPosts(app);
            app.MapHangfireDashboard(DashboardPath, new DashboardOptions { Authorization = [new LocalRequestsOnlyAuthorizationFilter()] });
        }
        else if (enabled)
        {
            RefuseNonFormPosts(app);
            app.MapHangfireDashboard(DashboardPath, new DashboardOptions { Authorization = [], AsyncAuthorization = [new OrganiserDashboardFilter()] });
        }

        return app;
    }

    /// <summary>
    /// The dashboard reads every POST (<c>/hangfire/stats</c>, the job buttons) as a form and fails with HTTP 500 on any
    /// other body; its own pages always post forms, so anything else gets 415.
    /// </summary>
    private static void RefuseNonFormPosts(WebApplication app) =>
        app.UseWhen(
            http => HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments(DashboardPath) && !http.Request.HasFormContentType,
            refused => refused.Run(async http =>
            {
                http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                await http.Response.WriteAsync("The dashboard takes forms: Content-Type application/x-www-form-urlencoded.", http.RequestAborted);
            }));
}
