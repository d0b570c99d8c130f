using GcmBot.Core.Invitations;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GcmBot.Web;

/// <summary>
/// Invitation links on <c>WebChat:PublicUrl</c>, or else on the address the host listens on (known once it started),
/// or else, before it started (the <c>organiser-link</c> command line), on the first address it is configured to
/// listen on (<c>Urls</c>), so that the first run works with no setting.
/// </summary>
internal sealed class SignInLinks : ISignInLinks
{
    private readonly IServer _server;
    private readonly IOptions<WebChatOptions> _options;
    private readonly IConfiguration _configuration;

    public SignInLinks(IServer server, IOptions<WebChatOptions> options, IConfiguration configuration)
    {
        _server = server;
        _options = options;
        _configuration = configuration;
    }

    public string For(string token) => Page($"join/{token}");

    public string Page(string path) => $"{BaseUrl().TrimEnd('/')}/{path}";

    private string BaseUrl()
    {
        if (_options.Value.PublicUrl is { Length: > 0 } configured)
        {
            return configured;
        }

        var listening = _server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? _configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            ?? "http://localhost";

        // A wildcard address is where the host listens, not where a browser can go.
        return listening.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal);
    }
}
