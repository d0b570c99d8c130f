// The rapporteur's review page: the saved draft in the reporting template, each point with its sources, edited
// point by point, redrafted and published from here. Everything from the draft is set as text or as a field's
// value (never as HTML): contributions are data. Its own words are in the reader's language: the server writes them
// into the page (as the web chat's), and t(...) fills in {0}, {1}…; the draft itself is in the report language.
(() => {
  "use strict";

  const texts = JSON.parse(document.getElementById("texts").textContent);
  const t = (key, ...args) => (texts[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));

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
      el("summary", {}, list.length === 0 ? t("Staff.Web.Drafts.NoSources") : t("Staff.Web.Drafts.Sources", list.length)));
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
    if (!response.ok) throw new Error(answer.error || t("Staff.Web.Drafts.ServerAnswered", response.status));
    return answer;
  }

  // One point as a small form: its fields, a Save button, and what happened to the last save.
  function editable(point, label, fields, edited, list) {
    const saved = el("p", { class: "saved", role: "status" });
    const marker = el("span", { class: "edited" }, t("Staff.Web.Drafts.Edited"));
    marker.hidden = !edited;
    const inputs = fields.map(([name, title, value]) => {
      const area = el("textarea", { name, rows: String(Math.min(6, Math.max(2, Math.ceil((value || "").length / 90)))), "aria-label": `${label}: ${title}` });
      area.value = value || "";
      return [name, title, area];
    });
    const save = el("button", { type: "submit" }, t("Staff.Web.Drafts.Save"));
    const form = el("form", { class: "point", "data-point": point },
      el("div", { class: "point-head" }, el("span", { class: "point-label" }, label), " ", marker),
      ...inputs.map(([, title, area]) => fields.length > 1 ? el("label", { class: "field" }, el("span", {}, title), area) : area),
      el("div", { class: "point-actions" }, save, saved),
      sources(list));
    form.addEventListener("submit", async event => {
      event.preventDefault();
      save.disabled = true;
      saved.textContent = t("Staff.Web.Drafts.Saving");
      saved.className = "saved";
      try {
        await post(`/points/${encodeURIComponent(point)}`, Object.fromEntries(inputs.map(([name, , area]) => [name, area.value])));
        saved.textContent = t("Staff.Web.Drafts.Saved");
        marker.hidden = false;
      } catch (error) {
        saved.textContent = t("Staff.Web.Drafts.NotSaved", error.message);
        saved.className = "saved failed";
      } finally {
        save.disabled = false;
      }
    });
    return form;
  }

  function render(draft) {
    document.title = t("Staff.Web.Drafts.DocumentTitle", draft.code);
    const drafter = texts[`Staff.Draft.Drafter.${draft.drafter}`] ?? draft.drafter;
    status.textContent = t("Staff.Web.Drafts.Status", draft.code, draft.title,
      t(draft.published ? "Staff.Draft.Status.Published" : "Staff.Draft.Status.NotPublished"),
      t(draft.edited ? "Staff.Draft.Status.Edited" : "Staff.Draft.Status.AsDrafted"), drafter);
    const header = document.querySelector("#header tbody");
    header.replaceChildren();
    const h = draft.header;
    for (const [label, value] of [["ActionGroup", h.actionGroup], ["DateAndTime", h.dateAndTime], ["Room", h.room], ["Moderator", h.moderator], ["Rapporteur", h.rapporteur]]) {
      header.append(el("tr", {}, el("th", { scope: "row" }, t(`Staff.Report.Header.${label}`)), el("td", {}, value)));
    }
    const none = () => el("p", { class: "none" }, t("Staff.Report.Nothing"));
    const sentences = (list, prefix, labelKey) => list.length
      ? list.map((s, i) => editable(`${prefix}${i + 1}`, t(labelKey, i + 1), [["text", t("Staff.Web.Drafts.Text"), s.text]], s.edited, s.sources))
      : [none()];
    document.getElementById("summary").replaceChildren(...sentences(draft.summary, "s", "Staff.Draft.Point.Summary"));
    document.getElementById("recommendations").replaceChildren(...draft.recommendations.map((r, i) =>
      el("li", { class: "recommendation" }, editable(String(i + 1), t("Staff.Draft.Point.Recommendation", i + 1), [
        ["recommendation", t("Staff.Report.Column.Recommendation"), r.recommendation],
        ["means", t("Staff.Report.Column.Means"), r.means],
        ["partnerships", t("Staff.Report.Column.Partnerships"), r.partnerships],
      ], r.edited, r.sources))));
    document.getElementById("observations").replaceChildren(...sentences(draft.observations, "o", "Staff.Draft.Point.Observation"));
    document.getElementById("report").hidden = false;
    document.getElementById("actions").hidden = false;
  }

  async function load() {
    document.getElementById("docx").href = `${api}/docx`;
    const response = await fetch(api, { credentials: "same-origin" });
    const body = await response.json();
    if (!response.ok) {
      status.textContent = body.error || t("Staff.Web.Drafts.NotLoaded", t("Staff.Web.Drafts.ServerAnswered", response.status));
      return;
    }
    render(body);
  }

  // Regenerate and Publish: the answer the chat would give, then the draft as it now is.
  for (const [id, path, doing] of [["regenerate", "/regenerate", t("Staff.Web.Drafts.DraftingAgain")], ["publish", "/publish", t("Staff.Web.Drafts.Publishing")]]) {
    const button = document.getElementById(id);
    button.addEventListener("click", async () => {
      button.disabled = true;
      actionStatus.textContent = doing;
      actionStatus.className = "";
      try {
        actionStatus.textContent = (await post(path)).message;
        await load();
      } catch (error) {
        actionStatus.textContent = t("Staff.Web.Drafts.NotDone", error.message);
        actionStatus.className = "failed";
      } finally {
        button.disabled = false;
      }
    });
  }

  load().catch(error => { status.textContent = t("Staff.Web.Drafts.NotLoaded", error.message); });
})();
