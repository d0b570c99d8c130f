using System.Globalization;
using System.Text;
using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Drafting;
using GcmBot.Core.Invitations;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

/// <summary>
/// The rapporteur's report: draft, edit, export, publish. A draft stays private to the session's
/// rapporteur, moderator and organisers until published: a person reviews an automatic summary first.
/// </summary>
internal static class DraftCommands
{
    public const int MaxMarkdownLength = 40_000;

    /// <summary>A point's text, or each field of a recommendation, rewritten on its own.</summary>
    public const int MaxPointLength = 4_000;

    public static async Task<CommandResult> DraftAsync(CommandContext context)
    {
        var drafter = RequireDrafter(context);
        var session = await context.TargetSessionAsync();
        var draft = await context.Data.GetDraftAsync(session.Id, context.CancellationToken);
        if (draft is not null)
        {
            return CommandResult.Of(Show(session, draft, context.T("Staff.Draft.Saved"), drafter, context.Links, context.Texts, context.ReportLanguage));
        }

        return await PrepareAsync(context, session, overwrite: false);
    }

    /// <param name="nameDelegations">The rapporteur asked for delegations to be named in the summary.</param>
    public static async Task<CommandResult> RegenerateAsync(CommandContext context, bool overwrite, bool nameDelegations = false)
    {
        RequireDrafter(context);
        return await PrepareAsync(context, await context.TargetSessionAsync(), overwrite, nameDelegations);
    }

    /// <summary>Writes what the drafter produced, in a transaction of its own (see <see cref="DraftJob"/>).</summary>
    /// <remarks>
    /// A draft whose points the rapporteur rewrote one by one is redrafted around them: each rewritten point stays as
    /// written, in its place. A draft rewritten as a whole (<c>draft edit</c>) cannot be matched point by point, so it
    /// is kept and the new draft attached for comparison.
    /// </remarks>
    public static async Task<CommandResult> SaveAsync(IMeetingData data, DraftJob job, DraftOutcome outcome, IReportDrafter drafter, ISignInLinks? links, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var texts = job.Texts;
        var session = await data.GetSessionAsync(job.SessionId, cancellationToken)
            ?? throw new CommandException(texts.Format("Staff.Draft.SessionRemoved"));
        var markdown = drafter.ToMarkdown(outcome.Report, job.ReportLanguage);
        var draft = await data.GetDraftAsync(session.Id, cancellationToken);
        var report = outcome.Report;
        var kept = 0;
        if (draft is { Edited: true } && !job.Overwrite)
        {
            (report, kept) = KeepRewrittenPoints(ReportJson.Deserialize(draft.Content), outcome.Report);
        }

        if (draft is { Edited: true } && !job.Overwrite && kept == 0)
        {
            return CommandResult.Of(Reply.Private(texts.Format("Staff.Draft.EditsKept", session.Code)) with
            {
                Title = texts.Format("Staff.Draft.NewDraftTitle", session.Code),
                Facts = OutcomeFacts(outcome.Drafter, outcome.Note, texts),
                Attachment = new Attachment($"draft-{session.Code}-new.md", ReportFiles.MarkdownType, Encoding.UTF8.GetBytes(markdown)),
            });
        }

        if (draft is null)
        {
            draft = new Draft { SessionId = session.Id, Content = "", Markdown = "", Drafter = outcome.Drafter };
            data.Add(draft);
        }

        draft.Content = ReportJson.Serialize(report);
        draft.Markdown = kept == 0 ? markdown : drafter.ToMarkdown(report, job.ReportLanguage);
        draft.Drafter = outcome.Drafter;
        draft.Note = outcome.Note;
        draft.DraftedAt = now;
        draft.DraftedByParticipantId = job.ParticipantId;
        draft.Edited = kept > 0;
        if (kept == 0)
        {
            draft.EditedAt = null;
            draft.EditedByParticipantId = null;
        }

        draft.PublishedAt = null;
        draft.PublishedByParticipantId = null;
        var intro = kept > 0 ? texts.Plural("Staff.Draft.RewrittenKept", kept) : texts.Format("Staff.Draft.Review");
        return CommandResult.Of(Show(session, draft, intro, drafter, links, texts, job.ReportLanguage));
    }

