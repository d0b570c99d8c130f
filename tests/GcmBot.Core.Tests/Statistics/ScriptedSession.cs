using GcmBot.Core.Capture;
using GcmBot.Core.Tests.Handling;

namespace GcmBot.Core.Tests.Statistics;

/// <summary>
/// One action group played through the real command service with a fake clock, with numbers chosen so that
/// every statistic can be worked out by hand (see <see cref="StatisticsCalculatorTests"/>).
/// </summary>
internal static class ScriptedSession
{
    public static async Task PlayAsync(MeetingHarness h)
    {
        var contributions = new ContributionService(h.Store, h.Time);
        await h.OpenAg1();
        foreach (var (user, delegation) in new[] { ("mex", "Mexico"), ("che", "Switzerland"), ("nld", "Netherlands"), ("iom", "IOM"), ("mfa", "Migrant Forum in Asia"), ("chl", "Chile"), ("bra", "Brazil") })
        {
            await h.Delegate(user, delegation);
        }

        // Six requests; Brazil registers but never takes part.
        foreach (var user in new[] { "mex", "che", "nld", "iom", "mfa", "chl" })
        {
            await h.Expect(user, "speak");
        }

        await h.Expect("mod", "floor opening");           // the chair: 300 s of 300
        h.Time.Advance(TimeSpan.FromSeconds(300));
        await h.Expect("mod", "next");                    // Mexico: 90 s of 120
        h.Time.Advance(TimeSpan.FromSeconds(90));
        await h.Expect("mod", "next");                    // Switzerland: 60 + 70 = 130 s of 120, a 30 s pause excluded
        h.Time.Advance(TimeSpan.FromSeconds(60));
        await h.Expect("mod", "timer pause");
        h.Time.Advance(TimeSpan.FromSeconds(30));
        await h.Expect("mod", "timer resume");
        h.Time.Advance(TimeSpan.FromSeconds(70));
        await h.Expect("mod", "next");                    // Netherlands: 120 s of 120
        h.Time.Advance(TimeSpan.FromSeconds(120));
        await h.Expect("mod", "timer stop");
        await h.Expect("chl", "withdraw");                // a withdrawal is not "not reached"
        await h.Expect("mod", "stakeholders");
        await h.Expect("mod", "next");                    // IOM: 100 s of 120, ended by the close

        // Cards: Mexico two (one withdrawn), Switzerland one, IOM one.
        await h.Expect("mex", "card Firewalls between immigration enforcement and services | Legislation | Local authorities");
        var withdrawn = await h.Expect("mex", "card Second thoughts | — | —");
        await h.Expect("mex", $"card withdraw {withdrawn.Reply.Title!.Split('#')[1].Split(' ')[0]}");
        await h.Expect("che", "card Portable social security | Bilateral agreements | ILO");
        await h.Expect("iom", "card Data on migrant deaths | Missing Migrants Project | States");

        // Contributions: Mexico two, Migrant Forum in Asia one, a guest with no delegation one.
        await contributions.CaptureAsync("web", MeetingHarness.RoomA, "m1", "mex", "mex", "We support firewalls.", CancellationToken.None);
        await contributions.CaptureAsync("web", MeetingHarness.RoomA, "m2", "mex", "mex", "And portable pensions.", CancellationToken.None);
        await contributions.CaptureAsync("web", MeetingHarness.RoomA, "m3", "mfa", "mfa", "Domestic workers need protection.", CancellationToken.None);
        await contributions.CaptureAsync("web", MeetingHarness.RoomA, "m4", "guest", "guest", "A question from the floor.", CancellationToken.None);

        h.Time.Advance(TimeSpan.FromSeconds(100));
        await h.Expect("mod", "session close");           // Migrant Forum in Asia still waiting: not reached
    }
}
