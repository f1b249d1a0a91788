"""The one entry point for answering: `Assistant.ask(question, conversation_id=None, year=None) -> Answer`.

question -> guards (language, injected instructions, personal data, out of scope)
         -> router (calculator with extracted arguments | clause lookup | ask for what is missing)
         -> calculator and/or hybrid retrieval
         -> extractive composition (verdict first, verbatim quotes with section and year)
"""

from __future__ import annotations

import functools
import re
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from assistant.answer import compose as c
from assistant.answer import guards
from assistant.answer.router import Route, route
from assistant.config import Settings
from assistant.domain import Answer, Citation, RetrievedRef, SearchHit, ToolCall
from assistant.errors import AssistantError, InvalidInput
from assistant.retrieve.hybrid import looks_back as _looks_back
from assistant.retrieve.index import Index, open_index

# a question that asks for a sum of money, and what a quote must contain to answer it
_ASKS_MONEY = re.compile(
    r"\b(hoeveel geld|welk bedrag|wat is het bedrag|hoe hoog is het (budget|bedrag)|hoeveel euro|totaalbudget"
    r"|how much money|what amount|which amount|how big is the budget|how much budget|how many euros)\b",
    re.I,
)
_MONEY = re.compile(r"€|\beuro\b|\bEUR\b")
_ASKS_PHONE = re.compile(r"\b(telefoonnummer\w*|phone number|telephone|telefonisch|welk nummer|which number)\b", re.I)
_PHONE = re.compile(r"(?:\+31|\b0)\d{1,3}[\s-]?\d{6,8}\b")


def _missing_kind(text: str, citations: list[Citation]) -> str | None:
    """The reason to refuse when the question asks for a kind of fact that none of the quotes holds: a sum of
    money or a phone number. (Counts were tried too; "1 keer", "5% minder" made that check refuse good answers.)"""
    quotes = [ct.quote for ct in citations]
    if _ASKS_MONEY.search(text) and not any(_MONEY.search(q) for q in quotes):
        return "no_amount"
    if _ASKS_PHONE.search(text) and not any(_PHONE.search(q) for q in quotes):
        return "no_phone"
    return None


REFUSAL_SCORE = 0.45  # top fused score below this = nothing relevant (calibrated on evals/dev.jsonl)

MSG = {
    "refuse": {
        "nl": "Het Zorginkoopbeleid Wijkverpleging van CZ zegt hier niets over; ik kan het in de beleidsteksten niet vinden en verzin geen antwoord.",
        "en": "CZ's district-nursing purchasing policy does not say this; I cannot find it in the policy texts and will not make up an answer.",
    },
    "refuse_contact": {
        "nl": " Voor overige vragen over het zorginkoopbeleid kunt u mailen naar inkoopvvt.zvw@cz.nl (§ 4.3).",
        "en": " For other questions about the purchasing policy you can e-mail inkoopvvt.zvw@cz.nl (§ 4.3).",
    },
    "insurer": {
        "nl": " De teksten beschrijven alleen het beleid van CZ groep, niet dat van andere zorgverzekeraars.",
        "en": " The texts only describe CZ groep's policy, not that of other insurers.",
    },
    "no_phone": {
        "nl": " De beleidstekst noemt geen telefoonnummers; vragen gaan per e-mail (§ 4.3).",
        "en": " The policy text gives no phone numbers; questions go by e-mail (§ 4.3).",
    },
    "no_year": {
        "nl": " De beleidsteksten gaan over het contractjaar 2027 (en de Bijlage 1 van 2024); over dat jaar zeggen ze niets.",
        "en": " The texts cover contract year 2027 (and the 2024 Bijlage 1); they say nothing about that year.",
    },
    "no_amount": {
        "nl": " De beleidstekst noemt hiervoor geen bedrag.",
        "en": " The policy text names no amount for this.",
    },
    "sector": {
        "nl": " De teksten gaan alleen over wijkverpleging.",
        "en": " The texts only cover district nursing (wijkverpleging).",
    },
    "tariff": {
        "nl": " Tarieven staan niet in het inkoopbeleid; volgens § 2.2.1 krijgt u de individuele tariefopbouw als bijlage bij het voorstel voor 2027.",
        "en": " Tariffs are not in the purchasing policy; per § 2.2.1 the individual tariff build-up comes as an annex to the 2027 proposal.",
    },
    "language": (
        "I can answer questions in English or Dutch only. / Ik beantwoord alleen vragen in het Nederlands of Engels."
    ),
    "unclear": {
        "nl": 'Wat bedoelt u precies? Stel een vraag over het inkoopbeleid wijkverpleging, bijvoorbeeld: "Voldoen we met 5, 1 en 2 cliënten in drie postcodegebieden aan de eis voor 2027?"',
        "en": 'What exactly do you mean? Ask a question about the district-nursing purchasing policy, for example: "Do we meet the 2027 rule with 5, 1 and 2 clients in three postcode areas?"',
    },
    "injection": {
        "nl": "Let op: instructies in uw bericht heb ik genegeerd; ik antwoord alleen op basis van de beleidstekst.",
        "en": "Note: I ignored instructions in your message; I only answer from the policy text.",
    },
    "privacy": {
        "nl": "Let op: uw bericht lijkt persoonsgegevens te bevatten ({kinds}). Deze worden niet bewaard. Gegevens van individuele verzekerden mag u volgens het beleid (§ 4.3) alleen via een beveiligd kanaal (Cryptshare) delen met het CZ Zorgteam.",
        "en": "Note: your message seems to contain personal data ({kinds}). It is not stored. Per the policy (§ 4.3) details of individual insured persons may only be shared with the CZ Zorgteam via a secure channel (Cryptshare).",
    },
    "no_confirm": {"nl": "Dat kan ik niet bevestigen. ", "en": "I cannot confirm that. "},
    "tool_rejected": {
        "nl": "Met deze getallen kan ik niet rekenen ({error}). Controleer ze; hieronder staat wat het beleid zegt.",
        "en": "I cannot calculate with these numbers ({error}). Please check them; below is what the policy says.",
    },
    "pressure_clause": {
        "nl": "Ik geef alleen weer wat het beleid letterlijk zegt: ",
        "en": "I can only state what the policy literally says: ",
    },
}


