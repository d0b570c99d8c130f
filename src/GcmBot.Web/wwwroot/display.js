// display.js: a room's projector page. Receives the room's whole state over SignalR after every change
// (and once when it subscribes or re-subscribes after a drop); counts the speaking timer down locally.
"use strict";

(() => {
  const room = decodeURIComponent(window.location.pathname.split("/")[2] || "");
  const $ = (id) => document.getElementById(id);
  const ui = {
    roomName: $("room-name"), status: $("status"), sessionStatus: $("session-status"), title: $("session-title"),
    time: $("session-time"), clock: $("clock"), segment: $("segment"), speaker: $("speaker"), detail: $("speaker-detail"),
    countdown: $("countdown"), next: $("next"), waiting: $("waiting"), reconnecting: $("reconnecting"),
  };
  let snapshot = null;
  let lastServerTime = 0;

  // The page's texts in the room's language, written into the page by the server; {0}, {1}… are filled in here.
  const texts = JSON.parse($("texts").textContent);
  const t = (key, ...args) => (texts[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));

  const el = (tag, cls, text) => { const n = document.createElement(tag); if (cls) n.className = cls; if (text != null) n.textContent = text; return n; };
  const setText = (node, text) => { if (node.textContent !== text) node.textContent = text; };

  function setStatus(state, text) {
    ui.status.dataset.state = state;
    setText(ui.status, text);
    ui.reconnecting.hidden = state !== "reconnecting";
  }

  function apply(s) {
    if (!s || typeof s !== "object" || String(s.room).toLowerCase() !== room.toLowerCase()) return;
    // Pushes can cross (several instances behind a proxy): never go back to an older state.
    const t = Date.parse(s.serverTime);
    if (t < lastServerTime) return;
    lastServerTime = t;
    GcmCountdown.sync(s.serverTime);
    snapshot = s;
    render();
  }

  function render() {
    const s = snapshot;
    const session = s.session;
    setText(ui.roomName, s.room);
    document.title = `${s.room} — ${session ? session.code : t("Display.Display")}`;
    setText(ui.title, session ? `${session.code} — ${session.title}` : t("Display.NoSession"));
    setText(ui.time, session ? t("Display.SessionTime", session.date, session.starts, session.ends) + (session.dimension ? " · " + session.dimension : "") : "");
    const status = !session ? "" : session.status === "open" ? t(session.listOpen ? "Display.Open" : "Display.OpenListClosed") : session.status === "closed" ? t("Display.Closed") : t("Display.Starts", session.starts);
    setText(ui.sessionStatus, status);
    ui.sessionStatus.dataset.status = session ? session.status : "none";
    ui.segment.hidden = !(session && session.status === "open" && session.segment === "stakeholders");

    const floor = s.floor;
    setText(ui.speaker, floor ? floor.speaker : "—");
    ui.speaker.dataset.category = floor && floor.categoryKey ? floor.categoryKey : "chair";
    setText(ui.detail, floor ? [floor.category, floor.kind === "statement" ? null : floor.kindLabel].filter(Boolean).join(" · ") : (session && session.status === "open" ? t("Display.WaitingForModerator") : ""));

    const items = [];
    let markedStakeholders = false;
    for (const w of s.next || []) {
      if (w.segment === "stakeholders" && !markedStakeholders) {
        markedStakeholders = true;
        items.push(el("li", "divider", t("Display.StakeholderSegment")));
      }
      const li = el("li", "entry seg-" + w.segment);
      li.append(el("span", "pos", String(w.position)), el("span", "name", w.delegation),
        el("span", "cat", w.kind === "statement" ? w.category : `${w.kindLabel} · ${w.category}`));
      items.push(li);
    }
    ui.next.replaceChildren(...items);
    const more = [];
    more.push(s.waiting === 0 ? t("Display.NobodyWaiting") : t("Display.Waiting", s.waiting));
    if (s.stakeholdersWaiting > 0) more.push(t("Display.StakeholdersWaiting", s.stakeholdersWaiting));
    if (session && session.status === "open" && !session.listOpen) more.push(t("Display.ListClosed"));
    setText(ui.waiting, more.join(" · "));
    tick();
  }

  function tick() {
    if (snapshot) {
      const v = GcmCountdown.view(snapshot.floor, snapshot.warningSeconds);
      setText(ui.countdown, v.text);
      if (ui.countdown.dataset.state !== v.state) ui.countdown.dataset.state = v.state;
      try {
        setText(ui.clock, new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: snapshot.timeZone }).format(new Date(GcmCountdown.now())));
      } catch { /* an unknown time zone: no clock rather than a wrong one */ }
    }
  }

  async function watch(hub) {
    try {
      apply(await hub.invoke("WatchRoom", room));
      setStatus("connected", t("Display.Live"));
    } catch (e) {
      if (hub.state === "connected") { setStatus("error", t("Display.Unavailable")); setText(ui.title, e.message); }
    }
  }

  function start() {
    setText(ui.roomName, room);
    if (typeof SignalRLite !== "function") { setStatus("error", t("Display.Unavailable")); return; }
    const hub = new SignalRLite("/hubs/display");
    hub.on("room", apply);
    hub.onreconnecting(() => setStatus("reconnecting", t("Display.ReconnectingShort")));
    hub.onreconnected(() => watch(hub)); // stays "reconnecting…" until the fresh state is on screen
    hub.start().then(() => watch(hub));
    setInterval(tick, 200);
  }

  start();
})();
