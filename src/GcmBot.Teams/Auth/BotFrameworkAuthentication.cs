using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace GcmBot.Teams.Auth;

/// <summary>
/// Validates the JWT the Bot Framework puts on every activity it sends: signed with a key from the
/// Bot Framework's OpenID metadata, issued by <c>https://api.botframework.com</c>, for this bot's app id,
/// within five minutes of clock skew. The <c>serviceurl</c> claim is checked against the activity itself
/// by the endpoint, which has read the body.
/// </summary>
internal static class BotFrameworkAuthentication
{
    public const string Scheme = "BotFramework";
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>Registered always, configured from <see cref="TeamsOptions"/> when first used; only called when an app id is set.</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication().AddJwtBearer(Scheme);
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<IOptions<TeamsOptions>>((jwt, teams) =>
        {
            var options = teams.Value;
            jwt.MetadataAddress = options.OpenIdMetadataUrl;
            // Plain HTTP only for a metadata endpoint on this machine (the tests' stand-in).
            jwt.RequireHttpsMetadata = !IsLoopback(options.OpenIdMetadataUrl);
            jwt.MapInboundClaims = false;
            jwt.SaveToken = false;
            // Lifetimes are checked on the real clock, not the injected one: a rehearsal clock set in 2017
            // must not make real tokens look expired or not yet valid.
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidIssuer = options.Issuer,
                ValidateAudience = true,
                ValidAudience = options.AppId,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidateIssuerSigningKey = true,
                ClockSkew = TimeSpan.FromMinutes(5),
            };
        });
    }

    private static bool IsLoopback(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
