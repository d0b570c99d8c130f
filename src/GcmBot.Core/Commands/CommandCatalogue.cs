using GcmBot.Core.Domain;

namespace GcmBot.Core.Commands;

/// <summary>
/// The single source of truth for commands: help text, the parser, role checks and the platform
/// registrations (Discord slash commands, the Teams manifest) are all generated from it.
/// </summary>
public static class CommandCatalogue
{
    public const string MeetingGroup = "Meeting";
    public const string FloorGroup = "Speakers list";
    public const string ChairGroup = "Chairing";
    public const string TimerGroup = "Speaking timer";
    public const string CardGroup = "Recommendation cards";
    public const string SecretariatGroup = "Secretariat";
    public const string ReportingGroup = "Reporting";
    public const string DraftGroup = "Rapporteur's report";

    /// <summary>An optional session after <c>for</c>, for the commands whose first argument is something else.</summary>
    private static readonly CommandArgument _forSession = new("session", ArgumentKind.Session, false, "session code; defaults to this channel's session", Keyword: "for");

    public static readonly IReadOnlyList<string> CategoryChoices =
        [.. Enum.GetValues<DelegationCategory>().Select(CategoryNames.Token)];

    /// <summary>The roles an invitation can give.</summary>
    public static readonly IReadOnlyList<string> RoleChoices = ["delegate", "moderator", "rapporteur", "organiser"];

    /// <summary>The codes of the six languages, as <c>language</c> takes them.</summary>
    public static readonly IReadOnlyList<string> LanguageChoices = [.. Localisation.Language.All.Select(l => l.Code)];

    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new(CommandId.Help, "help", Access.Anyone, MeetingGroup, "Show the commands you can use, or how to use one.",
            [new("command", ArgumentKind.Text, false, "a command name")], ["help", "help list move"]) { ReadOnly = true },
        new(CommandId.Agenda, "agenda", Access.Anyone, MeetingGroup, "Show the agenda: what runs now, next, today, tomorrow, a day or a session.",
            [new("when", ArgumentKind.Text, false, "now | next | today | tomorrow | day N | a session code", Terms: ["now", "next", "today", "tomorrow", "day"])], ["agenda now", "agenda day 2", "agenda AG1"]) { ReadOnly = true },
        new(CommandId.AgendaIcs, "agenda ics", Access.Anyone, MeetingGroup, "Download the agenda as a calendar file (iCalendar) to import or subscribe to.", [], ["agenda ics"]) { ReadOnly = true },
        new(CommandId.WhoAmI, "whoami", Access.Anyone, MeetingGroup, "Show your delegation and roles.", [], ["whoami"]) { ReadOnly = true },
        new(CommandId.Register, "register", Access.Anyone, MeetingGroup, "Join a delegation (at most four members each). Without an invitation, its focal point or an organiser approves first.",
            [new("delegation", ArgumentKind.Delegation, true, "the delegation's name or short code"),
             new("category", ArgumentKind.Choice, false, "category, when registering a new delegation", CategoryChoices, "as")],
            ["register Mexico", "register Migrant Forum in Asia as stakeholder"]),

        new(CommandId.Speak, "speak", Access.Delegation, FloorGroup, "Ask for the floor: put your delegation on the speakers list.", [], ["speak"]),
        new(CommandId.Withdraw, "withdraw", Access.Delegation, FloorGroup, "Take your delegation off the speakers list (a right of reply stays: `withdraw reply`).", [], ["withdraw"]),
        new(CommandId.WithdrawReply, "withdraw reply", Access.Delegation, FloorGroup, "Take back your delegation's right of reply.", [], ["withdraw reply"]),
        new(CommandId.Queue, "queue", Access.Anyone, FloorGroup, "Show the speakers list and your place on it.",
            [new("which", ArgumentKind.Choice, false, "all: the whole list, not only the next speakers", ["all"])], ["queue", "queue all"]) { ReadOnly = true },
        new(CommandId.PointOfOrder, "point of order", Access.Delegation, FloorGroup, "Raise a point of order: heard before everyone else.", [], ["point of order"]),
        new(CommandId.Reply, "reply", Access.Delegation, FloorGroup, "Ask for a right of reply: heard at the end of the current segment.", [], ["reply"]),

