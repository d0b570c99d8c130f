// The rapporteur's review page: the saved draft in the reporting template, each point with its sources.
// Everything from the draft is set as text (never as HTML): contributions are data.
(() => {
  "use strict";

  const code = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");
  const status = document.getElementById("status");

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
    for (const child of children) node.append(child);
    return node;
  }

  // Sources one click away: a disclosure under each point listing the cited cards and statements.
  function sources(list) {
    const details = el("details", { class: "sources" },
      el("summary", {}, list.length === 0 ? "No sources: the rapporteur's own text" : `Sources (${list.length})`));
    if (list.length > 0) {
      details.append(el("ol", {}, ...list.map(s => el("li", {}, el("span", { class: "source-label" }, s.label), " ", el("q", {}, s.detail)))));
    }
    return details;
  }

  function sentence(s) {
    return el("div", { class: "point" }, el("p", {}, s.text), sources(s.sources));
  }

  function field(label, value) {
    return el("div", { class: "field" }, el("h4", {}, label), el("p", {}, value || "—"));
  }

  function render(draft) {
    document.title = `Draft report of ${draft.code}`;
    status.textContent = `${draft.code}: ${draft.title} · ${draft.published ? "published" : "not published"} · ${draft.edited ? "edited by the rapporteur" : "as drafted"} (${draft.drafter})`;
    const header = document.querySelector("#header tbody");
    const h = draft.header;
    for (const [label, value] of [["Action group", h.actionGroup], ["Date and time", h.dateAndTime], ["Room", h.room], ["Moderator", h.moderator], ["Rapporteur", h.rapporteur]]) {
      header.append(el("tr", {}, el("th", { scope: "row" }, label), el("td", {}, value)));
    }
    const none = () => el("p", { class: "none" }, "None.");
    document.getElementById("summary").append(...(draft.summary.length ? draft.summary.map(sentence) : [none()]));
    document.getElementById("recommendations").append(...draft.recommendations.map(r =>
      el("li", { class: "recommendation point" },
        field("Recommendation", r.recommendation),
        field("Means of implementation", r.means),
        field("Partnerships", r.partnerships),
        sources(r.sources))));
    document.getElementById("observations").append(...(draft.observations.length ? draft.observations.map(sentence) : [none()]));
    document.getElementById("report").hidden = false;
  }

  async function load() {
    const api = `/api/drafts/${encodeURIComponent(code)}`;
    document.getElementById("docx").href = `${api}/docx`;
    const response = await fetch(api, { credentials: "same-origin" });
    const body = await response.json();
    if (!response.ok) {
      status.textContent = body.error || `The draft could not be loaded (${response.status}).`;
      return;
    }
    render(body);
  }

  load().catch(error => { status.textContent = `The draft could not be loaded: ${error.message}`; });
})();
