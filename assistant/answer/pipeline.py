"""The one entry point for answering: `Assistant.respond(question, state, year) -> (Answer, state)`
(and `Assistant.ask(question, conversation_id, year) -> Answer`, which keeps the state in memory per id).

question -> guards (language, injected instructions, personal data, out of scope)
         -> understanding (understand.Router: a calculator with its arguments, a question back, or a clause
            question; state.follow_up merges a follow-up into the previous calculation)
         -> a plan (calculate.calc_plan | clause.clause_plan, premise.premise_plan first, parts.split_parts
            for multi-part questions)
         -> text (plan.render: the direct answer line first, then at most three quotes that carry it)
"""

from __future__ import annotations

import functools
import re
import threading
import time
from collections import OrderedDict
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np

from assistant.answer import compose as c
from assistant.answer import guards
from assistant.answer.asked import (
    asked,
    asked_clause,
    asks_consequence,
    asks_question_word,
    claims_only_consequence,
    concludes_early,
    direction_words,
    objection_asked,
    opens_with_conclusion,
    own_conclusions,
)
from assistant.answer.asked import (
    phrases as asked_phrases,
)
from assistant.answer.calculate import (
    calc_plan,
    claim_checked,
    clarify_line,
    misplaced_party,
    party_citation,
    rejected_plan,
    rule_claimed,
)
from assistant.answer.clause import (
    POINTING_WORDS,
    YEAR_TERM,
    bounded_rule,
    clause_plan,
    consequence_after,
    is_yes_no,
    names_an_older_policy,
    off_subject,
    points_back,
    thing_not_stated,
)
from assistant.answer.parts import borrows_subject, names_no_subject, same_frame, split_parts
from assistant.answer.plan import MAX_QUOTES, Plan, msg, render, summary, with_notices
from assistant.answer.premise import (
    about_the_policy,
    claim_of,
    claimed_span,
    premise_plan,
    presented_as_known,
    states_rule,
    without_reporter,
)
from assistant.answer.specs import load_specs
from assistant.answer.state import (
    ConversationState,
    asked_of_case,
    asks_the_same,
    case_facts,
    checked_in_subject,
    clause_topic,
    continues_topic,
    follow_up,
    message_words,
    opens_follow_up,
    opens_new_case,
    read_in_case,
    supposed_act,
    topic_before,
)
from assistant.answer.understand import Reading, Router, anti_cued, cue_strength, has_phrase, names_the_rule
from assistant.config import Settings
from assistant.domain import Answer, Citation, RetrievedRef, SearchHit, ToolCall, collapse_ws
from assistant.errors import AssistantError, InvalidInput
from assistant.retrieve.hybrid import looks_back
from assistant.retrieve.index import Index, open_index
from assistant.text.dates import nearest_to
from assistant.text.numbers import to_number
from assistant.text.quantities import EMAIL, expand_shorthand, fold, lexicon, range_ends, without_preface
from assistant.text.quantities import read as read_quantities
from assistant.text.sentences import sentence_spans

POLICY_EMAIL = EMAIL  # the policy's addresses are found with the one e-mail pattern
# the kinds of value a refusal for a tariff, wage or what insured people pay names with what they are asked of ("geen
# bedrag voor «VECOZO-certificaat»"; not a count: "hoeveel verdient ...?" asks an amount in words of counting)
SCOPE_KINDS = ("money", "percent")
_MAIL_WORD = re.compile(r"\b(?:e-?mail\w*|mail\w*)\b", re.I)


def _named_channel(text: str) -> str:
    """An e-mail address the asker would send something to says the channel: "(e-mail)" after it, unless the
    message says "mail" itself ("mag het formulier naar inkoop@voorbeeld.nl?" asks whether e-mail will do)."""
    if _MAIL_WORD.search(POLICY_EMAIL.sub(" ", text)):
        return text
    return POLICY_EMAIL.sub(lambda m: f"{m.group(0)} (e-mail)", text, count=1)


class _States:
    """In-memory conversation states per id (the CLI, tests and evals; the API keeps them in the database)."""

    def __init__(self, limit: int = 1000) -> None:
        self.limit = limit
        self._data: OrderedDict[str, ConversationState] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, cid: str | None) -> ConversationState | None:
        with self._lock:
            return self._data.get(cid) if cid else None

    def put(self, cid: str | None, state: ConversationState) -> None:
        if not cid:
            return
        with self._lock:
            self._data[cid] = state
            self._data.move_to_end(cid)
            while len(self._data) > self.limit:
                self._data.popitem(last=False)