        new(CommandId.SessionOpen, "session open", Access.Moderator, ChairGroup, "Open a session and its speakers list.",
            [new("session", ArgumentKind.Session, false, "session code; defaults to this channel's session")], ["session open AG1"]),
        new(CommandId.SessionClose, "session close", Access.Moderator, ChairGroup, "Close the session; the list and capture stop.",
            [new("session", ArgumentKind.Session, false, "session code; defaults to this channel's session")], ["session close"]),
        new(CommandId.Next, "next", Access.Moderator, ChairGroup, "Give the floor to the next speaker on the list.", [], ["next"]),
        new(CommandId.ListClose, "list close", Access.Moderator, ChairGroup, "Close the speakers list: no new requests.", [], ["list close"]),
        new(CommandId.ListReopen, "list reopen", Access.Moderator, ChairGroup, "Reopen the speakers list.", [], ["list reopen"]),
        new(CommandId.ListAdd, "list add", Access.Moderator, ChairGroup, "Add a delegation to the list on its behalf.",
            [new("delegation", ArgumentKind.Delegation, true, "the delegation to add")], ["list add Mexico"]),
        new(CommandId.ListRemove, "list remove", Access.Moderator, ChairGroup, "Remove a delegation from the list.",
            [new("delegation", ArgumentKind.Delegation, true, "the delegation to remove")], ["list remove Mexico"]),
        new(CommandId.ListMove, "list move", Access.Moderator, ChairGroup, "Move a delegation to a position on the list.",
            [new("delegation", ArgumentKind.Delegation, true, "the delegation to move"),
             new("position", ArgumentKind.Number, true, "its new place, 1 = next")], ["list move Mexico 1"]),
        new(CommandId.Stakeholders, "stakeholders", Access.Moderator, ChairGroup, "Start the stakeholder segment (observers, UN system, civil society).", [], ["stakeholders"]),
        new(CommandId.Flex, "flex", Access.Moderator, ChairGroup, "Allow three-minute statements when few delegations ask for the floor (on), or back to two (off).",
            [new("mode", ArgumentKind.Choice, true, "on or off", ["on", "off"])], ["flex on"]),

        new(CommandId.TimerStart, "timer start", Access.Moderator, TimerGroup, "Start, or start again, the speaking timer of whoever has the floor: from now, for their allotted time or the duration given.",
            [new("duration", ArgumentKind.Duration, false, "e.g. 2m, 90s, 1:30")], ["timer start", "timer start 3m"]),
        new(CommandId.TimerPause, "timer pause", Access.Moderator, TimerGroup, "Pause the speaking timer.", [], ["timer pause"]),
        new(CommandId.TimerResume, "timer resume", Access.Moderator, TimerGroup, "Resume the speaking timer.", [], ["timer resume"]),
        new(CommandId.TimerExtend, "timer extend", Access.Moderator, TimerGroup, "Give the speaker more time.",
            [new("duration", ArgumentKind.Duration, true, "extra time, e.g. 30s or 1m")], ["timer extend 1m"]),
        new(CommandId.TimerStop, "timer stop", Access.Moderator, TimerGroup, "Stop the timer: the intervention ends and its duration is recorded.", [], ["timer stop"]),
        new(CommandId.Floor, "floor", Access.Moderator, TimerGroup, "Take or give the floor outside the list: the moderator's opening (5 min) or closing (1 min) remarks, a panellist (5 min), the rapporteur.",
            [new("role", ArgumentKind.Choice, true, "opening, closing, panellist or rapporteur", ["opening", "closing", "panellist", "rapporteur"]),
             new("name", ArgumentKind.Text, false, "who speaks (for a panellist)")], ["floor opening", "floor panellist Director General of IOM"]),
        new(CommandId.Allowance, "allowance", Access.Moderator, TimerGroup, "Set a delegation's speaking time in this session (e.g. extra time for chairs of regional processes).",
            [new("delegation", ArgumentKind.Delegation, true, "the delegation"),
             new("duration", ArgumentKind.Duration, true, "its speaking time, e.g. 4m")], ["allowance Mexico 4m"]),
        new(CommandId.RemindMe, "remind me", Access.Anyone, MeetingGroup, "Get a reminder before a session starts (default: this channel's next session, 10 minutes before).",
            [new("what", ArgumentKind.Text, false, "[<session>] [<lead time>]")], ["remind me", "remind me AG4 15m"]),

