using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GcmBot.Core.Localisation;
using GcmBot.Discord.Interactions;
using GcmBot.Discord.Tests.Fakes;

namespace GcmBot.Discord.Tests;

/// <summary>
/// Slash commands in the person's language: the registration carries name and description localisations that follow
/// Discord's rules (its OpenAPI description, its naming rule, its locales) and the fake's registration endpoint accepts;
/// interactions keep arriving with the English names, whatever the client's language.
/// </summary>
public sealed class LocalisedCommandTests
{
    private static readonly Regex _name = new(@"^[-_\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$", RegexOptions.None, TimeSpan.FromSeconds(1));
    private static readonly string[] _locales = ["fr", "es-ES", "zh-CN", "ru"];

    private static JsonElement Registration() => JsonSerializer.SerializeToElement(SlashCommands.Build(), DiscordJson.Options);

    [Fact]
    public void Build_EveryCommandOptionAndChoice_LocalisedForFrSpanishChineseRussian()
    {
        var missing = new List<string>();
        foreach (var command in Registration().EnumerateArray())
        {
            var name = command.GetProperty("name").GetString();
            Expect(command, "name_localizations", $"/{name}");
            Expect(command, "description_localizations", $"/{name}");
            foreach (var option in command.TryGetProperty("options", out var options) ? options.EnumerateArray() : default)
            {
                Expect(option, "name_localizations", $"/{name} {option.GetProperty("name")}");
                Expect(option, "description_localizations", $"/{name} {option.GetProperty("name")}");
                foreach (var choice in option.TryGetProperty("choices", out var choices) ? choices.EnumerateArray() : default)
                {
                    Expect(choice, "name_localizations", $"/{name} {option.GetProperty("name")} {choice.GetProperty("value")}");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join('\n', missing));

        void Expect(JsonElement item, string field, string where)
        {
            var keys = item.TryGetProperty(field, out var localised) ? localised.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
            missing.AddRange(_locales.Where(l => !keys.Contains(l)).Select(l => $"{where}: no {field}.{l}"));
        }
    }

    [Fact]
    public void Build_Localisations_FollowDiscordsNamingRulesAndLocales()
    {
        var commands = Registration();

        Assert.Empty(OpenApi.Validate("PUT", "/applications/1/commands", commands.GetRawText()));
        var problems = new List<string>();
        foreach (var command in commands.EnumerateArray())
        {
            Check(command, 32);
            foreach (var option in command.TryGetProperty("options", out var options) ? options.EnumerateArray() : default)
            {
                Check(option, 32);
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));

        void Check(JsonElement item, int maxName)
        {
            foreach (var (locale, name) in item.GetProperty("name_localizations").EnumerateObject().Select(p => (p.Name, p.Value.GetString()!)))
            {
                if (!OpenApi.Locales().Contains(locale) || !_name.IsMatch(name) || name.Any(char.IsUpper) || name.Length > maxName)
                {
                    problems.Add($"{locale}: `{name}`");
                }
            }

            problems.AddRange(item.GetProperty("description_localizations").EnumerateObject()
                .Where(p => !OpenApi.Locales().Contains(p.Name) || p.Value.GetString()!.Length is < 1 or > 100)
                .Select(p => $"{p.Name}: \"{p.Value.GetString()}\""));
        }
    }

    [Fact]
    public void Build_LocalisedSlashName_TypedAsTextRunsTheSameCommand()
    {
        foreach (var command in Registration().EnumerateArray())
        {
            var english = CommandNames.Find(command.GetProperty("name").GetString()!)!;
            foreach (var localised in command.GetProperty("name_localizations").EnumerateObject())
            {
                Assert.Equal(english.Id, CommandNames.Find(localised.Value.GetString()!)?.Id);
            }
        }
    }

    [Fact]
    public async Task RegistrationEndpoint_LocalisedCommands_AcceptedAndABrokenLocalisationRefused()
    {
        await using var fake = await FakeDiscord.StartAsync(TimeProvider.System);
        using var client = new HttpClient { BaseAddress = fake.ApiBase };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://example.org, 1.0)");
        var route = $"applications/{FakeDiscord.ApplicationId}/guilds/{FakeDiscord.GuildId}/commands";
        var ours = Registration().GetRawText();
        var capitalised = ours.Replace("\"prendre-la-parole\"", "\"Prendre-la-parole\"", StringComparison.Ordinal);
        var unknownLocale = ours.Replace("\"es-ES\":", "\"es-MX\":", StringComparison.Ordinal);

        using var accepted = await client.PutAsync(route, new StringContent(ours, Encoding.UTF8, "application/json"));
        using var refused = await client.PutAsync(route, new StringContent(capitalised, Encoding.UTF8, "application/json"));
        using var badLocale = await client.PutAsync(route, new StringContent(unknownLocale, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("\"fr\":\"prendre-la-parole\"", ours, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Prendre-la-parole", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badLocale.StatusCode);
        Assert.Contains("es-MX is not a valid locale", await badLocale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrefixCommand_InSpanish_RunsAsInEnglish()
    {
        await using var host = await DiscordHost.StartAsync();
        var users = new DiscordUsers { Locale = "es-ES" };
        await host.InteractAsync(users.Command(("800000000000000001", "Secretaría", true), "bind", ("target", "Room A")));

        var typed = users.NextId();
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordUsers.Message(("800000000000000102", "Delegada de Ecuador", false), typed, "!agenda mañana"));
        // The agenda concerns only the asker: a direct message. `agenda` is also the English name, and a message event
        // carries no locale, so the answer is in English; the Spanish argument chose the day.
        var answer = await host.Fake.Requests.WaitOneAsync(r => r.Path == "/channels/dm-800000000000000102/messages");

        Assert.Contains("Wednesday 6 December 2017", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interaction_FromAFrenchClient_ArrivesInEnglishAndRuns()
    {
        await using var host = await DiscordHost.StartAsync();
        var users = new DiscordUsers { Locale = "fr" };
        var delegate_ = ("800000000000000101", "Délégué du Mexique", false);

        var registered = await host.Fake.RequestAsync("PUT", $"/applications/{FakeDiscord.ApplicationId}/guilds/{FakeDiscord.GuildId}/commands");
        var registration = await host.InteractAsync(users.Command(delegate_, "register", ("delegation", "Mexico")));
        var whoami = await host.InteractAsync(users.Command(delegate_, "whoami"));

        Assert.Null(FakeDiscord.CommandsRefused(registered.Json));
        Assert.Contains(registered.Json.EnumerateArray(), c => c.GetProperty("name_localizations").GetProperty("fr").GetString() == "prendre-la-parole");
        Assert.Contains("Mexico", registration.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains("Mexico", whoami.GetRawText(), StringComparison.Ordinal);
    }
}