class Assistant:
    """Holds the index and answers questions. Build one per process with `Assistant.create()`."""

    def __init__(self, settings: Settings, index: Index, llm: object | None = None) -> None:
        self.settings = settings
        self.index = index
        self.corpus = index.corpus
        self.states = _States(limit=1000)
        self.llm = llm  # an assistant.llm answerer when ASSISTANT_LLM is set; None = extractive
        self._example_vectors: dict[tuple[str, ...], np.ndarray] = {}

    @classmethod
    def create(cls, settings: Settings | None = None, rebuild: bool = False, progress: bool = False) -> Assistant:
        settings = settings or Settings.from_env()
        assistant = cls(settings, open_index(settings, rebuild=rebuild, progress=progress))
        if settings.llm and settings.llm != "none":
            from assistant.llm import make_answerer

            assistant.llm = make_answerer(settings)
        return assistant

    # ------------------------------------------------------------ understanding

    @functools.cached_property
    def router(self) -> Router:
        bm25 = self.index.retriever.bm25  # the same analysis as retrieval: typo fixes, stems, compounds, vocabulary
        return Router(
            lambda text: set(bm25.query_terms(text)),
            self.corpus.current_year,
            years=_tool_years(self.corpus.policy.current),
            similarity=self._similarity,
            rule_values=_rule_values(self.corpus.policy.current),
            today=self.today,
        )

    def today(self) -> date:
        """The day questions are asked on (settings `today`, else the calendar's)."""
        return self.settings.today or date.today()

    def _similarity(self, text: str, examples: tuple[str, ...]) -> float:
        """Cosine similarity of the question to the closest example question of a calculator (the embedder
        that is already loaded; examples are embedded once)."""
        if not examples:
            return 0.0
        vectors = self._example_vectors.get(examples)
        if vectors is None:
            vectors = np.stack([self.index.retriever.embedder.embed_query(e) for e in examples])
            self._example_vectors[examples] = vectors
        return float(np.max(vectors @ self.index.retriever._embed(text)))

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
        """Answer with the conversation's state kept in memory (CLI, tests, evals)."""
        answer, state = self.respond(question, self.states.get(conversation_id), year)
        self.states.put(conversation_id, state)
        answer.conversation_id = conversation_id
        return answer

    def respond(
        self, question: str, state: ConversationState | None = None, year: int | None = None
    ) -> tuple[Answer, ConversationState]:
        started = time.perf_counter()
        question = self.check_question(question)
        self.corpus.check_year(year)
        state = state or ConversationState()
        if self.llm is not None:
            answer, state = self.llm.respond(self, question, state, year)  # type: ignore[attr-defined]
        else:
            answer, state = self.extractive(question, state, year)
        answer.latency_ms = round((time.perf_counter() - started) * 1000, 1)
        return answer, state

    def extractive(
        self, question: str, state: ConversationState | None = None, year: int | None = None
    ) -> tuple[Answer, ConversationState]:
        """The no-LLM answer (also the LLM mode's fallback)."""
        state = state or ConversationState()
        text, injected = guards.strip_injection(question)  # the language of the asker, not of the text posing as
        lang = guards.language(text or question, state.language if state.turns else None)  # instructions
        if lang == "other":
            answer = Answer(answer=MSG_LANGUAGE, answer_line=MSG_LANGUAGE, language="en", intent="language",
                            kind="help", needs_input=["question"])  # fmt: skip
            return answer, state.remember(Reading("clause"), "en")
        notices = []
        pii = guards.find_personal_data(question)
        if pii:
            notices.append(msg("privacy", lang, kinds=", ".join(pii)))
        text = without_preface(expand_shorthand(text))  # "wnnr moet dat binnen?": read as "wanneer"; "Even checken:
        # wanneer ...?": the question after the preface
        text = _named_channel(text)  # "kan ik het naar inkoop@cz.nl sturen?": sent by e-mail
        if pii:  # a BSN or phone number is never read as a figure (and so never stored with the conversation)
            text = guards.redact(text)
        if injected:
            notices.append(msg("injection", lang))
        if opens_new_case(text):  # "Ander geval: een collega-aanbieder zonder score ...": nothing said before carries
            state = state.new_case()
        asks = state.topic and (
            "where_said" if _asks_only(text, lexicon().where_said)
            else "why_said" if _asks_only(text, lexicon().why_said, start=True) else None
        )
        if asks:  # "waar staat dat precies?", "waarom niet?": the clause that carried the last answer
            where = self._where_said(state.topic.split(" || ")[-1], lang, year, asks)
            if where is not None:
                return self._answer(where, lang, notices), state.remember(Reading("clause"), lang, topic=state.topic)
        before = state.topic.split(" || ")[-1] if state.topic else ""
        pressed = bool(before) and not state.pending and not guards.pushes(before)  # a push may press the question before
        confirm = guards.to_confirm(text, beside=not (pressed and guards.pushes(text)))
        if confirm is not None and states_rule(confirm) and not state.pending:
            text = confirm  # "Bevestig even: leden mogen ... Zeg nou ja.": what is to be confirmed, asked as a yes or no
            # question the policy's sentence decides (a no is said as "cannot confirm": the pressure is in `question`)
        if guards.pushes(text) and "?" not in text and not state.pending and before and not guards.pushes(before):
            # "Kom op, ... Zeg nou gewoon ja.": no question of its own, a push on the question before; that question
            # is answered again as the policy answers it (what the message adds is an argument, not a new case)
            answer, after = self.extractive(before, state, year)
            return _not_confirmed(answer, notices), after
        if len(re.findall(r"[A-Za-zÀ-ÿ]{2,}", text)) < 2:
            plan = Plan("help", msg("unclear", lang, year=self.corpus.current_year), intent="unclear")
            return self._answer(plan, lang, notices, needs=["question"]), state.remember(Reading("clause"), lang)
        scope = guards.out_of_scope(_ASIDE.sub(" ", text))  # "40k bij CZ (het overige via gemeente en Wlz)": an aside of the
        # asker's own says where the rest goes, not what is asked
        if scope == "sector" and continues_topic(text, state) and self._names_sector_itself(text):
            scope = None  # "en ook het deel voor Wlz-cliënten?" after a question about the night care budget: a
            # sector the policy itself speaks of, within the subject of the question before
        if scope:
            refusal = self._refusal(
                lang, scope, insurer=guards.insurer_named(text) or "", sectors=guards.sector_named(text), question=text
            )
            if scope == "insurer":  # "is de 50%-grens van Menzis strenger dan die van CZ?": what CZ's policy itself
                self._own_rule(refusal, text, lang, year)  # says of the subject follows the refusal
            return self._answer(refusal, lang, notices), state.remember(Reading("clause"), lang)
        parts = split_parts(text)
        if len(parts) > 1:
            return self._parts(parts, state, lang, year, notices, text)
        ends = self._at_each_end((text, text), state)  # "tussen de 150 en 170 cliënten": worked out at both ends
        if len(ends) == 1:  # "haalden we de norm van 2026, en halen we die van 2027?": worked out for each year asked
            ends = self._in_each_year(text, state)
        if len(ends) > 1:
            return self._parts(ends, state, lang, year, notices, text, each_follows=True)
        left_out = self._left_out(text)
        reading = self._read(text, state, left_out)
        self._concluded(text, left_out, reading)
        reading.yes_no = is_yes_no(text) or guards.pressure(text)
        if state.pending and "?" not in text:  # "2026 was een A": a reply to a question back asks what that question
            reading.yes_no = state.yes_no or guards.pressure(text)  # asked
        reading = follow_up(self.router, text, reading, state)
        reading = read_in_case(self.router, text, reading, state)  # "... €42k revenue ..." after "we're a new organisation"
        reading = case_facts(self.router, supposed_act(self.router, text, reading, state), state, text)
        reading, carried = topic_before(self.router, text, reading, state)  # "en 3 maart, lukt dat nog?": the step
        if reading.kind == "clause" and claimed_span(text) is None:  # "wordt eerder 4 maart, lukt dat nog?": its figure
            # checked in the subject before (a figure claimed as the rule, "nee, het is 2 per gebied", is checked)
            combined = checked_in_subject(self.router, text, state) or asked_of_case(self.router, text, reading, state)
            if combined is not None:
                combined.yes_no = is_yes_no(text) or guards.pressure(text)
                reading = combined
        topic = clause_topic(text, state) if reading.kind == "clause" else None
        counted = self._counted_step(text, state, lang, year) if reading.kind == "clause" and topic is None else None
        if counted is not None:  # "we schreven ons op 1 december in; wanneer horen we het?" after "hoe snel beslist
            plan, topic = counted  # CZ?": the period of the answer before, counted from the day this message gives
            answer = self._answer(plan, lang, notices, [], self.index.retriever.search(topic, k=5, year=year))
            return answer, state.remember(reading, lang, topic=topic).heard(text)
        if topic is not None:  # "en voor kindzorg?": asked about the previous question's subject
            plan, calls, hits = (
                self._clause(topic, lang, year, focus=_asked_again(text, state.topic or "")),
                [],
                self.index.retriever.search(topic, k=5, year=year),
            )
        else:
            plan, calls, hits = self._plan(text, reading, lang, year, before)
            spans = left_out  # what the first reading left out too
            second = self.router.also(text, reading, spans) if reading.kind == "tool" else None
            if second is not None:  # "70 cliënten in 20 gebieden en 30% uitbesteed: halen we beide eisen?": each
                second.yes_no = reading.yes_no  # calculation the figures complete, one answer line each
                other, more, _ = self._plan(text, second, lang, year, before)
                plan, calls = Plan("parts", "", parts=[plan, other]), [*calls, *more]
        if guards.pressure(question):
            _refuse_to_confirm(plan, lang)
        if guards.guarantee_asked(question):
            _refuse_to_guarantee(plan, lang)
        answer = self._answer(plan, lang, notices, calls, hits, needs=[m[0] for m in reading.missing])
        subject = objection_asked(text) if reading.kind == "clause" and topic is None else None  # "bezwaar maken?":
        return answer, state.remember(reading, lang, topic=topic or subject or carried or text).heard(text)  # the right to object

    def _counted_step(self, text: str, state: ConversationState, lang: str, year: int | None) -> tuple[Plan, str] | None:
        """(the plan, its topic) for a short message that dates a step of the asker's own and asks a date ("We
        registered on 1 December. When will we hear?"), when the question before is answered by a period the policy
        counts from that step ("binnen 2 maanden na zijn inschrijving"): that answer, with the date it comes to."""
        if not state.topic or len(message_words(text)) > COUNTED_STEP_WORDS:
            return None
        found = asked(fold(asked_clause(text)))
        days = [q for q in read_quantities(text, today=self.today()) if q.kind in ("date", "period") and not q.negated]
        if found is None or found.kind != "date" or len(days) != 1 or days[0].kind != "date" or days[0].relative:
            return None
        day = days[0].value if days[0].explicit_year else nearest_to(days[0].value, self.today())  # "1 December": the
        previous = state.topic.split(" || ")[-1]  # one nearest the day it is asked
        topic = f"{previous} || {text}"
        plan = self._clause(topic, lang, year, focus=previous, step_day=day)
        if not plan.counted:
            return None
        before = self._clause(previous, lang, year)  # the period must be what answered the question before
        return (plan, topic) if before.quotes[:1] == plan.quotes[:1] else None

    def _read(self, text: str, state: ConversationState, exclude: tuple[int, int] | None = None) -> Reading:
        """The message's reading; one that names no calculator but completes one with its own figures is that
        calculation when an earlier message of the conversation named it (the subject stays)."""
        reading = self.router.read(text, exclude=exclude)
        if state.said and (reading.kind == "clause" or (reading.kind == "tool" and not state.tool)):
            beyond = reading if reading.kind == "tool" else None  # a calculator the message names by a figure's word
            subject = self.router.read_in_subject(text, state.said, exclude, beyond)
            if subject is not None and subject.tool != state.tool:  # the last calculation's own: a follow-up of it
                return subject
        return reading

    def _parts(
        self, parts: list[tuple[str, str]], state: ConversationState, lang: str, year: int | None, notices: list[str],
        text: str = "", each_follows: bool = False,
    ) -> tuple[Answer, ConversationState]:
        """A multi-part question: each part is understood and answered on its own (a calculation, a question back
        or a clause answer), one answer line and its quotes per part; parts that come to the same calculation
        are answered once."""
        plans: list[Plan] = []
        calls: list[ToolCall] = []
        hits: list[SearchHit] = []
        last = Reading("clause")
        seen: list[str] = []
        answered: dict[str, int] = {}  # a calculation's key -> the index of its plan
        answered_by: dict[int, Plan] = {}  # a part's index -> the plan that answers it alone
        if not each_follows:  # "zo'n 140 à 150 cliënten ... Lukt de eis? En wat ontbreekt er dan?":
            parts = [e for part in parts for e in self._at_each_end(part, state)]  # each part at both ends
        current = state  # the conversation as the parts so far left it
        whole: Reading | None = None  # the whole message read as one (once, when a part needs it)
        for i, (full, own) in enumerate(parts):
            if plans and plans[-1].intent in ("refuse:no_year", "refuse:later_year") and not self._names_subject(own):
                continue  # "wat wordt de eis in 2028? stijgt die naar 4?": the part goes on about the year not stated
            reading = self._read(full, state)
            reading.yes_no = is_yes_no(full)
            if i == 0 or each_follows:
                reading = follow_up(self.router, full, reading, state)
            elif last.kind == "tool" and opens_follow_up(own, closing=False):  # "halen we de norm, en wat als
                own_reading = self.router.read(own, exclude=claimed_span(own))  # we 2 gebieden laten vallen?": the
                own_reading.yes_no = is_yes_no(own)  # part before's calculation, changed as this part says
                continued = follow_up(self.router, own, own_reading, current)
                reading = continued if continued.kind != "clause" else reading
            elif reading.kind == "clause" and last.kind == "tool":  # "Voldoen we, en zo niet, hoeveel fte is er
                own_reading = self.router.read(own, exclude=claimed_span(own))  # nodig?": the calculation before,
                own_reading.yes_no = is_yes_no(own)  # asked on (the part read on its own words)
                continued = follow_up(self.router, own, own_reading, current)
                reading = continued if continued.kind != "clause" else reading
            if i > 0 and reading.kind == "clause" and text:  # "De eis is toch gemiddeld 2? Wij hebben gemiddeld 2,6,
                # dus we zitten goed?": the figures of this part, the calculator named in another part
                if whole is None:
                    whole = self._read(text, state, claimed_span(text))
                reading = _in_whole(whole, text, own) or reading
            reading = case_facts(self.router, reading, state, full)
            key = reading.tool if reading.kind in ("tool", "clarify") else None
            if key is not None and reading.kind == "tool":  # "klopt het voor 2026, en wat als het 2027 is?": two
                key += repr(sorted(reading.args.items(), key=lambda kv: kv[0]))  # calculations, one per year
                key += f"|{reading.solve}"  # "voldoen we, en hoeveel cliënten mogen we hebben?": the unknown too
            if key is not None and key in seen and reading.kind == "tool" and not reading.used and not self.router.concept_score(
                reading.tool or "", set(self.router.analyse(own))
            ) > 0:  # "(1) de IGJ houdt verscherpt toezicht, ... (2) kunnen we ons nog eens aanmelden?": the fact set
                # out before the parts decided the part before; this part's own words ask of something else, and are
                # read with the rest of the message but without that calculator
                others = frozenset(n for n in self.router.specs if n != reading.tool)
                other = self.router.read(full, exclude=claimed_span(full), only=others)
                if other.kind in ("tool", "clarify") and self.router.concept_score(
                    other.tool or "", set(self.router.analyse(own))
                ) > 0:  # (a calculator its own words name; "Voldoende dan?" asks the same one again)
                    reading, key = other, other.tool
                    reading.yes_no = is_yes_no(full)
            if key is not None and (key in seen or (reading.kind == "clarify" and reading.tool in seen)):
                earlier = answered.get(key)
                if earlier is not None and reading.kind == "tool" and reading.yes_no and not _VERDICT_WORD.match(plans[earlier].line):
                    # "hoe was dat in 2023? was 40% zelf toen genoeg?": the same calculation, now asked as yes or
                    # no: its answer with the verdict first
                    plans[earlier] = self._plan(full, reading, lang, year)[0]
                continue  # "... hoeveel omzet, en tot wanneer?": one calculation answers both parts
            if key is not None:
                seen.extend([key, reading.tool or ""])
            if reading.kind in ("tool", "clarify"):
                plan, part_calls, part_hits = self._plan(full, reading, lang, year)
                if not (
                    last.kind == "tool" and reading.tool == last.tool and not last.solve
                    and set(reading.args) - {reading.solve} <= set(last.args)
                ):
                    last = reading  # "... 90 cliënten, klopt dat? anders: hoeveel passen er?": the
                    # check with all the asker's figures stays what a follow-up continues, not the part that solves
                current = current.remember(reading, lang)
            else:
                # "..., en wanneer krijg ik dan uitsluitsel?": a part that points back asks about the part before it, so
                # its value is looked for first in the section that answered that part
                # (or a part that asks of another year with no subject of its own: "..., and what did 2024 require?")
                after_date = asks_consequence(own) and bool(plans) and plans[-1].kind == "date" and bool(plans[-1].quotes)
                # ("tot wanneer kan dat ingediend, en wat volgt als het later komt?": what missing that date brings)
                of_before = points_back(own) or after_date or (
                    (looks_back(fold(own)) or names_an_older_policy(self.corpus, own)) and not self._names_subject(own)
                ) or (i > 0 and same_frame(own, parts[i - 1][1]))  # "... generalistische vs specialistische ...": the
                # other side of a contrast stands near the first side's answer
                of_before = of_before or (i > 0 and names_no_subject(own))  # "..., en wanneer hoor ik wat terug?"
                near = plans[-1].quotes[0] if plans and plans[-1].quotes and of_before else None
                topic = clause_topic(own, state) if i == 0 and not each_follows else None
                if topic is not None:  # "Is dat voor 2027 veranderd? En tellen zzp'ers mee?": the first part asks
                    # about the subject of the message before, as a question of one part would
                    plan = self._clause(topic, lang, year, focus=_asked_again(own, state.topic or ""))
                    part_calls, part_hits = [], []
                else:
                    plan, part_calls, part_hits = self._clause(full, lang, year, own, near=near), [], []
                after = consequence_after(self, plans[-1].quotes[0], lang) if after_date else None
                if after is not None:  # the date's own passage says what missing it brings
                    plan = after
                if plan.refused and full != own:  # "..., voor welke datum insturen, ...": its own words find no
                    borrowed = self._clause(full, lang, year, full, near=near)  # value; with the words it borrowed
                    if not borrowed.refused and not _given_before(borrowed, plans):  # from the part before, they do
                        plan = borrowed  # (not a value the part before was answered with: "«90% personele kosten»")
                if (
                    full != own
                    and any(p.line == plan.line or _same_answer(p, plan) for p in plans)
                    and not self._holds(" ".join([plan.line, *(q.quote for q in plan.quotes[:1])]), own)
                ):
                    # the words borrowed from the part before led back to its answer, which does not speak of
                    # this part's own words: this part is asked on its own words
                    plan = self._clause(own, lang, year, own)
                if full.startswith(own.rstrip(" ?")) and full != own and topic is None and not of_before and not plan.refused \
                        and not plan.parts and not borrows_subject(own):  # ("wat moet die kunnen?": whom the part before names)  # (words borrowed from the part before, not a case set out before the parts)
                    plan = self._own_words_better(plan, own, lang, year)
                if full != own and not plan.refused and plans and plans[-1].kind == "not_stated":
                    # "welk bedrag zit in het innovatiebudget, en hoeveel krijgt één project?": the part before is not
                    # stated; a value this part's own words find elsewhere ("maximaal 1 keer per contractjaar") is
                    # about another thing when, asked with the subject it borrowed, the policy is silent too
                    whole = self._clause(full, lang, year, full, near=near)
                    plan = whole if whole.kind == "not_stated" else plan
                    if not plan.refused and off_subject(self, full, own, plan):  # "..., en is er een maximum per
                        plan = plans[-1]  # project?": a sentence about neither that budget nor projects; silent too
                if (
                    i > 0 and plans and plans[-1].refused and not plan.refused and plan.quotes
                    and same_frame(own, parts[i - 1][1]) and plans[-1] is answered_by.get(i - 1)
                ):  # "specialist care versus generalist care": the side the policy seemed silent on, asked again
                    again = self._clause(parts[i - 1][0], lang, year, parts[i - 1][1], near=plan.quotes[0])
                    if not again.refused and not _same_answer(again, plan):  # near the other side's answer (not
                        plans[-1] = again  # that answer itself)
            if any(p.line == plan.line or _same_answer(p, plan) or _both_silent(p, plan) for p in plans):
                continue  # two parts the same answer answers (one line says it once, also with a ja/nee before it)
            plans.append(plan)
            answered_by[i] = plan
            if key is not None:
                answered[key] = len(plans) - 1
            calls.extend(part_calls)
            hits = hits or part_hits
        plan = plans[0] if len(plans) == 1 else Plan("parts", "", parts=plans)
        answer = self._answer(plan, lang, notices, calls, hits, needs=[m[0] for m in last.missing])
        return answer, state.remember(last, lang, topic=text or None).heard(text)  # "en in 2024?" continues its subject

    def _at_each_end(self, part: tuple[str, str], state: ConversationState) -> list[tuple[str, str]]:
        """The part said once at each end of its range of the asker's figures, or the part itself."""
        full, own = part
        ends = range_ends(full)
        if ends and self._each_end_calculates(full, ends, state):
            return [(e, e if own == full else own) for e, _ in ends]  # a whole question's own words are each end
        return [part]

    def _in_each_year(self, text: str, state: ConversationState) -> list[tuple[str, str]]:
        """The question asked once for each year its asking sentence names, when it is a calculation that takes a
        year ("Haalden we daarmee de norm van 2026, en die van 2027?": the rule of each year, the same figures);
        [(text, text)] otherwise (one year, or a question comparing the texts of two years)."""
        asking = asked_clause(text)
        start = text.rfind(asking) if asking else -1
        years = list(dict.fromkeys(q.text for q in read_quantities(asking) if q.kind == "year" and re.fullmatch(r"20\d\d", q.text)))
        if start < 0 or len(years) < 2 or any(has_phrase(fold(asking), w) for w in lexicon().compares):
            return [(text, text)]
        spec = self.router.specs.get(self.router.read(text).tool or "")
        year_input = next((n for n, i in spec.inputs.items() if i.kind == "year"), None) if spec is not None else None
        if year_input is None:
            return [(text, text)]
        each = []
        for y in years:  # the asking sentence with every year it names said as this one
            said = re.sub(r"(?<!\d)20\d\d(?!\d)", lambda m, y=y: y if m.group(0) in years else m.group(0), asking)
            variant = text[:start] + said + text[start + len(asking) :]
            reading = follow_up(self.router, variant, self.router.read(variant, exclude=claimed_span(variant)), state)
            if reading.kind != "tool" or str(reading.args.get(year_input)) != y:
                return [(text, text)]
            each.append((variant, variant))
        return each

    def _each_end_calculates(self, text: str, ends: list[tuple[str, Decimal]], state: ConversationState) -> bool:
        """A range of the asker's figures ("tussen de 150 en 170 cliënten") that no calculator takes as it stands,
        while each end of it is an input of a calculation: it is worked out for both ends."""
        whole = follow_up(self.router, text, self.router.read(text, exclude=claimed_span(text)), state)
        taken = {i for i, q in enumerate(whole.quantities) if q.kind == "range"} & set(whole.used)
        if whole.kind == "tool" and (taken or not (whole.solve or state.tool)):
            return False  # the calculation takes the range as it is, or needs no figure of the asker's
        ranges = {i for i, q in enumerate(whole.quantities) if q.kind == "range"}
        for end, value in ends:
            reading = follow_up(self.router, end, self.router.read(end, exclude=claimed_span(end)), state)
            if reading.kind != "tool" or float(value) not in [float(n) for n in _numbers(reading.args)]:
                return False  # an end the calculation does not take as the asker's figure
            if ranges & names_the_rule(whole.quantities, self.router.rule_values.get(reading.tool or "", frozenset())):
                return False  # "een casemanager heeft gemiddeld 50 tot 65 cliënten per fte, toch?": the rule's own range
        return True

    def _names_sector_itself(self, text: str) -> bool:
        """Every other sector the text names is one the policy texts speak of too ("Wlz", not "kraamzorg")."""
        key = "folded.texts"
        if key not in self.corpus.derived:
            self.corpus.derived[key] = fold(" ".join(self.corpus.texts.values()))
        words = guards.sector_words(text)
        return bool(words) and all(re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", self.corpus.derived[key]) for w in words)

    def _left_out(self, text: str) -> tuple[int, int] | None:
        """The span whose figures are checked, not calculated with: the asker's own conclusion from the figures
        before it, else the rule the question claims."""
        return self._conclusion_span(text) or claimed_span(text)

    def _concluded(self, text: str, span: tuple[int, int] | None, reading: Reading) -> None:
        """The figures of the asker's own conclusion (`span`) are claims of what the calculation works out ("..., so
        we are at 60%": checked, "niet 60%")."""
        if reading.kind != "tool" or span is None or span == claimed_span(text):
            return
        spec = self.router.specs[reading.tool]
        for name, q in _restated(spec, reading, span, self.router.read(text)):
            output = spec.inputs[name].claim_of
            if output not in reading.claims:
                reading.claims[output] = to_number(q.number)
                reading.claim_texts[output] = q.text
                if q.kind == "percent":
                    reading.claim_bounds[output] = q.bound or "rounded"  # as exact as written ("60%" of 59,6%)

    def _conclusion_span(self, text: str) -> tuple[int, int] | None:
        """The asker's own conclusion from figures given before it ("Own staff 7,500, a subsidiary 2,500, an agency
        3,000. So 5,500 out of 13,000 is outsourced?", "20% freelancers and 15% an agency, which puts us at 35%"):
        when the figures before it complete a calculation and the conclusion only restates wholes of them or a value
        worked out from them, its figures are what the result checks, not inputs."""
        whole: Reading | None = None  # the whole text's reading (once, when a conclusion needs it)
        for start, end in self._conclusion_spans(text):
            before = self.router.read(text, exclude=(start, end))
            if before.kind != "tool" or len(before.used) < 2:
                continue  # the figures before it do not complete a calculation
            spec = self.router.specs[before.tool]
            whole = whole or self.router.read(text)
            added = {n for n, v in whole.args.items() if before.args.get(n) != v}
            wholes = {spec.whole} | {n for n, inp in spec.inputs.items() if inp.beside_parts}
            if (added and added <= wholes) or _restated(spec, before, (start, end), whole):
                return (start, end)  # a new figure ("85% of the 150,000 budget") is the asker's case, not a conclusion
        return None

    def _conclusion_spans(self, text: str) -> list[tuple[int, int]]:
        """Each conclusion span (`_conclusions`), and after it, when it holds more than one figure, the span from its
        last figure on: "..., so together with our freelancers (15%) we are at 55%" gives one more part of the case
        (15%) before the total it concludes (55%)."""
        spans = _conclusions(text)
        figures = [q for q in read_quantities(text) if q.number is not None] if spans else []
        out = []
        for start, end in spans:
            out.append((start, end))
            inside = [q for q in figures if start <= q.start and q.end <= end]
            if len(inside) > 1:
                out.append((inside[-1].start, end))
        return out

    def _where_said(self, previous: str, lang: str, year: int | None, asks: str = "where_said") -> Plan | None:
        """Where the answer to the previous question stands (or why it is so): its first quote, with the section
        and its title."""
        answer, _ = self.extractive(previous, None, year)
        if not answer.citations or answer.refused:
            return None
        ct = answer.citations[0]
        line = msg(asks, lang, section=ct.section, title=ct.title, year=ct.year, quote=ct.quote)
        return Plan("quotes", line, [ct], intent="where")

    def _names_subject(self, text: str) -> bool:
        """`text` has weighed words of its own besides years, the names of the texts and the words that compare them
        ("wat vroeg de bijlage van 2024?", "has it changed since 2024?" have none)."""
        bm25 = self.index.retriever.bm25
        comparing = set(bm25.term_weights(" ".join([*lexicon().compares, *lexicon().compared_since, *direction_words()])))
        # ("is dat veranderd sinds 2024?", "stijgt die naar 4?" name no subject)
        weights = bm25.term_weights(text)
        own = [
            t for t, w in weights.items()
            if w >= SUBJECT_WEIGHT and t not in comparing and not re.fullmatch(r"(?:19|20)\d\d", t)
        ]  # fmt: skip
        return bool(own)

    def _span_from_policy_year(self, text: str, q: Any) -> bool:
        """The year ends a span that starts in a policy year ("a contract for 2027-2029", "2027 t/m 2029"): a
        claim about how long something runs, answered for the policy year, not a question about the later year."""
        before = fold(text[: q.start])
        joiners = "|".join(re.escape(w) for w in lexicon().year_span)
        m = re.search(rf"\b(20\d\d)\s*(?:{joiners})\s*$", before)
        return m is not None and m.group(1) in self._corpus_years

    def _own_words_better(self, plan: Plan, own: str, lang: str, year: int | None) -> Plan:
        """A part answered with the words it borrowed from the part before ("..., en moet de wondregisseur een doppler
        kunnen doen?" with the team of the part before): its own words alone, when their answer (line and first
        quote) holds clearly more of the part's own term weight (at least OWN_WORDS_SHARE, OWN_WORDS_MARGIN more)."""
        bm25 = self.index.retriever.bm25
        weights = bm25.term_weights(own)
        if max((w for t, w in weights.items() if not YEAR_TERM.fullmatch(t)), default=0.0) < OWN_WORDS_WEIGHT:
            return plan  # "staat dat in 2027 er nog in?": no word of its own names what it is about
        held = lambda p: c.weight_share(weights, c.terms_of(" ".join([p.line, *(q.quote for q in p.quotes[:1])]), bm25.splitter))  # noqa: E731
        before = held(plan)
        if before >= 1 - OWN_WORDS_MARGIN:
            return plan
        alone = self._clause(own, lang, year, own)
        return alone if not alone.refused and held(alone) >= max(OWN_WORDS_SHARE, before + OWN_WORDS_MARGIN) else plan

    def _holds(self, line: str, question: str, share: float = 0.34) -> bool:
        """`line` holds at least `share` of the question's term weight."""
        bm25 = self.index.retriever.bm25
        weights = bm25.term_weights(question)
        return not any(weights.values()) or c.weight_share(weights, c.terms_of(line, bm25.splitter)) >= share

    # ------------------------------------------------------------ plans

    def _plan(
        self, text: str, reading: Reading, lang: str, year: int | None, earlier: str = ""
    ) -> tuple[Plan, list[ToolCall], list[SearchHit]]:
        hits = self.index.retriever.search(text, k=5, year=year)
        unsaid = self._year_unsaid(text, lang, reading.quantities)
        if unsaid is not None:
            return unsaid, [], hits
        misplaced = misplaced_party(self.router.specs[reading.tool], text) if reading.kind == "tool" and reading.tool else None
        cite = party_citation(self.corpus, misplaced[0]["quote"]) if misplaced is not None else None
        if misplaced is not None and cite is not None:  # "onze vaste zzp'ers tellen als eigen personeel": set right
            plan, calls = self._calculation(text, reading, lang, year)
            asked_here = any(  # "De dochter telt toch ook als onderaanneming? Dan zitten we op 70%.": the question
                misplaced_party(self.router.specs[reading.tool], q, text) is not None  # it asks is the party's side
                for q in re.findall(r"[^.!?]*\?", text)
            )
            result = calls[0].result if calls and calls[0].result else {}
            return _party_set_right(plan, cite, misplaced, reading, lang, asked_here, result), calls, hits
        claim = claim_of(text)
        if claim is not None and claims_only_consequence(claim):  # "na 31 mei krijgen we toch alleen een brief?":
            premise = premise_plan(self, text, lang, earlier)  # what missing a step brings, set right or confirmed
            if premise is not None and premise.intent.endswith(":consequence"):
                return premise, [], hits
        own_case = reading.kind == "tool" and (len(reading.used) >= 2 or reading.follow_up)  # "3 fte voor 160
        # cliënten, klopt dat?"; a message merged into the last calculation ("dat gebied met 1 cliënt moet eruit")
        if (
            claim is not None
            and not own_case
            and (reading.kind == "clarify" or (reading.kind == "tool" and _figures_in(reading, text, claim)))
        ):
            # "De inschrijving sluit op 31 maart, toch?": a rule to check, not figures to calculate with
            return self._clause(text, lang, year, earlier=earlier), [], hits
        if reading.kind == "tool" and not reading.follow_up and self._asks_versions(text):
            # "is the ratio for cooperatives another one now than in 2024? ours is 1 to 50": the asked sentence compares
            # the texts; the asker's figures beside it are the setting, not a sum to work out
            return self._clause(text, lang, year, earlier=earlier), [], hits
        if reading.kind == "tool" and reading.tool:
            plan, calls = self._calculation(text, reading, lang, year)
            # a message merged into the last calculation ("het gebied met 1 cliënt telt niet") states the asker's case
            rule = _claims_a_rule(claim)
            takes_dates = any(i.kind == "date" for i in self.router.specs[reading.tool].inputs.values())
            beside = not rule and not reading.claims and _claims_beside(claim, reading, takes_dates)
            premise = premise_plan(self, text, lang) if (beside or rule) and not reading.follow_up else None
            if premise is not None and not {q.clause_id for q in premise.quotes[:1]} & {
                q.clause_id for q in [*plan.quotes, *plan.context]
            } and not _sets_a_date_right(premise, claim):
                # a rule's figure beside the asker's: set right only by the calculation's own clauses ("de eis is 2,5
                # toch?" after the postcode figures is no claim about another rule's 1); a date the asker claims for a
                # rule is set right wherever the policy states it ("tot 20 maart inschrijven, toch?")
                premise = None
            if premise is not None and premise.intent == "premise:contradicted":  # a figure set right; the
                # calculation says the rest ("zegt het anders" adds nothing); the yes or no was the premise's ("de grens
                # ligt toch op 52?"), not the calculation's
                rest = _VERDICT_WORD.sub("", plan.line) if _premise_is_asked(text, claim) else plan.line
                plan.line = premise.line + "\n" + rest[:1].upper() + rest[1:]
                plan.quotes = _unique(premise.quotes + plan.quotes)[:3]
            return plan, calls, hits
        if reading.kind == "clarify" and reading.tool:
            cases = self._cases(reading, lang, year)
            if cases is not None:  # "met een B krijgen we toch 90%?": both sides of the missing threshold
                return cases[0], cases[1], hits
            plan = self._clarify(text, reading, lang, year)
            bound, bound_calls = self._bound_of_missing(text, reading, lang, year)
            if bound is not None:  # "een coöperatie met 4,5 fte hbo-bachelor: genoeg?": what the figures given allow
                plan.line = bound.line + "\n" + plan.line  # ("hoogstens 247 cliënten"), then the question back
                plan.quotes = _unique(bound.quotes + plan.quotes)[:3]
            premise = premise_plan(self, text, lang) if _claims_a_rule(claim) else None
            if premise is not None and premise.kind == "correction":  # "het minimum is 1 per gebied, toch?"
                plan.line = premise.line + "\n" + plan.line
                plan.quotes = _unique(premise.quotes + plan.quotes)[:3]
            return plan, [*bound_calls, self._pending_call(reading)], hits
        return self._clause(text, lang, year, earlier=earlier), [], hits

    def _bound_of_missing(
        self, text: str, reading: Reading, lang: str, year: int | None
    ) -> tuple[Plan | None, list[ToolCall]]:
        """The one value missing for a check, worked out as the calculator's unknown from the figures given (its
        `[solve.<name>]` of the same name, whose `requires` they complete): "met 4,5 fte hbo-bachelor mag de coöperatie
        hoogstens 247 cliënten hebben", with its call; (None, []) when it cannot be."""
        spec = self.router.specs.get(reading.tool or "")
        if spec is None or len(reading.missing) != 1 or reading.claims:
            return None, []
        name = reading.missing[0][0]
        solve = spec.solve.get(name)
        if solve is None or not any(all(reading.args.get(f) is not None for f in alt) for alt in solve.requires):
            return None, []
        solved = replace(reading, kind="tool", solve=name, missing=[], yes_no=False)
        plan, calls = self._calculation(text, solved, lang, year)
        return (plan, calls) if plan.kind == "calculation" else (None, [])

    def _asks_versions(self, text: str) -> bool:
        """The asking sentence compares the policy years ("is de eis veranderd tussen 2024 en 2027?") and states no
        figure of its own (the years aside)."""
        asking = asked_clause(text)
        said = read_quantities(asking)
        years = {q.value for q in said if q.kind == "year"} & set(self.corpus.years)
        figures = [q for q in said if q.kind in ("count", "money", "percent", "number")]
        compares = looks_back(asking) or (
            names_an_older_policy(self.corpus, asking) and any(has_phrase(fold(asking), w) for w in lexicon().compares)
        )  # "was dat in 2024 toegestaan en in 2027?" asks the calculation in both years, not how the texts differ
        return compares and len(years) >= 2 and not figures

    def _clause(
        self, text: str, lang: str, year: int | None, focus: str | None = None, near: Citation | None = None,
        earlier: str = "", step_day: date | None = None,
    ) -> Plan:
        unsaid = self._year_unsaid(focus or text, lang, subject=text if focus else "")  # a part or follow-up of its own asking of 2029
        if unsaid is not None:
            return unsaid
        # who reported a claim ("onze accountmanager zei dat ...") is no word of what the policy is searched for
        objection = objection_asked(text) if focus is None and near is None else None
        searched = objection or without_reporter(text)  # (nor is the rule objected to: the right to object is asked)
        plan = clause_plan(self, searched, lang, year, focus, near=near, step_day=step_day)
        asking = asked_clause(text) if plan.refused and focus is None and near is None else text
        if asking.strip() != text.strip() and plan.kind == "not_stated":  # "De 50%-grens is te krap voor
            # ons. Wat is de termijn voor een bezwaar?": the words of what is said before found no answer of
            # the asked kind; the asking sentence's own words may (the said sentence is why, not what, it asks)
            own = clause_plan(self, asking, lang, year, step_day=step_day)
            plan = own if not own.refused else plan
        premise = premise_plan(self, focus or text, lang, earlier)  # the premise of this message, not of the one it
        # continues; "de norm is toch 80?" after the asker's caseload is the norm of what that message was about
        if premise is None or (plan.intent == "clause:year" and _VERDICT_WORD.match(plan.line)):
            return plan  # ("was het maximum in 2022 ook 75%?": the year's own row checked the claimed figure)
        quotes = premise.quotes + [q for q in plan.quotes if all(q.quote != p.quote for p in premise.quotes)]
        return Plan(premise.kind, premise.line, quotes[:3], plan.context, intent=premise.intent)

    def _calculation(
        self, text: str, reading: Reading, lang: str, year: int | None
    ) -> tuple[Plan, list[ToolCall]]:
        from tools.registry import run_tool

        spec = load_specs().get(reading.tool or "")
        asked_for = spec.solve.get(reading.solve or "") if spec is not None else None
        args = dict(reading.args)
        if asked_for is not None and not asked_for.check_reports and asked_for.name in args:
            args.pop(asked_for.name)  # "300 cliënten en 5 fte: hoeveel cliënten mogen we?": the unknown is worked out
        call = ToolCall(name=reading.tool or "", args=dict(args))
        try:
            result = run_tool(call.name, dict(args), policy_set=self.corpus.policy, year=year)
        except AssistantError as exc:
            call.error = exc.message
            needed = re.match(r"(\w+): required\b", exc.message)
            if needed and spec is not None and needed.group(1) in spec.inputs:  # a value the question lacks: ask for it
                inp = spec.inputs[needed.group(1)]
                reading.missing = [
                    (needed.group(1), inp.ask_nl or f"Wat is {inp.label_nl}?", inp.ask_en or f"What is {inp.label_en}?")
                ]
                cases = self._cases(reading, lang, year)
                if cases is not None:  # "with a B we get 90%, right?": both sides of the missing threshold
                    return cases
                return self._clarify(text, reading, lang, year), [call]
            plan = clause_plan(self, text, lang, year, verdict=False)
            field = exc.message.partition(":")[0]
            if (
                spec is not None and field in spec.inputs and spec.inputs[field].kind in ("date", "period")
                and (claim_of(text) is not None or guards.pressure(text))
                and any(q.kind in ("date", "period") for q in read_quantities(plan.line))
            ):  # "requests are accepted until March 2028 now, put that in writing": a claimed date outside the
                # policy's years is set right by the rule's own date, not refused as the asker's input
                first = plan.line[:1].lower() if plan.line[1:2].islower() else plan.line[:1]
                plan.line = f"{msg('no', lang)}: {first}{plan.line[1:]}"
                return plan, [call]
            return rejected_plan(spec, exc, lang, plan), [call]
        data = result.model_dump(mode="json")
        call.result = data
        if not result.citations:  # it found nothing of the policy to work from ("mogen we de ingestuurde data nog
            return self._clause(text, lang, year), []  # aanpassen?" names no deadline): what the clauses say
        solved = spec.solve.get(reading.solve or "") if spec is not None else None
        if solved is not None and solved.name in spec.inputs and isinstance(data.get(solved.output), (int, float)):
            reading.args = {**reading.args, solved.name: data[solved.output]}  # "and with two more than that?"
        citations = self._cited(result.citations)
        # "bevestig dat ...": a yes or no; a follow-up asks as its merged reading says (a reply to a question back
        # asks what that question asked)
        yes_no = reading.yes_no or guards.pressure(text)
        plan = calc_plan(spec, reading, call, data, citations, lang, fold(text), yes_no)
        rule = rule_claimed(spec, reading, data, fold(text)) if spec is not None else None
        checked = claim_checked(spec, reading, data)
        claimed = rule[1] if rule is not None else (  # a claim of the rule's own output ("de ondergrens is 2")
            checked[1] if checked is not None and spec is not None and checked[0] == spec.rule_output else None
        )
        other = self._rule_year(spec, args, claimed, year) if claimed else None
        if other is not None and claimed:  # "de ondergrens is 2 per gebied, dus in 2027 ok?": the
            # figure is the rule's in another year of the policy, said so, with the row that says it
            plan.line = plan.line.rstrip(".") + " " + msg("rule_of_year", lang, claimed=claimed, year=other[0]) + "."
            plan.quotes = _unique([*plan.quotes[:1], other[1], *plan.quotes[1:]])[:MAX_QUOTES]
        return plan, [call]

    def _rule_year(
        self, spec: Any, args: dict[str, Any], claimed: str, year: int | None
    ) -> tuple[int, Citation] | None:
        """The other year of a calculator's year input whose rule (`rule_output`) has the claimed figure, with the
        quote that states it (one that names that year), or None."""
        from tools.registry import run_tool

        number = next((q.number for q in read_quantities(claimed) if q.number is not None), None)
        for key, years in self.router.years.items():
            tool, _, field = key.partition(".")
            if tool != spec.name or field not in args:
                continue
            for other in years:
                if other == args[field]:
                    continue
                try:
                    result = run_tool(spec.name, {**args, field: other}, policy_set=self.corpus.policy, year=year)
                except AssistantError:
                    continue
                value = result.model_dump(mode="json").get(spec.rule_output or "")
                if number is None or not isinstance(value, (int, float)) or float(value) != float(number):
                    continue
                said = [ct for ct in self._cited(result.citations) if str(other) in ct.quote]
                if said:
                    return other, said[0]
        return None

    def _cited(self, citations: list[Citation]) -> list[Citation]:
        """A calculator's citations that stand verbatim in their clause, with the section as the page names it."""
        return [
            ct.model_copy(update={"section": c.section_label(ct.clause_id, ct.section)})
            for ct in citations
            if self.corpus.quote_in_clause(ct.quote, ct.clause_id)
        ]

    def _cases(self, reading: Reading, lang: str, year: int | None) -> tuple[Plan, list[ToolCall]] | None:
        """A claimed result ("90%, toch?") while only a value compared with a policy threshold is missing (the cost
        points against the staffel's 5): the calculation below and at the threshold; the claim is judged on both."""
        from tools.registry import TOOLS, run_tool

        spec = load_specs().get(reading.tool or "")
        if spec is None or not reading.claims or len(reading.missing) != 1:
            return None
        name = reading.missing[0][0]
        inp = spec.inputs.get(name)
        if inp is None or not inp.cases_param:
            return None
        try:
            section = self.corpus.policy.params(year).section(TOOLS[spec.name].section).model_dump(mode="json")
            threshold = section[inp.cases_param]["value"]
        except (AssistantError, KeyError, TypeError):
            return None
        calls, verdicts, wrong, citations = [], [], [], []
        for value in (threshold - 1, threshold):
            args = {**reading.args, name: value}
            try:
                result = run_tool(spec.name, dict(args), policy_set=self.corpus.policy, year=year)
            except AssistantError:
                return None
            data = result.model_dump(mode="json")
            calls.append(ToolCall(name=spec.name, args=args, result=data))
            citations += self._cited(result.citations)
            verdicts.append(data["verdict_en" if lang == "en" else "verdict"])
            checked = claim_checked(spec, reading, data)
            wrong.append(checked is not None and checked[1] is not None)
        claimed = next(iter(reading.claim_texts.values()), None) or ""
        if all(wrong):
            line = msg("cases_no", lang, claim=claimed, what=spec.label(name, lang), verdicts=" ".join(verdicts))
        elif not any(wrong):
            line = msg("cases_yes", lang, verdicts=" ".join(verdicts))
        else:  # right on one side only: the missing value decides, and both sides are the answer
            line = msg("cases_depends", lang, what=spec.label(name, lang), verdicts=" ".join(verdicts))
        return Plan("calculation", line, _unique(citations)[:3], intent=f"cases:{spec.name}"), calls

    def _clarify(self, text: str, reading: Reading, lang: str, year: int | None) -> Plan:
        """Ask for exactly what is missing; what the policy says about it follows as the supporting quotes."""
        rule = clause_plan(self, text, lang, year)
        kinds = self._rule_kinds(reading)
        if rule.refused and kinds:  # "hoeveel uur mogen we uitbesteden?": the rule states the unknown in another kind
            rule = clause_plan(self, text, lang, year, verdict=False, kind_asked=False)  # (a share, not hours): its
            rule.quotes = _stating(rule.quotes, kinds)[:1]  # sentence found without the kind asked, the quote that
            # states a value of that kind first
        if rule.refused and reading.missing:  # the policy states no value for the question itself: quote what it
            rule = clause_plan(self, reading.missing[0][1], "nl", year, verdict=False)  # says of the value asked for
        quotes = [] if rule.refused else rule.quotes
        assumptions = [a[1] if lang == "en" else a[0] for a in [*reading.notes, *reading.assumptions]]
        return Plan("clarify", clarify_line(reading, lang), quotes, rule.context, assumptions=assumptions,
                    intent=f"clarify:{reading.tool}")  # fmt: skip

    def _rule_kinds(self, reading: Reading) -> tuple[str, ...]:
        """The kinds of value the rule of the reading's unknown is stated in besides its own (`also_kinds`)."""
        spec = self.router.specs.get(reading.tool or "")
        solve = spec.solve.get(reading.solve or "") if spec is not None else None
        return tuple(solve.also_kinds) if solve is not None else ()

    @staticmethod
    def _pending_call(reading: Reading) -> ToolCall:
        return ToolCall(
            name=reading.tool or "", args=reading.args, error="missing: " + ", ".join(m[0] for m in reading.missing)
        )

    def _refusal(self, lang: str, reason: str, **values: Any) -> Plan:
        line = msg("not_stated", lang)
        if reason in ("tariff", "wages") and values.get("question"):  # "wat kost een VECOZO-certificaat?":
            line = thing_not_stated(self, guards.redact(values["question"]), lang, SCOPE_KINDS) or line  # the value
            # asked and what of
        if reason == "insurer" and values.get("insurer"):  # "wat staat VGZ toe?": that insurer named
            line += " " + msg("insurer_named", lang, insurer=values["insurer"])
        elif reason == "sector" and values.get("sectors"):  # "regelt u ook Wlz-zorg?": that sector named
            line += " " + msg("sector_named", lang, sector=(" and " if lang == "en" else " en ").join(values["sectors"]))
        elif reason in ("insurer", "sector", "insured", "wages"):
            line += " " + msg(reason, lang)
        elif reason == "tariff":
            line += " " + msg("tariff", lang, year=self.corpus.current_year, section="2.2.1")
        elif reason == "no_year":
            line += " " + msg("no_year", lang, years=self._years_phrase(lang), asked=values.get("asked", ""))
        elif reason == "later_year":
            line += " " + msg("later_year", lang, current=self.corpus.current_year, asked=values.get("asked", ""))
        email, section = self._contact
        if email:
            line += " " + msg("contact", lang, email=email, section=section)
        return Plan("not_stated", line, refused=True, intent=f"refuse:{reason}")

    def _own_rule(self, refusal: Plan, text: str, lang: str, year: int | None) -> None:
        """`refusal` (of a question about another insurer) goes on with the sentence of CZ's policy that answers the
        question for CZ, quoted, when the question without the insurers' names is one the texts answer."""
        own = re.sub(_LIKENS, " ", guards.without_insurers(text))
        words = re.findall(r"[\w'’-]+", fold(own))
        if len(words) <= POINTING_WORDS and set(words[-POINTER_AT_END:]) & set(asked_phrases("not_stated", "points_back")):
            return  # "en hoe regelt VGZ dat?", "what does ONVZ think of this?": about the subject before, not its own
            # (not "geldt bij hen die 50%-grens ook?": the pointer comes with its subject)
        weights = self.index.retriever.bm25.term_weights(own)
        if not any(w >= OWN_RULE_WEIGHT for w in weights.values()):
            return  # "en hoe doet VGZ het?": no subject of its own
        said = bounded_rule(self, re.sub(r"\b20\d\d\b", " ", own), year)  # a rule compared between insurers is the
        # one its figure states (the year asked is `year`'s to set, not a word to find: "voor 2027" is in many sentences)
        if said is None:
            plan = clause_plan(self, own, lang, year, verdict=False)
            said = (plan.line_quote or (plan.quotes[0] if plan.quotes else None)) if not plan.refused else None
        if said is None:
            return
        refusal.line += "\n" + msg("own_rule", lang, section=said.section, year=said.year, quote=collapse_ws(said.quote))
        refusal.context.append(said)

    def _years_phrase(self, lang: str) -> str:
        years = self.corpus.years
        joiner = " and " if lang == "en" else " en "
        return joiner.join(str(y) for y in years)

    @functools.cached_property
    def _contact(self) -> tuple[str | None, str]:
        """The address the current policy gives for questions about it (its closing section names it)."""
        current = [cl for cl in self.corpus.clauses if cl.year == self.corpus.current_year]
        for clause in reversed(current):
            m = POLICY_EMAIL.search(clause.text)
            if m:
                return m.group(0), clause.section
        return None, ""

    def _year_unsaid(self, text: str, lang: str, quantities: Any = None, subject: str = "") -> Plan | None:
        """The refusal when a question asks of a year the texts never mention (read as a year: "2000 uur" is a number
        of hours), or a later year they say nothing of for the question's subject ("gaat CZ de postcode-eis in 2028
        verhogen?"; `subject`: the conversation's, for a follow-up that names none of its own: "en in 2028?");
        None otherwise."""
        years = quantities or read_quantities(text)
        claim = claim_of(text)
        if claim is not None and any(q.kind in ("date", "period", "count", "money", "percent") for q in read_quantities(claim)):
            return None  # "isn't the aim 40% less by 2032?", "the deadline has passed, so we apply next year, right?":
            # a claim about a rule, checked as such; the year is the asker's conclusion
        unknown = [
            q.text for q in years
            if q.kind == "year" and re.fullmatch(r"20\d\d", q.text) and q.text not in self._corpus_years
            and not self._span_from_policy_year(text, q)
        ]  # fmt: skip
        if unknown:
            return self._refusal(lang, "no_year", asked=", ".join(unknown))
        later = self._later_year_unsaid(text, years, subject)
        return self._refusal(lang, "later_year", asked=later) if later else None

    def _later_year_unsaid(self, text: str, quantities: Any, subject: str = "") -> str:
        """A year after the current policy's that the question asks about ("wordt de eis in 2028 verhoogd?"), when
        no sentence of the texts that names that year is about the question's subject: that year; else ""."""
        asking = fold(asked_clause(text))  # (a claim about a rule with its figures is let through by `_year_unsaid`)
        later = [
            q.text for q in quantities
            if q.kind == "year" and re.fullmatch(r"20\d\d", q.text) and int(q.text) > self.corpus.current_year
            and q.text in asking and not self._span_from_policy_year(text, q)
        ]  # fmt: skip
        if not later:
            return ""
        bm25 = self.index.retriever.bm25
        about = text if not subject or self._names_subject(text) else f"{subject} {text}"  # "en in 2028?": of the subject
        weights = {t: w for t, w in bm25.term_weights(about).items() if not re.fullmatch(r"(?:19|20)\d\d", t)}
        for year in later:
            said = [
                body[a:b] for body in self.corpus.collapsed_texts.values() for a, b in sentence_spans(body)
                if year in body[a:b]
            ]  # fmt: skip
            if not any(c.weight_share(weights, c.terms_of(x, bm25.splitter)) >= LATER_YEAR_SHARE for x in said):
                return year
        return ""

    @functools.cached_property
    def _corpus_years(self) -> set[str]:
        """Every year the policy texts mention."""
        return {y for text in self.corpus.collapsed_texts.values() for y in re.findall(r"\b(20\d\d)\b", text)}

    # ------------------------------------------------------------ the answer

    def _answer(
        self, plan: Plan, lang: str, notices: list[str], calls: list[ToolCall] | None = None,
        hits: list[SearchHit] | None = None, needs: list[str] | None = None,
    ) -> Answer:  # fmt: skip
        body = render(plan, lang)
        text = with_notices(body, notices)
        first = (summary(plan) or plan.parts[0].line) if plan.parts else plan.line
        return Answer(
            answer=text,
            answer_line=first,
            kind=plan.kind,
            refused=plan.refused or (bool(plan.parts) and all(p.refused for p in plan.parts)),
            citations=_unique(plan.all_quotes()),
            context=_unique([ct for ct in plan.all_context() if ct not in plan.all_quotes()]),
            explanation=plan.explanation,
            tool_calls=calls or [],
            retrieved=_refs(hits or []),
            language=lang,  # type: ignore[arg-type]
            intent=plan.intent if not plan.parts else "parts",
            needs_input=needs or [],
            notices=notices,
        )


OWN_WORDS_SHARE = 0.5  # a part's own words answer it alone when that answer holds this share of their weight ...
OWN_WORDS_MARGIN = 0.2  # ... and this much more than the answer found with the words borrowed from the part before
OWN_WORDS_WEIGHT = 3.0  # ... when one of its own words (not a year) is this specific ("doppleronderzoek", "wondregisseur")


def _in_whole(whole: Reading, text: str, own: str) -> Reading | None:
    """`whole` (the message read as one) when it is a calculation whose figures all stand in the part `own` (the
    calculator named in another part), as that part's reading; None otherwise."""
    start = text.find(own)
    if start < 0 or whole.kind != "tool" or not whole.used or any(j >= len(whole.quantities) for j in whole.used):
        return None
    if not all(start <= whole.quantities[j].start < start + len(own) for j in whole.used):
        return None
    reading = replace(whole, yes_no=is_yes_no(own))
    return reading


def _party_set_right(
    plan: Plan, cite: Citation, misplaced: tuple[dict[str, Any], str], reading: Reading, lang: str, asked_here: bool,
    result: dict[str, Any],
) -> Plan:
    """The answer to an asker who puts a party on the wrong side of the rule: the policy's sentence first; the
    calculation after it when the party's own figure was given (the calculation put it on the right side) or when
    moving the party to its side can only make the verdict firmer (zzp'ers counted as own care by an asker who is
    over the maximum anyway), else only that the figures as given count it on the wrong side."""
    party, _ = misplaced
    line = msg("party_side", lang, section=cite.section, year=cite.year, quote=cite.quote.rstrip(" ."))
    own_figure = any(n in reading.args for n in party.get("inputs", []))
    firmer = result.get("compliant") is (party["side"] == "own")  # to own care: a pass holds; to subcontracting: a fail
    if (own_figure or firmer) and plan.line:
        rest = plan.line
        if asked_here:  # "die zzp'ers tellen toch als eigen personeel?": the yes or no was the party's, not the sum's
            rest = _VERDICT_WORD.sub("", rest)
            rest = rest[:1].upper() + rest[1:]
        return Plan(plan.kind, f"{line}\n{rest}", _unique([cite, *plan.quotes])[:MAX_QUOTES], plan.context,
                    intent="premise:contradicted")  # fmt: skip
    line += " " + msg("party_figures", lang, side=msg(f"side_{party['side']}", lang))
    return Plan("correction", line, _unique([cite, *plan.quotes])[:MAX_QUOTES], plan.context, intent="premise:contradicted")


def _asked_again(text: str, topic: str) -> str:
    """What a clause follow-up asks: its own words, or with "geldt voor ons dezelfde termijn?" the question before
    asked again with this message's case: the asking clause of the latest earlier message that asks a value of its
    own (not its case, its figures or its claims; not a follow-up that asks nothing of its own, "en voor kindzorg?")."""
    if not asks_the_same(text):
        return text
    for before in reversed(topic.split(" || ")):
        clause = asked_clause(before)
        if not asks_the_same(before) and asked(clause) is not None:
            return f"{text} {clause}"
    return text


def _claims_a_rule(claim: str | None) -> bool:
    """The question's premise (`claim`, from `claim_of`) is about the policy, not the asker's own figures ("ons eigen
    aandeel onderaanneming is 41%, toch?" is checked by the calculation, not against a sentence of the policy)."""
    return claim is not None and about_the_policy(claim)


def _premise_is_asked(text: str, claim: str | None) -> bool:
    """The one question of the message is the premise itself (`claim`, "..., de grens ligt toch op 52?"), not a
    question about the asker's own case after it ("... tot 75% mogen uitbesteden. Wij besteden 60% uit; dat is dan in
    orde, toch?")."""
    asking = [text[a:b] for a, b in sentence_spans(text) if text[a:b].rstrip().endswith("?")]
    if claim is None or len(split_parts(text)) != 1 or len(asking) != 1:
        return False
    figures = lambda t: {q.number for q in read_quantities(t) if q.number is not None}  # noqa: E731
    return bool(figures(claim)) and figures(claim) <= figures(asking[0])


def _sets_a_date_right(premise: Plan, claim: str | None) -> bool:
    """The claim states a date and the premise line sets another date of the policy against it."""
    claimed = {q.value for q in read_quantities(claim or "") if q.kind == "date"}
    return bool(claimed) and any(q.kind == "date" and q.value not in claimed for q in read_quantities(premise.line))


def _claims_beside(claim: str | None, reading: Reading, takes_dates: bool = False) -> bool:
    """Beside the asker's own figures the calculation takes, the claim states a figure it does not take ("wij zitten
    op 61 per fte; dat is meer dan het maximum van 55, toch?"): a figure of the rule, checked against the policy."""
    if claim is None:
        return False
    taken = {Decimal(str(v)) for v in _numbers(reading.args)}  # the per-area counts of a list too
    quantities = read_quantities(claim)
    said = [q.number for q in quantities if q.number is not None and q.kind in ("count", "number", "percent", "money")]
    # a date the claim states that a calculation with dates does not take ("kan dat tot 20 maart, toch?" beside the
    # asker's other facts): the rule's date, checked against the policy (a date beside figures of a calculation
    # without dates only sets the time of the asker's case)
    dates = {str(v) for v in reading.args.values() if isinstance(v, str)}
    said_dates = [q.value.isoformat() for q in quantities if q.kind == "date" and hasattr(q.value, "isoformat")]
    return (bool(taken) and any(n not in taken for n in said)) or (takes_dates and any(d not in dates for d in said_dates))


MSG_LANGUAGE = msg("language", "en")
WHERE_CHARS = 60  # "waar staat dat precies?": a short follow-up; a longer message asks more than where


WHY_WORDS = 4  # "waarom dan eigenlijk niet?": at most this many filler words after the why


COUNTED_STEP_WORDS = 20  # a message this short that dates the asker's step may ask when the period before ends
_ASIDE = re.compile(r"\([^()]*\)")
POINTER_AT_END = 2  # a pointing word among the last words of a short question is what it asks about
OWN_RULE_WEIGHT = 2.0  # a term this weighty names a subject of the policy's ("onderaanneming", "postcode", "50%")
_LIKENS = re.compile(  # asked.toml [not_stated] likens: "hoe verhoudt ... zich tot", "the same ... as"
    r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in asked_phrases("not_stated", "likens")) + r")(?![\w-])", re.IGNORECASE
)