@dataclass
class _Turn:
    route: Route
    question: str


@dataclass
class _Conversations:
    limit: int = 1000
    turns: OrderedDict = field(default_factory=OrderedDict)

    def last(self, cid: str | None) -> _Turn | None:
        return self.turns.get(cid) if cid else None

    def remember(self, cid: str | None, turn: _Turn) -> None:
        if not cid:
            return
        self.turns[cid] = turn
        self.turns.move_to_end(cid)
        while len(self.turns) > self.limit:
            self.turns.popitem(last=False)


class Assistant:
    """Holds the index and answers questions. Build one per process with `Assistant.create()`."""

    def __init__(self, settings: Settings, index: Index, llm: object | None = None) -> None:
        self.settings = settings
        self.index = index
        self.corpus = index.corpus
        self.conversations = _Conversations(limit=1000)
        self.llm = llm  # an assistant.llm answerer when ASSISTANT_LLM is set; None = extractive

    @classmethod
    def create(cls, settings: Settings | None = None, rebuild: bool = False, progress: bool = False) -> Assistant:
        settings = settings or Settings.from_env()
        assistant = cls(settings, open_index(settings, rebuild=rebuild, progress=progress))
        if settings.llm and settings.llm != "none":
            from assistant.llm import make_answerer

            assistant.llm = make_answerer(settings)
        return assistant

    # ------------------------------------------------------------ validation and search

    def check_question(self, question: str) -> str:
        if not isinstance(question, str) or not question.strip():
            raise InvalidInput("the question is empty; type a question about the purchasing policy")
        if len(question) > self.settings.max_question_chars:
            raise InvalidInput(
                f"the question is {len(question)} characters; the maximum is {self.settings.max_question_chars}"
            )
        return question.strip()

    def search(self, query: str, k: int = 5, year: int | None = None) -> list[SearchHit]:
        query = self.check_question(query)
        if not 1 <= k <= 50:
            raise InvalidInput(f"k must be between 1 and 50, got {k}")
        self.corpus.check_year(year)
        cleaned, _ = guards.strip_injection(query)  # text posing as instructions is no search term
        return self.index.retriever.search(cleaned or query, k=k, year=year)

    # ------------------------------------------------------------ answering

    def ask(self, question: str, conversation_id: str | None = None, year: int | None = None) -> Answer:
        started = time.perf_counter()
        question = self.check_question(question)
        self.corpus.check_year(year)
        if self.llm is not None:
            answer = self.llm.answer(self, question, conversation_id, year)  # type: ignore[attr-defined]
        else:
            answer = self.extractive(question, conversation_id, year)
        answer.latency_ms = round((time.perf_counter() - started) * 1000, 1)
        answer.conversation_id = conversation_id
        return answer

    def extractive(self, question: str, cid: str | None = None, year: int | None = None) -> Answer:
        """The no-LLM answer (also the LLM mode's fallback)."""
        lang = guards.language(question)
        if lang == "other":
            return Answer(answer=MSG["language"], language="en", intent="language", needs_input=["question"])
        notices = []
        pii = guards.find_personal_data(question)
        if pii:
            notices.append(MSG["privacy"][lang].format(kinds=", ".join(pii)))
        text, injected = guards.strip_injection(question)
        if injected:
            notices.append(MSG["injection"][lang])
        if len(re.findall(r"[A-Za-zÀ-ÿ]{2,}", text)) < 2:
            return Answer(
                answer=MSG["unclear"][lang], language=lang, intent="unclear", needs_input=["question"], notices=notices
            )
        scope = guards.out_of_scope(text)
        if scope:
            return self._refuse(lang, scope, notices)
        r = self._route_with_history(text, cid)
        self.conversations.remember(cid, _Turn(r, text))
        pressed = guards.pressure(question)
        if r.kind == "tool" and r.tool:
            ans = self._tool_answer(text, r, lang, year, pressed)
        elif r.kind == "clarify":
            ans = self._clarify(text, r, lang, year)
        else:
            ans = self._clause_answer(text, lang, year, pressed, r.deadline)
        ans.notices = notices + ans.notices
        if notices:
            ans.answer = "\n".join(notices) + "\n\n" + ans.answer
        return ans

    def _route_with_history(self, text: str, cid: str | None) -> Route:
        r = route(text, self.corpus.current_year)
        prev = self.conversations.last(cid)
        follow_up = (
            bool(re.match(r"^\s*(en|and|maar|but|wat als|what if|stel|suppose)\b", text, re.I)) or len(text) < 60
        )
        if prev and prev.route.tool and follow_up and r.kind != "tool":
            merged = _merge_follow_up(prev.route.args, text)
            if merged is None:
                fresh = route(text + " " + _topic_hint(prev.route.tool), self.corpus.current_year)
                if fresh.tool != prev.route.tool:
                    return r
                if re.search(r"\d", text) and not any(
                    v is not None and v != prev.route.args.get(k) for k, v in fresh.args.items()
                ):
                    return fresh  # numbers we could not place: ask, never answer again with the old ones
                args = {**prev.route.args, **{k: v for k, v in fresh.args.items() if v is not None}}
                return Route("tool", prev.route.tool, args, [], prev.route.assumptions)
            args, assumption = merged
            assumptions = prev.route.assumptions + ([assumption] if assumption else [])
            return Route("tool", prev.route.tool, args, [], assumptions)
        return r

    # ------------------------------------------------------------ calculators

    def _tool_answer(self, text: str, r: Route, lang: str, year: int | None, pressed: bool) -> Answer:
        from tools.registry import run_tool

        hits = self.index.retriever.search(text, k=5, year=year)
        call = ToolCall(name=r.tool or "", args=r.args)
        try:
            result = run_tool(call.name, dict(r.args))
        except AssistantError as exc:
            call.error = exc.message
            ans = self._clause_answer(text, lang, year, pressed, False)
            ans.tool_calls = [call]
            note = MSG["tool_rejected"][lang].format(error=exc.message)
            ans.notices.append(note)
            ans.answer = note + "\n\n" + ans.answer
            return ans
        data = result.model_dump(mode="json")
        call.result = data
        citations = [
            ct.model_copy(update={"section": c.section_label(ct.clause_id, ct.section)})
            for ct in result.citations
            if self.corpus.quote_in_clause(ct.quote, ct.clause_id)
        ]
        verdict = data.get("verdict_en" if lang == "en" else "verdict", "")
        negative = (
            any(
                data.get(k) is False
                for k in ("compliant", "eligible", "within_norm", "meets_checked_criteria", "waardemodel_applies")
            )
            or data.get("excluded") is True
        )
        lead = MSG["no_confirm"][lang] if pressed and negative else ""
        lines = [lead + verdict]
        numbers = _key_numbers(data, lang)
        if numbers:
            lines.append(numbers)
        rule = data.get("rule_en" if lang == "en" else "rule")
        if rule:
            lines.append(("Rule: " if lang == "en" else "Regel: ") + rule)
        assumptions = list(data.get("assumptions_en" if lang == "en" else "assumptions") or [])
        assumptions += [a[1] if lang == "en" else a[0] for a in r.assumptions]
        if assumptions:
            lines.append(
                ("Assumptions:" if lang == "en" else "Aannames:")
                + "".join(f"\n- {a}" for a in dict.fromkeys(assumptions))
            )
        if citations:
            lines.append(("Source:" if lang == "en" else "Bron:") + "\n" + c.format_quotes(citations, lang))
            if lang == "en":
                g = c.gloss_en(citations)
                if g:
                    lines.append(g)
        return Answer(
            answer="\n".join(lines),
            citations=citations,
            tool_calls=[call],
            retrieved=_refs(hits),
            language=lang,  # type: ignore[arg-type]
            intent=f"tool:{call.name}",
        )

    def _clarify(self, text: str, r: Route, lang: str, year: int | None) -> Answer:
        asks = [m[2] if lang == "en" else m[1] for m in r.missing]
        assumptions = [a[1] if lang == "en" else a[0] for a in r.assumptions]
        msg = " ".join(asks)
        if assumptions:
            msg += (" Otherwise: " if lang == "en" else " Anders: ") + "; ".join(assumptions) + "."
        # what the policy says comes first (a question like "wat is de postcode-eis?" wants the rule itself);
        # the request for the missing numbers follows, so the user can have it calculated
        clause = self._clause_answer(text, lang, year, False, False)
        citations = [] if clause.refused else clause.citations
        if citations:
            msg = (
                clause.answer
                + "\n\n"
                + ("To calculate it for you: " if lang == "en" else "Om het voor u na te rekenen: ")
                + msg
            )
        hits = self.index.retriever.search(text, k=5, year=year)
        return Answer(
            answer=msg,
            citations=citations,
            language=lang,  # type: ignore[arg-type]
            intent=f"clarify:{r.tool}",
            needs_input=[m[0] for m in r.missing],
            retrieved=_refs(hits),
            tool_calls=[
                ToolCall(name=r.tool or "", args=r.args, error="missing: " + ", ".join(m[0] for m in r.missing))
            ],
        )

    # ------------------------------------------------------------ clause answers

    def _clause_answer(self, text: str, lang: str, year: int | None, pressed: bool, deadline: bool) -> Answer:
        hits = self.index.retriever.search(text, k=5, year=year)
        if any(y not in self._corpus_years for y in re.findall(r"\b(20\d\d)\b", text)):
            ans = self._refuse(lang, "no_year", [])  # a year the texts never mention: they cannot answer for it
            ans.retrieved = _refs(hits)
            return ans
        if not hits or hits[0].score < REFUSAL_SCORE:
            ans = self._refuse(lang, None, [])
            ans.retrieved = _refs(hits)
            return ans
        bm25 = self.index.retriever.bm25
        older = [y for y in self.corpus.years if y != self.corpus.current_year and str(y) in text]
        looks_back = year is None and len(self.corpus.years) > 1 and (_looks_back(text) or bool(older))
        pool = self.index.retriever.search(text, k=8, year=year)  # the composer reads a little further
        if looks_back:
            citations = self._per_year_citations(bm25, text, hits)
        else:
            current = [h for h in pool if h.passage.year == self.corpus.current_year] if year is None else pool
            chosen = c.pick(c.rank_sentences(bm25, text, current or pool))
            citations = [ct for s in chosen if (ct := c.citation_for(self.corpus, s.passage, s.sentence))]
        if not citations:
            ans = self._refuse(lang, None, [])
            ans.retrieved = _refs(hits)
            return ans
        missing = _missing_kind(text, citations)
        if missing:  # the question asks for a kind of fact (a sum, a phone number, a count) no quote holds
            ans = self._refuse(lang, missing, [])
            ans.retrieved = _refs(hits)
            return ans
        body = self._lead(citations, lang, pressed) + "\n" + c.format_quotes(citations, lang)
        if looks_back:
            body += self._missing_in_current(citations, lang)
        if lang == "en":
            g = c.gloss_en(citations)
            if g:
                body += "\n" + g
        return Answer(answer=body, citations=citations, retrieved=_refs(hits), language=lang, intent="clause")  # type: ignore[arg-type]

    def _per_year_citations(self, bm25, text: str, hits: list[SearchHit]) -> list[Citation]:
        out: list[Citation] = []
        for y in sorted({h.passage.year for h in hits}):
            scored = c.rank_sentences(bm25, text, [h for h in hits if h.passage.year == y])
            for s in c.pick(scored, n=3):  # per year: side by side
                ct = c.citation_for(self.corpus, s.passage, s.sentence)
                if ct:
                    out.append(ct)
        return out

    def _missing_in_current(self, citations: list[Citation], lang: str) -> str:
        """Facts with a unit in an older quote that the current policy never mentions."""
        current = self.corpus.current_year
        cur_docs = [d.id for d in self.corpus.documents if d.year == current]
        cur_text = " ".join(self.corpus.collapsed_texts[d] for d in cur_docs).lower()
        missing = []
        for ct in citations:
            if ct.year == current:
                continue
            for m in re.finditer(r"\b\d+(?:[.,]\d+)?\s*(?:seconden|minuten|uur per week|uur|procent|%)", ct.quote):
                if m.group(0).lower() not in cur_text:
                    missing.append(m.group(0))
        if not missing:
            return ""
        items = ", ".join(f"«{m}»" for m in dict.fromkeys(missing))
        if lang == "en":
            return f"\nThe {current} policy does not mention {items}: that text only appears in the older policy quoted above."
        return f"\nHet beleid {current} noemt {items} niet: dat staat alleen in het oudere beleid hierboven."

    @functools.cached_property
    def _corpus_years(self) -> set[str]:
        """Every year the policy texts mention (2018 ... 2030)."""
        return {y for text in self.corpus.collapsed_texts.values() for y in re.findall(r"\b(20\d\d)\b", text)}

    def _lead(self, citations: list[Citation], lang: str, pressed: bool) -> str:
        first = citations[0]
        years = sorted({ct.year for ct in citations})
        prefix = MSG["pressure_clause"][lang] if pressed else ""
        if len(years) > 1:
            return prefix + (
                f"The {years[0]} and {years[-1]} texts side by side:"
                if lang == "en"
                else f"De teksten van {years[0]} en {years[-1]} naast elkaar:"
            )
        place = f"§ {first.section}" + (f" ({first.title})" if first.title != first.section else "")
        if lang == "en":
            return prefix + f"The {first.year} purchasing policy says this in {place}:"
        return prefix + f"Het zorginkoopbeleid {first.year} zegt hierover in {place}:"

    def _refuse(self, lang: str, reason: str | None, notices: list[str]) -> Answer:
        text = MSG["refuse"][lang] + (MSG[reason][lang] if reason else "") + MSG["refuse_contact"][lang]
        return Answer(
            answer=text, refused=True, language=lang, intent=f"refuse:{reason or 'no_match'}", notices=notices
        )  # type: ignore[arg-type]