        new(CommandId.Card, "card", Access.Delegation, CardGroup, "Submit a recommendation card: recommendation | means of implementation | partnerships. Without text, opens the form.",
            [new("card", ArgumentKind.Text, false, "recommendation | means of implementation | partnerships")],
            ["card Expand regular pathways for migrant workers | Bilateral labour agreements | ILO, employers"]),
        new(CommandId.CardEdit, "card edit", Access.Delegation, CardGroup, "Change one of your cards.",
            [new("id", ArgumentKind.Number, true, "the card number"),
             new("card", ArgumentKind.Text, false, "recommendation | means of implementation | partnerships")], ["card edit 12 New text | means | partners"]),
        new(CommandId.CardWithdraw, "card withdraw", Access.Delegation, CardGroup, "Withdraw one of your cards.",
            [new("id", ArgumentKind.Number, true, "the card number")], ["card withdraw 12"]),
        new(CommandId.Cards, "cards", Access.Anyone, CardGroup, "List your delegation's cards, or all cards of the session (moderators and rapporteurs).",
            [new("which", ArgumentKind.Choice, false, "mine or all", ["mine", "all"])], ["cards", "cards all"]) { ReadOnly = true },
        new(CommandId.CardsExport, "cards export", Access.Reporting, CardGroup, "Export the session's cards as CSV.", [], ["cards export"]) { ReadOnly = true },

        new(CommandId.Stats, "stats", Access.Officials, ReportingGroup, "Statistics: speaking time per delegation and category, who was not reached, cards, participation; with a CSV file.",
            [new("scope", ArgumentKind.Choice, false, "session (this channel's), day (today) or meeting; default: the session, else the meeting", ["session", "day", "meeting"])],
            ["stats", "stats day", "stats meeting"]) { ReadOnly = true },
        new(CommandId.Draft, "draft", Access.Reporting, DraftGroup, "Draft the session's report in the reporting template (or show the saved draft). Only the rapporteur, the moderator and organisers see it until it is published.",
            [new("session", ArgumentKind.Session, false, "session code; defaults to this channel's session")], ["draft", "draft AG1"]),
        new(CommandId.DraftRegenerate, "draft regenerate", Access.Reporting, DraftGroup, "Draft the report again from the latest cards and contributions. A draft you edited is kept; the new one is attached for comparison.",
            [_forSession], ["draft regenerate", "draft regenerate for AG1"]),
        new(CommandId.DraftOverwrite, "draft regenerate overwrite", Access.Reporting, DraftGroup, "Draft the report again and replace the saved draft, edits included.",
            [_forSession], ["draft regenerate overwrite"]),
        new(CommandId.DraftNamed, "draft regenerate named", Access.Reporting, DraftGroup, "Draft the report again with the delegations named in the summary (by default it says \"some delegations\", \"participants\"). A draft you edited is kept, as with `draft regenerate`.",
            [_forSession], ["draft regenerate named"]),
        new(CommandId.DraftEdit, "draft edit", Access.Reporting, DraftGroup, "Save your edited draft: paste the whole Markdown after the command. Without text, opens the draft in a form.",
            [new("markdown", ArgumentKind.Text, false, "the whole draft, in the Markdown that `draft export md` gives")], ["draft edit", "draft edit # Report of the action group …"]),
        new(CommandId.DraftExport, "draft export", Access.Reporting, DraftGroup, "The full draft as a file: Markdown or Word (.docx, in the reporting template's layout).",
            [new("format", ArgumentKind.Choice, true, "md or docx", ["md", "docx"]), _forSession], ["draft export docx", "draft export md for AG1"]) { ReadOnly = true },
        new(CommandId.DraftPublish, "draft publish", Access.Reporting, DraftGroup, "Post the reviewed draft to the session's channels.",
            [_forSession], ["draft publish"]),
        new(CommandId.DraftSources, "draft sources", Access.Reporting, DraftGroup, "What a point of the draft rests on: the cards and contributions it cites.",
            [new("point", ArgumentKind.Word, true, "a recommendation's number (e.g. 2), or s<N> for the summary's sentence N, o<N> for an observation"), _forSession],
            ["draft sources 2", "draft sources s1"]) { ReadOnly = true },