def _asks_only(text: str, phrases: list[str], start: bool = False) -> bool:
    """"Waar staat dat precies?", also with a reason beside it ("welke paragraaf is dat? dan stuur ik het door"): the
    message's one question asks where (lexicon `where_said`) and is short; another question makes it more. With
    `start` the phrase opens the question and only a few filler words follow (lexicon `why_rest`: "Waarom dan
    eigenlijk?", "Why is that?"), not "waarom krijgen kleine aanbieders geen score?", which asks a question of its own."""
    said = [text[a:b] for a, b in sentence_spans(text)] or [text]
    asking = [x for x in said if x.rstrip().endswith("?")] or said[-1:]
    if start and len(asking) > 1 and all(
        presented_as_known(x) and not re.search(r"\d", x) and not asks_question_word(x) for x in asking[1:]
    ):
        asking = asking[:1]  # "Waarom niet? Anderen moeten er toch wel aan voldoen?": the why, and the asker's reason
        # put forward as known (no figure, no question of its own); "Geldt dat ook voor X?" asks more
    if len(asking) != 1 or len(asking[0].strip()) > WHERE_CHARS:
        return False
    folded = fold(asking[0]).strip(" ?!.")
    if start:
        opening = next((m for p in sorted(phrases, key=len, reverse=True) for m in [re.match(rf"{re.escape(p)}(?![\w])", folded)] if m), None)
        rest = re.findall(r"[\w'-]+", folded[opening.end() :]) if opening else []
        return opening is not None and len(rest) < WHY_WORDS and all(w in lexicon().why_rest for w in rest)
    return any(has_phrase(folded, p) for p in phrases)


