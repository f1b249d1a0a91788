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
      no_tools: "Er zijn geen rekenhulpen beschikbaar.", score: "score", table_row: "Rij uit de tabel, kolom",
      tab_diff: "Wat is er veranderd",
      diff_intro: "Vergelijk twee beleidsjaren artikel voor artikel. Artikelen worden gekoppeld op kop en inhoud, ook als ze een ander nummer kregen. Elke zin staat letterlijk in het beleid, met paragraaf en regels.",
      diff_from: "Van", diff_to: "Naar", diff_section: "Paragraaf (optioneel)", diff_section_ph: "bijv. 1.5.2", diff_run: "Vergelijken",
      diff_summary: "{aligned} artikelen gekoppeld ({renumbered} hernummerd, {moved} verplaatst) · {added} nieuw · {removed} vervallen · {changed} zinnen gewijzigd, {sadded} toegevoegd, {sremoved} geschrapt, {smoved} verplaatst",
      diff_renumbered: "hernummerd", diff_moved: "verplaatst", diff_changed: "gewijzigd", diff_added: "toegevoegd", diff_removed: "geschrapt",
      diff_unchanged: "ongewijzigd", diff_new_clauses: "Nieuwe artikelen", diff_gone_clauses: "Vervallen artikelen",
      diff_moved_text: "Verplaatste zinnen", diff_footnote: "voetnoot", diff_before: "was", diff_after: "wordt",
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
      no_tools: "No calculators are available.", score: "score", table_row: "Table row, column",
      tab_diff: "What changed",
      diff_intro: "Compare two policy years clause by clause. Clauses are matched on heading and content, also when they were renumbered. Every sentence is quoted verbatim, with its section and lines.",
      diff_from: "From", diff_to: "To", diff_section: "Section (optional)", diff_section_ph: "e.g. 1.5.2", diff_run: "Compare",
      diff_summary: "{aligned} clauses matched ({renumbered} renumbered, {moved} moved) · {added} new · {removed} removed · sentences: {changed} changed, {sadded} added, {sremoved} removed, {smoved} moved",
      diff_renumbered: "renumbered", diff_moved: "moved", diff_changed: "changed", diff_added: "added", diff_removed: "removed",
      diff_unchanged: "unchanged", diff_new_clauses: "New clauses", diff_gone_clauses: "Removed clauses",
      diff_moved_text: "Moved sentences", diff_footnote: "footnote", diff_before: "was", diff_after: "now",
    },
  };
  // Calculator names, form labels (with a hint) and choices in the page's language. A field missing here falls back to
  // the schema's title and (English page only) its description.
  const TOOL_TITLES = {
    postcode_average: ["Gemiddeld aantal CZ-cliënten per postcodegebied", "Average CZ clients per postcode area"],
    staffel_percentage: ["Staffel: maximale vergoeding op het aanvullend budget", "Staffel: maximum reimbursement on the additional budget"],
    additional_purchase_eligibility: ["Bijcontractering aanvragen", "Requesting additional purchase (bijcontractering)"],
    new_provider_eligibility: ["Voorwaarden voor een nieuwe zorgaanbieder", "Conditions for a new provider"],
    subcontracting_check: ["Aandeel zorg in onderaanneming", "Share of subcontracted care"],
    cooperative_staffing_check: ["Zorgcoöperatie: hbo-verpleegkundigen per cliënt", "Care cooperative: hbo nurses per client"],
    dementia_caseload_check: ["Caseload casemanager dementie", "Dementia case manager caseload"],
    waardemodel_applicability: ["Geldt het waardemodel?", "Does the value model (waardemodel) apply?"],
    deadlines: ["Termijnen 2026-2027", "Deadlines 2026-2027"],
    exclusion_check: ["Uitsluitingsgronden (3.2.3)", "Exclusion grounds (3.2.3)"],
  };
  const FIELDS = {
    clients_per_postcode: [["CZ-cliënten per postcodegebied", "Eén aantal per 4-cijferig postcodegebied, bijvoorbeeld 5, 1, 2"], ["CZ clients per postcode area", "One count per 4-digit postcode area, e.g. 5, 1, 2"]],
    total_clients: [["Totaal aantal CZ-cliënten"], ["Total CZ clients"]],
    postcode_areas: [["Aantal 4-cijferige postcodegebieden"], ["Number of 4-digit postcode areas"]],
    provider_type: [["Soort zorgaanbieder"], ["Type of provider"]],
    contract_year: [["Contractjaar"], ["Contract year"]],
    in_core_area: [["Levert zorg in een kernwerkgebied van CZ"], ["Delivers care in a CZ core area"]],
    medical_child_care_only: [["Levert (medische) kindzorg"], ["Delivers (medical) child care"]],
    mostly_outside_core_area: [["Levert de meeste zorg buiten de kernwerkgebieden van CZ"], ["Delivers most care outside the CZ core areas"]],
    score_2026: [["Score op het waardemodel 2026"], ["Value model score 2026"]],
    score_2027: [["Score op het waardemodel 2027"], ["Value model score 2027"]],
    cost_points_2026: [["Punten op het kostenonderdeel 2026"], ["Points on the cost component 2026"]],
    cost_points_2027: [["Punten op het kostenonderdeel 2027"], ["Points on the cost component 2027"]],
    ceiling_free_agreement: [["Plafondvrije afspraak"], ["Ceiling-free agreement"]],
    has_waardemodel_score: [["Heeft een score op het waardemodel", "Nee bij een productieafspraak tot en met € 100.000"], ["Has a value model score", "No for a production agreement up to € 100,000"]],
    honored_additional_budget_eur: [["Gehonoreerd aanvullend budget (€)"], ["Approved additional budget (€)"]],
    omzetplafond_eur: [["Omzetplafond 2027 (€)"], ["Revenue ceiling 2027 (€)"]],
    revenue_reached_eur: [["Bereikte omzet op het plafond (€)"], ["Revenue reached on the ceiling (€)"]],
    date_reached: [["Datum waarop dat bereikt is"], ["Date it was reached"]],
    percentage_of_ceiling_reached: [["Bereikt percentage van het omzetplafond"], ["Percentage of the ceiling reached"]],
    before_1_october: [["Bereikt vóór 1 oktober"], ["Reached before 1 October"]],
    waardemodel_score: [["Score op het waardemodel"], ["Value model score"]],
    cost_points: [["Punten op het kostenonderdeel", "Telt bij score B"], ["Points on the cost component", "Matters for score B"]],
    care_stopped_for_existing_clients: [["Zorg voor bestaande cliënten gestopt", "Bijvoorbeeld omdat het budget op was"], ["Care for existing clients was stopped", "For example because the budget ran out"]],
    request_date: [["Datum van het verzoek"], ["Date of the request"]],
    request_channel: [["Verzonden via"], ["Sent via"]],
    registration_date: [["Datum van inschrijving"], ["Registration date"]],
    registration_year_given: [["Jaar bij de inschrijfdatum genoemd"], ["Year written with the registration date"]],
    expected_annual_revenue_cz_eur: [["Verwachte zorgomzet bij CZ per jaar (€)"], ["Expected annual revenue at CZ (€)"]],
    registrations_this_year: [["Inschrijvingen dit contractjaar (inclusief deze)"], ["Registrations this contract year (including this one)"]],
    rejected_last_year_for_added_value: [["Vorig jaar afgewezen wegens onvoldoende meerwaarde"], ["Rejected last year for insufficient added value"]],
    shows_added_value_development: [["Laat zien hoe de meerwaarde sindsdien is ontwikkeld"], ["Shows how the added value has since been developed"]],
    average_clients_per_postcode: [["Gemiddeld aantal CZ-cliënten per postcodegebied"], ["Average CZ clients per postcode area"]],
    mostly_in_core_area: [["Levert (de meeste) zorg in een kernwerkgebied van CZ"], ["Delivers (most) care in a CZ core area"]],
    igj_status: [["Status bij de IGJ"], ["Status with the IGJ"]],
    total_care_hours: [["Totaal aantal zorguren"], ["Total care hours"]],
    subcontracted_hours: [["Uren in onderaanneming (inclusief zzp'ers)"], ["Subcontracted hours (including self-employed)"]],
    own_staff_hours: [["Uren door eigen medewerkers"], ["Hours by own employees"]],
    subcontractor_hours: [["Uren door onderaannemende organisaties"], ["Hours by subcontracting organisations"]],
    zzp_hours: [["Uren door zzp'ers"], ["Hours by self-employed nurses"]],
    full_subsidiary_hours: [["Uren door volle dochters", "Tellen als eigen zorg"], ["Hours by wholly owned subsidiaries", "Count as own care"]],
    subcontracted_share_pct: [["Aandeel in onderaanneming (%)"], ["Share subcontracted (%)"]],
    own_share_pct: [["Aandeel zelf geleverd (%)"], ["Share delivered by the provider itself (%)"]],
    full_subsidiary_share_pct: [["Aandeel door volle dochters (%)", "Telt als eigen zorg"], ["Share by wholly owned subsidiaries (%)", "Counts as own care"]],
    year: [["Jaar"], ["Year"]],
    is_cooperative: [["Zorgcoöperatie die voldoet aan Bijlage 1 §1.4"], ["Care cooperative meeting Bijlage 1 §1.4"]],
    measure: [["Eenheid van de getallen", "Uren of fte"], ["Unit of the figures", "Hours or fte"]],
    clients: [["Aantal cliënten in zorg"], ["Clients in care"]],
    "dementia_caseload_check.clients": [["Aantal cliënten van de casemanagers samen"], ["Clients of the case managers together"]],
    hbo_bachelor_nurse_fte: [["Fte hbo-bachelor verpleegkundigen (niveau 6)"], ["FTE of hbo-bachelor nurses (level 6)"]],
    casemanager_fte: [["Fte gespecialiseerde casemanagers dementie"], ["FTE of specialised dementia case managers"]],
    caseload_per_fte: [["Caseload (cliënten per fte)"], ["Caseload (clients per fte)"]],
    production_agreement_eur: [["Productieafspraak (€)"], ["Production agreement (€)"]],
    on_date: [["Stand op datum"], ["Status on date"]],
    year_given: [["Jaar bij de datum genoemd"], ["Year written with the date"]],
    topic: [["Onderwerp", "Bijvoorbeeld bezwaar of VECOZO"], ["Topic", "For example objection or VECOZO"]],
    bankrupt_or_liquidation: [["Failliet of in liquidatie, of werkzaamheden gestaakt"], ["Bankrupt or in liquidation, or activities ceased"]],
    surseance_or_akkoord: [["Surseance van betaling of akkoord"], ["Suspension of payments or composition"]],
    bankruptcy_or_surseance_requested: [["Faillissement, liquidatie of surseance aangevraagd"], ["Bankruptcy, liquidation or suspension applied for"]],
    tax_arrears: [["Belastingverplichtingen niet nagekomen"], ["Tax obligations not met"]],
    false_statements: [["Valse verklaringen of informatie achtergehouden"], ["False statements or information withheld"]],
    non_cooperation_art_7_3_7_4: [["Niet meegewerkt aan onderzoek (art. 7.3/7.4 Rzv)"], ["Did not cooperate with an investigation (art. 7.3/7.4 Rzv)"]],
    igj_enhanced_supervision: [["Onder verscherpt toezicht van de IGJ"], ["Under enhanced supervision of the IGJ"]],
    igj_administrative_measure: [["Bestuurlijke maatregel van de IGJ opgelegd"], ["Administrative measure imposed by the IGJ"]],
    earlier_serious_shortcomings: [["Eerder ernstig of voortdurend tekortgeschoten bij CZ groep"], ["Earlier serious or persistent shortcomings with CZ groep"]],
    cz_indications_continuity_quality_risk: [["CZ heeft aanwijzingen voor risico's voor continuïteit of kwaliteit"], ["CZ has indications of risks to continuity or quality"]],
  };
  // The result fields a calculator returns, for the folded details table (the verdict above says it in words).
  const RESULTS = {
    average: ["Gemiddelde (afgerond)", "Average (rounded)"], average_exact: ["Gemiddelde (exact)", "Average (exact)"],
    threshold: ["Drempel", "Threshold"], requirement_applies: ["Eis geldt", "Requirement applies"],
    exception: ["Uitzondering", "Exception"], meets_threshold: ["Haalt de drempel", "Meets the threshold"],
    compliant: ["Voldoet", "Compliant"], clients_needed: ["Cliënten nog nodig", "Clients still needed"],
    clients_needed_total: ["Cliënten nodig in totaal", "Clients needed in total"],
    max_postcode_areas: ["Maximaal aantal postcodegebieden", "Most postcode areas"],
    eligible: ["Komt in aanmerking", "Eligible"], percentage: ["Maximale vergoeding (%)", "Maximum reimbursement (%)"],
    max_reimbursement_eur: ["Maximale vergoeding (€)", "Maximum reimbursement (€)"], row: ["Rij van de staffel", "Staffel row"],
    score_year_used: ["Scorejaar gebruikt", "Score year used"], reasons: ["Redenen", "Reasons"],
    percentage_of_ceiling: ["Percentage van het plafond", "Percentage of the ceiling"], threshold_pct: ["Drempel (%)", "Threshold (%)"],
    threshold_met: ["Drempel gehaald", "Threshold met"], required_revenue_eur: ["Benodigde omzet (€)", "Required revenue (€)"],
    additional_revenue_needed_eur: ["Nog benodigde omzet (€)", "Revenue still needed (€)"],
    still_to_assess: ["Nog door CZ te beoordelen", "Still to be assessed by CZ"], notes: ["Opmerkingen", "Notes"],
    meets_checked_criteria: ["Voldoet aan de getoetste voorwaarden", "Meets the checked conditions"],
    failed_criteria: ["Niet voldaan", "Not met"], passed_criteria: ["Voldaan", "Met"],
    not_applicable: ["Niet van toepassing", "Not applicable"], not_checked: ["Niet getoetst", "Not checked"],
    max_allowed_pct: ["Maximaal toegestaan (%)", "Maximum allowed (%)"], min_own_pct: ["Minimaal zelf (%)", "Minimum own (%)"],
    within_limit: ["Binnen de grens", "Within the limit"], clients_per_fte: ["Cliënten per fte", "Clients per FTE"],
    max_clients_per_fte: ["Maximaal cliënten per fte", "Maximum clients per FTE"], required_fte: ["Benodigde fte", "Required FTE"],
    required_fte_exact: ["Benodigde fte (exact)", "Required FTE (exact)"], caseload_per_fte: ["Caseload per fte", "Caseload per FTE"],
    norm_min: ["Norm minimaal", "Norm minimum"], norm_max: ["Norm maximaal", "Norm maximum"],
    within_norm: ["Binnen de norm", "Within the norm"], position: ["Positie ten opzichte van de norm", "Position against the norm"],
    waardemodel_applies: ["Waardemodel geldt", "Value model applies"], price_agreement_only: ["Alleen prijsafspraak", "Price agreement only"],
    quality_submission_required: ["Kwaliteitsinformatie aanleveren", "Quality information required"],
    threshold_eur: ["Drempel (€)", "Threshold (€)"], deadlines: ["Termijnen", "Deadlines"],
    checked_on: ["Getoetste datum", "Date checked"], open_on_date: ["Open op de datum", "Open on the date"], upcoming_on_date: ["Nog niet begonnen", "Not started yet"],
    passed_on_date: ["Verstreken", "Passed"], available_topics: ["Onderwerpen", "Topics"],
    excluded: ["Uitgesloten", "Excluded"], grounds: ["Gronden", "Grounds"], not_assessed: ["Niet beoordeeld", "Not assessed"],
  };
  const CHOICES = {
    existing: ["bestaande zorgaanbieder", "existing provider"], new: ["nieuwe zorgaanbieder", "new provider"],
    website: ["website", "website"], email: ["e-mail", "e-mail"],
    melding_gedaan: ["melding gedaan", "notification made"], vergunning_aangevraagd: ["vergunning aangevraagd", "licence applied for"],
    toelating: ["toelating", "admission (toelating)"], geen: ["geen", "none"],
    hours: ["uren", "hours"], fte: ["fte", "fte"],
  };
  const li = () => (lang === "en" ? 1 : 0);
  const fieldText = (tool, name) => FIELDS[`${tool}.${name}`] || FIELDS[name];
  const toolName = (name) => (TOOL_TITLES[name] ? TOOL_TITLES[name][li()] : name.replace(/_/g, " "));
  const choiceText = (v) => (CHOICES[v] ? CHOICES[v][li()] : String(v));

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

  function citationChip(c, quotes = [c.quote]) {
    return el("button", {
      type: "button", class: "chip", title: quotes.join(" … "),
      "aria-label": `${sectionLabel(c.clause_id, c.section)} ${c.title} (${c.year})`,
      onclick: () => openClause(c.clause_id, quotes),
    }, sectionLabel(c.clause_id, c.section), el("span", { class: "yr", text: `· ${c.year}` }));
  }

  // One chip per clause: several quotes from one clause open it with each quote highlighted. `seen` (a Set of
  // clause ids) leaves out clauses that already have a chip elsewhere in the same answer.
  function citationChips(citations, seen = new Set()) {
    const byClause = new Map();
    for (const c of citations) {
      if (seen.has(c.clause_id) && !byClause.has(c.clause_id)) continue;
      if (!byClause.has(c.clause_id)) byClause.set(c.clause_id, { c, quotes: [] });
      const entry = byClause.get(c.clause_id);
      if (c.quote && !entry.quotes.includes(c.quote)) entry.quotes.push(c.quote);
    }
    for (const id of byClause.keys()) seen.add(id);
    return Array.from(byClause.values(), ({ c, quotes }) => citationChip(c, quotes));
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
    if (tab.id === "tab-diff") openDiffTab();
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
      if (h.status === "ok") { status.hidden = true; documents = h.documents || []; fillDiffDocuments(); return; }
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
    const seen = new Set();
    if (state.citations.length) {
      node.append(el("div", { class: "chips", role: "group", "aria-label": t("sources") }, citationChips(state.citations, seen)));
    }
    const used = state.toolCalls.filter((c) => c.result);
    if (used.length) {
      const names = Array.from(new Set(used.map((c) => toolName(c.name))));
      node.append(el("p", { class: "tools-used", text: `${t("tools_used")}: ${names.join(", ")}` }));
      const chips = citationChips(used.flatMap((call) => call.result.citations || []), seen);
      if (chips.length) node.append(el("div", { class: "chips", role: "group", "aria-label": t("sources") }, chips));
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

  // Where a (whitespace-collapsed) quote stands in a text, whitespace-tolerant, as the API finds its `quote`.
  function quoteSpans(text, quote) {
    const words = quote.split(/\s+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    if (!words.length) return [];
    return Array.from(text.matchAll(new RegExp(words.join("\\s+"), "g")), (m) => [m.index, m.index + m[0].length]);
  }

  // The document once, with its year once: "Zorginkoopbeleid Wijkverpleging 2024 (vervangen ...) · regels 51–85".
  // A part of the document title that the heading trail already names (", Bijlage 1: ...") is left out.
  function clauseMeta(c) {
    let doc = c.document_title;
    for (const head of c.heading_trail) doc = doc.replace(`, ${head}`, "");
    if (!doc.includes(String(c.year))) doc = `${doc} ${c.year}`;
    const status = c.status === "superseded" ? ` (${t("superseded")})` : "";
    return `${doc}${status} · ${t("lines")} ${c.line_start}–${c.line_end}`;
  }

  async function openClause(clauseId, quotes) {
    quotes = (Array.isArray(quotes) ? quotes : [quotes]).filter(Boolean);
    lastFocus = document.activeElement;
    $("#clause-title").textContent = clauseId;
    $("#clause-trail").textContent = ""; $("#clause-meta").textContent = "";
    $("#clause-text").replaceChildren();
    showError($("#clause-error"), null);
    if (!dialog.open) dialog.showModal();
    const path = "/api/clauses/" + clauseId.split("/").map(encodeURIComponent).join("/") + (quotes.length ? `?quote=${encodeURIComponent(quotes[0])}` : "");
    try {
      const c = await api(path);
      $("#clause-trail").textContent = c.heading_trail.slice(0, -1).join(" › ");
      $("#clause-title").textContent = `${sectionLabel(c.id, c.section)} ${c.title}`;
      $("#clause-meta").textContent = clauseMeta(c);
      const box = $("#clause-text");
      const text = reflow(c.text);
      const spans = [...c.highlights, ...quotes.slice(1).flatMap((q) => quoteSpans(c.text, q))]
        .sort((a, b) => a[0] - b[0])
        .filter((span, i, all) => i === 0 || span[0] >= all[i - 1][1]);
      let pos = 0;
      for (const [start, end] of spans) {
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
    if (TOOL_TITLES[tool.name]) return toolName(tool.name);
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
      const own = fieldText(tool.name, name);
      const [label, hintText] = own ? own[li()] : [spec.title || name, lang === "en" ? spec.description : null];
      const labelText = [label, required.has(name) ? el("span", { class: "req", text: ` (${t("required")})` }) : null];
      const hint = hintText ? el("span", { class: "hint", id: `${id}-hint`, text: hintText }) : null;
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
          const text = v === true ? t("yes") : v === false ? t("no") : choiceText(v);
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

  function resultLabel(tool, key) {
    const own = RESULTS[key] ? RESULTS[key][li()] : fieldText(tool, key) && fieldText(tool, key)[li()][0];
    return own || key.replace(/_/g, " ");
  }

  function showToolResult(result, tool) {
    const verdict = (lang === "en" && result.verdict_en) || result.verdict;
    const ok = Object.entries(result).find(([k, v]) => typeof v === "boolean" && /^(compliant|eligible|ok|passes|allowed|meets)/.test(k));
    const rows = Object.entries(result).filter(([k]) => !STANDARD.has(k) && !k.endsWith("_en"));
    const assumptions = (lang === "en" && result.assumptions_en && result.assumptions_en.length ? result.assumptions_en : result.assumptions) || [];
    $("#tool-result").replaceChildren(el("div", { class: `verdict ${ok ? (ok[1] ? "ok" : "fail") : ""}` },
      el("h3", { text: verdict }),
      el("p", {}, el("strong", { text: `${t("rule")}: ` }), (lang === "en" && result.rule_en) || result.rule || ""),
      assumptions.length ? el("div", {}, el("strong", { text: `${t("assumptions")}:` }), el("ul", {}, assumptions.map((a) => el("li", { text: a })))) : null,
      rows.length ? el("details", { class: "result-details" }, el("summary", { text: t("details") }),
        el("table", { class: "kv" }, el("caption", { class: "visually-hidden", text: t("details") }),
          el("tbody", {}, rows.map(([k, v]) => el("tr", {}, el("th", { scope: "row", text: resultLabel(tool, k) }), el("td", { text: formatValue(v) })))))) : null,
      (result.citations || []).length ? el("div", { class: "chips", role: "group", "aria-label": t("sources") }, citationChips(result.citations)) : null,
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
      showToolResult(await post(`/api/tools/${encodeURIComponent(name)}`, collectArgs(e.target)), name);
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
        src && src.header ? el("p", { class: "table-head" }, el("strong", { text: `${t("table_row")}: ` }), src.column || src.header) : null,
        src ? el("blockquote", { text: src.quote }) : null,
        src ? el("div", { class: "chips" }, citationChips([src])) : null,
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

  // ---------------------------------------------------------------- what changed (diff)
  let documents = [];
  let diffShown = false;

  function fillDiffDocuments() {
    const sorted = [...documents].sort((a, b) => a.year - b.year);
    for (const [id, pick] of [["#diff-from", sorted[0]], ["#diff-to", sorted[sorted.length - 1]]]) {
      const select = $(id);
      if (select.options.length) continue;
      select.replaceChildren(...sorted.map((d) => el("option", { value: d.id, text: `${d.year} (${d.id})`, title: d.title })));
      if (pick) select.value = pick.id;
    }
  }

  function openDiffTab() {
    fillDiffDocuments();
    if (!diffShown && $("#diff-from").value && $("#diff-to").value) runDiff();
  }

  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ""));

  function clauseLabel(ref) {
    return `${sectionLabel(ref.clause_id, ref.section)} ${ref.title}`;
  }

  function lineRef(s) {
    const lines = s.line_start === s.line_end ? s.line_start : `${s.line_start}–${s.line_end}`;
    return `${t("lines")} ${lines}${s.footnote ? `, ${t("diff_footnote")}` : ""}`;
  }

  function sourceButton(s, year) {
    return el("button", { type: "button", class: "chip", title: s.text, onclick: () => openClause(s.clause_id, s.text) },
      `${year} · ${lineRef(s)}`);
  }

  function segmentsNode(segments) {
    return el("p", { class: "segments" }, segments.flatMap((g) => g.op === "equal" ? [`${g.text} `]
      : [el(g.op === "delete" ? "del" : "ins", { class: g.emphasis ? "num" : null, text: g.text }), " "]));
  }

  function changedNode(c, years) {
    const figures = c.changes.filter((x) => x.emphasis).map((x) =>
      el("li", {}, x.context ? `… ${x.context} ` : null, el("span", { class: "was", text: `${t("diff_before")}: ${x.before || "—"}` }), " → ",
        el("strong", { text: `${t("diff_after")}: ${x.after || "—"}` })));
    return el("div", { class: "change" },
      c.segments.length ? segmentsNode(c.segments) : el("p", { class: "segments", text: c.after.text }),
      figures.length ? el("ul", { class: "figures" }, figures) : null,
      el("div", { class: "chips" }, sourceButton(c.before, years[0]), sourceButton(c.after, years[1])));
  }

  function sentenceList(sentences, kind, year) {
    if (!sentences.length) return null;
    return el("ul", { class: `sentences ${kind}` }, sentences.map((s) =>
      el("li", {}, el("span", { class: "sign", "aria-label": t(kind === "add" ? "diff_added" : "diff_removed"), text: kind === "add" ? "+" : "−" }),
        ` ${s.text} `, sourceButton(s, year))));
  }

  function pairNode(p, years) {
    const badges = [p.renumbered ? t("diff_renumbered") : null, p.moved ? t("diff_moved") : null].filter(Boolean);
    const counts = [
      p.changed.length ? `${p.changed.length} ${t("diff_changed")}` : null,
      p.added.length ? `${p.added.length} ${t("diff_added")}` : null,
      p.removed.length ? `${p.removed.length} ${t("diff_removed")}` : null,
      `${p.unchanged} ${t("diff_unchanged")}`,
    ].filter(Boolean).join(", ");
    const strong = p.changed.some((c) => c.changes.some((x) => x.emphasis));
    return el("details", { class: "pair", open: strong },
      el("summary", {},
        el("span", { class: "from", text: `${clauseLabel(p.before)} (${p.before.year})` }), " → ",
        el("span", { class: "to", text: `${clauseLabel(p.after)} (${p.after.year})` }),
        badges.map((b) => el("span", { class: "badge", text: b })),
        el("span", { class: "counts", text: ` · ${counts}` })),
      p.changed.map((c) => changedNode(c, years)),
      sentenceList(p.removed, "rem", years[0]), sentenceList(p.added, "add", years[1]));
  }

  function clauseOnlyNode(c, kind) {
    return el("details", { class: `pair ${kind}` },
      el("summary", { text: `${clauseLabel(c.clause)} (${c.clause.year}, ${lineRef(c.clause)})` }),
      sentenceList(c.sentences, kind, c.clause.year));
  }

  function showDiff(d) {
    const s = d.summary;
    const years = [d.before.year, d.after.year];
    const sections = new Set([...d.pairs.flatMap((p) => [p.before.section, p.after.section]),
      ...d.added.map((a) => a.clause.section), ...d.removed.map((r) => r.clause.section)]);
    if (!d.section) $("#diff-sections").replaceChildren(...[...sections].map((x) => el("option", { value: x })));
    $("#diff-result").replaceChildren(...[
      el("p", { class: "diff-summary", text: fill(t("diff_summary"), { aligned: s.aligned, renumbered: s.renumbered, moved: s.moved_clauses,
        added: s.added_clauses, removed: s.removed_clauses, changed: s.changed_sentences, sadded: s.added_sentences,
        sremoved: s.removed_sentences, smoved: s.moved_sentences }) }),
      d.pairs.map((p) => pairNode(p, years)),
      d.added.length ? el("h3", { text: t("diff_new_clauses") }) : null, d.added.map((c) => clauseOnlyNode(c, "add")),
      d.removed.length ? el("h3", { text: t("diff_gone_clauses") }) : null, d.removed.map((c) => clauseOnlyNode(c, "rem")),
      d.moved.length ? el("h3", { text: t("diff_moved_text") }) : null,
      d.moved.map((m) => el("div", { class: "change moved" },
        m.segments.length ? segmentsNode(m.segments) : el("p", { class: "segments", text: m.after.text }),
        el("div", { class: "chips" }, sourceButton(m.before, years[0]), sourceButton(m.after, years[1])))),
    ].flat(Infinity).filter((node) => node !== null));
  }

  async function runDiff() {
    const params = new URLSearchParams({ from: $("#diff-from").value, to: $("#diff-to").value });
    const section = $("#diff-section").value.trim();
    if (section) params.set("section", section);
    const button = $("#diff-form button[type=submit]");
    showError($("#diff-error"), null);
    button.disabled = true;
    try {
      showDiff(await api(`/api/diff?${params}`));
      diffShown = true;
    } catch (err) {
      $("#diff-result").replaceChildren();
      showError($("#diff-error"), err);
    } finally { button.disabled = false; }
  }

  $("#diff-form").addEventListener("submit", (e) => { e.preventDefault(); runDiff(); });

  // ---------------------------------------------------------------- start
  $("#lang").addEventListener("click", () => {
    lang = lang === "nl" ? "en" : "nl";
    localStorage.setItem("lang", lang);
    applyLanguage();
  });
  applyLanguage();
  checkHealth();
})();
