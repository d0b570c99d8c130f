// chat.js: the built-in web chat. Plain script, no build step, nothing global.
// Every piece of server or user text is inserted as a text node (never innerHTML), so a delegate typing
// markup, or a bot message quoting it, can never run script in someone else's browser.
(() => {
  "use strict";

  const KEY_IDENTITY = "gcmbot.identity";
  const KEY_ROOM = "gcmbot.room";
  // Each names its text's key (Web.Group.*, Web.Segment.*, Web.Role.*): every word the page shows is the server's.
  const CATEGORIES = [
    ["memberState", "MemberState"],
    ["observerState", "ObserverState"],
    ["unSystem", "UnSystem"],
    ["intergovernmental", "Intergovernmental"],
    ["stakeholder", "Stakeholder"],
  ];
  const SEGMENTS = { pointOfOrder: "PointOfOrder", main: "Main", stakeholders: "Stakeholders" };
  const ROLES = { delegate: "Delegate", moderator: "Moderator", rapporteur: "Rapporteur", organiser: "Organiser" };
  // An invitation link: /join/<token>. The token only ever goes to the server once, to sign in.
  const JOIN_TOKEN = (location.pathname.match(/\/join\/([^/]+)\/?$/) || [])[1] || null;

  const $ = (id) => document.getElementById(id);
  // The page's own labels in this person's language: written into the page by the server, replaced by the meeting's
  // when the person's stored choice differs; {0}, {1}… are filled in here.
  let texts = JSON.parse($("texts").textContent);
  const t = (key, ...args) => (texts[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
  const ui = {
    title: $("meeting-title"), venue: $("meeting-venue"), status: $("status"),
    summary: $("identity-summary"), whoName: $("who-name"), whoDelegation: $("who-delegation"), whoRole: $("who-role"),
    change: $("identity-change"), identityOff: $("identity-off"), identityForm: $("identity-form"),
    displayName: $("display-name"), delegation: $("delegation"), role: $("role"),
    identitySubmit: $("identity-submit"), identityCancel: $("identity-cancel"), identityError: $("identity-error"),
    joinForm: $("join-form"), joinName: $("join-name"), joinError: $("join-error"), joinSubmit: $("join-submit"),
    room: $("room"), roomName: $("room-name"), help: $("help-button"), language: $("language"),
    live: $("live"), liveSession: $("live-session"), liveSpeaker: $("live-speaker"), liveCountdown: $("live-countdown"),
    liveNext: $("live-next"), liveWaiting: $("live-waiting"), livePlace: $("live-place"), liveAsk: $("live-ask"),
    console: $("console"), consolePause: $("console-pause"), consoleList: $("console-list"),
    consoleStakeholders: $("console-stakeholders"), consoleItems: $("console-list-items"), consoleEstimate: $("console-estimate"),
    log: $("log"), composer: $("composer"), input: $("message-input"), send: $("send"),
  };

  const state = {
    meeting: null,
    identity: load(KEY_IDENTITY),
    editingIdentity: false,
    joinToken: JOIN_TOKEN,
    room: null,
    conversation: null,
    hub: null,
    signedIn: false, // the hub accepted this page's identity: it may join rooms
    seen: new Set(), // message ids already shown: the sender gets its replies both over HTTP and over the hub
    stash: new Map(), // conversation -> log nodes, so switching rooms and back keeps what was seen
    visited: new Set(),
    echoes: [], // our own sent text, waiting to be matched with the server's copy of the same message
    localSeq: 0,
    lastSent: "",
    history: new Map(), // conversation -> id to page back from (null: nothing older), once its history was loaded
    held: null, // live messages that wait while a reconnected page catches up, so they come after what it missed
    stale: new Set(), // rooms left before a reconnect: what they were sent meanwhile is fetched on coming back
    countdowns: [], // the speaking timers shown in messages: only the current intervention's runs
    displays: null, // the room's live state (session, floor, list) from the display hub
    live: null,
    queue: null, // the queue command's answer for this person: their place, and for moderators the console
    queueKey: null, // the room push's list, floor and session when the queue was last asked for
  };

  // ---- small helpers -------------------------------------------------------------------------------

  function load(key) {
    try { const v = localStorage.getItem(key); return v ? JSON.parse(v) : null; } catch { return null; }
  }

  function save(key, value) {
    // localStorage can throw (private mode, quota); the page still works, it just forgets on reload.
    try { if (value == null) localStorage.removeItem(key); else localStorage.setItem(key, JSON.stringify(value)); } catch { /* ignore */ }
  }

  // Builds an element from props and children; strings always become text nodes.
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v == null || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat()) {
      if (c == null || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  // **bold** and `code` become <strong>/<code>; newlines stay as text and show through CSS pre-wrap.
  function richText(text, allowBold = true) {
    const frag = document.createDocumentFragment();
    const re = allowBold ? /\*\*([^\n]+?)\*\*|`([^`\n]+)`/g : /`([^`\n]+)`()/g;
    let last = 0;
    for (let m; (m = re.exec(text)) !== null;) {
      if (m.index > last) frag.append(text.slice(last, m.index));
      if (allowBold && m[1] !== undefined) frag.append(el("strong", null, richText(m[1], false)));
      else frag.append(el("code", null, allowBold ? m[2] : m[1]));
      last = re.lastIndex;
    }
    if (last < text.length) frag.append(text.slice(last));
    return frag;
  }

  // Times are shown in the venue's time zone (sent with the meeting), whatever the browser's zone.
  function clock(at) {
    const d = new Date(at);
    if (isNaN(d)) return "";
    const zone = state.meeting && state.meeting.timeZone;
    try {
      return d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: zone || undefined });
    } catch {
      return d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
    }
  }

  function nowIso() {
    const d = new Date();
    const p = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  }

  async function api(path, { method = "GET", body, user } = {}) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (user) headers["X-GcmBot-User"] = user;
    let res;
    try {
      res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin", cache: "no-store" });
    } catch {
      return { ok: false, status: 0, error: t("Web.Unreachable") };
    }
    let data = null;
    try { data = await res.json(); } catch { /* empty or non-JSON body */ }
    if (res.ok) return { ok: true, status: res.status, data: data || {} };
    const said = data && (data.error || data.detail || data.title);
    const error = typeof said === "string" && said ? said
      : res.status >= 500 ? t("Web.ServerProblem") : t("Web.ServerRefused", res.status);
    return { ok: false, status: res.status, error };
  }

  // ---- the log -------------------------------------------------------------------------------------

  function append(node, conversation, scroll = false) {
    if (conversation && conversation !== state.conversation) {
      // A late reply or push for a room we have left: keep it for when the user comes back.
      const list = state.stash.get(conversation) || [];
      list.push(node);
      state.stash.set(conversation, list);
      return;
    }
    const log = ui.log;
    const nearBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 120;
    log.append(node);
    if (scroll || nearBottom) log.scrollTop = log.scrollHeight;
  }

  // System lines are not messages (no .msg): errors and connection news, told politely.
  function notice(text, kind = "info", conversation = state.conversation, extra = null) {
    const node = el("div", { class: `notice notice-${kind}` }, el("span", { class: "notice-text" }, text), extra);
    append(node, conversation, true);
    return node;
  }

  // own: the answer to this page's own request, which wins over the room's copy (the room's lacks the chair's buttons).
  function receive(msg, fallbackConversation, own = false) {
    if (state.held && !own) { state.held.push([msg, fallbackConversation]); return; }
    show(msg, fallbackConversation, own);
  }

  function show(msg, fallbackConversation, own = false) {
    const node = build(msg, fallbackConversation, own);
    if (node) append(node.node, node.conversation);
  }

  // The message's node, or null when it is shown already (or was our own text, now confirmed).
  function build(msg, fallbackConversation, own = false) {
    if (!msg || typeof msg !== "object") return null;
    const id = msg.id == null ? null : String(msg.id);
    const conversation = msg.conversation || fallbackConversation || state.conversation;
    if (id !== null) {
      if (state.seen.has(id)) {
        const shown = own && msg.author && msg.author.isBot ? ui.log.querySelector(`[data-id="${CSS.escape(id)}"]`) : null;
        if (shown) shown.replaceWith(renderMessage(msg, conversation));
        return null;
      }
      state.seen.add(id);
    }
    const author = msg.author || {};
    if (!author.isBot && adoptEcho(msg, conversation, id)) return null;
    freezeCountdowns(msg);
    return { node: renderMessage(msg, conversation), conversation };
  }

  function isMe(author) {
    const me = state.identity;
    return !!me && !author.isBot && author.name === me.displayName && (author.delegation || null) === (me.delegation || null);
  }

  // Our own text is shown at once (in order); when the server's copy arrives it takes over the real id.
  function adoptEcho(msg, conversation, id) {
    if (!isMe(msg.author)) return false;
    const text = String(msg.text || "").trim();
    const i = state.echoes.findIndex((e) => e.conversation === conversation && e.text === text);
    if (i < 0) return false;
    const [echo] = state.echoes.splice(i, 1);
    if (id !== null) echo.node.dataset.id = id;
    echo.node.removeAttribute("data-local");
    const time = echo.node.querySelector("time");
    if (time && msg.at) { time.setAttribute("datetime", msg.at); time.textContent = clock(msg.at); }
    return true;
  }

  function renderMessage(msg, conversation) {
    const author = msg.author || {};
    const bot = !!author.isBot;
    const priv = msg.visibility === "private";
    const classes = ["msg", bot ? "msg-bot" : "msg-user"];
    if (priv) classes.push("msg-private");
    if (isMe(author)) classes.push("msg-own");
    const node = el("article", { class: classes.join(" "), dataset: { id: msg.id == null ? "" : String(msg.id) } });

    node.append(el("header", { class: "msg-head" },
      el("span", { class: "msg-author" }, author.name || (bot ? "GcmBot" : t("Web.Participant"))),
      author.delegation ? el("span", { class: "msg-delegation" }, author.delegation) : null,
      bot ? el("span", { class: "badge badge-bot" }, t("Web.Bot")) : null,
      priv ? el("span", { class: "badge badge-private" }, t("Web.OnlyYou")) : null,
      msg.at ? el("time", { datetime: msg.at, title: msg.at }, clock(msg.at)) : null));

    if (msg.title) node.append(el("h3", { class: "msg-title" }, String(msg.title)));
    if (msg.text) node.append(el("div", { class: "msg-text" }, richText(String(msg.text))));
    if (Array.isArray(msg.facts) && msg.facts.length) node.append(renderFacts(msg.facts));
    if (Array.isArray(msg.items) && msg.items.length) node.append(renderItems(msg.items));
    if (Array.isArray(msg.actions) && msg.actions.length) node.append(renderActions(msg.actions, conversation));
    if (msg.form && typeof msg.form === "object") node.append(renderForm(msg.form, conversation));
    if (msg.attachment && typeof msg.attachment === "object") node.append(renderAttachment(msg.attachment));
    if (msg.deadline) node.append(renderCountdown(msg));
    return node;
  }

  // A speaking timer's end, counted down in the browser from the deadline (the server sends it once, not every second),
  // on the server's clock as the room's live state gives it. Only the current intervention's countdown runs: a later
  // message about the same session's floor or timer (next, pause, extend, stop) freezes the earlier ones at that
  // message's time, so a finished one keeps its final time, and the live state freezes any the room has moved past.
  function renderCountdown(msg) {
    const out = el("span", { class: "countdown", role: "timer", "aria-live": "off" });
    state.countdowns.push({ out, end: Date.parse(msg.deadline), code: sessionCode(msg.title), frozenAt: null });
    tickCountdowns();
    return el("p", { class: "timer" }, out);
  }

  // "AG1: Mexico has the floor", "AG1: speaking timer", "AG1: timer stopped" all concern AG1's floor.
  function sessionCode(title) {
    const m = /^([^:\s]+): /.exec(String(title || ""));
    return m ? m[1] : null;
  }

  function freezeCountdowns(msg) {
    const code = msg.author && msg.author.isBot ? sessionCode(msg.title) : null;
    if (!code) return;
    const at = Date.parse(msg.at);
    for (const c of state.countdowns) if (c.code === code && c.frozenAt === null) c.frozenAt = at;
  }

  // The room's live state has moved on (another speaker, nobody, a closed session): stop the others where they are.
  // A state that crossed an older message in flight is corrected by the next one.
  function followFloor(snapshot) {
    const floor = snapshot.floor;
    const at = Date.parse(snapshot.serverTime);
    for (const c of state.countdowns) {
      const live = floor && floor.timer === "running" && Date.parse(floor.deadline) === c.end;
      if (live && c.frozenByLive) { c.frozenAt = null; c.frozenByLive = false; }
      else if (!live && c.frozenAt === null) { c.frozenAt = at; c.frozenByLive = true; }
    }
  }

  function tickCountdowns() {
    const floor = state.live && state.live.floor;
    const now = GcmCountdown.now();
    // Kept even while their room is not shown (its lines are stashed), so they are right when it is again.
    const latest = state.countdowns[state.countdowns.length - 1];
    for (const c of state.countdowns) {
      const live = floor && floor.timer === "running" && Date.parse(floor.deadline) === c.end;
      const paused = c === latest && floor && floor.timer === "paused" && !live;
      const left = Math.round((c.end - (c.frozenAt === null ? now : c.frozenAt)) / 1000);
      const abs = Math.abs(left);
      const time = `${left < 0 ? "+" : ""}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")}`;
      const text = paused ? t("Web.TimerPaused", GcmCountdown.format(Math.ceil(floor.remainingSeconds || 0)))
        : c.frozenAt !== null ? t(left < 0 ? "Web.TimerEndedOver" : "Web.TimerEndedLeft", time)
          : t(left < 0 ? "Web.TimerOver" : "Web.TimerLeft", time);
      if (c.out.textContent !== text) c.out.textContent = text;
      c.out.classList.toggle("over", left < 0);
      c.out.classList.toggle("frozen", c.frozenAt !== null);
      c.out.dataset.state = paused ? "paused" : c.frozenAt !== null ? "ended" : "running";
    }
  }

  // A file the bot produced (a CSV export, a draft): a download link built from the embedded content.
  function renderAttachment(file) {
    const href = `data:${String(file.contentType || "application/octet-stream")};base64,${String(file.base64 || "")}`;
    return el("p", { class: "attachment" },
      el("a", { class: "btn btn-secondary", href, download: String(file.fileName || "download") }, file.fileName ? t("Web.Download", String(file.fileName)) : t("Web.DownloadFile")));
  }

  function renderFacts(facts) {
    return el("dl", { class: "facts" }, facts.map((f) =>
      el("div", { class: "fact" }, el("dt", null, String(f.label ?? "")), el("dd", null, richText(String(f.value ?? ""), false)))));
  }

  function renderItems(items) {
    const hasDetail = items.some((i) => i.detail);
    const hasSegment = items.some((i) => i.segment);
    return el("div", { class: "items-wrap" }, el("table", { class: "items" },
      el("thead", null, el("tr", null,
        el("th", { scope: "col", class: "pos" }, "#"),
        el("th", { scope: "col" }, t("Web.Column.Name")),
        hasDetail ? el("th", { scope: "col" }, t("Web.Column.Details")) : null,
        hasSegment ? el("th", { scope: "col" }, t("Web.Column.Segment")) : null)),
      el("tbody", null, items.map((i) => {
        const seg = i.segment ? String(i.segment) : "";
        return el("tr", { class: `item${seg ? " segment-" + seg : ""}`, dataset: seg ? { segment: seg } : null },
          el("td", { class: "pos" }, i.position == null ? "" : String(i.position)),
          el("td", { class: "label" }, String(i.label ?? "")),
          hasDetail ? el("td", { class: "detail" }, String(i.detail ?? "")) : null,
          hasSegment ? el("td", null, seg ? el("span", { class: `tag tag-${seg}` }, SEGMENTS[seg] ? t("Web.Segment." + SEGMENTS[seg]) : seg) : "") : null);
      }))));
  }

  function renderActions(actions, conversation) {
    return el("div", { class: "actions" }, actions.map((a) => {
      const style = ["primary", "secondary", "danger"].includes(a.style) ? a.style : "secondary";
      const button = el("button", { type: "button", class: `action btn btn-${style}`, dataset: { command: String(a.command ?? "") } }, String(a.label ?? a.command ?? ""));
      button.addEventListener("click", async () => {
        button.disabled = true;
        try { await sendText(button.dataset.command, conversation); } finally { button.disabled = false; }
      });
      return button;
    }));
  }

  function renderForm(form, conversation) {
    const uid = ++state.localSeq;
    const fields = Array.isArray(form.fields) ? form.fields : [];
    const status = el("p", { class: "form-status", role: "status" });
    const submit = el("button", { type: "submit", class: "form-submit btn btn-primary" }, String(form.submitLabel || t("Web.Submit")));
    const controls = fields.map((f) => {
      const name = String(f.name);
      const id = `form${uid}-${name}`;
      const attrs = { id, name, required: !!f.required, maxlength: f.maxLength > 0 ? f.maxLength : null, placeholder: f.placeholder || null };
      const control = f.multiline ? el("textarea", { ...attrs, rows: 4 }) : el("input", { ...attrs, type: "text" });
      if (f.value != null) control.value = String(f.value);
      const counter = f.maxLength > 0 ? el("span", { class: "counter", "aria-hidden": "true" }) : null;
      const count = () => { if (counter) counter.textContent = `${control.value.length} / ${f.maxLength}`; };
      control.addEventListener("input", () => { control.setCustomValidity(""); count(); });
      count();
      return { name, control, required: !!f.required,
        node: el("div", { class: "form-field" },
          el("label", { for: id }, String(f.label || name), f.required ? el("span", { class: "req", "aria-hidden": "true" }, " *") : null),
          control, counter) };
    });
    const fieldset = el("fieldset", null, form.title ? el("legend", null, String(form.title)) : null,
      controls.map((c) => c.node), el("div", { class: "form-row" }, submit), status);
    const node = el("form", { class: "reply-form", dataset: { command: String(form.command ?? "") } }, fieldset);
    node.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      // "required" accepts spaces only; a card made of blanks is not a card.
      for (const c of controls) c.control.setCustomValidity(c.required && !c.control.value.trim() ? t("Web.FillField") : "");
      if (!node.reportValidity()) return;
      if (!state.identity) { askForIdentity(); return; }
      const values = {};
      for (const c of controls) values[c.name] = c.control.value;
      fieldset.disabled = true;
      status.textContent = t("Web.Sending");
      const r = await api("/api/web/commands", { method: "POST", user: state.identity.userId,
        body: { conversation, command: form.command, fields: values } });
      if (!r.ok) {
        fieldset.disabled = false;
        status.textContent = "";
        notice(t("Web.StillInForm", r.error), "error", conversation);
        if (r.status === 401) askForIdentity();
        return;
      }
      // Submitted once: keep what was sent visible but frozen, so it cannot be sent twice by accident.
      for (const c of controls) c.control.disabled = true;
      submit.disabled = true;
      node.classList.add("submitted");
      status.textContent = t("Web.Submitted");
      for (const m of Array.isArray(r.data.messages) ? r.data.messages : []) receive(m, conversation, true);
    });
    return node;
  }

  // ---- sending -------------------------------------------------------------------------------------

  // Sends typed text or a button's command. Resolves true when the server accepted it.
  async function sendText(raw, conversation = state.conversation, fromComposer = false) {
    const text = String(raw ?? "").trim();
    if (!text || !conversation) return false;
    if (!state.identity) { askForIdentity(); return false; }
    const me = state.identity;
    const node = el("article", { class: "msg msg-user msg-own", dataset: { id: `local-${++state.localSeq}`, local: "", pending: "" } },
      el("header", { class: "msg-head" },
        el("span", { class: "msg-author" }, me.displayName),
        me.delegation ? el("span", { class: "msg-delegation" }, me.delegation) : null,
        el("time", { datetime: nowIso() }, clock(nowIso()))),
      el("div", { class: "msg-text" }, text));
    const echo = { node, text, conversation };
    state.echoes.push(echo);
    if (state.echoes.length > 50) state.echoes.shift();
    append(node, conversation, true);

    const r = await api("/api/web/commands", { method: "POST", user: me.userId, body: { conversation, text } });
    if (!r.ok) {
      node.remove();
      state.echoes = state.echoes.filter((e) => e !== echo);
      notice(fromComposer ? t("Web.StillInBox", r.error) : r.error, "error", conversation);
      if (r.status === 401) askForIdentity();
      return false;
    }
    node.removeAttribute("data-pending");
    const replies = Array.isArray(r.data.messages) ? r.data.messages : [];
    for (const m of replies) receive(m, conversation, true);
    // Not taken over by a server copy (commands usually are not echoed): show the server's venue time, not the browser's.
    const at = replies.length && replies[0] && replies[0].at;
    const time = node.querySelector("time");
    if (node.hasAttribute("data-local") && at && time) { time.setAttribute("datetime", at); time.textContent = clock(at); }
    return true;
  }

  let sending = false;
  async function submitComposer() {
    if (sending) return;
    const text = ui.input.value;
    if (!text.trim()) return;
    sending = true;
    ui.input.readOnly = true; // keep the text visible and untouched until the server has it
    ui.send.disabled = true;
    let ok = false;
    try { ok = await sendText(text, state.conversation, true); } finally {
      sending = false;
      ui.input.readOnly = false;
      ui.send.disabled = false;
    }
    if (ok) {
      state.lastSent = text;
      ui.input.value = "";
      autosize();
    }
    ui.input.focus();
  }

  function autosize() {
    ui.input.style.height = "auto";
    ui.input.style.height = Math.min(ui.input.scrollHeight + 2, 200) + "px";
  }

  // ---- identity ------------------------------------------------------------------------------------

  function renderIdentity() {
    const me = state.identity;
    const picker = !state.meeting || state.meeting.identityPicker !== false;
    ui.summary.hidden = !me;
    if (me) {
      ui.whoName.textContent = me.displayName;
      ui.whoDelegation.textContent = me.delegation || t("Web.NoDelegation");
      ui.whoRole.textContent = (me.roles || []).map((r) => (ROLES[r] ? t("Web.Role." + ROLES[r]) : r)).join(", ") || t("Web.Participant");
    }
    const joining = !!state.joinToken;
    ui.joinForm.hidden = !joining;
    ui.change.hidden = joining || !picker || state.editingIdentity;
    ui.identityOff.hidden = joining || picker || !!me;
    ui.identityOff.textContent = picker ? "" : String(state.meeting.identityPickerMessage || t("Web.IdentityOff"));
    ui.identityForm.hidden = joining || !state.meeting || !picker || (!!me && !state.editingIdentity);
    ui.identityCancel.hidden = !me;
  }

  function editIdentity() {
    const me = state.identity;
    state.editingIdentity = true;
    if (me) {
      ui.displayName.value = me.displayName || "";
      ui.delegation.value = me.delegation || "";
      const role = (me.roles || []).find((r) => r in ROLES);
      if (role) ui.role.value = role;
    }
    syncDelegationRequired();
    ui.identityError.hidden = true;
    renderIdentity();
    ui.displayName.focus();
  }

  function askForIdentity() {
    if (state.joinToken) {
      notice(t("Web.JoinFirst"), "error");
      ui.joinName.focus();
      return;
    }
    if (state.meeting && state.meeting.identityPicker === false) {
      notice(state.identity ? t("Web.IdentityForgotten", t("Web.IdentityOff")) : t("Web.IdentityOff"), "error");
      return;
    }
    if (!state.identity) notice(t("Web.IdentityFirst"), "error");
    editIdentity();
  }

  // Secretariat roles may have no delegation; a delegate always speaks for one.
  function syncDelegationRequired() {
    ui.delegation.required = ui.role.value === "delegate";
  }

  async function submitIdentity(ev) {
    ev.preventDefault();
    const displayName = ui.displayName.value.trim();
    ui.displayName.setCustomValidity(displayName ? "" : t("Web.EnterName"));
    syncDelegationRequired();
    if (!ui.identityForm.reportValidity()) return;
    ui.identitySubmit.disabled = true;
    ui.identityError.hidden = true;
    const r = await api("/api/web/identity", { method: "POST",
      body: { displayName, delegation: ui.delegation.value || null, role: ui.role.value } });
    ui.identitySubmit.disabled = false;
    if (!r.ok || !r.data.userId) {
      ui.identityError.textContent = r.ok ? t("Web.NoIdentityReturned") : r.error;
      ui.identityError.hidden = false;
      return;
    }
    adoptIdentity(r.data, displayName, [ui.role.value]);
  }

  async function submitJoin(ev) {
    ev.preventDefault();
    const displayName = ui.joinName.value.trim();
    ui.joinName.setCustomValidity(displayName ? "" : t("Web.EnterName"));
    if (!ui.joinForm.reportValidity()) return;
    ui.joinSubmit.disabled = true;
    ui.joinError.hidden = true;
    const r = await api("/api/web/join", { method: "POST", body: { token: state.joinToken, displayName } });
    ui.joinSubmit.disabled = false;
    if (!r.ok || !r.data.userId) {
      ui.joinError.textContent = r.ok ? t("Web.NoIdentityReturned") : r.error;
      ui.joinError.hidden = false;
      return;
    }
    // The link is spent: keep it out of the address bar and the history.
    state.joinToken = null;
    history.replaceState(null, "", document.baseURI);
    adoptIdentity(r.data, displayName, []);
  }

  // The identity the server gave (picked or from an invitation), kept in this browser.
  function adoptIdentity(d, displayName, roles) {
    state.identity = {
      userId: String(d.userId),
      displayName: String(d.displayName || displayName),
      delegation: d.delegation == null ? null : String(d.delegation),
      roles: Array.isArray(d.roles) ? d.roles.map(String) : roles,
    };
    save(KEY_IDENTITY, state.identity);
    shareIdentity();
    signIn().then(joinCurrent);
    refreshQueue(); // the panel's place and button, the console: theirs now
    refreshLanguage(); // this person's own choice, if they made one in another channel
    state.editingIdentity = false;
    renderIdentity();
    const who = state.identity.delegation ? `${state.identity.displayName} (${state.identity.delegation})` : state.identity.displayName;
    notice(t("Web.NowYou", who));
    ui.input.focus();
    goHome();
  }

  // A person who just signed in and chose no room goes where they belong now.
  async function goHome() {
    const asked = new URLSearchParams(window.location.search).get("room");
    const rooms = state.meeting && Array.isArray(state.meeting.rooms) ? state.meeting.rooms.map(String) : [];
    if (asked || chosenRoom(rooms)) return;
    const r = await api("/api/web/meeting", { user: state.identity.userId });
    const home = r.ok && r.data.homeRoom ? rooms.find((room) => room === String(r.data.homeRoom)) : null;
    if (home) switchRoom(home);
  }

  // Organisers reach the Hangfire dashboard, the overview and the statistics, rapporteurs the draft review
  // page, with the same identity; the cookie is sent to those pages only (the server checks the role behind it).
  function shareIdentity() {
    if (!state.identity) return;
    for (const path of ["/hangfire", "/overview", "/stats", "/stats.csv", "/drafts", "/api/drafts"]) {
      document.cookie = `gcmbot_user=${encodeURIComponent(state.identity.userId)}; path=${path}; SameSite=Strict`;
    }
  }

  // ---- meeting, rooms, connection ------------------------------------------------------------------

  function renderMeeting() {
    const m = state.meeting;
    ui.title.textContent = m.title || t("Web.MeetingChat");
    document.title = (m.title ? m.title + " — " : "") + t("Web.PageTitle");
    ui.venue.textContent = m.venue || "";
    ui.venue.hidden = !m.venue;

    const delegations = Array.isArray(m.delegations) ? m.delegations : [];
    const known = new Set(CATEGORIES.map(([k]) => k));
    const groups = [...CATEGORIES, ["", "Other"]].map(([key, group]) => {
      const members = delegations.filter((d) => (key ? d.category === key : !known.has(d.category)));
      return members.length ? el("optgroup", { label: t("Web.Group." + group) }, members.map((d) => el("option", { value: String(d.name) }, String(d.name)))) : null;
    }).filter(Boolean);
    ui.delegation.replaceChildren(ui.delegation.options[0], ...groups);

    const rooms = (Array.isArray(m.rooms) ? m.rooms : []).map(String);
    ui.room.replaceChildren(...rooms.map((r) => el("option", { value: r }, r)));
    ui.room.disabled = rooms.length === 0;
    renderLanguages();
    renderIdentity();
    if (!rooms.length) {
      notice(t("Web.NoRooms"), "error", null);
      return;
    }
    switchRoom(initialRoom(rooms));
  }

  // ---- the language picker -----------------------------------------------------------------------

  // The six languages by their own names, from the meeting; the page shows the one this person's replies are in.
  function renderLanguages() {
    const languages = Array.isArray(state.meeting.languages) ? state.meeting.languages : [];
    ui.language.replaceChildren(...languages.map((l) => el("option", { value: String(l.code), lang: String(l.code) }, String(l.nativeName))));
    ui.language.disabled = languages.length === 0;
    applyLanguage();
  }

  function applyLanguage() {
    const code = state.meeting.language;
    const language = (Array.isArray(state.meeting.languages) ? state.meeting.languages : []).find((l) => l.code === code);
    if (!language) return;
    ui.language.value = language.code;
    document.documentElement.lang = language.code;
    document.documentElement.dir = language.rightToLeft ? "rtl" : "ltr";
    relabel();
  }

  // The labels written into the page (data-text, data-label, data-placeholder name their text), and the ones
  // this script sets, in the language now in use.
  function relabel() {
    if (state.meeting.texts) texts = state.meeting.texts;
    for (const e of document.querySelectorAll("[data-text]")) e.textContent = t(e.dataset.text);
    for (const e of document.querySelectorAll("[data-label]")) e.setAttribute("aria-label", t(e.dataset.label));
    for (const e of document.querySelectorAll("[data-placeholder]")) e.placeholder = t(e.dataset.placeholder);
    setStatus(ui.status.dataset.state);
    renderIdentity();
    if (state.live) renderLive();
    renderQueue();
  }

  // The server's word on this person's language (what was stored, not what the picker was set to).
  async function refreshLanguage() {
    const r = await api("/api/web/meeting", { user: state.identity && state.identity.userId });
    if (r.ok && state.meeting) Object.assign(state.meeting, { language: r.data.language, texts: r.data.texts });
    if (state.meeting) applyLanguage();
  }

  // Choosing is the language command, as the person would type it: its answer shows in the chat, and a refusal
  // leaves the picker on the language still in use.
  async function chooseLanguage() {
    ui.language.disabled = true;
    try {
      if (await sendText(`/language ${ui.language.value}`)) await refreshLanguage();
      else applyLanguage();
    } finally {
      ui.language.disabled = false;
    }
  }

  function initialRoom(rooms) {
    const find = (name) => typeof name === "string" && (rooms.find((r) => r === name) || rooms.find((r) => r.toLowerCase() === name.toLowerCase()));
    const asked = new URLSearchParams(window.location.search).get("room");
    if (asked) {
      const found = find(asked);
      if (found) return found;
      state.pendingNotice = t("Web.NoSuchRoom", asked);
    }
    // Then the room last chosen in this browser, then the first room with a session under way.
    // Then the room this person chose last time, then where they belong now (their session as moderator or
    // rapporteur, their delegation's session), then a room with a session under way.
    return chosenRoom(rooms) || find(state.meeting.homeRoom) || roomsNow().map(find).find(Boolean) || rooms[0];
  }

  function chosenRoom(rooms) {
    const chosen = load(KEY_ROOM);
    return typeof chosen === "string" ? rooms.find((r) => r.toLowerCase() === chosen.toLowerCase()) || null : null;
  }

  function roomsNow() {
    return (Array.isArray(state.meeting.roomsNow) ? state.meeting.roomsNow : []).map(String);
  }

  function switchRoom(room) {
    const next = "room:" + room;
    const old = state.conversation;
    if (next === old) return;
    if (old) state.stash.set(old, [...ui.log.childNodes]);
    state.room = room;
    state.conversation = next;
    ui.room.value = room;
    ui.roomName.textContent = room;
    ui.log.setAttribute("aria-busy", "true"); // restoring old lines should not be read out again
    ui.log.replaceChildren(...(state.stash.get(next) || []));
    state.stash.delete(next);
    ui.log.scrollTop = ui.log.scrollHeight;
    ui.log.removeAttribute("aria-busy");
    const url = new URL(window.location.href);
    if (url.searchParams.has("room")) { url.searchParams.set("room", room); history.replaceState(null, "", url); }
    if (state.pendingNotice) { notice(state.pendingNotice, "error"); state.pendingNotice = null; }
    if (!state.visited.has(next)) {
      state.visited.add(next);
      notice(t("Web.InRoom", room));
    }
    const hub = state.hub;
    if (hub && hub.state === "connected") {
      if (old) hub.invoke("Leave", old).catch(() => { /* leaving a room we may not be in is fine */ });
      joinCurrent().then(() => { if (state.stale.delete(next)) catchUp(next); });
    }
    watchRoom();
  }

  // The hub hears only signed-in people: signing in also joins this person's private messages (answers, reminders,
  // floor cues), in whatever room is shown. Resolves true when the hub accepted the identity.
  async function signIn() {
    state.signedIn = false;
    if (!state.identity || !state.hub || state.hub.state !== "connected") return false;
    try {
      await state.hub.invoke("SignIn", state.identity.userId);
      state.signedIn = true;
      return true;
    } catch (e) {
      notice(t("Web.LiveUnavailable", e.message), "error");
      return false;
    }
  }

  async function joinCurrent() {
    const conversation = state.conversation;
    if (!conversation || !state.hub || !state.signedIn) return;
    try {
      await state.hub.invoke("Join", conversation);
      if (!state.history.has(conversation)) await loadHistory(conversation);
    } catch (e) {
      // A drop is handled by the reconnect (which joins again); anything else is worth telling.
      if (state.hub.state === "connected") notice(t("Web.RoomLiveUnavailable", e.message), "error", conversation);
    }
  }

  // ---- history -------------------------------------------------------------------------------------

  // The room's last public messages and this person's own private ones, older ones first; scrolling to the top
  // asks for the page before.
  async function loadHistory(conversation) {
    if (!state.identity) return;
    const known = state.history.get(conversation);
    if (known === null) return; // nothing older
    state.history.set(conversation, null);
    const query = `conversation=${encodeURIComponent(conversation)}${known ? `&before=${known}` : ""}`;
    const r = await api(`/api/web/history?${query}`, { user: state.identity.userId });
    if (!r.ok) { state.history.delete(conversation); return; }
    const nodes = [];
    for (const m of Array.isArray(r.data.messages) ? r.data.messages : []) {
      const built = build(m, conversation);
      if (built && built.conversation === conversation) nodes.push(built.node);
    }
    state.history.set(conversation, r.data.before == null ? null : r.data.before);
    if (conversation !== state.conversation) { state.stash.set(conversation, [...nodes, ...(state.stash.get(conversation) || [])]); return; }
    const log = ui.log;
    const fromBottom = log.scrollHeight - log.scrollTop;
    log.setAttribute("aria-busy", "true");
    log.prepend(...nodes);
    log.scrollTop = known ? log.scrollHeight - fromBottom : log.scrollHeight;
    log.removeAttribute("aria-busy");
    tickCountdowns();
  }

  // After a reconnect: what the room and this person were sent while the page was away (the latest history page),
  // in order and once each; live messages that arrive meanwhile wait and follow.
  async function catchUp(conversation) {
    if (!state.identity || !conversation) return;
    state.held = state.held || [];
    try {
      const r = await api(`/api/web/history?conversation=${encodeURIComponent(conversation)}`, { user: state.identity.userId });
      if (r.ok) for (const m of Array.isArray(r.data.messages) ? r.data.messages : []) show(m, conversation);
    } finally {
      const held = state.held;
      state.held = null;
      for (const [m, c] of held) show(m, c);
      tickCountdowns();
    }
  }

  // ---- the side panel: the room live, your place, the chair's console ---------------------------------

  function connectDisplays() {
    if (typeof SignalRLite !== "function" || typeof GcmCountdown !== "object") return;
    const hub = new SignalRLite("/hubs/display");
    state.displays = hub;
    hub.on("room", applyLive);
    hub.onreconnected(watchRoom);
    hub.start().then(watchRoom);
    setInterval(() => { renderLiveCountdown(); tickCountdowns(); }, 250);
  }

  async function watchRoom() {
    const hub = state.displays;
    if (!hub || hub.state !== "connected" || !state.room) return;
    const room = state.room;
    state.live = null;
    state.queueKey = null;
    try { applyLive(await hub.invoke("WatchRoom", room)); } catch { ui.live.hidden = true; }
  }

  function applyLive(snapshot) {
    if (!snapshot || typeof snapshot !== "object" || String(snapshot.room).toLowerCase() !== String(state.room).toLowerCase()) return;
    // Pushes can cross (several instances behind a proxy): never go back to an older state.
    if (state.live && Date.parse(snapshot.serverTime) < Date.parse(state.live.serverTime)) return;
    GcmCountdown.sync(snapshot.serverTime);
    state.live = snapshot;
    followFloor(snapshot);
    renderLive();
    // Every captured chat message pushes the room again (its counts): the place, the buttons and the console change
    // only with the list, the floor or the session, so only then does the page ask again (one request per change).
    const key = JSON.stringify([snapshot.session, snapshot.floor, snapshot.next, snapshot.waiting, snapshot.listVersion]);
    if (key !== state.queueKey) { state.queueKey = key; refreshQueue(); }
  }

  function renderLive() {
    const s = state.live;
    ui.live.hidden = !s;
    if (!s) return;
    const session = s.session;
    ui.liveSession.textContent = session
      ? t(session.status === "open" ? (session.listOpen ? "Web.SessionOpen" : "Web.SessionListClosed") : session.status === "closed" ? "Web.SessionClosed" : "Web.SessionStarts",
        session.code, session.title, session.starts)
      : t("Web.NoSession");
    ui.liveSpeaker.textContent = s.floor ? t("Web.HasFloor", s.floor.speaker) : t("Web.NobodyHasFloor");
    ui.liveNext.replaceChildren(...(s.next || []).map((w) => el("li", { dataset: { segment: String(w.segment) } }, String(w.delegation))));
    ui.liveWaiting.textContent = s.waiting === 0 ? t("Web.NobodyWaiting")
      : s.stakeholdersWaiting ? t("Web.WaitingWithStakeholders", s.waiting, s.stakeholdersWaiting) : t("Web.Waiting", s.waiting);
    renderLiveCountdown();
  }

  function renderLiveCountdown() {
    const s = state.live;
    if (!s || typeof GcmCountdown !== "object") return;
    const v = GcmCountdown.view(s.floor, s.warningSeconds);
    const text = v.state === "paused" ? t("Web.CountdownPaused", v.text) : v.text;
    if (ui.liveCountdown.textContent !== text) ui.liveCountdown.textContent = text;
    ui.liveCountdown.dataset.state = v.state;
  }

  // The queue command's answer, shown in the panel rather than the chat: the person's place and button, and for
  // the session's moderators (whom the command gives the Next button) the whole list and the estimate.
  // At most one request per 150 ms, and never put off: a change during the wait is in its answer, and one that comes
  // later asks again. (Waiting for 150 ms of quiet instead never asked while a busy room kept pushing.)
  let queueTimer = null;
  function refreshQueue() {
    if (queueTimer !== null) return;
    queueTimer = setTimeout(() => { queueTimer = null; loadQueue(); }, 150);
  }

  async function loadQueue() {
    const conversation = state.conversation;
    if (!state.identity || !conversation) return;
    const r = await api(`/api/web/queue?conversation=${encodeURIComponent(conversation)}`, { user: state.identity.userId });
    if (conversation !== state.conversation) return;
    state.queue = r.ok && !r.data.isError ? r.data : null;
    renderQueue();
  }

  function renderQueue() {
    const q = state.queue;
    const facts = q && Array.isArray(q.facts) ? q.facts : [];
    const fact = (label) => (facts.find((f) => f.label === label) || {}).value;
    const place = fact(t("Queue.YourPlace"));
    ui.livePlace.hidden = !place;
    ui.livePlace.textContent = place ? t("Web.YourPlace", place) : "";
    const actions = q && Array.isArray(q.actions) ? q.actions : [];
    const own = actions.find((a) => a.command === "/speak" || a.command === "/withdraw");
    // Labelled even while hidden: the page's template wrote it in the language the page opened in.
    ui.liveAsk.hidden = !own;
    ui.liveAsk.textContent = t(own && own.command === "/withdraw" ? "Web.Withdraw" : "Web.AskForFloor");
    if (own) ui.liveAsk.dataset.command = own.command;
    const chair = actions.some((a) => a.command === "/next");
    ui.console.hidden = !chair;
    if (!chair) return;
    const floor = state.live && state.live.floor;
    const paused = floor && floor.timer === "paused";
    ui.consolePause.textContent = t(paused ? "Staff.Web.Resume" : "Staff.Web.Pause");
    ui.consolePause.dataset.command = paused ? "/timer resume" : "/timer pause";
    const closed = fact(t("Queue.List")) === t("Queue.Closed");
    ui.consoleList.textContent = t(closed ? "Staff.Web.ReopenList" : "Staff.Web.CloseList");
    ui.consoleList.dataset.command = closed ? "/list reopen" : "/list close";
    ui.consoleStakeholders.hidden = fact(t("Queue.Segment")) === t("Queue.Stakeholders");
    const items = Array.isArray(q.items) ? q.items : [];
    ui.consoleItems.replaceChildren(...items.map((i, n) => el("li", { dataset: { segment: String(i.segment || "main"), delegation: String(i.label) } },
      el("span", { class: "name" }, String(i.label)),
      el("button", { type: "button", class: "btn btn-secondary move-up", disabled: n === 0, "aria-label": t("Staff.Web.MoveUp", i.label),
        onclick: () => moveSpeaker(String(i.label), i.position - 1) }, "↑"),
      el("button", { type: "button", class: "btn btn-secondary move-down", disabled: n === items.length - 1, "aria-label": t("Staff.Web.MoveDown", i.label),
        onclick: () => moveSpeaker(String(i.label), i.position + 1) }, "↓"))));
    ui.consoleEstimate.replaceChildren(...facts.filter((f) => f.label === t("Staff.Queue.EstimatedEnd") || f.label === t("Staff.Advice"))
      .map((f) => el("div", { class: "fact" }, el("dt", null, String(f.label)), el("dd", null, richText(String(f.value), false)))));
  }

  // Moving is the list move command, as the chair would type it: its segment rules hold.
  async function moveSpeaker(delegation, position) {
    const conversation = state.conversation;
    const r = await api("/api/web/commands", { method: "POST", user: state.identity.userId,
      body: { conversation, command: "list move", fields: { delegation, position: String(position) } } });
    if (!r.ok) { notice(r.error, "error", conversation); return; }
    for (const m of Array.isArray(r.data.messages) ? r.data.messages : []) receive(m, conversation, true);
  }

  function setStatus(s) {
    ui.status.dataset.state = s;
    ui.status.textContent = t(s === "connected" ? "Web.Connected" : s === "reconnecting" ? "Web.Reconnecting" : s === "connecting" ? "Web.Connecting" : "Web.Disconnected");
  }

  function connectHub() {
    if (typeof SignalRLite !== "function") { setStatus("disconnected"); return; }
    const hub = new SignalRLite("/hubs/chat");
    state.hub = hub;
    hub.on("message", (m) => receive(m));
    hub.onreconnecting(() => setStatus("reconnecting"));
    hub.onreconnected(async () => {
      setStatus("connected");
      notice(t("Web.ConnectionRestored"));
      for (const conversation of state.history.keys()) if (conversation !== state.conversation) state.stale.add(conversation);
      if (await signIn()) { await joinCurrent(); await catchUp(state.conversation); }
    });
    hub.start().then(() => { setStatus("connected"); signIn().then(joinCurrent); });
  }

  async function loadMeeting() {
    const r = await api("/api/web/meeting", { user: state.identity && state.identity.userId });
    if (!r.ok) {
      const retry = el("button", { type: "button", class: "btn btn-secondary" }, t("Web.TryAgain"));
      const line = notice(t("Web.MeetingNotLoaded", r.error), "error", null, retry);
      retry.addEventListener("click", () => { line.remove(); loadMeeting(); });
      return;
    }
    state.meeting = r.data || {};
    if (!state.displays) connectDisplays();
    renderMeeting();
    if (!state.hub) connectHub();
  }

  // ---- wiring --------------------------------------------------------------------------------------

  ui.identityForm.addEventListener("submit", submitIdentity);
  ui.joinForm.addEventListener("submit", submitJoin);
  ui.joinName.addEventListener("input", () => ui.joinName.setCustomValidity(""));
  ui.displayName.addEventListener("input", () => ui.displayName.setCustomValidity(""));
  ui.role.addEventListener("change", syncDelegationRequired);
  ui.change.addEventListener("click", editIdentity);
  ui.identityCancel.addEventListener("click", () => { state.editingIdentity = false; renderIdentity(); ui.change.focus(); });
  // Only a room the person picks is remembered: the one the page opened in by itself is not a choice.
  ui.room.addEventListener("change", () => { save(KEY_ROOM, ui.room.value); switchRoom(ui.room.value); });
  ui.help.addEventListener("click", () => sendText("/help"));
  ui.language.addEventListener("change", chooseLanguage);
  ui.liveAsk.addEventListener("click", () => sendText(ui.liveAsk.dataset.command));
  for (const button of ui.console.querySelectorAll(".console-buttons button")) {
    button.addEventListener("click", async () => {
      button.disabled = true;
      try { await sendText(button.dataset.command); } finally { button.disabled = false; }
    });
  }
  ui.log.addEventListener("scroll", () => {
    if (ui.log.scrollTop < 40 && state.history.get(state.conversation)) loadHistory(state.conversation);
  });
  ui.composer.addEventListener("submit", (ev) => { ev.preventDefault(); submitComposer(); });
  ui.input.addEventListener("input", autosize);
  ui.input.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); submitComposer(); }
    // Up in an empty box brings back the last thing sent, as in most chat tools.
    else if (ev.key === "ArrowUp" && !ui.input.value && state.lastSent) { ev.preventDefault(); ui.input.value = state.lastSent; autosize(); }
  });

  renderIdentity();
  shareIdentity();
  syncDelegationRequired();
  loadMeeting();
})();
