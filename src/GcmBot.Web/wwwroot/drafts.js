// The rapporteur's review page: the saved draft in the reporting template, each point with its sources, edited
// point by point, redrafted and published from here. Everything from the draft is set as text or as a field's
// value (never as HTML): contributions are data.
(() => {
  "use strict";

  const code = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");
  const api = `/api/drafts/${encodeURIComponent(code)}`;
  const status = document.getElementById("status");
  const actionStatus = document.getElementById("action-status");

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

  async function post(path, body) {
    const response = await fetch(`${api}${path}`, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body || {}),
    });
    let answer = {};
    try { answer = await response.json(); } catch { /* an empty or non-JSON answer: the status says enough */ }
    if (!response.ok) throw new Error(answer.error || `the server answered ${response.status}`);
    return answer;
  }

  // One point as a small form: its fields, a Save button, and what happened to the last save.
  function editable(point, label, fields, edited, list) {
    const saved = el("p", { class: "saved", role: "status" });
    const marker = el("span", { class: "edited" }, "Edited by the rapporteur");
    marker.hidden = !edited;
    const inputs = fields.map(([name, title, value]) => {
      const area = el("textarea", { name, rows: String(Math.min(6, Math.max(2, Math.ceil((value || "").length / 90)))), "aria-label": `${label}: ${title}` });
      area.value = value || "";
      return [name, title, area];
    });
    const save = el("button", { type: "submit" }, "Save");
    const form = el("form", { class: "point", "data-point": point },
      el("div", { class: "point-head" }, el("span", { class: "point-label" }, label), " ", marker),
      ...inputs.map(([, title, area]) => fields.length > 1 ? el("label", { class: "field" }, el("span", {}, title), area) : area),
      el("div", { class: "point-actions" }, save, saved),
      sources(list));
    form.addEventListener("submit", async event => {
      event.preventDefault();
      save.disabled = true;
      saved.textContent = "Saving…";
      saved.className = "saved";
      try {
        await post(`/points/${encodeURIComponent(point)}`, Object.fromEntries(inputs.map(([name, , area]) => [name, area.value])));
        saved.textContent = "Saved.";
        marker.hidden = false;
      } catch (error) {
        saved.textContent = `Not saved: ${error.message}`;
        saved.className = "saved failed";
      } finally {
        save.disabled = false;
      }
    });
    return form;
  }

  function render(draft) {
    document.title = `Draft report of ${draft.code}`;
    status.textContent = `${draft.code}: ${draft.title} · ${draft.published ? "published" : "not published"} · ${draft.edited ? "edited by the rapporteur" : "as drafted"} (${draft.drafter})`;
    const header = document.querySelector("#header tbody");
    header.replaceChildren();
    const h = draft.header;
    for (const [label, value] of [["Action group", h.actionGroup], ["Date and time", h.dateAndTime], ["Room", h.room], ["Moderator", h.moderator], ["Rapporteur", h.rapporteur]]) {
      header.append(el("tr", {}, el("th", { scope: "row" }, label), el("td", {}, value)));
    }
    const none = () => el("p", { class: "none" }, "None.");
    const sentences = (list, prefix, label) => list.length
      ? list.map((s, i) => editable(`${prefix}${i + 1}`, `${label} ${i + 1}`, [["text", label, s.text]], s.edited, s.sources))
      : [none()];
    document.getElementById("summary").replaceChildren(...sentences(draft.summary, "s", "Summary sentence"));
    document.getElementById("recommendations").replaceChildren(...draft.recommendations.map((r, i) =>
      el("li", { class: "recommendation" }, editable(String(i + 1), `Recommendation ${i + 1}`, [
        ["recommendation", "Recommendation", r.recommendation],
        ["means", "Means of implementation", r.means],
        ["partnerships", "Partnerships", r.partnerships],
      ], r.edited, r.sources))));
    document.getElementById("observations").replaceChildren(...sentences(draft.observations, "o", "Observation"));
    document.getElementById("report").hidden = false;
    document.getElementById("actions").hidden = false;
  }

  async function load() {
    document.getElementById("docx").href = `${api}/docx`;
    const response = await fetch(api, { credentials: "same-origin" });
    const body = await response.json();
    if (!response.ok) {
      status.textContent = body.error || `The draft could not be loaded (${response.status}).`;
      return;
    }
    render(body);
  }

  // Regenerate and Publish: the answer the chat would give, then the draft as it now is.
  for (const [id, path, doing] of [["regenerate", "/regenerate", "Drafting again…"], ["publish", "/publish", "Publishing…"]]) {
    const button = document.getElementById(id);
    button.addEventListener("click", async () => {
      button.disabled = true;
      actionStatus.textContent = doing;
      actionStatus.className = "";
      try {
        actionStatus.textContent = (await post(path)).message;
        await load();
      } catch (error) {
        actionStatus.textContent = `Not done: ${error.message}`;
        actionStatus.className = "failed";
      } finally {
        button.disabled = false;
      }
    });
  }

  load().catch(error => { status.textContent = `The draft could not be loaded: ${error.message}`; });
})();
