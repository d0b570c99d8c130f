using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Teams.Tests;

/// <summary>A host with an app id: Bot Framework tokens required, connector tokens from a stand-in login service.</summary>
public sealed class AuthenticatedHost : IAsyncLifetime
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";

    public FakeLogin Login { get; } = new();

    public OpenIdServer OpenId { get; private set; } = null!;

    public TeamsChat Chat { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        OpenId = await OpenIdServer.StartAsync();
        Chat = await TeamsChat.StartAsync(new Dictionary<string, string?>
        {
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = "test-secret",
            ["Teams:OpenIdMetadataUrl"] = OpenId.MetadataUrl,
        }, services => services.AddHttpClient("GcmBot.Teams.Login").ConfigurePrimaryHttpMessageHandler(() => Login));
    }

    public async Task DisposeAsync()
    {
        await Chat.DisposeAsync();
        await OpenId.DisposeAsync();
        Login.Dispose();
    }
}