        new(CommandId.Bind, "bind", Access.Organiser, SecretariatGroup, "Bind this chat channel to a session or a room.",
            [new("target", ArgumentKind.Session, true, "a session code or a room name")], ["bind AG1", "bind Room A"]),
        new(CommandId.Unbind, "unbind", Access.Organiser, SecretariatGroup, "Remove this channel's binding.", [], ["unbind"]),
        new(CommandId.Assign, "assign", Access.Organiser, SecretariatGroup, "Make someone moderator or rapporteur of a session.",
            [new("role", ArgumentKind.Choice, true, "moderator or rapporteur", ["moderator", "rapporteur"]),
             new("user", ArgumentKind.User, true, "the participant (name or mention)"),
             new("session", ArgumentKind.Session, true, "session code")], ["assign moderator Ana AG1"]),
        new(CommandId.Broadcast, "broadcast", Access.Organiser, SecretariatGroup, "Send an announcement to every bound channel.",
            [new("text", ArgumentKind.Text, true, "the announcement")], ["broadcast Action groups start at 10:45 sharp."]),
        new(CommandId.BroadcastAt, "broadcast at", Access.Organiser, SecretariatGroup, "Schedule an announcement at a time of the venue (HH:mm today, or yyyy-MM-ddTHH:mm).",
            [new("time", ArgumentKind.Word, true, "HH:mm or yyyy-MM-ddTHH:mm"),
             new("text", ArgumentKind.Text, true, "the announcement")], ["broadcast at 14:55 The afternoon action groups start in 5 minutes."]),
        new(CommandId.BroadcastIn, "broadcast in", Access.Organiser, SecretariatGroup, "Schedule an announcement after a delay.",
            [new("delay", ArgumentKind.Duration, true, "e.g. 10m"),
             new("text", ArgumentKind.Text, true, "the announcement")], ["broadcast in 10m Coffee is served in the common area."]),
        new(CommandId.Broadcasts, "broadcasts", Access.Organiser, SecretariatGroup, "List scheduled announcements.", [], ["broadcasts"]) { ReadOnly = true },
        new(CommandId.BroadcastCancel, "broadcast cancel", Access.Organiser, SecretariatGroup, "Cancel a scheduled announcement.",
            [new("id", ArgumentKind.Number, true, "its number, from `broadcasts`")], ["broadcast cancel 3"]),
        new(CommandId.SessionMove, "session move", Access.Organiser, SecretariatGroup, "Change a session's time (venue time, within its day; an overlap in its room is warned of); the change is announced and reminders follow.",
            [new("session", ArgumentKind.Session, true, "session code"),
             new("start", ArgumentKind.Word, true, "new start, HH:mm", Keyword: "to"),
             new("end", ArgumentKind.Word, false, "new end, HH:mm (default: same length)")], ["session move AG4 to 16:00", "session move AG4 to 16:00 18:15"]),
        new(CommandId.SessionRoom, "session room", Access.Organiser, SecretariatGroup, "Move a session to another of the meeting's rooms (a room it does not have yet: add `new`); both rooms' channels are told.",
            [new("session", ArgumentKind.Session, true, "session code"),
             new("room", ArgumentKind.Text, true, "the new room, followed by `new` if the meeting does not have it yet", Keyword: "to")], ["session room AG4 to Room B", "session room AG4 to Room Z new"]),
        new(CommandId.DelegationAdd, "delegation add", Access.Organiser, SecretariatGroup, "Register a new delegation.",
            [new("name", ArgumentKind.Delegation, true, "its name"),
             new("category", ArgumentKind.Choice, true, "its category", CategoryChoices, "as")], ["delegation add Holy See as observerState"]),
        new(CommandId.Invite, "invite", Access.Delegation, SecretariatGroup, "A private web chat sign-in link for a delegation's member, or for a role without a delegation (organisers; a delegation's focal point invites its own members). Single use unless `for <n>`; it expires after 7 days.",
            [new("delegation", ArgumentKind.Delegation, false, "the delegation the person joins; none for a moderator, rapporteur or organiser"),
             new("role", ArgumentKind.Choice, false, "delegate (default), moderator, rapporteur or organiser", RoleChoices, "as"),
             new("uses", ArgumentKind.Number, false, "how many people may use the link (default 1)", Keyword: "for")],
            ["invite Mexico", "invite Mexico for 3", "invite as moderator"]),
        new(CommandId.Invites, "invites", Access.Delegation, SecretariatGroup, "List the sign-in links you may see (organisers: all) and what is left of them.", [], ["invites"]) { ReadOnly = true },
        new(CommandId.InviteRevoke, "invite revoke", Access.Delegation, SecretariatGroup, "Revoke a sign-in link: nobody can use it any more.",
            [new("id", ArgumentKind.Number, true, "its number, from `invites`")], ["invite revoke 3"]),
        new(CommandId.InvitesEmails, "invites emails", Access.Organiser, SecretariatGroup, "New links for the meeting file's unused e-mail invitations, as CSV for a mail merge (old ones stop).", [], ["invites emails"]),
        new(CommandId.InviteReissue, "invite reissue", Access.Organiser, SecretariatGroup, "A new link for one e-mail address of the meeting file; its previous unused link stops working.",
            [new("address", ArgumentKind.Word, true, "the e-mail address, as the meeting file lists it")], ["invite reissue ana@example.org"]),
        new(CommandId.Language, "language", Access.Anyone, MeetingGroup, "Choose the language of replies to you, in every channel (en, fr, es, ar, zh, ru); organisers also set the meeting's default and a room's.",
            [new("code", ArgumentKind.Choice, false, "the language: en, fr, es, ar, zh or ru; without it, shows yours", LanguageChoices)], ["language fr", "language es"]),
        new(CommandId.LanguageDefault, "language default", Access.Organiser, SecretariatGroup, "Set the meeting's default language, for people and rooms without one of their own.",
            [new("code", ArgumentKind.Choice, true, "en, fr, es, ar, zh or ru", LanguageChoices)], ["language default fr"]),
        new(CommandId.LanguageRoom, "language room", Access.Organiser, SecretariatGroup, "Set the language of notices and announcements posted in this bound channel (default: the meeting's).",
            [new("code", ArgumentKind.Choice, true, "en, fr, es, ar, zh or ru", LanguageChoices)], ["language room es"]),
        new(CommandId.Requests, "requests", Access.Delegation, SecretariatGroup, "List the requests to join a delegation that wait for approval (organisers: all; a focal point: its delegation's).", [], ["requests"]) { ReadOnly = true },
        new(CommandId.Approve, "approve", Access.Delegation, SecretariatGroup, "Approve a request to join a delegation: the person then speaks for it (organisers; a delegation's focal point for its own).",
            [new("person", ArgumentKind.Text, true, "the person's name, or the request's number from `requests`")], ["approve Ana López", "approve 12"]),
        new(CommandId.Decline, "decline", Access.Delegation, SecretariatGroup, "Decline a request to join a delegation; the person is told.",
            [new("person", ArgumentKind.Text, true, "the person's name, or the request's number from `requests`")], ["decline 12"]),
        new(CommandId.DraftPoint, "draft point", Access.Reporting, DraftGroup, "Rewrite one point of the draft: a summary sentence (s<N>), an observation (o<N>) or a recommendation (its number: recommendation | means of implementation | partnerships). `draft regenerate` keeps the points you rewrote.",
            [new("point", ArgumentKind.Word, true, "a recommendation's number (e.g. 2), or s<N> for the summary's sentence N, o<N> for an observation"),
             new("text", ArgumentKind.Text, false, "the new text; for a recommendation: recommendation | means of implementation | partnerships")],
            ["draft point s2 Several delegations called for safe and regular pathways.", "draft point 1 Expand regular pathways | Bilateral labour agreements | ILO, employers"]),
        new(CommandId.MemberRemove, "member remove", Access.Delegation, SecretariatGroup, "Take a member off a delegation; they are told (organisers; a focal point for its own, not its last member).",
            [new("person", ArgumentKind.Text, true, "the member's name, or their number")], ["member remove Bruno", "member remove 12"]),
        new(CommandId.FocalPoint, "focal point", Access.Delegation, SecretariatGroup, "Hand the delegation's focal point role to another of its members; both are told (the focal point; organisers for any delegation).",
            [new("person", ArgumentKind.Text, true, "the member's name, or their number")], ["focal point Bruno", "focal point 12"]),
    ];

    public static CommandDefinition Get(CommandId id) => All.First(c => c.Id == id);

    public static CommandDefinition? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, CommandParser.NormaliseName(name), StringComparison.OrdinalIgnoreCase));
}
