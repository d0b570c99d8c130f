using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GcmBot.Scheduling.Tests;

/// <summary>The Hangfire dashboard: local requests in Development; elsewhere off, or organisers only.</summary>
public sealed class DashboardTests
{
    [Fact]
    public async Task Dashboard_DevelopmentLocalRequest_IsOpen()
    {
        await using var host = Start("Development", dashboard: false, out var client);

        using var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_ProductionNotEnabled_IsNotServed()
    {
        await using var host = Start("Production", dashboard: false, out var client);

        using var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_ProductionEnabled_OnlyOrganisersGetIn()
    {
        await using var host = Start("Production", dashboard: true, out var client);
        var organiser = await TokenAsync(client, "Secretariat", "organiser");
        var delegate_ = await TokenAsync(client, "Ana", "delegate", "Mexico");

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, delegate_));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, "not-a-token"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, organiser));
    }

    [Fact]
    public async Task Stats_OrganiserPostsJsonNotAForm_IsRefusedWith415()
    {
        await using var host = Start("Production", dashboard: true, out var client);
        var organiser = await TokenAsync(client, "Secretariat", "organiser");

        using var json = await PostStatsAsync(client, organiser, new StringContent("{\"metrics\":[\"enqueued:count\"]}", System.Text.Encoding.UTF8, "application/json"));
        using var none = await PostStatsAsync(client, organiser, null);
        using var form = await PostStatsAsync(client, organiser, new FormUrlEncodedContent([new("metrics[]", "enqueued:count")]));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, none.StatusCode);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("application/json", form.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<HttpResponseMessage> PostStatsAsync(HttpClient client, string token, HttpContent? content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/hangfire/stats", UriKind.Relative)) { Content = content };
        request.Headers.Add("Cookie", $"gcmbot_user={Uri.EscapeDataString(token)}");
        return await client.SendAsync(request);
    }

    private static WebApplicationFactory<Program> Start(string environment, bool dashboard, out HttpClient client)
    {
        var database = Path.Combine(Path.GetTempPath(), $"gcmbot-dashboard-{Guid.NewGuid():N}.db");
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("Storage:ConnectionString", $"Data Source={database}");
            builder.UseSetting("Scheduling:Dashboard", dashboard ? "true" : "false");
            // Outside Development the picker is off by default; this test picks its organiser and delegate with it.
            builder.UseSetting("WebChat:IdentityPicker", "true");
        });
        // Real loopback HTTP: the local-requests rule looks at the remote address.
        factory.UseKestrel(0);
        factory.StartServer();
        using var probe = factory.CreateClient();
        client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = probe.BaseAddress! });
        return factory;
    }

    private static async Task<string> TokenAsync(HttpClient client, string name, string role, string delegation = "")
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/web/identity", UriKind.Relative), new { displayName = name, delegation, role });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("userId").GetString()!;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/hangfire", UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Add("Cookie", $"gcmbot_user={Uri.EscapeDataString(token)}");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
