using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using Hangfire.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Scheduling;

/// <summary>Lets organisers into the Hangfire dashboard: their web chat token, set as a cookie by the chat page.</summary>
internal sealed class OrganiserDashboardFilter : IDashboardAsyncAuthorizationFilter
{
    public const string Cookie = "gcmbot_user";

    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var token = http.Request.Cookies[Cookie];
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        var userId = TokenHash.Of(token);
        var store = http.RequestServices.GetRequiredService<IMeetingStore>();
        var participant = await store.ReadAsync((data, ct) => data.FindParticipantAsync("web", userId, ct), http.RequestAborted);
        return participant?.Has(Roles.Organiser) == true;
    }
}