    /// <summary>
    /// The new draft with the rapporteur's rewritten points in their places. A rewritten point keeps its sources, so
    /// the new draft's point with the same sources is the same point drafted again, and is dropped.
    /// </summary>
    private static (Report Report, int Kept) KeepRewrittenPoints(Report saved, Report fresh)
    {
        static List<T> Keep<T>(IReadOnlyList<T> saved, IReadOnlyList<T> fresh, Func<T, bool> edited, Func<T, IReadOnlyList<string>> sources)
        {
            var rewritten = saved.Select((point, at) => (Point: point, At: at)).Where(p => edited(p.Point)).ToList();
            var merged = fresh.Where(f => !rewritten.Any(r => sources(r.Point).Count > 0 && sources(r.Point).SequenceEqual(sources(f)))).ToList();
            foreach (var (point, at) in rewritten)
            {
                merged.Insert(Math.Min(at, merged.Count), point);
            }

            return merged;
        }

        var report = new Report(
            fresh.Header,
            Keep(saved.Summary, fresh.Summary, s => s.Edited, s => s.Sources),
            Keep(saved.Recommendations, fresh.Recommendations, r => r.Edited, r => r.Sources),
            Keep(saved.Observations, fresh.Observations, s => s.Edited, s => s.Sources));
        var kept = saved.Summary.Count(s => s.Edited) + saved.Recommendations.Count(r => r.Edited) + saved.Observations.Count(s => s.Edited);
        return (report, kept);
    }

    public static async Task<CommandResult> EditAsync(CommandContext context)
    {
        var drafter = RequireDrafter(context);
        var (session, draft) = await SavedDraftAsync(context);
        var markdown = context.Command["markdown"];
        if (markdown is null)
        {
            return CommandResult.Of(Reply.Private(context.T("Staff.Draft.Edit.Intro", session.Code)) with
            {
                Form = new ReplyForm("draft edit", context.T("Staff.Draft.Edit.Title", session.Code), context.T("Staff.Draft.Edit.Save"),
                [
                    new FormField("session", context.T("Staff.Draft.Edit.Session"), false, true, 32, session.Code),
                    new FormField("markdown", context.T("Staff.Draft.Edit.Markdown"), true, true, MaxMarkdownLength, draft.Markdown),
                ]),
            });
        }

        if (markdown.Length > MaxMarkdownLength)
        {
            throw new CommandException(context.T("Staff.Draft.Edit.TooLong", MaxMarkdownLength));
        }

        Report report;
        try
        {
            report = drafter.FromMarkdown(markdown, ReportJson.Deserialize(draft.Content), context.ReportLanguage);
        }
        catch (FormatException unreadable)
        {
            throw new CommandException(context.T("Staff.Draft.Edit.Unreadable", unreadable.Message));
        }

        SaveEdit(context, draft, report, drafter);
        return CommandResult.Of(Show(session, draft, context.T("Staff.Draft.Edit.Saved"), drafter, context.Links, context.Texts, context.ReportLanguage));
    }

