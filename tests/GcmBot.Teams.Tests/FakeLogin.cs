using System.Net;
using System.Text;

namespace GcmBot.Teams.Tests;

/// <summary>
/// Stands in for Microsoft's login service (login.microsoftonline.com cannot be reached here): answers
/// OAuth 2.0 client-credentials requests on the <c>/oauth2/v2.0/token</c> endpoint, as MSAL sends them.
/// </summary>
public sealed class FakeLogin : HttpMessageHandler
{
    public const string AccessToken = "connector-token-for-tests";

    private int _requests;

    public int TokenRequests => _requests;

    public string? LastForm { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post || !request.RequestUri!.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent($"unexpected {request.Method} {request.RequestUri}") };
        }

        Interlocked.Increment(ref _requests);
        LastForm = await request.Content!.ReadAsStringAsync(cancellationToken);
        var body = $$"""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"{{AccessToken}}"}""";
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
