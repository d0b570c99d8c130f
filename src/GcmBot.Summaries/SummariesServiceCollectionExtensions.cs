using GcmBot.Core.Drafting;
using GcmBot.Summaries.Extractive;
using GcmBot.Summaries.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GcmBot.Summaries;

public static class SummariesServiceCollectionExtensions
{
    /// <summary>The rapporteur's draft pipeline (<see cref="IReportDrafter"/>), configured from the <c>Summaries</c> section.</summary>
    public static IServiceCollection AddGcmSummaries(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SummariesOptions>(configuration.GetSection(SummariesOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(LlmDrafter.HttpClientName);
        services.AddSingleton<ExtractiveDrafter>();
        services.AddSingleton<LlmDrafter>();
        services.AddSingleton<SummaryPipeline>();
        services.AddSingleton<IReportDrafter>(sp => sp.GetRequiredService<SummaryPipeline>());
        return services;
    }
}
