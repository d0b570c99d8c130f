using System.Text;

namespace GcmBot.Discord.Rest;

/// <summary>
/// A REST call's method and path, and the key Discord rate-limits it by: the route with its major
/// parameters (channel, guild, webhook, interaction) filled in and the others left as placeholders.
/// <see cref="Name"/> is what logs and errors show: the key with the tokens left as placeholders, because an
/// interaction or webhook token lets whoever holds it answer as the bot for 15 minutes.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Path, string Key, string Major, bool Authenticated, string Name)
{
    private static readonly HashSet<string> _secretParameters = ["webhook_token", "interaction_token"];

    private static readonly HashSet<string> _majorParameters =
        ["channel_id", "guild_id", "webhook_id", "webhook_token", "interaction_id", "interaction_token"];

    /// <summary>Interaction callbacks and webhooks carry their own token and are outside the bot's global limit.</summary>
    public bool Global => Authenticated;

    /// <param name="template">e.g. <c>channels/{channel_id}/messages</c>; values fill the placeholders in order.</param>
    public static DiscordRoute Create(HttpMethod method, string template, params string[] values)
    {
        var path = new StringBuilder();
        var key = new StringBuilder(method.Method).Append(' ');
        var name = new StringBuilder(method.Method).Append(' ');
        var major = new List<string>();
        var next = 0;
        var i = 0;
        while (i < template.Length)
        {
            if (template[i] != '{')
            {
                path.Append(template[i]);
                key.Append(template[i]);
                name.Append(template[i]);
                i++;
                continue;
            }

            var end = template.IndexOf('}', i);
            var parameter = template[(i + 1)..end];
            var value = Uri.EscapeDataString(values[next++]);
            path.Append(value);
            if (_majorParameters.Contains(parameter))
            {
                key.Append(value);
                major.Add(value);
            }
            else
            {
                key.Append('{').Append(parameter).Append('}');
            }

            if (_secretParameters.Contains(parameter))
            {
                name.Append('{').Append(parameter).Append('}');
            }
            else
            {
                name.Append(value);
            }

            i = end + 1;
        }

        if (next != values.Length)
        {
            throw new ArgumentException($"Route {template} takes {next} values, not {values.Length}.", nameof(values));
        }

        var authenticated = !template.StartsWith("interactions/", StringComparison.Ordinal) && !template.StartsWith("webhooks/", StringComparison.Ordinal);
        return new DiscordRoute(method, path.ToString(), key.ToString(), string.Join('/', major), authenticated, name.ToString());
    }
}