_NO = re.compile(r"^(Nee|No)\b[:,]?\s*", re.I)
_YES = re.compile(r"^(Ja|Yes)\b[:,]?\s*", re.I)


_VERDICT_WORD = re.compile(r"^(?:Ja|Nee|Yes|No|Deels|Partly)[:,]\s*", re.I)


def _given_before(plan: Plan, plans: list[Plan]) -> bool:
    """The value `plan` answers with ("90%") already stands in the line of an earlier part's answer ("«90% personele
    kosten», «10% materiele kosten»"): a value of that part, not of this one."""
    value = plan.line.split("\n")[0].split(" (§")[0].strip(" .«»")
    return bool(value) and any(value in p.line for p in plans)


def _same_answer(a: Plan, b: Plan) -> bool:
    """"Gewijzigd: X" and then "Nee: gewijzigd: X" with the same quotes: one answer, said once (never two lines
    with their own ja/nee: "Ja: «X»" and "Nee: «X»" answer two questions)."""
    both = bool(_VERDICT_WORD.match(a.line)) and bool(_VERDICT_WORD.match(b.line))
    return not both and _unverdicted(a.line) == _unverdicted(b.line) and [q.quote for q in a.quotes] == [q.quote for q in b.quotes]


def _both_silent(a: Plan, b: Plan) -> bool:
    """Two parts the policy is silent on in the same words ("het noemt hiervoor geen bedrag"): said once, with what
    the policy does say about the first."""
    said = lambda p: _NAMED_THING.sub("", p.line.split("\n")[0])  # noqa: E731  (whatever thing each names)
    return a.kind == b.kind == "not_stated" and said(a) == said(b)


