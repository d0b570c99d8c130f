using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GcmBot.Core.Commands;
using GcmBot.Core.Localisation;

namespace GcmBot.Teams.Tests;

/// <summary>
/// deploy/teams/ (the Teams app package) must match what the catalogue generates. To regenerate after
/// changing commands: <c>GCMBOT_UPDATE_TEAMS_PACKAGE=1 dotnet test tests/GcmBot.Teams.Tests --filter TeamsPackage</c>.
/// </summary>
public sealed class TeamsPackageTests
{
    private static readonly bool _update = Environment.GetEnvironmentVariable("GCMBOT_UPDATE_TEAMS_PACKAGE") == "1";

    [Fact]
    public void Manifest_Committed_IsWhatTheCatalogueGenerates()
    {
        var path = Path.Combine(PackageFolder(), "manifest.json");
        var generated = TeamsManifest.Generate();
        if (_update)
        {
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path) && File.ReadAllText(path) == generated,
            "deploy/teams/manifest.json is out of date with the command catalogue; regenerate it with GCMBOT_UPDATE_TEAMS_PACKAGE=1 (see this test's summary).");
    }

    [Fact]
    public void Manifest_Bot_HasScopesCommandListsWithinLimitsAndChannelAndChatMessageConsent()
    {
        using var manifest = JsonDocument.Parse(TeamsManifest.Generate());
        var root = manifest.RootElement;
        var bot = root.GetProperty("bots")[0];

        Assert.Equal(["personal", "team", "groupChat"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        foreach (var list in bot.GetProperty("commandLists").EnumerateArray())
        {
            var commands = list.GetProperty("commands").EnumerateArray().ToList();
            Assert.InRange(commands.Count, 1, 10);
            Assert.All(commands, c =>
            {
                Assert.NotNull(CommandCatalogue.Find(c.GetProperty("title").GetString()!));
                Assert.InRange(c.GetProperty("title").GetString()!.Length, 1, 32);
                Assert.InRange(c.GetProperty("description").GetString()!.Length, 1, 128);
            });
        }

        // groupChat is offered, so un-mentioned group chat messages need their own consent, as channel ones do.
        var consents = root.GetProperty("authorization").GetProperty("permissions").GetProperty("resourceSpecific").EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString(), p.GetProperty("type").GetString())).ToList();
        Assert.Contains(("ChannelMessage.Read.Group", "Application"), consents);
        Assert.Contains(("ChatMessage.Read.Chat", "Application"), consents);
        Assert.Equal("1.17", root.GetProperty("manifestVersion").GetString());
    }

    /// <summary>
    /// Microsoft's own validator (npm <c>@microsoft/app-manifest</c>, with the v1.17 schema it ships, offline) accepts
    /// the manifest with its placeholders filled in as docs/teams.md says, and refuses a broken copy: so the
    /// validator really runs.
    /// </summary>
    [Fact]
    public async Task Manifest_Generated_PassesMicrosoftsValidatorWhichRefusesABrokenOne()
    {
        var manifest = TeamsManifest.Generate().Replace("${{BOT_ID}}", "00000000-0000-0000-0000-000000000001", StringComparison.Ordinal)
            .Replace("${{BOT_DOMAIN}}", "gcmbot.example.org", StringComparison.Ordinal);
        var broken = JsonNode.Parse(manifest)!.AsObject();
        broken.Remove("developer");
        broken["bots"]![0]!["scopes"]!.AsArray().Add("everywhere");
        var folder = Directory.CreateTempSubdirectory("gcmbot-manifest-").FullName;
        try
        {
            var good = Path.Combine(folder, "manifest.json");
            var bad = Path.Combine(folder, "broken.json");
            await File.WriteAllTextAsync(good, manifest);
            await File.WriteAllTextAsync(bad, broken.ToJsonString());

            var errors = await JsValidators.RunAsync("validate-manifest.js", good, bad);

            Assert.Empty(errors[good]);
            Assert.Contains(errors[bad], e => e.Contains("'developer'", StringComparison.Ordinal));
            Assert.Contains(errors[bad], e => e.StartsWith("/bots/0/scopes/3 ", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static TheoryData<string> LocalisedLanguages() => [.. TeamsManifest.Localised.Select(l => l.Code)];

    [Theory]
    [MemberData(nameof(LocalisedLanguages))]
    public void Localisation_Committed_IsWhatTheCatalogueGenerates(string code)
    {
        var language = Language.FromTag(code)!;
        var path = Path.Combine(PackageFolder(), TeamsManifest.FileOf(language));
        var generated = TeamsManifest.GenerateLocalisation(language);
        if (_update)
        {
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path) && File.ReadAllText(path) == generated,
            $"deploy/teams/{TeamsManifest.FileOf(language)} is out of date with the command catalogue; regenerate it with GCMBOT_UPDATE_TEAMS_PACKAGE=1 (see this test's summary).");
    }

    [Fact]
    public void Manifest_LocalizationInfo_ListsAFileForEveryLanguageButEnglish()
    {
        using var manifest = JsonDocument.Parse(TeamsManifest.Generate());
        var info = manifest.RootElement.GetProperty("localizationInfo");

        Assert.Equal("en", info.GetProperty("defaultLanguageTag").GetString());
        var files = info.GetProperty("additionalLanguages").EnumerateArray()
            .Select(l => (Tag: l.GetProperty("languageTag").GetString()!, File: l.GetProperty("file").GetString()!)).ToList();
        Assert.Equal(["ar", "es", "fr", "ru", "zh"], files.Select(f => f.Tag).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Matches("^[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8}){0,2}$", f.Tag));
        Assert.All(files, f => Assert.Equal(f.Tag + ".json", f.File));
    }

    /// <summary>
    /// The localisation schema (MicrosoftTeams.Localization.schema.json, v1.17): no other keys than these, with these
    /// lengths; name.short, description.short and description.full required.
    /// </summary>
    private static readonly (Regex Key, int MaxLength)[] _localisationKeys =
    [
        (new Regex(@"^\$schema$"), 2048),
        (new Regex(@"^name\.short$"), 30),
        (new Regex(@"^name\.full$"), 100),
        (new Regex(@"^description\.short$"), 80),
        (new Regex(@"^description\.full$"), 4000),
        (new Regex(@"^bots\[0\]\.commandLists\[[0-2]\]\.commands\[[0-9]\]\.title$"), 32),
        (new Regex(@"^bots\[0\]\.commandLists\[[0-2]\]\.commands\[[0-9]\]\.description$"), 128),
    ];

    [Theory]
    [MemberData(nameof(LocalisedLanguages))]
    public void Localisation_EveryCommandOfTheMenus_KeyedAsTheSchemaDefinesAndReadByTheParser(string code)
    {
        var language = Language.FromTag(code)!;
        using var manifest = JsonDocument.Parse(TeamsManifest.Generate());
        using var localisation = JsonDocument.Parse(TeamsManifest.GenerateLocalisation(language));
        var entries = localisation.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

        foreach (var (key, value) in entries)
        {
            var rule = _localisationKeys.Where(r => r.Key.IsMatch(key)).Select(r => (int?)r.MaxLength).FirstOrDefault();
            Assert.True(rule is not null, $"{code}.json: `{key}` is not a key of the localisation schema");
            Assert.InRange(value.Length, 1, rule!.Value);
        }

        Assert.Contains("name.short", entries.Keys);
        Assert.Contains("description.short", entries.Keys);
        Assert.Contains("description.full", entries.Keys);
        var lists = manifest.RootElement.GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray().ToList();
        var expected = new HashSet<string>(["$schema", "name.short", "name.full", "description.short", "description.full"]);
        for (var list = 0; list < lists.Count; list++)
        {
            var commands = lists[list].GetProperty("commands").EnumerateArray().ToList();
            for (var command = 0; command < commands.Count; command++)
            {
                var title = $"bots[0].commandLists[{list}].commands[{command}].title";
                expected.Add(title);
                expected.Add($"bots[0].commandLists[{list}].commands[{command}].description");

                // Teams sends the title a person picks: it must run the command the English title runs.
                var english = CommandCatalogue.Find(commands[command].GetProperty("title").GetString()!)!;
                Assert.Equal(english.Id, CommandNames.Find(entries[title])?.Id);
                Assert.Equal(CommandNames.For(language, english.Id), entries[title]);
            }
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), entries.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icons_Committed_HaveTheSizesTeamsRequires(string file, int size)
    {
        var path = Path.Combine(PackageFolder(), file);
        if (_update)
        {
            File.WriteAllBytes(path, size == 192 ? Icons.Color() : Icons.Outline());
        }

        Assert.Equal((size, size), Png.Size(File.ReadAllBytes(path)));
    }

    private static string PackageFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GcmBot.sln")))
            {
                return Directory.CreateDirectory(Path.Combine(dir.FullName, "deploy", "teams")).FullName;
            }
        }

        throw new DirectoryNotFoundException("GcmBot.sln not found above the test's folder.");
    }
}
