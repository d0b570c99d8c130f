using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;
using GcmBot.Core.Tests.Handling;
using GcmBot.Core.Tests.Statistics;

namespace GcmBot.Core.Tests.Localisation;

/// <summary>
/// A French-speaking and a Spanish-speaking rapporteur on the rapporteur's path, each answered in their language:
/// no fixed English text of <c>Texts.resx</c> is left in the reply.
/// </summary>
public sealed partial class RapporteurInTheirLanguageTests : IAsyncLifetime
{
    private MeetingHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await MeetingHarness.StartAsync();
        await ScriptedSession.PlayAsync(_harness);
        await _harness.Expect("rap", "whoami");
        await _harness.Expect(MeetingHarness.Organiser, "assign rapporteur rap AG1");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Stats_FrenchRapporteur_InFrench()
    {
        await _harness.Expect("rap", "language fr");

        var reply = (await _harness.Expect("rap", "stats session")).Reply;

        Assert.Equal("Statistiques — AG1 — Action Group 1: Human dimension", reply.Title);
        Assert.Equal("Temps de parole le plus long :", reply.Text);
        Assert.Contains(reply.Facts, f => f is { Label: "Délégations", Value: "6 ont participé (4 États Membres, 1 entité du système des Nations Unies, 1 partie prenante non gouvernementale)" });
        Assert.Equal("État Membre · 1 intervention, 2:10 min (temps imparti : 2 min)", reply.Items[0].Detail);
        Assert.Equal("Statistiques — Jour 2 — mardi 5 décembre 2017", (await _harness.Expect("rap", "stats day")).Reply.Title);
        Assert.Equal("Statistiques — L'ensemble de la réunion", (await _harness.Expect("rap", "stats meeting")).Reply.Title);
        Assert.Empty(EnglishIn(reply, "fr"));
    }

    [Fact]
    public async Task Stats_SpanishRapporteur_InSpanish()
    {
        await _harness.Expect("rap", "language es");

        var reply = (await _harness.Expect("rap", "stats session")).Reply;

        Assert.Equal("Estadísticas — AG1 — Action Group 1: Human dimension", reply.Title);
        Assert.Contains(reply.Facts, f => f.Label == "Intervenciones" && f.Value.Contains("de las delegaciones", StringComparison.Ordinal));
        Assert.Empty(EnglishIn(reply, "es"));
    }

    [Fact]
    public void EnglishIn_AnEnglishReply_FindsTheEnglish()
    {
        // The check itself: an English reply is caught.
        Assert.Contains("Longest speaking time:", EnglishIn(new Reply("Longest speaking time:"), "fr"));
    }

    /// <summary>Fragments of English texts, not also in their translation, that appear in the reply.</summary>
    private static List<string> EnglishIn(Reply reply, string code)
    {
        var resources = new ResourceManager("GcmBot.Core.Localisation.Texts", typeof(Texts).Assembly);
        var english = Entries(resources, CultureInfo.InvariantCulture);
        var own = Entries(resources, CultureInfo.GetCultureInfo(code));
        var shown = string.Join("\n", [reply.Title, reply.Text, .. reply.Facts.SelectMany(f => new[] { f.Label, f.Value }), .. reply.Items.Select(i => i.Detail)]);
        return [.. english
            .Where(e => own.ContainsKey(e.Key))
            .SelectMany(e => Placeholder().Split(e.Value).Select(fragment => fragment.Trim())
                .Where(fragment => fragment.Length >= 8 && !own[e.Key].Contains(fragment, StringComparison.Ordinal)))
            .Where(fragment => shown.Contains(fragment, StringComparison.Ordinal))
            .Distinct()];
    }

    private static Dictionary<string, string> Entries(ResourceManager resources, CultureInfo culture) =>
        resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();
}
