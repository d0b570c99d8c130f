using System.Text;

namespace GcmBot.Discord.Rest;

/// <summary>
/// A REST call's method and path, and the key Discord rate-limits it by: the route with its major
/// parameters (channel, guild, webhook, interaction) filled in and the others left as placeholders.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Path, string Key, string Major, bool Authenticated)
{
    private static readonly HashSet<string> _majorParameters =
        ["channel_id", "guild_id", "webhook_id", "webhook_token", "interaction_id", "interaction_token"];

    /// <summary>Interaction callbacks and webhooks carry their own token and are outside the bot's global limit.</summary>
    public bool Global => Authenticated;

    /// <param name="template">e.g. <c>channels/{channel_id}/messages</c>; values fill the placeholders in order.</param>
    public static DiscordRoute Create(HttpMethod method, string template, params string[] values)
    {
        var path = new StringBuilder();
        var key = new StringBuilder(method.Method).Append(' ');
        var major = new List<string>();
        var next = 0;
        var i = 0;
        while (i < template.Length)
        {
            if (template[i] != '{')
            {
                path.Append(template[i]);
                key.Append(template[i]);
                i++;
                continue;
            }

            var end = template.IndexOf('}', i);
            var name = template[(i + 1)..end];
            var value = Uri.EscapeDataString(values[next++]);
            path.Append(value);
            if (_majorParameters.Contains(name))
            {
                key.Append(value);
                major.Add(value);
            }
            else
            {
                key.Append('{').Append(name).Append('}');
            }

            i = end + 1;
        }

        if (next != values.Length)
        {
            throw new ArgumentException($"Route {template} takes {next} values, not {values.Length}.", nameof(values));
        }

        var authenticated = !template.StartsWith("interactions/", StringComparison.Ordinal) && !template.StartsWith("webhooks/", StringComparison.Ordinal);
        return new DiscordRoute(method, path.ToString(), key.ToString(), string.Join('/', major), authenticated);
    }
}