def _refs(hits: list[SearchHit]) -> list[RetrievedRef]:
    return [
        RetrievedRef(clause_id=h.passage.clause_id, passage_id=h.passage.id, text=h.passage.text, score=h.score)
        for h in hits
    ]


_TOPIC_HINT = {
    "postcode_average": "postcodegebieden norm",
    "dementia_caseload_check": "casemanager dementie fte",
    "cooperative_staffing_check": "coöperatie fte",
    "subcontracting_check": "onderaannemers",
    "staffel_percentage": "percentage aanvullend budget",
    "additional_purchase_eligibility": "bijcontractering omzetplafond",
    "waardemodel_applicability": "waardemodel productieafspraak",
    "new_provider_eligibility": "nieuwe zorgaanbieder inschrijven",
}


def _merge_follow_up(prev: dict, text: str) -> tuple[dict, tuple[str, str] | None] | None:
    """'En als het € 310.000 was?': the new value replaces the earlier value of the same kind that is
    closest in size (an amount replaces an amount, a percentage a percentage, counts the counts).
    Returns the new arguments and, for a bare number, the assumption made about what it is."""
    from assistant.answer import extract as x

    args = dict(prev)
    postcode = "clients_per_postcode" in prev or "total_clients" in prev
    counts = x.postcode_counts(text) or (x.count_list(text) if postcode else None)
    if counts and postcode:
        for k in ("clients_per_postcode", "total_clients", "postcode_areas"):
            args.pop(k, None)
        return {**args, **counts}, None
    pcts = x.percentages(text)
    for share, parts in _SHARE_OF.items():  # "en met 70%?" after amounts or hours: the share replaces them
        if pcts and share not in prev and any(k in prev for k in parts):
            for k in parts:
                args.pop(k, None)
            args[share] = _whole(pcts[0])
            return args, None
    for values, suffix in ((x.euro_amounts(text), ("_eur",)), (pcts, ("_pct", "_reached"))):
        keys = [k for k, v in prev.items() if k.endswith(suffix) and _is_num(v)]
        if values and keys:
            key = _closest(prev, keys, values[0])
            args[key] = _whole(values[0])
            return args, None
    bare = [float(n) for n in re.findall(r"(?<![\d.,€])\b(\d{1,6})\b(?![.,]\d)", text) if not 2000 <= int(n) <= 2100]
    if "clients_per_postcode" in args:  # a list becomes total + areas, so one of them can change
        counts_list = args.pop("clients_per_postcode")
        args.update({"total_clients": sum(counts_list), "postcode_areas": len(counts_list)})
    keys = [k for k, v in args.items() if _is_num(v) and k in _COUNT_ARGS]
    if len(bare) == 1 and keys:
        key = _closest(args, keys, bare[0])
        args[key] = _whole(bare[0])
        nl, en = _COUNT_ARGS[key]
        return args, (f"ik neem aan dat {int(bare[0])} het {nl} is", f"I take {int(bare[0])} to be the {en}")
    return None