_NAMED_THING = re.compile(r"\s+(?:voor|for)\s+[«“][^»”]*[»”]")  # "... geen bedrag voor «innovatiebudget»"


def _unverdicted(line: str) -> str:
    """An answer line without the ja/nee it opens with: "Nee: gewijzigd: ..." says what "Gewijzigd: ..." says."""
    rest = _VERDICT_WORD.sub("", line, count=1)
    return rest[:1].upper() + rest[1:]


def _not_confirmed(answer: Answer, notices: list[str]) -> Answer:
    """The answer to a question asked again under pressure: a no says in as many words that it is not confirmed
    (in the language of that answer)."""
    line = _no_confirm_line(answer.answer_line, answer.language)
    update: dict[str, Any] = {"notices": [*notices, *answer.notices]}
    if line is not None:
        update |= {"answer_line": line, "answer": answer.answer.replace(answer.answer_line, line, 1)}
    return answer.model_copy(update=update)


def _no_confirm_line(line: str, lang: str) -> str | None:
    """"Nee: ..." as "Nee, dat kan ik niet bevestigen: ..."; None for a line that does not open with a no."""
    m = _NO.match(line)
    return msg("no_confirm", lang) + ": " + line[m.end() :] if m else None


def _refuse_to_guarantee(plan: Plan, lang: str) -> None:
    """"Garandeer ons dat CZ ons een overeenkomst geeft": a yes of the policy's checks is no guarantee of CZ's
    decision; the line says that first, then what the checks found ("Nee, dat kan ik niet garanderen ...: u voldoet
    aan de getoetste voorwaarden ...")."""
    m = _YES.match(plan.line)
    if m:
        rest = plan.line[m.end() :]
        plan.line = msg("no_guarantee", lang) + ": " + rest


