using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using GcmBot.Scheduling.Tests;

namespace GcmBot.Web.Tests;

/// <summary>
/// The meeting file's e-mail members through the real host over HTTP on loopback: the invitations made when it
/// loads, the organiser's mail-merge CSV, and its links opened at the real <c>/join/</c> endpoint.
/// </summary>
public sealed class EmailInvitationTests : IDisposable
{
    private const string FormulaDelegation = "=SUM(1+1)";
    private readonly string _meetingFile = Path.Combine(Path.GetTempPath(), $"gcmbot-email-meeting-{Guid.NewGuid():N}.json");

    public EmailInvitationTests()
    {
        var meeting = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sample-meeting.json")))!;
        var delegations = meeting["delegations"]!.AsArray();
        delegations.Single(d => (string?)d!["name"] == "Mexico")!["members"] = new JsonArray("ana@example.org");
        delegations.Add(new JsonObject { ["name"] = FormulaDelegation, ["category"] = "memberState", ["members"] = new JsonArray("email:=cmd@example.org") });
        File.WriteAllText(_meetingFile, meeting.ToJsonString());
    }

    public void Dispose() => File.Delete(_meetingFile);

    [Fact]
    public async Task InvitesEmails_LoadedFile_CsvEscapedItsLinksSignInAtJoinAndReissueReplacesOne()
    {
        await using var host = new LiveHost(new Dictionary<string, string> { ["Meeting:File"] = _meetingFile, ["WebChat:IdentityPicker"] = "false" });
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var organiser = await JoinAsync(client, await SignInTests.PrintedOrganiserLinkAsync(host), "Olga");
        var chat = new WebChat(client);

        var reply = await chat.RunAsync(organiser, WebChat.RoomA, "/invites emails");
        var attachment = reply.GetProperty("attachment");
        var csv = Encoding.UTF8.GetString(Convert.FromBase64String(attachment.GetProperty("base64").GetString()!));
        var rows = Rows(csv);

        Assert.Contains(host.Logs.Lines, l => l.Contains("E-mail invitations of the meeting file: 2 created, 0 revoked", StringComparison.Ordinal));
        Assert.Equal("private", reply.GetProperty("visibility").GetString());
        Assert.Equal("text/csv", attachment.GetProperty("contentType").GetString());
        Assert.Equal(["'=cmd@example.org", "ana@example.org"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("'" + FormulaDelegation, rows["'=cmd@example.org"].Delegation);
        Assert.DoesNotMatch("(^|,)\"?[=+@-]", csv);

        // Each link opens the sign-in page and signs its person in with its delegation, once.
        var formulaLink = new Uri(rows["'=cmd@example.org"].Link);
        Assert.Equal(host.BaseAddress.Authority, formulaLink.Authority);
        using (var page = await client.GetAsync(formulaLink))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        Assert.Equal(FormulaDelegation, (await PostJoinAsync(client, formulaLink, "Cmd")).RootElement.GetProperty("delegation").GetString());
        var again = await PostJoinAsync(client, formulaLink, "Intruder", HttpStatusCode.Forbidden, "es-ES,es;q=0.9");
        Assert.StartsWith("Este enlace de acceso ya se ha utilizado.", again.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);

        // Re-issued: only the newest link of the address works.
        var reissued = await chat.RunAsync(organiser, WebChat.RoomA, "/invite reissue ana@example.org");
        var newLink = new Uri(reissued.GetProperty("text").GetString()!.Split('\n')[^1]);
        var old = await PostJoinAsync(client, new Uri(rows["ana@example.org"].Link), "Ana", HttpStatusCode.Forbidden, "fr-FR,fr;q=0.9");
        Assert.StartsWith("Ce lien de connexion a été retiré par les organisateurs.", old.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("Mexico", (await PostJoinAsync(client, newLink, "Ana")).RootElement.GetProperty("delegation").GetString());
    }

    [Fact]
    public async Task InvitesEmails_Delegate_RefusedWithoutAFile()
    {
        await using var host = new LiveHost(new Dictionary<string, string> { ["Meeting:File"] = _meetingFile, ["WebChat:IdentityPicker"] = "false" });
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var organiser = await JoinAsync(client, await SignInTests.PrintedOrganiserLinkAsync(host), "Olga");
        var chat = new WebChat(client);
        var link = (await chat.RunAsync(organiser, WebChat.RoomA, "/invite Chile")).GetProperty("text").GetString()!.Split('\n')[^1];
        var carla = await JoinAsync(client, new Uri(link), "Carla");

        var refused = await chat.SendAsync(carla, WebChat.RoomA, "/invites emails");

        Assert.True(refused.GetProperty("isError").GetBoolean());
        Assert.Contains("Only organisers", refused.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("attachment").ValueKind);
    }

    private static async Task<string> JoinAsync(HttpClient client, Uri link, string name) =>
        (await PostJoinAsync(client, link, name)).RootElement.GetProperty("userId").GetString()!;

    private static async Task<JsonDocument> PostJoinAsync(HttpClient client, Uri link, string name, HttpStatusCode expected = HttpStatusCode.OK, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/web/join")
        {
            Content = JsonContent.Create(new { token = link.AbsolutePath["/join/".Length..], displayName = name }),
        };
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"join as {name}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    private static Dictionary<string, (string Delegation, string Link)> Rows(string csv)
    {
        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        return reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>()
            .ToDictionary(r => (string)r["Email"], r => ((string)r["Delegation"], (string)r["Link"]));
    }
}