# a percentage argument and the arguments it can stand for instead
_SHARE_OF = {
    "percentage_of_ceiling_reached": ("omzetplafond_eur", "revenue_reached_eur"),
    "subcontracted_share_pct": (
        "total_care_hours", "subcontracted_hours", "own_staff_hours", "subcontractor_hours", "zzp_hours",
        "full_subsidiary_hours",
    ),
}  # fmt: skip


_COUNT_ARGS = {
    "total_clients": ("aantal cliënten", "number of clients"),
    "postcode_areas": ("aantal postcodegebieden", "number of postcode areas"),
    "clients": ("aantal cliënten", "number of clients"),
    "casemanager_fte": ("aantal fte", "number of fte"),
    "hbo_bachelor_nurse_fte": ("aantal fte", "number of fte"),
    "total_care_hours": ("totaal aantal uren", "total number of hours"),
    "subcontracted_hours": ("aantal uren in onderaanneming", "number of subcontracted hours"),
}


def _is_num(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _closest(args: dict, keys: list[str], value: float) -> str:
    return min(keys, key=lambda k: abs(args[k] - value) / max(abs(args[k]), 1))


def _whole(v: float) -> float | int:
    return int(v) if float(v).is_integer() else v


def _topic_hint(tool: str) -> str:
    return _TOPIC_HINT.get(tool, "")


_LABELS = {
    "average": ("gemiddelde per postcodegebied", "average per postcode area"),
    "threshold": ("drempel", "threshold"),
    "percentage": ("percentage", "percentage"),
    "max_reimbursement_eur": ("maximale vergoeding (€)", "maximum reimbursement (€)"),
    "percentage_of_ceiling": ("% van het omzetplafond", "% of the ceiling"),
    "threshold_pct": ("drempel (%)", "threshold (%)"),
    "required_revenue_eur": ("benodigde omzet (€)", "required revenue (€)"),
    "additional_revenue_needed_eur": ("nog nodig (€)", "still needed (€)"),
    "own_share_pct": ("eigen deel (%)", "own share (%)"),
    "subcontracted_share_pct": ("onderaanneming (%)", "subcontracted (%)"),
    "max_allowed_pct": ("maximaal toegestaan (%)", "maximum allowed (%)"),
    "clients_per_fte": ("cliënten per fte", "clients per fte"),
    "max_clients_per_fte": ("maximaal per fte", "maximum per fte"),
    "required_fte": ("benodigde fte", "required fte"),
    "caseload_per_fte": ("caseload per fte", "caseload per fte"),
    "norm_min": ("norm minimaal", "norm minimum"),
    "norm_max": ("norm maximaal", "norm maximum"),
}


def _key_numbers(data: dict, lang: str) -> str:
    parts = []
    for key, (nl, en) in _LABELS.items():
        v = data.get(key)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            parts.append(f"{en if lang == 'en' else nl}: {c.fmt_number(v, lang)}")
    return " · ".join(parts)