def _refuse_to_confirm(plan: Plan, lang: str) -> None:
    """'Bevestig even dat ...': when the answer is no, it says so in as many words ("Nee, dat kan ik niet
    bevestigen: ..."), never a confirmation."""
    plan.line = _no_confirm_line(plan.line, lang) or plan.line


SUBJECT_WEIGHT = 1.0  # a word weighs at least this much to name a subject ("bijlage", "eis" weigh less: every rule has them)
LATER_YEAR_SHARE = 0.3  # a sentence naming a later year answers a question about it when it holds this share


def _conclusions(text: str) -> list[tuple[int, int]]:
    """Where the asker's own conclusions stand: a sentence after the first one that opens with a conclusion word
    (lexicon [words] conclusion; "So 5,500 of 13,000 is outsourced?"), to the end of the text; one inside a sentence
    after a figure, in it or in a sentence before it (`own_conclusions`: "..., dus we zitten op 35%", "... puts us at
    45%"), to the end of that sentence."""
    folded = fold(text)
    spans = sentence_spans(text)
    out = [(a, len(text)) for a, _ in spans[1:] if opens_with_conclusion(folded[a:]) or concludes_early(folded[a:])]
    for a, b in spans:
        for at in own_conclusions(folded[a:b]):
            if re.search(r"\d", folded[: a + at]) and not any(s <= a + at < e for s, e in out):
                out.append((a + at, b))
    return out


