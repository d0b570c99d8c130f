using System.Text.Json;
using System.Text.Json.Nodes;
using GcmBot.Core.Commands;
using GcmBot.Core.Localisation;

namespace GcmBot.Teams;

/// <summary>
/// The Teams app manifest (<c>deploy/teams/manifest.json</c>), generated so that its command menus come
/// from the command catalogue. <c>${{BOT_ID}}</c> and <c>${{BOT_DOMAIN}}</c> are filled in at packaging. Beside it, one
/// localisation file per language (<c>fr.json</c>…): Teams shows a person the command menus of their client's language,
/// and sends the title they pick, which the parser reads in every language.
/// </summary>
internal static class TeamsManifest
{
    public const string SchemaVersion = "1.17";

    /// <summary>Teams shows at most 10 commands per scope; these are offered, in this order (help lists the rest).</summary>
    private static readonly CommandId[] _personal =
        [CommandId.Help, CommandId.Agenda, CommandId.WhoAmI, CommandId.Register, CommandId.Queue, CommandId.Cards, CommandId.RemindMe];

    private static readonly CommandId[] _shared =
        [CommandId.Speak, CommandId.Withdraw, CommandId.Queue, CommandId.PointOfOrder, CommandId.Card, CommandId.Cards, CommandId.Next, CommandId.SessionOpen, CommandId.Agenda, CommandId.Help];

    private static readonly CommandId[][] _commandLists = [_personal, _shared];

    /// <summary>The languages with a localisation file: all but English, the manifest's own.</summary>
    public static IReadOnlyList<Language> Localised { get; } = [.. Language.All.Where(l => l != Language.English)];

    public static string FileOf(Language language) => language.Code + ".json";

    public static string Generate()
    {
        var manifest = new JsonObject
        {
            ["$schema"] = $"https://developer.microsoft.com/en-us/json-schemas/teams/v{SchemaVersion}/MicrosoftTeams.schema.json",
            ["manifestVersion"] = SchemaVersion,
            ["version"] = "1.0.0",
            ["id"] = "${{BOT_ID}}",
            ["developer"] = new JsonObject
            {
                ["name"] = "GcmBot",
                ["websiteUrl"] = "https://${{BOT_DOMAIN}}/",
                ["privacyUrl"] = "https://${{BOT_DOMAIN}}/",
                ["termsOfUseUrl"] = "https://${{BOT_DOMAIN}}/",
            },
            ["name"] = new JsonObject { ["short"] = "GcmBot", ["full"] = "GcmBot: speakers lists and recommendation cards for intergovernmental meetings" },
            ["description"] = new JsonObject
            {
                ["short"] = "Speakers lists, speaking timers and recommendation cards for meetings.",
                ["full"] = "GcmBot runs an intergovernmental meeting in Teams: delegations ask for the floor and see their place on the speakers list, "
                    + "moderators give the floor and keep time (Member States first, time kept for stakeholders), delegations submit recommendation cards, "
                    + "and rapporteurs export them. In channels bound to a session, GcmBot reads the messages posted while the session is open "
                    + "(resource-specific consent ChannelMessage.Read.Group, and ChatMessage.Read.Chat in group chats) and keeps them as contributions for the rapporteur's summary; "
                    + "it reads nothing outside open sessions and stores nothing else.",
            },
            ["icons"] = new JsonObject { ["color"] = "color.png", ["outline"] = "outline.png" },
            ["accentColor"] = "#1F4E79",
            ["localizationInfo"] = new JsonObject
            {
                ["defaultLanguageTag"] = Language.English.Code,
                ["additionalLanguages"] = new JsonArray([.. Localised.Select(l => (JsonNode)new JsonObject { ["languageTag"] = l.Code, ["file"] = FileOf(l) })]),
            },
            ["bots"] = new JsonArray(new JsonObject
            {
                ["botId"] = "${{BOT_ID}}",
                ["scopes"] = new JsonArray("personal", "team", "groupChat"),
                ["supportsFiles"] = false,
                ["isNotificationOnly"] = false,
                ["commandLists"] = new JsonArray(
                    CommandList(["personal"], _commandLists[0]),
                    CommandList(["team", "groupChat"], _commandLists[1])),
            }),
            ["permissions"] = new JsonArray("identity", "messageTeamMembers"),
            ["validDomains"] = new JsonArray("${{BOT_DOMAIN}}"),
            ["webApplicationInfo"] = new JsonObject { ["id"] = "${{BOT_ID}}", ["resource"] = "https://RscBasedStoreApp" },
            ["authorization"] = new JsonObject
            {
                ["permissions"] = new JsonObject
                {
                    // Channels and group chats both capture un-mentioned messages; each needs its own consent.
                    ["resourceSpecific"] = new JsonArray(
                        new JsonObject { ["name"] = "ChannelMessage.Read.Group", ["type"] = "Application" },
                        new JsonObject { ["name"] = "ChatMessage.Read.Chat", ["type"] = "Application" }),
                },
            },
        };
        return Write(manifest);
    }

    /// <summary>
    /// A language's localisation file: the app's name and descriptions, and each command menu entry as
    /// <c>bots[0].commandLists[i].commands[j].title</c> / <c>.description</c>, the keys the localisation schema defines.
    /// </summary>
    public static string GenerateLocalisation(Language language)
    {
        var (fullName, shortDescription, fullDescription) = TeamsListingTexts.ByLanguage[language.Code];
        var file = new JsonObject
        {
            ["$schema"] = $"https://developer.microsoft.com/en-us/json-schemas/teams/v{SchemaVersion}/MicrosoftTeams.Localization.schema.json",
            ["name.short"] = "GcmBot",
            ["name.full"] = fullName,
            ["description.short"] = shortDescription,
            ["description.full"] = fullDescription,
        };
        for (var list = 0; list < _commandLists.Length; list++)
        {
            for (var command = 0; command < _commandLists[list].Length; command++)
            {
                var id = _commandLists[list][command];
                file[$"bots[0].commandLists[{list}].commands[{command}].title"] = Limit(CommandNames.For(language, id), 32);
                file[$"bots[0].commandLists[{list}].commands[{command}].description"] = Limit(CommandNames.Summary(language, id), 128);
            }
        }

        return Write(file);
    }

    private static string Write(JsonObject json) =>
        json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    private static JsonObject CommandList(string[] scopes, CommandId[] ids) => new()
    {
        ["scopes"] = new JsonArray([.. scopes.Select(s => (JsonNode)s)]),
        ["commands"] = new JsonArray([.. ids.Select(CommandCatalogue.Get).Select(c => (JsonNode)new JsonObject
        {
            ["title"] = Limit(c.Name, 32),
            ["description"] = Limit(c.Summary, 128),
        })]),
    };

    /// <summary>The manifest's length limits (title 32, description 128 characters).</summary>
    private static string Limit(string text, int max) => text.Length <= max ? text : text[..(text.LastIndexOf(' ', max - 2) is > 0 and var cut ? cut : max - 1)].TrimEnd('.', ',', ':', ';') + "…";
}
