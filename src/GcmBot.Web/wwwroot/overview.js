// overview.js: the organisers' overview. Every room of the current half-day, updated by the same pushes
// as the room displays; timers count down locally as on the displays.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const body = $("rooms").tBodies[0];
  const rows = new Map(); // room (lower case) -> { snapshot, row }
  let lastServerTime = 0;

  // The page's texts in the meeting's language, written into the page by the server.
  const texts = JSON.parse($("texts").textContent);
  const t = (key, ...args) => (texts[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));

  const el = (tag, attrs, ...children) => {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, v);
    n.append(...children.filter((c) => c != null));
    return n;
  };

  function token() {
    const m = document.cookie.split("; ").find((c) => c.startsWith("gcmbot_user="));
    return m ? decodeURIComponent(m.slice("gcmbot_user=".length)) : "";
  }

  function setStatus(state, text) {
    const s = $("status");
    s.dataset.state = state;
    s.textContent = text;
  }

  function show(overview) {
    $("meeting").textContent = overview.meetingTitle;
    $("half-day").textContent = overview.halfDay;
    rows.clear();
    body.replaceChildren();
    for (const room of overview.rooms) {
      const row = el("tr", { "data-room": room.room });
      rows.set(room.room.toLowerCase(), { snapshot: room, row });
      body.append(row);
      fill(rows.get(room.room.toLowerCase()));
    }
    GcmCountdown.sync(overview.serverTime);
  }

  function fill(entry) {
    const s = entry.snapshot;
    const session = s.session;
    const link = el("a", { href: `/rooms/${encodeURIComponent(s.room)}/display`, target: "_blank" }, s.room);
    const sessionCell = session ? [el("strong", null, session.code), ` ${session.title} `, el("span", { class: "muted" }, `${session.starts}–${session.ends} · ${t("Staff.Overview.Status." + session.status)}`)] : ["—"];
    const floor = s.floor ? [el("strong", { class: "speaker" }, s.floor.speaker), s.floor.category ? el("span", { class: "muted" }, ` ${s.floor.category}`) : null] : ["—"];
    const waiting = `${s.waiting}${s.stakeholdersWaiting ? " " + t("Staff.Overview.StakeholdersWaiting", s.stakeholdersWaiting) : ""}`;
    entry.timer = el("td", { class: "timer" });
    entry.row.replaceChildren(el("td", null, link), el("td", null, ...sessionCell), el("td", null, ...floor), entry.timer,
      el("td", { class: "num waiting" }, waiting), el("td", { class: "num cards" }, String(s.cards)), el("td", { class: "num contributions" }, String(s.contributions)));
    tick();
  }

  function receive(s) {
    const t = Date.parse(s.serverTime);
    if (t < lastServerTime) return;
    lastServerTime = t;
    GcmCountdown.sync(s.serverTime);
    const entry = rows.get(String(s.room).toLowerCase());
    if (!entry) return; // a room outside this half-day
    entry.snapshot = s;
    fill(entry);
  }

  function tick() {
    for (const entry of rows.values()) {
      if (!entry.timer) continue;
      const v = GcmCountdown.view(entry.snapshot.floor, entry.snapshot.warningSeconds);
      entry.timer.textContent = v.text || "—";
      entry.timer.dataset.state = v.state;
    }
  }

  async function watch(hub) {
    try {
      show(await hub.invoke("WatchOverview", token()));
      setStatus("connected", t("Staff.Overview.Live"));
    } catch (e) {
      if (hub.state === "connected") setStatus("error", e.message);
    }
  }

  const hub = new SignalRLite("/hubs/display");
  hub.on("room", receive);
  hub.onreconnecting(() => setStatus("reconnecting", t("Staff.Overview.Reconnecting")));
  hub.onreconnected(() => watch(hub));
  hub.start().then(() => watch(hub));
  setInterval(tick, 250);
})();