def _restated(spec: Any, before: Reading, span: tuple[int, int], whole: Reading) -> list[tuple[str, Any]]:
    """The figures inside `span` that restate a value the figures before it work out: for each, the worked-out input
    (`claim_of`) of its kind whose cue it has most (not one its anti-cues exclude: "dus blijft er 65% eigen personeel
    over" restates the own share, not the subcontracted one), else the one the reading `before` filled that the
    whole text's reading gives that very value, else the only one of its kind it filled."""
    out = []
    for q in before.quantities:
        if not (span[0] <= q.start and q.end <= span[1]) or q.number is None:
            continue
        worked = {n: inp for n, inp in spec.inputs.items() if inp.claim_of and inp.kind == q.kind}
        cued = [
            (cue_strength(q, inp), n) for n, inp in worked.items()
            if cue_strength(q, inp) > 0 and not anti_cued(q, inp.anti_cues, inp.anti_cues_after)
        ]  # fmt: skip
        filled = [n for n in worked if n in before.args]
        same = [n for n in filled if whole.args.get(n) == to_number(q.number)]
        # (a bare figure, "..., dus we zitten op 40%, toch?": the one worked-out value of its kind the parts give)
        uncued = same or filled
        name = max(cued)[1] if cued else (uncued[0] if len(uncued) == 1 else None)
        if name is not None:
            out.append((name, q))
    return out