    /// <summary>
    /// One point rewritten by the rapporteur (the review page's fields, or <c>draft point</c> in chat). It keeps its
    /// sources (it is still the point drafted from them) and is marked edited, so that redrafting keeps it.
    /// </summary>
    public static async Task<CommandResult> PointAsync(CommandContext context)
    {
        var drafter = RequireDrafter(context);
        var (session, draft) = await SavedDraftAsync(context);
        var report = ReportJson.Deserialize(draft.Content);
        var point = context.Command["point"]!.Trim().ToLowerInvariant();
        var (label, _, _) = FindPoint(report, point, context.Texts);
        var text = context.Command["text"]?.Trim() ?? "";
        if (point[0] is 's' or 'o')
        {
            if (text.Length is 0 or > MaxPointLength)
            {
                throw new CommandException(context.T("Staff.Draft.Point.TextLength", label, MaxPointLength));
            }

            var n = int.Parse(point[1..], CultureInfo.InvariantCulture) - 1;
            var sentences = (point[0] == 's' ? report.Summary : report.Observations).ToList();
            sentences[n] = sentences[n] with { Text = text, Edited = true };
            report = point[0] == 's' ? report with { Summary = sentences } : report with { Observations = sentences };
        }
        else
        {
            string[] parts = context.Command["recommendation"] is { } fromForm
                ? [fromForm, context.Command["means"] ?? "", context.Command["partnerships"] ?? ""]
                : text.Split('|', 3, StringSplitOptions.TrimEntries);
            if (parts[0].Trim().Length == 0 || parts.Any(p => p.Length > MaxPointLength))
            {
                throw new CommandException(context.T("Staff.Draft.Point.Fields", label, MaxPointLength));
            }

            var n = int.Parse(point, CultureInfo.InvariantCulture) - 1;
            var recommendations = report.Recommendations.ToList();
            recommendations[n] = recommendations[n] with
            {
                Recommendation = parts[0].Trim(),
                Means = parts.ElementAtOrDefault(1)?.Trim() ?? "",
                Partnerships = parts.ElementAtOrDefault(2)?.Trim() ?? "",
                Edited = true,
            };
            report = report with { Recommendations = recommendations };
        }

        SaveEdit(context, draft, report, drafter);
        return CommandResult.Of(Reply.Private(context.T("Staff.Draft.Point.Saved", label, session.Code)));
    }

    public static async Task<CommandResult> ExportAsync(CommandContext context)
    {
        var drafter = RequireDrafter(context);
        var (session, draft) = await SavedDraftAsync(context);
        var attachment = context.Command["format"] == "docx"
            ? new Attachment($"draft-{session.Code}.docx", ReportFiles.DocxType, drafter.ToDocx(ReportJson.Deserialize(draft.Content), context.ReportLanguage))
            : new Attachment($"draft-{session.Code}.md", ReportFiles.MarkdownType, Encoding.UTF8.GetBytes(draft.Markdown));
        return CommandResult.Of(Reply.Private(context.T(draft.IsPublished ? "Staff.Draft.Export.Published" : "Staff.Draft.Export.Unpublished", session.Code, attachment.FileName)) with { Attachment = attachment });
    }

    public static async Task<CommandResult> PublishAsync(CommandContext context)
    {
        var drafter = RequireDrafter(context);
        var (session, draft) = await SavedDraftAsync(context);
        draft.PublishedAt = context.Now;
        draft.PublishedByParticipantId = context.Participant.Id;
        var content = ReportJson.Deserialize(draft.Content);
        // The report once, in the report language, with its .docx; only the frame around it is written for each room.
        var body = DraftMessage.Body(content, Texts.For(context.ReportLanguage)) with
        {
            Attachment = Docx(session, content, drafter, "report", context.ReportLanguage),
        };
        var publisher = context.Participant.DisplayName;
        Reply Framed(Texts texts) => DraftMessage.Frame(body, texts.Format("Draft.Published.Intro", session.Code, publisher)) with
        {
            Title = texts.Format("Draft.Published.Title", session.Code, session.Title),
        };
        return CommandResult.Of(Framed(context.Texts), Announcement.Localised(session.Id, Framed));
    }

    public static async Task<CommandResult> SourcesAsync(CommandContext context)
    {
        var (session, draft) = await SavedDraftAsync(context);
        var report = ReportJson.Deserialize(draft.Content);
        var point = context.Command["point"]!.Trim().ToLowerInvariant();
        var (label, text, sources) = FindPoint(report, point, context.Texts);
        var items = (await DraftSources.LoadAsync(context.Data, context.Meeting, session.Id, context.CancellationToken)).Describe(sources, context.Texts);
        return CommandResult.Of(Reply.Private(sources.Count == 0 ? context.T("Staff.Draft.Sources.None", label) : text) with
        {
            Title = context.Texts.Plural("Staff.Draft.Sources.Title", sources.Count, label, session.Code),
            Items = items,
        });
    }

