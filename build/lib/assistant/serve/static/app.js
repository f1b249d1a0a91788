/* Web chat for the CZ Wijkverpleging assistant. Plain JS, no build step, no external resources. */
(() => {
  "use strict";

  // ---------------------------------------------------------------- i18n
  const TEXT = {
    nl: {
      skip: "Naar de inhoud",
      title: "Zorginkoopbeleid Wijkverpleging 2027",
      subtitle: "Assistent voor zorgaanbieders en inkopers van CZ. Elk antwoord citeert de beleidstekst.",
      year: "Beleidsjaar", year_both: "2027 en 2024", lang_hint: "Schakel de taal van de pagina om",
      sections: "Onderdelen", tab_chat: "Vraag", tab_tools: "Rekenhulpen", tab_verify: "Controleer een bewering", tab_search: "Zoeken",
      chat_empty: "Stel een vraag over het zorginkoopbeleid, bijvoorbeeld: “Tot wanneer kan een nieuwe zorgaanbieder zich inschrijven?”",
      question: "Uw vraag", question_ph: "Typ uw vraag… (Enter = versturen, Shift+Enter = nieuwe regel)",
      send: "Versturen", new_chat: "Nieuw gesprek", sending: "Bezig…", msg_user: "Uw bericht", msg_assistant: "Antwoord",
      tools_intro: "Rekenhulpen passen de regels van het beleid exact toe. Vul in wat u weet; lege velden worden niet meegestuurd.",
      tool_choose: "Kies een rekenhulp", calculate: "Berekenen", unknown: "— onbekend —", yes: "ja", no: "nee",
      list_hint: "Getallen gescheiden door komma's", required: "verplicht",
      claim: "Bewering over het beleid", claim_ph: "Bijv. “Nieuwe zorgaanbieders hebben een verwachte zorgomzet van minimaal € 50.000.”",
      verify: "Controleren", search_label: "Zoek in de beleidstekst", search_ph: "Zoek in de beleidstekst…", search: "Zoeken",
      close: "Sluiten", open_clause: "Open artikel", lines: "regels", superseded: "vervangen door het beleid 2027",
      fb_question: "Was dit antwoord nuttig?", fb_up: "Nuttig", fb_down: "Niet nuttig", fb_comment: "Toelichting (optioneel)",
      fb_send: "Feedback versturen", fb_thanks: "Bedankt voor uw feedback.",
      sources: "Bronnen", tools_used: "Gebruikte rekenhulp", rule: "Regel", assumptions: "Aannames", details: "Details",
      v_supported: "Ondersteund door het beleid", v_contradicted: "In strijd met het beleid", v_not_found: "Niet gevonden in het beleid",
      v_supported_t: "Deze bewering staat (zo) in de beleidstekst.",
      v_contradicted_t: "De beleidstekst zegt iets anders over hetzelfde onderwerp:",
      v_not_found_t: "Er is geen zin in het beleid gevonden die dit zegt. Dat betekent niet dat het onjuist is, maar het staat er niet (zo) in.",
      diff_claim: "Bewering", diff_source: "Beleid", diff_kind: "Soort", missing: "(ontbreekt)",
      kind_number: "getal", kind_date: "datum", kind_term: "term",
      loading: "De beleidsindex wordt geladen…", load_error: "De beleidsindex kon niet worden geladen: ",
      net_error: "Geen verbinding met de server. Probeer het opnieuw.", stream_cut: "Het antwoord werd onderbroken. Probeer het opnieuw.", no_results: "Geen resultaten.",
      no_tools: "Er zijn geen rekenhulpen beschikbaar.", score: "score",
    },
    en: {
      skip: "Skip to content",
      title: "District nursing purchasing policy 2027",
      subtitle: "Assistant for providers and CZ purchasers. Every answer quotes the policy text.",
      year: "Policy year", year_both: "2027 and 2024", lang_hint: "Switch the page language",
      sections: "Sections", tab_chat: "Ask", tab_tools: "Calculators", tab_verify: "Verify a claim", tab_search: "Search",
      chat_empty: "Ask a question about the purchasing policy, for example: “Until when can a new provider register?”",
      question: "Your question", question_ph: "Type your question… (Enter = send, Shift+Enter = new line)",
      send: "Send", new_chat: "New conversation", sending: "Working…", msg_user: "Your message", msg_assistant: "Answer",
      tools_intro: "Calculators apply the policy rules exactly. Fill in what you know; empty fields are not sent.",
      tool_choose: "Choose a calculator", calculate: "Calculate", unknown: "— unknown —", yes: "yes", no: "no",
      list_hint: "Numbers separated by commas", required: "required",
      claim: "Claim about the policy", claim_ph: "E.g. “New providers have an expected revenue of at least € 50,000.”",
      verify: "Verify", search_label: "Search the policy text", search_ph: "Search the policy text…", search: "Search",
      close: "Close", open_clause: "Open clause", lines: "lines", superseded: "superseded by the 2027 policy",
      fb_question: "Was this answer helpful?", fb_up: "Helpful", fb_down: "Not helpful", fb_comment: "Comment (optional)",
      fb_send: "Send feedback", fb_thanks: "Thank you for your feedback.",
      sources: "Sources", tools_used: "Calculator used", rule: "Rule", assumptions: "Assumptions", details: "Details",
      v_supported: "Supported by the policy", v_contradicted: "Contradicted by the policy", v_not_found: "Not found in the policy",
      v_supported_t: "The policy text says this.",
      v_contradicted_t: "The policy text says something different about the same subject:",
      v_not_found_t: "No sentence in the policy says this. That does not make it false, but the policy does not state it.",
      diff_claim: "Claim", diff_source: "Policy", diff_kind: "Kind", missing: "(missing)",
      kind_number: "number", kind_date: "date", kind_term: "term",
      loading: "Loading the policy index…", load_error: "The policy index could not be loaded: ",
      net_error: "No connection to the server. Please try again.", stream_cut: "The answer was cut off. Please try again.", no_results: "No results.",
      no_tools: "No calculators are available.", score: "score",
    },
  };
  let lang = localStorage.getItem("lang") === "en" ? "en" : "nl";
  const t = (key) => (TEXT[lang] && TEXT[lang][key]) || TEXT.nl[key] || key;

  const $ = (sel, root = document) => root.querySelector(sel);
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
    return node;
  };

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach((n) => { n.placeholder = t(n.dataset.i18nPlaceholder); });
    document.querySelectorAll("[data-i18n-aria]").forEach((n) => { n.setAttribute("aria-label", t(n.dataset.i18nAria)); });
    $("#lang").textContent = lang === "nl" ? "English" : "Nederlands";
    $("#lang").setAttribute("lang", lang === "nl" ? "en" : "nl");
    if (tools.length) renderToolChooser();
  }

  // ---------------------------------------------------------------- API helpers
  class ApiError extends Error {
    constructor(message, code, status) { super(message); this.code = code; this.status = status; }
  }

  async function readError(res) {
    try {
      const body = await res.json();
      if (body && body.error && body.error.message) return new ApiError(body.error.message, body.error.code, res.status);
    } catch (_) { /* not JSON */ }
    return new ApiError(`${res.status} ${res.statusText}`, "http_error", res.status);
  }

  async function api(path, options = {}) {
    let res;
    try {
      res = await fetch(path, {
        ...options,
        headers: { Accept: "application/json", ...(options.body ? { "Content-Type": "application/json" } : {}) },
      });
    } catch (_) {
      throw new ApiError(t("net_error"), "network", 0);
    }
    if (!res.ok) throw await readError(res);
    return res.json();
  }

  const post = (path, body) => api(path, { method: "POST", body: JSON.stringify(body) });

  function showError(node, err) {
    node.textContent = err ? (err.message || String(err)) : "";
    node.hidden = !err;
  }

  const yearValue = () => { const v = $("#year").value; return v ? Number(v) : null; };

  function sectionLabel(clauseId, section) {
    const whole = /^(Bijlage \d+) (\d[\d.]*)$/.exec(section);
    if (whole) return `${whole[1]} §${whole[2]}`;
    const label = /^\d/.test(section) ? `§${section}` : section;
    const m = /\/bijlage-(\d+)\//.exec(clauseId);
    return m && /^\d/.test(section) ? `Bijlage ${m[1]} ${label}` : label;
  }

  function citationChip(c) {
    return el("button", {
      type: "button", class: "chip", title: c.quote,
      "aria-label": `${sectionLabel(c.clause_id, c.section)} ${c.title} (${c.year})`,
      onclick: () => openClause(c.clause_id, c.quote),
    }, sectionLabel(c.clause_id, c.section), el("span", { class: "yr", text: `· ${c.year}` }));
  }

  // ---------------------------------------------------------------- tabs
  const tabs = Array.from(document.querySelectorAll('[role="tab"]'));
  function selectTab(tab, focus = true) {
    for (const other of tabs) {
      const on = other === tab;
      other.setAttribute("aria-selected", String(on));
      other.tabIndex = on ? 0 : -1;
      $("#" + other.getAttribute("aria-controls")).hidden = !on;
    }
    if (focus) tab.focus();
    if (tab.id === "tab-tools" && !tools.length) loadTools();
  }
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => selectTab(tab));
    tab.addEventListener("keydown", (e) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (step) { e.preventDefault(); selectTab(tabs[(i + step + tabs.length) % tabs.length]); }
      if (e.key === "Home") { e.preventDefault(); selectTab(tabs[0]); }
      if (e.key === "End") { e.preventDefault(); selectTab(tabs[tabs.length - 1]); }
    });
  });

  // ---------------------------------------------------------------- health
  async function checkHealth() {
    const status = $("#status");
    try {
      let h;
      try { h = await (await fetch("/health")).json(); } catch (_) { throw new ApiError(t("net_error"), "network", 0); }
      if (h.status === "ok") { status.hidden = true; return; }
      status.textContent = h.status === "loading" ? t("loading") : t("load_error") + ((h.error && h.error.message) || "");
      status.hidden = false;
      if (h.status === "loading") setTimeout(checkHealth, 2000);
    } catch (err) {
      status.textContent = err.message; status.hidden = false;
      setTimeout(checkHealth, 5000);
    }
  }

  // ---------------------------------------------------------------- chat
  let conversationId = null;
  const messages = $("#messages");

  function addMessage(role, text) {
    const empty = $(".empty", messages);
    if (empty) empty.remove();
    const body = el("div", { class: "text", text });
    const node = el("article", { class: `msg ${role}`, "aria-label": t(role === "user" ? "msg_user" : "msg_assistant") }, body);
    messages.append(node);
    messages.scrollTop = messages.scrollHeight;
    return node;
  }

  function parseSSE(buffer, onEvent) {
    // returns the unparsed rest of the buffer
    let idx;
    while ((idx = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, idx);
      buffer = buffer.slice(idx + 2);
      let event = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) continue;
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length) {
        let payload = data.join("\n");
        try { payload = JSON.parse(payload); } catch (_) { /* keep text */ }
        onEvent(event, payload);
      }
    }
    return buffer;
  }

  async function ask(question) {
    const sendBtn = $("#send");
    showError($("#ask-error"), null);
    sendBtn.disabled = true; sendBtn.textContent = t("sending");
    addMessage("user", question);
    const node = addMessage("assistant", "");
    node.setAttribute("aria-busy", "true");
    const textNode = $(".text", node);
    textNode.classList.add("pending");
    const state = { text: "", citations: [], toolCalls: [], done: null };
    try {
      let res;
      try {
        res = await fetch("/api/chat", {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
          body: JSON.stringify({ question, year: yearValue(), conversation_id: conversationId }),
        });
      } catch (_) { throw new ApiError(t("net_error"), "network", 0); }
      if (!res.ok) throw await readError(res);
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer = parseSSE(buffer + decoder.decode(value, { stream: true }), (event, data) => {
          if (event === "meta") conversationId = data.conversation_id;
          else if (event === "delta") { state.text += data.text; textNode.textContent = state.text; messages.scrollTop = messages.scrollHeight; }
          else if (event === "citations") state.citations = data.citations || [];
          else if (event === "tool_calls") state.toolCalls = data.tool_calls || [];
          else if (event === "done") state.done = data;
          else if (event === "error") throw new ApiError(data.error.message, data.error.code, 200);
        });
      }
      if (!state.done) throw new ApiError(t("stream_cut"), "stream_cut", 0);
      finishAnswer(node, question, state);
    } catch (err) {
      node.remove();
      showError($("#ask-error"), err);
    } finally {
      textNode.classList.remove("pending");
      node.removeAttribute("aria-busy");
      sendBtn.disabled = false; sendBtn.textContent = t("send");
    }
  }

  function finishAnswer(node, question, state) {
    if (state.done && state.done.notices) {
      for (const n of state.done.notices) node.append(el("p", { class: "notice", text: n }));
    }
    if (state.citations.length) {
      node.append(el("div", { class: "chips", role: "group", "aria-label": t("sources") }, state.citations.map(citationChip)));
    }
    const used = state.toolCalls.filter((c) => c.result);
    if (used.length) {
      node.append(el("p", { class: "tools-used", text: `${t("tools_used")}: ${used.map((c) => c.name).join(", ")}` }));
      for (const call of used) {
        const cites = call.result.citations || [];
        if (cites.length) node.append(el("div", { class: "chips" }, cites.map(citationChip)));
      }
    }
    node.append(feedbackWidget({ question, answer: state.text }));
  }

  let fbCounter = 0;
  function feedbackWidget(context) {
    const box = $("#feedback-tpl").content.firstElementChild.cloneNode(true);
    const id = `fb-${++fbCounter}`;
    const label = $("label", box), area = $("textarea", box);
    label.setAttribute("for", id); area.id = id;
    box.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
    box.querySelectorAll("[data-i18n-aria]").forEach((n) => { n.setAttribute("aria-label", t(n.dataset.i18nAria)); });
    let rating = null;
    const send = async () => {
      const done = $(".fb-done", box);
      try {
        await post("/api/feedback", {
          rating, conversation_id: conversationId, question: context.question, answer: context.answer,
          comment: area.value.trim() || null,
        });
        done.textContent = t("fb_thanks"); done.classList.remove("error");
        $(".fb-more", box).hidden = true;
      } catch (err) {
        done.textContent = err.message; done.classList.add("error");
      }
      done.hidden = false;
    };
    box.querySelectorAll(".thumb").forEach((btn) => btn.addEventListener("click", () => {
      rating = btn.dataset.rating;
      box.querySelectorAll(".thumb").forEach((b) => b.setAttribute("aria-pressed", String(b === btn)));
      $(".fb-more", box).hidden = false;
      $(".fb-done", box).hidden = true;
      area.focus();
    }));
    $(".fb-send", box).addEventListener("click", send);
    return box;
  }

  $("#ask-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const q = $("#question").value.trim();
    if (!q || $("#send").disabled) return;
    $("#question").value = "";
    ask(q);
  });
  $("#question").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); $("#ask-form").requestSubmit(); }
  });
  $("#new-chat").addEventListener("click", () => {
    conversationId = null;
    messages.replaceChildren(el("p", { class: "empty", "data-i18n": "chat_empty", text: t("chat_empty") }));
    showError($("#ask-error"), null);
    $("#question").focus();
  });

  // ---------------------------------------------------------------- clause viewer
  const dialog = $("#clause-dialog");
  let lastFocus = null;

  // Join lines that the PDF wrapped mid-sentence; one character for one, so highlight offsets still fit.
  const reflow = (text) => text.replace(/([^.;:!?\n])\n(?=[^\n])/g, "$1 ");

  async function openClause(clauseId, quote) {
    lastFocus = document.activeElement;
    $("#clause-title").textContent = clauseId;
    $("#clause-trail").textContent = ""; $("#clause-meta").textContent = "";
    $("#clause-text").replaceChildren();
    showError($("#clause-error"), null);
    if (!dialog.open) dialog.showModal();
    const path = "/api/clauses/" + clauseId.split("/").map(encodeURIComponent).join("/") + (quote ? `?quote=${encodeURIComponent(quote)}` : "");
    try {
      const c = await api(path);
      $("#clause-trail").textContent = c.heading_trail.slice(0, -1).join(" › ");
      $("#clause-title").textContent = `${sectionLabel(c.id, c.section)} ${c.title}`;
      $("#clause-meta").textContent = `${c.document_title} · ${c.year}${c.status === "superseded" ? ` (${t("superseded")})` : ""} · ${t("lines")} ${c.line_start}–${c.line_end}`;
      const box = $("#clause-text");
      const text = reflow(c.text);
      let pos = 0;
      for (const [start, end] of c.highlights) {
        box.append(document.createTextNode(text.slice(pos, start)), el("mark", { text: text.slice(start, end) }));
        pos = end;
      }
      box.append(document.createTextNode(text.slice(pos)));
      const mark = $("mark", box);
      if (mark) mark.scrollIntoView({ block: "center" });
    } catch (err) {
      showError($("#clause-error"), err);
    }
  }
  $("#clause-close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => { if (lastFocus) lastFocus.focus(); });
  dialog.addEventListener("click", (e) => { if (e.target === dialog) dialog.close(); });

  // ---------------------------------------------------------------- calculators
  let tools = [];

  async function loadTools() {
    try {
      const data = await api("/api/tools");
      tools = data.tools || [];
      if (!tools.length) showError($("#tool-error"), new Error(t("no_tools")));
      renderToolChooser();
    } catch (err) {
      showError($("#tool-error"), err);
    }
  }

  function renderToolChooser() {
    const select = $("#tool-select");
    const current = select.value;
    select.replaceChildren(...tools.map((tool) => el("option", { value: tool.name, text: toolTitle(tool) })));
    if (current) select.value = current;
    renderToolForm();
  }

  function toolTitle(tool) {
    const desc = (lang === "en" && tool.description_en) || tool.description || tool.name;
    return `${tool.name.replace(/_/g, " ")} – ${desc.split(/[.:(]/)[0].slice(0, 70)}`;
  }

  function fieldSpec(schema, defs) {
    let s = schema || {};
    if (s.$ref) s = defs[s.$ref.split("/").pop()] || {};
    let nullable = false;
    const branches = s.anyOf || s.oneOf;
    if (branches) {
      const real = branches.filter((b) => b.type !== "null");
      nullable = real.length < branches.length;
      s = { ...(real.length === 1 ? (real[0].$ref ? defs[real[0].$ref.split("/").pop()] : real[0]) : real[0] || {}), title: s.title, description: s.description, default: s.default };
    }
    return { ...s, nullable };
  }

  function renderToolForm() {
    const form = $("#tool-form");
    const tool = tools.find((x) => x.name === $("#tool-select").value);
    form.replaceChildren();
    $("#tool-result").replaceChildren();
    showError($("#tool-error"), null);
    if (!tool) return;
    $("#tool-desc").textContent = (lang === "en" && tool.description_en) || tool.description;
    const schema = tool.input_schema || {};
    const defs = schema.$defs || schema.definitions || {};
    const required = new Set(schema.required || []);
    for (const [name, raw] of Object.entries(schema.properties || {})) {
      const spec = fieldSpec(raw, defs);
      const id = `f-${tool.name}-${name}`;
      const labelText = [spec.title || name, required.has(name) ? el("span", { class: "req", text: ` (${t("required")})` }) : null];
      const hint = spec.description ? el("span", { class: "hint", id: `${id}-hint`, text: spec.description }) : null;
      let input;
      if (spec.type === "boolean" && !spec.nullable) {
        input = el("input", { type: "checkbox", id, name, "data-kind": "bool", "aria-describedby": hint && hint.id });
        input.checked = spec.default === true;
        form.append(el("div", { class: "field check" }, input, el("label", { for: id }, labelText), hint));
        continue;
      }
      if (spec.enum || spec.type === "boolean") {
        const values = spec.enum || [true, false];
        input = el("select", { id, name, "data-kind": spec.type === "boolean" ? "bool" : spec.type || "string", "aria-describedby": hint && hint.id });
        if (spec.nullable || spec.default === undefined) input.append(el("option", { value: "", text: t("unknown") }));
        for (const v of values) {
          const text = v === true ? t("yes") : v === false ? t("no") : String(v);
          input.append(el("option", { value: String(v), text, selected: spec.default === v }));
        }
      } else if (spec.type === "integer" || spec.type === "number") {
        input = el("input", {
          type: "number", id, name, inputmode: spec.type === "integer" ? "numeric" : "decimal",
          step: spec.type === "integer" ? "1" : "any", min: spec.minimum ?? spec.exclusiveMinimum, max: spec.maximum,
          "data-kind": spec.type, required: required.has(name), "aria-describedby": hint && hint.id,
        });
        if (spec.default !== undefined && spec.default !== null) input.value = spec.default;
      } else if (spec.type === "array") {
        input = el("input", { type: "text", id, name, "data-kind": "array", "data-items": (spec.items && spec.items.type) || "number",
          placeholder: t("list_hint"), inputmode: "decimal", "aria-describedby": hint && hint.id });
      } else if (spec.format === "date") {
        input = el("input", { type: "date", id, name, "data-kind": "string", required: required.has(name), "aria-describedby": hint && hint.id });
      } else {
        input = el("input", { type: "text", id, name, "data-kind": "string", maxlength: spec.maxLength, required: required.has(name), "aria-describedby": hint && hint.id });
        if (typeof spec.default === "string") input.value = spec.default;
      }
      form.append(el("div", { class: "field" }, el("label", { for: id }, labelText), input, hint));
    }
    form.append(el("div", { class: "actions" }, el("button", { type: "submit", text: t("calculate") })));
  }

  function collectArgs(form) {
    const args = {};
    for (const input of form.querySelectorAll("[data-kind]")) {
      const kind = input.dataset.kind;
      if (input.type === "checkbox") { args[input.name] = input.checked; continue; }
      const raw = input.value.trim();
      if (raw === "") continue;
      if (kind === "bool") args[input.name] = raw === "true";
      else if (kind === "integer" || kind === "number") args[input.name] = Number(raw.replace(",", "."));
      else if (kind === "array") {
        args[input.name] = raw.split(/[;,\s]+/).filter(Boolean).map((x) => Number(x.replace(",", ".")));
      } else args[input.name] = raw;
    }
    return args;
  }

  const formatValue = (v) => v === true ? t("yes") : v === false ? t("no") : v === null || v === undefined ? "—"
    : typeof v === "number" ? v.toLocaleString(lang === "en" ? "en-GB" : "nl-NL", { maximumFractionDigits: 4 })
    : typeof v === "object" ? JSON.stringify(v) : String(v);

  const STANDARD = new Set(["tool", "verdict", "verdict_en", "rule", "rule_en", "assumptions", "assumptions_en", "citations"]);

  function showToolResult(result) {
    const verdict = (lang === "en" && result.verdict_en) || result.verdict;
    const ok = Object.entries(result).find(([k, v]) => typeof v === "boolean" && /^(compliant|eligible|ok|passes|allowed|meets)/.test(k));
    const rows = Object.entries(result).filter(([k]) => !STANDARD.has(k) && !k.endsWith("_en"));
    const assumptions = (lang === "en" && result.assumptions_en && result.assumptions_en.length ? result.assumptions_en : result.assumptions) || [];
    $("#tool-result").replaceChildren(el("div", { class: `verdict ${ok ? (ok[1] ? "ok" : "fail") : ""}` },
      el("h3", { text: verdict }),
      el("p", {}, el("strong", { text: `${t("rule")}: ` }), (lang === "en" && result.rule_en) || result.rule || ""),
      assumptions.length ? el("div", {}, el("strong", { text: `${t("assumptions")}:` }), el("ul", {}, assumptions.map((a) => el("li", { text: a })))) : null,
      rows.length ? el("table", { class: "kv" }, el("caption", { class: "visually-hidden", text: t("details") }),
        el("tbody", {}, rows.map(([k, v]) => el("tr", {}, el("th", { scope: "row", text: k.replace(/_/g, " ") }), el("td", { text: formatValue(v) }))))) : null,
      (result.citations || []).length ? el("div", { class: "chips", role: "group", "aria-label": t("sources") }, result.citations.map(citationChip)) : null,
    ));
  }

  $("#tool-select").addEventListener("change", renderToolForm);
  $("#tool-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const name = $("#tool-select").value;
    const button = $("button[type=submit]", e.target);
    showError($("#tool-error"), null);
    button.disabled = true;
    try {
      showToolResult(await post(`/api/tools/${encodeURIComponent(name)}`, collectArgs(e.target)));
    } catch (err) {
      $("#tool-result").replaceChildren();
      showError($("#tool-error"), err);
    } finally { button.disabled = false; }
  });

  // ---------------------------------------------------------------- verify
  $("#verify-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const claim = $("#claim").value.trim();
    const button = $("button[type=submit]", e.target);
    showError($("#verify-error"), null);
    $("#verify-result").replaceChildren();
    if (!claim) { $("#claim").focus(); return; }
    button.disabled = true;
    try {
      const r = await post("/api/verify", { claim });
      const src = r.source;
      $("#verify-result").replaceChildren(el("div", { class: `verdict ${r.verdict}`, "data-verdict": r.verdict },
        el("h3", { text: t(`v_${r.verdict}`) }),
        el("p", { text: t(`v_${r.verdict}_t`) }),
        src ? el("blockquote", { text: src.quote }) : null,
        src ? el("div", { class: "chips" }, citationChip(src)) : null,
        r.differences.length ? el("table", { class: "kv diffs" },
          el("thead", {}, el("tr", {}, el("th", { scope: "col", text: t("diff_claim") }), el("th", { scope: "col", text: t("diff_source") }), el("th", { scope: "col", text: t("diff_kind") }))),
          el("tbody", {}, r.differences.map((d) => el("tr", {},
            el("td", { text: d.claim || t("missing") }), el("td", { text: d.source || t("missing") }), el("td", { text: t(`kind_${d.kind}`) }))))) : null,
      ));
    } catch (err) {
      showError($("#verify-error"), err);
    } finally { button.disabled = false; }
  });

  // ---------------------------------------------------------------- search
  $("#search-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const q = $("#search-q").value.trim();
    const list = $("#search-results");
    showError($("#search-error"), null);
    list.replaceChildren();
    if (!q) { $("#search-q").focus(); return; }
    const year = yearValue();
    try {
      const r = await api(`/api/search?q=${encodeURIComponent(q)}&k=8${year ? `&year=${year}` : ""}`);
      if (!r.hits.length) list.append(el("li", { text: t("no_results") }));
      for (const hit of r.hits) {
        const p = hit.passage;
        list.append(el("li", {},
          el("strong", { text: `${sectionLabel(p.clause_id, p.section)} ${p.title}` }), ` · ${p.year}`,
          el("p", { class: "snippet", text: p.text.length > 320 ? p.text.slice(0, 320) + "…" : p.text }),
          el("button", { type: "button", class: "secondary", text: t("open_clause"), onclick: () => openClause(p.clause_id, p.text) }),
        ));
      }
    } catch (err) {
      showError($("#search-error"), err);
    }
  });

  // ---------------------------------------------------------------- start
  $("#lang").addEventListener("click", () => {
    lang = lang === "nl" ? "en" : "nl";
    localStorage.setItem("lang", lang);
    applyLanguage();
  });
  applyLanguage();
  checkHealth();
})();