def _stating(quotes: list[Citation], kinds: tuple[str, ...]) -> list[Citation]:
    """The quotes that state a value of one of `kinds` first, in their order; then the others."""
    states = [q for q in quotes if any(x.kind in kinds for x in read_quantities(q.quote))]
    return states + [q for q in quotes if q not in states]


def _figures_in(reading: Reading, text: str, claim: str) -> bool:
    """The calculation uses figures, and every one of them stands in the claim about the policy ("inschrijving loopt
    tot 31 maart, toch?"): the question checks a rule, it does not give the asker's own figures. A calculation
    settled by facts in words alone ("als coöperatie ...") is the asker's case: False."""
    start = text.find(claim)
    if start < 0 or not about_the_policy(claim):
        return False
    end = start + len(claim)
    used = [reading.quantities[i] for i in reading.used if i < len(reading.quantities)]
    return bool(used) and all(start <= q.start and q.end <= end for q in used)  # none: facts in words, the asker's


def _unique(citations: list[Citation]) -> list[Citation]:
    seen: set[tuple[str, str]] = set()
    out = []
    for ct in citations:
        key = (ct.clause_id, ct.quote)
        if key not in seen:
            seen.add(key)
            out.append(ct)
    return out


def _refs(hits: list[SearchHit]) -> list[RetrievedRef]:
    return [
        RetrievedRef(clause_id=h.passage.clause_id, passage_id=h.passage.id, text=h.passage.text, score=h.score)
        for h in hits
    ]


def _rule_values(params: Any) -> dict[str, frozenset]:
    """For each calculator: the numbers (not years) and dates its rule states, read from the quotes of its policy
    parameters ("ten minste 80% van het omzetplafond" -> 80; "vóór 31 december 2027" -> 2027-12-31)."""
    from tools.registry import TOOLS

    out: dict[str, frozenset] = {}
    for name, spec in TOOLS.items():
        try:
            section = params.section(spec.section)
        except AssistantError:
            continue
        data = section.model_dump(mode="json")
        read = read_quantities(" ".join(_quotes(data)), default_year=params.year)
        values: set = {q.number for q in read if q.number is not None and q.kind != "year"}
        values |= {q.value.isoformat() for q in read if q.kind == "date"}
        values |= {Decimal(str(v)) for v in _numbers(data) if not 1900 <= v <= 2100}
        out[name] = frozenset(values)
    return out


def _numbers(data: Any) -> list[float]:
    if isinstance(data, dict):
        return [n for v in data.values() for n in _numbers(v)]
    if isinstance(data, list):
        return [n for v in data for n in _numbers(v)]
    return [data] if isinstance(data, (int, float)) and not isinstance(data, bool) else []


def _quotes(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [q for k, v in data.items() for q in ([v] if k == "quote" and isinstance(v, str) else _quotes(v))]
    if isinstance(data, list):
        return [q for v in data for q in _quotes(v)]
    return []


def _tool_years(params: Any) -> dict[str, tuple[int, ...]]:
    """For each calculator's year input: the years the calculator accepts under the current policy (from its input
    model, which the policy's parameters shape)."""
    import typing

    from tools.registry import TOOLS

    out: dict[str, tuple[int, ...]] = {}
    for name, spec in TOOLS.items():
        try:
            model = spec.input_model(params)
        except AssistantError:
            continue  # a calculator the policy has no parameters for
        for field, info in model.model_fields.items():
            args = typing.get_args(info.annotation)
            literal = next((a for a in args if typing.get_origin(a) is typing.Literal), info.annotation)
            values = typing.get_args(literal) if typing.get_origin(literal) is typing.Literal else ()
            if values and all(isinstance(v, int) for v in values):
                out[f"{name}.{field}"] = tuple(values)
    return out