    private static (string Label, string Text, IReadOnlyList<string> Sources) FindPoint(Report report, string point, Texts texts)
    {
        static int? Number(string text) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : null;

        if (Number(point) is { } r && r <= report.Recommendations.Count)
        {
            var recommendation = report.Recommendations[r - 1];
            return (texts.Format("Staff.Draft.Point.Recommendation", r), recommendation.Recommendation, recommendation.Sources);
        }

        if (point.Length > 1 && point[0] is 's' or 'o' && Number(point[1..]) is { } n)
        {
            var sentences = point[0] == 's' ? report.Summary : report.Observations;
            if (n <= sentences.Count)
            {
                return (texts.Format(point[0] == 's' ? "Staff.Draft.Point.Summary" : "Staff.Draft.Point.Observation", n), sentences[n - 1].Text, sentences[n - 1].Sources);
            }
        }

        throw new CommandException(texts.Format(
            "Staff.Draft.NoSuchPoint",
            texts.Plural("Staff.Draft.Count.Recommendations", report.Recommendations.Count),
            texts.Plural("Staff.Draft.Count.Summary", report.Summary.Count),
            texts.Plural("Staff.Draft.Count.Observations", report.Observations.Count)));
    }

    private static async Task<CommandResult> PrepareAsync(CommandContext context, Session session, bool overwrite, bool nameDelegations = false)
    {
        var input = await CollectAsync(context, session) with { NameDelegations = nameDelegations };
        if (input.Contributions.Count == 0 && input.Cards.Count == 0)
        {
            throw new CommandException(context.T("Staff.Draft.NothingYet", session.Code));
        }

        context.PendingDraft = new DraftJob(session.Id, input, overwrite, context.Participant.Id, context.ReportLanguage, context.Texts);
        return CommandResult.Of(Reply.Private(context.T("Staff.Draft.Drafting", session.Code)));
    }

