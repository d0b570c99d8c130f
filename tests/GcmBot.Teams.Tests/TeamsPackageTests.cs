using System.Text.Json;
using System.Text.Json.Nodes;
using GcmBot.Core.Commands;

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
