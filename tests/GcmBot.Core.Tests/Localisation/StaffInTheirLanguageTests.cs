using GcmBot.Core.Replies;
using GcmBot.Core.Tests.Handling;
using GcmBot.Core.Tests.Statistics;

namespace GcmBot.Core.Tests.Localisation;

/// <summary>
/// A moderator, an organiser and a rapporteur who chose Arabic, Chinese or Russian chair, organise and read the
/// statistics in their language: the staff's replies (the <c>Staff.</c> texts) no longer fall back to English.
/// </summary>
public sealed class StaffInTheirLanguageTests : IAsyncLifetime
{
    private readonly List<Reply> _replies = [];
    private MeetingHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await MeetingHarness.StartAsync();

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    [Fact]
    public async Task Chairing_ArabicModerator_RepliesInArabic()
    {
        await _harness.Moderator("mod");
        await _harness.Expect("mod", "language ar");
        await Ok("mod", "session open");
        Assert.Equal("الجلسة AG1 مفتوحة بالفعل.", (await No("mod", "session open")).Text);
        Assert.Equal("لا أحد ينتظر الكلمة في AG1.", (await Ok("mod", "next")).Text);
        foreach (var (user, delegation) in new[] { ("mex", "Mexico"), ("che", "Switzerland"), ("ecu", "Ecuador") })
        {
            await _harness.Delegate(user, delegation);
            await _harness.Expect(user, "speak");
        }

        var moved = await Ok("mod", "list move Ecuador 1");
        Assert.Equal("نُقل Ecuador إلى المرتبة رقم 1.", moved.Text);
        Assert.Contains(moved.Facts, f => f.Label == "الموعد المتوقع للانتهاء"
            && f.Value.EndsWith("(تنتهي الجلسة في 13:00؛ ويُخصَّص 5 د للملاحظات الختامية؛ لم يطلب أي من أصحاب المصلحة الكلمة بعد؛ ويُحجز 8 د لكلمات أصحاب المصلحة المتبقية)", StringComparison.Ordinal));
        Assert.Contains(moved.Facts, f => f is { Label: "مشورة", Value: "عدد الوفود المنتظرة قليل: يمكنك السماح بثلاث دقائق (`flex on`)." });
        Assert.Equal("تبدأ المراتب من 1 (المتكلم التالي).", (await No("mod", "list move Ecuador 0")).Text);

        var next = await Ok("mod", "next");
        Assert.Equal("الكلمة الآن لـ **Ecuador** (دولة عضو).", next.Text);
        Assert.Equal([("الوقت", "2 د"), ("التالي", "Mexico (2 في الانتظار)")], next.Facts.Select(f => (f.Label, f.Value)));
        Assert.Equal("شُطب Switzerland من قائمة المتكلمين في AG1.", (await Ok("mod", "list remove Switzerland")).Text);
        Assert.Equal("التمديد: الحد الأقصى 30 د (وأكثر من صفر)، وليس 1 س 39 د. لم يتغير شيء.", (await No("mod", "timer extend 99m")).Text);
        await Ok("mod", "timer stop");
        Assert.Equal("لا أحد يتكلم الآن. يعطي الأمر `next` الكلمة للمتكلم التالي؛ ويبدأ الأمر `floor opening` بيانك الافتتاحي.", (await No("mod", "timer pause")).Text);
        await Ok("mod", "list close");
        Assert.Equal("قائمة المتكلمين في AG1 مغلقة بالفعل.", (await No("mod", "list close")).Text);

        OrganiserInTheirLanguageTests.AssertNoEnglish(_replies);
    }

    [Fact]
    public async Task Organising_ChineseOrganiser_RepliesInChinese()
    {
        await _harness.Expect(MeetingHarness.Organiser, "language zh");
        await _harness.Expect("mod", "whoami");

        Assert.Equal("此频道现已关联 **AG1 — Action Group 1: Human dimension**：其发言名单、公告和所记录的文字意见。", (await Org("bind AG1")).Text);
        Assert.Equal("mod 现为 AG1 — Action Group 1: Human dimension 的报告员。", (await Org("assign rapporteur mod AG1")).Text);
        Assert.Equal("mod 已是 AG1 的报告员。", (await Org("assign rapporteur mod AG1", refused: true)).Text);
        Assert.Equal("我在此频道中还不认识 `nobody`；此人需要先给我发过一次消息（例如 `whoami`）。", (await Org("assign moderator nobody AG1", refused: true)).Text);

        var scheduled = await Org("broadcast at 2017-12-06T09:00 茶歇后复会。");
        Assert.Matches(@"^第 (\d+) 号公告已安排于 12月6日周三 09:00（会场当地时间）发送至所有已绑定的频道。`broadcast cancel \1` 可取消。$", scheduled.Text);
        Assert.Equal("已安排的公告", (await Org("broadcasts")).Title);
        Assert.Equal("没有第 999 号已安排的公告。`broadcasts` 列出已安排的公告。", (await Org("broadcast cancel 999", refused: true)).Text);
        Assert.Equal("2017-12-04T09:00 已过（现在是会场当地时间 12月5日周二 10:50）。未安排任何公告。", (await Org("broadcast at 2017-12-04T09:00 太迟了。", refused: true)).Text);

        Assert.Equal("代表团 State of Palestine 已登记。", (await Org("delegation add State of Palestine as observerState", refused: true)).Text);
        Assert.StartsWith("本次会议没有会议室 `Room Z`（会议室：", (await Org("session room AG4 to Room Z", refused: true)).Text, StringComparison.Ordinal);
        Assert.Equal("此频道已不再关联任何会议或会议室。", (await Org("unbind")).Text);
        Assert.Equal("此频道未绑定任何会议或会议室。", (await Org("unbind", refused: true)).Text);

        OrganiserInTheirLanguageTests.AssertNoEnglish(_replies);
    }

    [Fact]
    public async Task Stats_RussianModerator_InRussian()
    {
        await _harness.Expect("mod", "whoami");
        await _harness.Expect("mod", "language ru");
        await ScriptedSession.PlayAsync(_harness);

        var session = await Ok("mod", "stats session");
        Assert.Equal("Статистика — AG1 — Action Group 1: Human dimension", session.Title);
        Assert.Equal("Наибольшее время выступлений:", session.Text);
        Assert.Contains(session.Facts, f => f is { Label: "Выступления", Value: "делегаций: 4, общей продолжительностью 7:20 мин; председателя, участников дискуссии или докладчика: 1" });
        Assert.Contains(session.Facts, f => f is { Label: "Не получили слова", Value: "Migrant Forum in Asia (AG1)" });
        Assert.Equal("Государство-член · выступлений: 1, 2:10 мин из отведенных 2 мин", session.Items[0].Detail);
        Assert.Equal("Статистика — День 2 — вторник, 5 декабря 2017", (await Ok("mod", "stats day")).Title);
        Assert.Equal("Статистика — Совещание в целом", (await Ok("mod", "stats meeting")).Title);

        OrganiserInTheirLanguageTests.AssertNoEnglish(_replies);
    }

    private async Task<Reply> Ok(string user, string text)
    {
        var reply = (await _harness.Expect(user, text)).Reply;
        _replies.Add(reply);
        return reply;
    }

    private async Task<Reply> No(string user, string text)
    {
        var reply = await _harness.Refused(user, text);
        _replies.Add(reply);
        return reply;
    }

    private Task<Reply> Org(string text, bool refused = false) => refused ? No(MeetingHarness.Organiser, text) : Ok(MeetingHarness.Organiser, text);
}