    private static async Task<DraftInput> CollectAsync(CommandContext context, Session session)
    {
        var contributions = await context.Data.GetContributionsAsync(session.Id, context.CancellationToken);
        var cards = (await context.Data.GetCardsAsync(session.Id, null, context.CancellationToken)).Where(c => !c.IsWithdrawn).ToList();
        var delegations = await context.Data.GetDelegationsAsync(
            contributions.Where(c => c.DelegationId is not null).Select(c => c.DelegationId!.Value).Concat(cards.Select(c => c.DelegationId)),
            context.CancellationToken);
        string Name(int? id) => id is { } d && delegations.TryGetValue(d, out var delegation) ? delegation.Name : "";

        // The header is the report's: its date in the report language, whoever asks for the draft.
        var reportTexts = Texts.For(context.ReportLanguage);
        var header = new ReportHeader(
            session.Title,
            $"{context.Local(session.StartsAt, reportTexts, "d MMMM yyyy, HH:mm")}–{context.Local(session.EndsAt, reportTexts, "HH:mm")}",
            session.Room,
            await AssignedAsync(context, session, Roles.Moderator) ?? session.Moderators,
            await AssignedAsync(context, session, Roles.Rapporteur) ?? session.Rapporteurs);
        return new DraftInput(
            header,
            [.. contributions.Select(c => new SourceContribution(SourceIds.Contribution(c.Id), c.AuthorName, Name(c.DelegationId), c.Text, c.At))],
            [.. cards.Select(c => new SourceCard(SourceIds.Card(c.Id), Name(c.DelegationId), c.Recommendation, c.Means, c.Partnerships))],
            session.Questions.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>The people <c>assign</c> gave the role in the session ("name (delegation)"), or null when nobody was: the agenda's names stand.</summary>
    private static async Task<string?> AssignedAsync(CommandContext context, Session session, Roles role)
    {
        var names = new List<string>();
        foreach (var assignment in (await context.Data.GetSessionAssignmentsAsync(session.Id, context.CancellationToken)).Where(a => a.Role == role))
        {
            if (await context.Data.GetParticipantAsync(assignment.ParticipantId, context.CancellationToken) is not { } person)
            {
                continue;
            }

            var delegation = person.DelegationId is { } id ? await context.Data.GetDelegationAsync(id, context.CancellationToken) : null;
            names.Add(delegation is null ? person.DisplayName : $"{person.DisplayName} ({delegation.Name})");
        }

        return names.Count == 0 ? null : string.Join("; ", names);
    }

    /// <summary>The rapporteur's edit saved: an edited draft is unpublished until it is published again.</summary>
    private static void SaveEdit(CommandContext context, Draft draft, Report report, IReportDrafter drafter)
    {
        draft.Content = ReportJson.Serialize(report);
        draft.Markdown = drafter.ToMarkdown(report, context.ReportLanguage);
        draft.Edited = true;
        draft.EditedAt = context.Now;
        draft.EditedByParticipantId = context.Participant.Id;
        draft.PublishedAt = null;
        draft.PublishedByParticipantId = null;
    }

    private static async Task<(Session Session, Draft Draft)> SavedDraftAsync(CommandContext context)
    {
        var session = await context.TargetSessionAsync();
        var draft = await context.Data.GetDraftAsync(session.Id, context.CancellationToken)
            ?? throw new CommandException(context.T("Staff.Draft.NoDraft", session.Code));
        return (session, draft);
    }

    /// <summary>
    /// The draft as a chat message (<see cref="DraftMessage"/>) with the full report as <c>.docx</c>: the report in the
    /// report language, what frames it (title, status, buttons) in the reader's.
    /// </summary>
    private static Reply Show(Session session, Draft draft, string intro, IReportDrafter drafter, ISignInLinks? links, Texts texts, Language reportLanguage)
    {
        var report = ReportJson.Deserialize(draft.Content);
        var message = DraftMessage.Frame(DraftMessage.Body(report, Texts.For(reportLanguage)), intro);
        return message with
        {
            Visibility = Visibility.Private,
            Title = texts.Format(draft.IsPublished ? "Staff.Draft.Title.Published" : "Staff.Draft.Title.NotPublished", session.Code),
            Facts =
            [
                .. message.Facts,
                .. OutcomeFacts(draft.Drafter, draft.Note, texts),
                new Fact(texts.Format("Staff.Draft.Fact.Status"), texts.Format(draft.Edited ? "Staff.Draft.Status.Edited" : "Staff.Draft.Status.AsDrafted")),
                .. links is null ? [] : new[] { new Fact(texts.Format("Staff.Draft.Fact.ReviewPage"), links.Page($"drafts/{Uri.EscapeDataString(session.Code)}")) },
            ],
            Attachment = Docx(session, report, drafter, "draft", reportLanguage),
            Actions =
            [
                new ReplyAction(texts.Format("Staff.Draft.Action.Publish"), $"draft publish for {session.Code}", ActionStyle.Primary),
                new ReplyAction(texts.Format("Staff.Draft.Action.Markdown"), $"draft export md for {session.Code}"),
                new ReplyAction(texts.Format("Staff.Draft.Action.Edit"), $"draft edit"),
            ],
        };
    }

    private static Attachment Docx(Session session, Report report, IReportDrafter drafter, string prefix, Language language) =>
        new($"{prefix}-{session.Code}.docx", ReportFiles.DocxType, drafter.ToDocx(report, language));

    /// <summary>Which drafter wrote it, by its name in the reader's language; the note (why the model's draft was not used) stays as the pipeline wrote it.</summary>
    private static List<Fact> OutcomeFacts(string drafter, string? note, Texts texts)
    {
        var facts = new List<Fact> { new(texts.Format("Staff.Draft.Fact.Drafter"), DrafterName(drafter, texts)) };
        if (note is not null)
        {
            facts.Add(new Fact(texts.Format("Staff.Draft.Fact.Note"), note));
        }

        return facts;
    }

    /// <summary>A drafter's name (<c>extractive</c>, <c>llm</c>) as the language writes it; an unknown one as it is.</summary>
    private static string DrafterName(string drafter, Texts texts) =>
        texts[$"Staff.Draft.Drafter.{drafter}"] is { ResourceNotFound: false } name ? name.Value : drafter;

    private static IReportDrafter RequireDrafter(CommandContext context) =>
        context.Drafter ?? throw new CommandException(context.T("Staff.Draft.NotSetUp"));
}
