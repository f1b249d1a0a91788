"""Conversation state, explicit: `respond(question, state) -> (Answer, state)`.

The state holds the slots a follow-up needs and nothing more: the last calculation (calculator, arguments, the
labelled areas of a postcode list, the assumptions it stated), the inputs a question back is waiting for, and
the language. No text of an earlier answer is kept (only LLM mode keeps a few redacted exchanges, for
rewriting a follow-up into a standalone question). It is JSON, stored in the database by the API, so any
worker continues any conversation, and rebuilt from the messages by the OpenAI-compatible endpoint.

A follow-up ("en als we in 5042 4 cliënten hadden?", "en met score C?", "what if it were 70%?", "en voor een
nieuwe aanbieder?") replaces the slot of the same kind: the count of the named or ordinal area, the share,
the amount, the score, the choice; everything else is kept. A question that names a calculator concept of
its own with its own values is a new question, and so is anything without a value or choice for the
previous calculation.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, Field

from assistant.answer.asked import asked, asked_clause, asks_consequence, is_yes_no, opens_hypothetical
from assistant.answer.guards import OWN
from assistant.answer.parts import IF_ANSWER, split_parts
from assistant.answer.premise import claimed_span
from assistant.answer.specs import CalculatorSpec
from assistant.answer.understand import (
    PERSONAL,
    TIME_KINDS,
    Area,
    Reading,
    Router,
    affirmed,
    anti_cued,
    asks_strongly,
    assign,
    cue_pattern,
    cue_strength,
    has_phrase,
    never_taken,
    part_named,
    phrase_at,
    says,
    settled,
)
from assistant.answer.understand import (
    changed_value as _changed,
)
from assistant.text.numbers import format_number, to_number
from assistant.text.quantities import (
    Quantity,
    fold,
    lexicon,
    lexicon_data,
    read,
    said_as_total,
    without_addresses,
    word_pattern,
)
from assistant.text.sentences import sentences
from tools.deadlines import MAX_TOPIC_CHARS

MAX_HISTORY = 6
AMOUNT_KINDS = ("count", "money", "percent", "number")  # figures of a calculation (a score or a date is a fact)
MAX_SAID = 3  # earlier messages whose facts of the asker's case ("we zijn een nieuwe aanbieder") still hold


def opens_follow_up(text: str, closing: bool = True) -> bool:
    """The message opens with a word that continues the previous calculation ("en als", "what if"; lexicon.toml),
    or (`closing`) ends with a closing question that asks it again ("... doet onze dochter er een deel van. Hoe zit
    het dan?")."""
    said = sentences(text.strip())
    if closing and len(said) > 1 and re.sub(r"[^\w\s]", "", fold(said[-1])).strip() in lexicon().closing:
        return True
    folded = _without_nod(fold(text))
    return any(folded.startswith(p) and word_pattern(p).match(folded) for p in lexicon().openers)


def _without_nod(folded: str) -> str:
    """"Fijn. En wanneer ...?", "Right, and how much ...?": the message without the thanks or nod it opens with."""
    folded = re.sub(r"^\W+", "", folded)
    nod = next((m for p in lexicon().acknowledgements if (m := re.match(rf"{re.escape(p)}\s*[.,!:;-]+\s*", folded))), None)
    return folded[nod.end() :] if nod is not None else folded


NEW_CASE_CHARS = 40  # how near the start the label of another case stands ("Thanks. Different case: ...")


def opens_new_case(text: str) -> bool:
    """The message opens with a label saying it is about another case ("Ander geval: een collega-aanbieder ...",
    "Dank. Different case: a partner provider ..."), at its start or after a first short sentence, followed by
    a colon, full stop or dash: the conversation's last calculation and the asker's earlier facts stay behind."""
    folded = fold(text)
    for p in lexicon().new_case:
        m = re.search(rf"(?:^|[.!?]\s+)\W*{re.escape(p)}\s*[:.\-–—]", folded)
        if m and m.start() <= NEW_CASE_CHARS:
            return True
    return False


def continues_topic(text: str, state: ConversationState | None) -> bool:
    """A message that opens as a follow-up ("en wordt dan ook ...?", "and does that ...?") to a question the policy
    answered: it asks about the same subject."""
    return state is not None and bool(state.topic) and opens_follow_up(text, closing=False)


def _says(words: list[str], text: str) -> bool:
    folded = fold(text)
    return any(word_pattern(w).search(folded) for w in words)


class AreaSlot(BaseModel):
    label: str | None = None
    count: int


class ConversationState(BaseModel):
    tool: str | None = None
    args: dict[str, Any] = Field(default_factory=dict)
    stated: list[str] = Field(default_factory=list)  # the arguments the user gave (the rest are defaults)
    areas: list[AreaSlot] | None = None
    assumptions: list[tuple[str, str]] = Field(default_factory=list)
    # the first figures of this calculation in the conversation ("and with the original split?")
    first_args: dict[str, Any] = Field(default_factory=dict)
    first_stated: list[str] = Field(default_factory=list)
    first_areas: list[AreaSlot] | None = None
    pending: list[str] = Field(default_factory=list)  # inputs a question back asked for
    yes_no: bool = False  # the calculation answered a yes/no question (a follow-up asks it again)
    outcome: bool | None = None  # the last calculation's verdict ("verandert dat iets?" compares with it)
    outcome_values: list[Any] = Field(default_factory=list)  # its result fields of the spec's `changes_with`
    last_changed: str | None = None  # the input the last follow-up changed ("and three more?" changes it again)
    solve: str | None = None  # the unknown the last calculation worked out ("en met 3 fte?" asks it again)
    topic: str | None = None  # the last question (with the one it continued): what "en voor kindzorg?" is about
    language: str | None = None
    turns: int = 0
    history: list[tuple[str, str]] = Field(default_factory=list)  # LLM mode only: redacted (question, answer)
    said: list[str] = Field(default_factory=list)  # the last messages as read (redacted): facts of the asker's case
    # an average of the last calculation worked out from two counts ("39 cliënten over 15 postcodes") -> those counts
    quotients: dict[str, tuple[float, float]] = Field(default_factory=dict)

    def new_case(self) -> ConversationState:
        """The state for a message that opens another case: only the language and the turn count stay."""
        return ConversationState(language=self.language, turns=self.turns)

    def heard(self, text: str) -> ConversationState:
        """This state with `text` (as read, personal data redacted) among the messages said."""
        return self.model_copy(update={"said": [*self.said, text][-MAX_SAID:]}) if text else self

    def remember(self, reading: Reading, language: str, topic: str | None = None) -> ConversationState:
        """The state after answering `reading`: a calculation (or a question back for one) is kept, anything
        else clears the slots (the next question starts fresh). `topic` is built from the question as the pipeline
        read it, with personal data already redacted: the state is stored."""
        if reading.kind in ("tool", "clarify") and reading.tool:
            areas = [AreaSlot(label=a.label, count=a.count) for a in reading.areas] if reading.areas else None
            same = reading.tool == self.tool and bool(self.first_args)
            first = {
                "first_args": dict(self.first_args if same else reading.args),
                "first_stated": list(self.first_stated if same else reading.stated),
                "first_areas": self.first_areas if same else areas,
            }
            return self.model_copy(
                update={
                    "tool": reading.tool, "args": dict(reading.args), "areas": areas, "stated": list(reading.stated),
                    "assumptions": list(reading.assumptions), "pending": [m[0] for m in reading.missing],
                    "language": language, "turns": self.turns + 1, "yes_no": reading.yes_no, **first,
                    "last_changed": (reading.changed or [None])[-1], "topic": topic, "solve": reading.solve,
                    "outcome": reading.outcome, "outcome_values": list(reading.outcome_values),
                    "quotients": _quotients_kept(reading),
                }
            )  # fmt: skip
        return self.model_copy(
            update={"tool": None, "args": {}, "stated": [], "areas": None, "assumptions": [], "pending": [], "language": language,
                    "turns": self.turns + 1, "first_args": {}, "first_stated": [], "first_areas": None, "yes_no": False,
                    "topic": topic, "solve": None, "outcome": None, "outcome_values": [], "quotients": {}}
        )  # fmt: skip


def _quotients_kept(reading: Reading) -> dict[str, tuple[float, float]]:
    """The counts each average of `reading` is worked out from, while the average still is their quotient (not when a
    message said the average itself since)."""
    return {
        n: (top, under) for n, (top, under) in reading.quotients.items()
        if under and isinstance(reading.args.get(n), (int, float)) and abs(reading.args[n] - top / under) < 1e-9
    }  # fmt: skip


ELLIPTICAL_WORDS = 8  # a message this short that opens like a follow-up continues the previous question's subject
_DEMONSTRATIVES = r"(?:dat|dit|die|deze|that|this|those|these)"
_POINTS_BACK = re.compile(rf"\b(?:{_DEMONSTRATIVES}|it)\b")


def message_words(text: str) -> list[str]:
    """The words of a message, an e-mail or web address counted as one ("kan ik die aanvraag naar
    inkoop@voorbeeld.nl sturen?" is a short follow-up)."""
    return re.findall(r"[^\W\d_]+|\d+", without_addresses(text, " address "))


def clause_topic(text: str, state: ConversationState | None) -> str | None:
    """The question a clause follow-up asks, with the subject it leaves out: "en voor kindzorg?" after "wanneer
    moet de kwaliteitsinformatie binnen zijn?" asks that question for kindzorg; None for a question of its own."""
    if state is None or not state.topic:
        return None
    words = message_words(text)
    points_back = len(words) <= ELLIPTICAL_WORDS and bool(_POINTS_BACK.search(fold(text)))  # "is dat nog zo?"
    # "wij doen ook kindzorg. geldt daarvoor dezelfde termijn?": the same thing as the question before, asked of
    # another case
    same = asks_the_same(text) or _names_a_thing_before(text)  # ("noemt 2027 dat getal nog?")
    points_back = points_back or same or _compares_years_only(text)  # "did the 2024 policy say otherwise?"
    # "gaan we in juni over die grens, wat volgt daar dan uit?": what follows, in the subject
    consequence = asks_consequence(text)  # before, may say the case it supposes at more length
    longest = ELLIPTICAL_WORDS * (3 if consequence else 2)
    if not (opens_follow_up(text) or _says(lexicon().there, text) or points_back) or len(words) > longest:
        return None
    if len(words) > ELLIPTICAL_WORDS and not consequence and not same and not re.search(
        r"\b(them|they|it|that|this|those|dat|die|deze|dit|ze|zij|hun|daar|dan)\b|(?<!\bis )(?<!\bare )\bthere\b", fold(text)
    ):
        return None  # a longer message that refers to nothing before it is a question of its own
    previous = " || ".join(state.topic.split(" || ")[-2:])  # the subject may stand two turns back
    return f"{previous} || {text}"


def _compares_years_only(text: str) -> bool:
    """A short message that asks whether a year's text differs ("did the 2024 policy say otherwise?", "stond dat in
    2024 anders?"; lexicon `compares`) and names a year: with no subject of its own it compares the subject before."""
    folded = fold(text)
    return (
        len(message_words(text)) <= ELLIPTICAL_WORDS and bool(re.search(r"\b20\d\d\b", folded))
        and any(has_phrase(folded, w) for w in lexicon().compares)
    )


def asks_the_same(text: str) -> bool:
    """"geldt voor ons dezelfde termijn?", "are identical dates in force for them?": a message no longer than a short
    follow-up whose asking clause has a same-word before a thing a rule states (lexicon [follow_up] same_adjectives,
    same_as_before; at most one word between); not the time of the asker's own act ("in dezelfde periode") and not
    a comparison the message names itself ("dezelfde regels als voor ...")."""
    lex = lexicon()
    if not lex.same_adjectives or not lex.same_as_before or len(message_words(text)) > 2 * ELLIPTICAL_WORDS:
        return False
    clause = asked_clause(fold(text))
    for m in _same_pattern().finditer(clause):
        before = re.findall(r"[\w']+", clause[: m.start()])[-2:]  # "in (de) dezelfde periode": the time of an act
        after = re.findall(r"[\w']+", clause[m.end() :])[:1]  # "dezelfde regels als voor ...": a comparison of its own
        if any(w in lex.same_as_before_not_after for w in before[-1:] + [b for b in before[:1] if before[-1:] in (["de"], ["het"], ["the"])]):
            continue
        if after and after[0] in lex.same_as_before_not_followed:
            continue
        return True
    return False


def _names_a_thing_before(text: str) -> bool:
    """"noemt de tekst van 2027 dat getal nog?", "is that rule still there?": a message no longer than
    two short follow-ups whose asking clause names a thing a rule states with a demonstrative (lexicon [follow_up]
    same_as_before): the thing of the question before."""
    if len(message_words(text)) > 2 * ELLIPTICAL_WORDS:
        return False
    alt = "|".join(map(re.escape, sorted(lexicon().same_as_before, key=len, reverse=True)))
    return bool(alt) and re.search(rf"\b{_DEMONSTRATIVES}\s+(?:{alt})\b", asked_clause(fold(text))) is not None


@lru_cache(maxsize=1)
def _same_pattern() -> re.Pattern[str]:
    lex = lexicon()
    alt = lambda words: "|".join(map(re.escape, sorted(words, key=len, reverse=True)))  # noqa: E731
    after = rf"|\b(?:{alt(lex.same_as_before)})\s+(?:[\w-]+\s+){{0,2}}(?:{alt(lex.same_said_after)})\b" if lex.same_said_after else ""
    return re.compile(rf"\b(?:{alt(lex.same_adjectives)})\s+(?:[\w-]+\s+)?(?:{alt(lex.same_as_before)})\b{after}")


def checked_in_subject(router: Router, text: str, state: ConversationState | None) -> Reading | None:
    """A short message with a figure of its own that points back at the previous question's subject ("bij ons
    wordt het 4 maart, lukt dat nog?" after "tot wanneer kan een nieuwe aanbieder zich inschrijven?"): read
    together with that question, a calculation that takes this message's figure; None otherwise."""
    if state is None or not state.topic:
        return None
    words = message_words(text)
    short = len(words) <= ELLIPTICAL_WORDS  # "would 29 July still be ok?"
    back = bool(_POINTS_BACK.search(fold(text))) or asks_consequence(text)  # "de laatste dag is een feestdag, dus
    # we sturen het een dag later: geldt dat nog?"; "de server lag plat; sturen we pas begin juni, wat dan?"
    if len(words) > ELLIPTICAL_WORDS * (3 if back else 2) or not (short or opens_follow_up(text) or back):
        return None
    joined = f"{state.topic.split(' || ')[-1]} {text}"
    combined = router.read(joined)
    mine = len(joined) - len(text)
    if combined.kind != "tool" or not any(combined.quantities[i].start >= mine for i in combined.used):
        return None
    return combined


_DIGITS = re.compile(r"\d+")  # the figures of a subject carried into a topic (a date is this message's own)


def topic_before(router: Router, text: str, reading: Reading, state: ConversationState | None) -> tuple[Reading, str | None]:
    """A follow-up that asks of a step without naming it ("en 3 maart, lukt dat nog? ons certificaat is er nog niet
    rond" after "per wanneer mogen nieuwkomers zich aanmelden?"): the calculator's topic input is the
    question before with the message's asking clause; what else the message says of the asker's own case names no
    step. A message whose asking clause names a step of its own (an input's `default_concepts`), or whose asking
    clause is no short follow-up ("volgens de adviseur bestaat er een extra ronde in de zomer, waardoor we pas op
    de 18e indienen. Kan dat zo?" says its own case), keeps its words, as does one whose carried topic the calculator would not take.
    Returns the reading and the subject carried (the topic the conversation keeps), or None."""
    if reading.kind != "tool" or not reading.tool or state is None or not state.topic or not opens_follow_up(text):
        return reading, None
    names = [n for n, i in router.specs[reading.tool].inputs.items() if i.kind == "topic" and n in reading.args]
    if not names:
        return reading, None
    clause = asked_clause(fold(text))
    if len(message_words(clause)) > 2 * ELLIPTICAL_WORDS or router.names_a_default(reading.tool, set(router.analyse(clause))):
        return reading, None
    before = re.sub(_DIGITS, " ", fold(state.topic.split(" || ")[-1]))
    carried = " ".join(f"{before} {re.sub(_DIGITS, ' ', clause)}".split())
    if len(carried) > MAX_TOPIC_CHARS:
        return reading, None
    return replace(reading, args={**reading.args, **dict.fromkeys(names, carried)}), before


def asked_of_case(router: Router, text: str, reading: Reading, state: ConversationState | None) -> Reading | None:
    """"Zitten we dan in het waardemodel?" after a calculation with the asker's figures: a yes/no question without
    figures of its own about the last calculator's subject (its concepts, and no other calculator's more) is asked
    of that case: the last calculation again, its verdict the answer; None otherwise."""
    if state is None or not state.tool or state.tool not in router.specs or state.outcome is None:
        return None
    named_years = all(q.kind == "year" and any(ch.isdigit() for ch in q.text) for q in reading.quantities)
    if reading.kind != "clause" or not named_years or not is_yes_no(text) or state.pending:
        return None  # (the contract year named, "voor een contract 2027?", is no figure of a case of its own; a year
        # said in words, "this year", dates the asker's own act: a case of its own)
    if not PERSONAL.search(fold(asked_clause(text))):
        return None  # "wordt de waardemodelscore openbaar gemaakt?": asked of the rule, not of the asker's case
    spec = router.specs[state.tool]
    terms = set(router.analyse(text))
    if not _names_verdict(spec, fold(text)):
        return None
    mine = router.concept_score(state.tool, terms) + VERDICT_NAMED  # what it decides named: as a one-word concept
    if any(router.concept_score(n, terms) > mine for n in router.specs):
        return None
    again = _merged(router, spec, state, reading, {})
    return again if again.kind == "tool" else None


VERDICT_NAMED = 1.0  # the weight of naming what the last calculation decides, beside its concepts


def _names_verdict(spec: CalculatorSpec, folded: str) -> bool:
    """The asking clause names what the calculator's result decides (spec `verdict_concepts`, or a phrase of its
    `verdict_if`), not only another thing of its subject ("geldt het plafond ook voor nieuwe cliënten?")."""
    clause = asked_clause(folded)
    return any(says(clause, c) for c in spec.verdict_concepts) or any(
        says(clause, p) for phrases in spec.verdict_if.values() for p in phrases
    )


# "... telt dat dan?", "Dan sturen we ...": then at the end or at the start, not "meer dan" (a comparison)
_THEN_END = re.compile(r"\b(?:dan|then|in dat geval|in that case)\s*\?\s*$|(?:^|[.!?]\s+)\W*(?:dan|then|in dat geval|in that case)\b")


FOLLOW_UP_VALUES = 2  # new values for this many inputs of the last calculation make a long message a follow-up


NAMED_OVER_LAST = 2  # how many times more the concepts of another calculator must weigh than the last one's


def follow_up(router: Router, text: str, reading: Reading, state: ConversationState | None) -> Reading:
    """The reading of `text` in the light of the conversation: a follow-up merged into the previous calculation,
    or `reading` itself (a new question)."""
    if state is None or not state.tool or state.tool not in router.specs:
        return reading
    folded = fold(text)
    instead = _instead(reading.quantities, folded, state)  # "niet 900 maar 1.400 uur", "3 punten ipv 7"
    if reading.kind in ("clarify", "tool") and reading.tool in router.specs and reading.tool != state.tool and not instead[0]:
        # "bij 40k honorering, wat krijgen we? Voor 2027 ook B" after "voor 2026 scoorden we B, 6 kostenpunten": the
        # facts of the asker's case the question before stated, for the calculator this one asks (not when a value of
        # the last calculation is said again, corrected: "6 kostenpunten in plaats van 3" keeps to that calculation)
        carried = carry_over(router, router.specs[reading.tool], reading, state)
        if carried is not None:
            return carried
    own_values = reading.kind in ("tool", "clarify") and bool(reading.used)
    corrects = _says(lexicon().corrects, text) and (  # "my mistake: 2026 was an A, 2027 a B": the last figures,
        reading.tool in (None, state.tool)  # corrected; not a switch to another calculator ("mijn fout, ik bedoel de
        or router.concept_score(reading.tool or "", set(router.analyse(text))) <= 0  # postcode-eis: ...")
    )
    spec = router.specs[state.tool]
    if reading.kind in ("clause", "clarify") and not corrects and _rule_of_another(router, text, state.tool):
        return reading  # "vervalt de 50%-eis voor eigen levering dan ook?": another rule, asked anew
    fits = own_values and reading.tool != state.tool and _fits_last(router, spec, reading, text, folded)
    # "stel dat de 2 gebieden met elk 1 cliënt wegvallen" after an average worked out from its counts: those counts
    # change, though the message reads as the postcode calculator's own figures
    fits = fits or (reading.tool != state.tool and bool(_quotient_changed(spec, reading.quantities, folded, state)))
    if own_values and reading.tool != state.tool and not opens_follow_up(text, closing=False) and not corrects and not instead[0]:
        if not fits and not (reading.kind == "clarify" and _changes_last(router, spec, reading, text)) and not (
            _says(lexicon().keeps, text) and _of_last_units(spec, reading)
        ):  # (not "a nurse joins at 0.3 fte, the same 120 clients": the last case, its figures kept)
            return reading  # another calculator with values of its own: a new question
    if own_values and reading.kind == "tool" and reading.tool != state.tool and not corrects and (
        _asks_other(router, spec, reading, folded) or (not fits and _cued_elsewhere(router, spec, reading))
    ):  # "hoeveel procent van dat budget betaalt CZ dan, bij een A?" after a check of the ceiling: the staffel's; "als
        return reading  # CZ straks 30k extra toekent" after the waardemodel's threshold: an amount of the other's
    labels = _area_labels(state)
    if labels:  # "what if 5612 had two more?": a number that is a postcode of the list is that postcode
        qs = [replace(q, kind="postcode", value=q.text) if q.kind in ("number", "count") and q.text in labels else q
              for q in reading.quantities]  # fmt: skip
        reading.quantities = qs
    kept = _summands_dropped(spec, _held_again(reading.quantities, state))
    reading.quantities = _base_dropped(spec, kept, folded, state)
    kept_change = _change_kept(reading.quantities, folded, state)
    if kept_change is not None:  # "stel dat we die 10 toch houden, maar ..." after "en als we er 10 kwijtraken?": the
        i, name = kept_change  # value before that change stands again; the 10 is no figure of its own
        reading.quantities = [q for k, q in enumerate(reading.quantities) if k != i]
        state = state.model_copy(update={"args": {**state.args, name: state.first_args[name]}})
    whole_named = len(reading.quantities) < len(kept) and not any(q.change for q in reading.quantities)  # (the whole
    # said again as what the message is about, not the base something is added onto)
    fill = _assign_last(router, spec, reading.quantities, text)
    if own_values and reading.kind == "tool" and reading.tool != state.tool and not fits and all(
        reading.quantities[i].change for i in fill.used if reading.quantities[i].kind in AMOUNT_KINDS
    ):  # "suppose CZ honours 250k extra: what is reimbursed?": complete for the calculator it names; the last one
        terms = set(router.analyse(text))  # (not named) would take an amount only as a change of one of its own
        named = router.concept_score(reading.tool or "", terms)
        if named > 0 and router.concept_score(state.tool, terms) * NAMED_OVER_LAST <= named:
            return reading  # (or named far more weakly: "extra budget" is a word of both)
    instead = _instead(reading.quantities, folded, state)  # the figures as read now (postcodes, summands)
    places = _places_of_last(fill, state)  # "het eerste gebied heeft er 5": a place in the last list of areas
    moved = _moved(spec, reading.quantities, folded, state) or _quotient_changed(spec, reading.quantities, folded, state)
    changes = moved or _changes(spec, fill, reading.quantities, folded, state, instead)
    said_added = frozenset(n for n, i in fill.sources.items() if reading.quantities[i].change == "more")
    if _says(lexicon().keeps, text):  # "... with the same 4,000 hours": a figure said again, kept where it was (not
        # "another 1,500" beside a party that had as many: said as added)
        changes = {**_restated_elsewhere(spec, changes, state), **{n: v for n, v in changes.items() if n in said_added}}
    changes = _owned_again(changes, fill, reading.quantities, state)
    changes = _added_beside(spec, changes, text, state, said_added)
    denied = {} if _says(lexicon().revert, text) else _denied_part(spec, folded, state)  # "the original split (no
    if denied:  # volle dochter)" goes back to the first figures, it moves nothing; a denied part moves its amount, and
        # the message's figures are about why (a share of the shares), only a year or a fact in words changes beside it
        kept = {k: v for k, v in changes.items() if k in spec.inputs and spec.inputs[k].kind not in AMOUNT_KINDS}
        changes = {**kept, **denied}
    opens = opens_follow_up(text)
    revert = _says(lexicon().revert, text) and bool(state.first_args)
    if revert:  # "with the original split": the changes apply to the first figures
        state = state.model_copy(
            update={"args": state.first_args, "stated": state.first_stated, "areas": state.first_areas}
        )
    # "in die 40 gebieden: wat ontbreekt er dan?": figures of the last calculation said again
    restated = reading.tool in (None, state.tool) and (bool(fill.stated) or whole_named) and all(
        fill.args.get(n) == state.args.get(n) for n in fill.stated if spec.inputs[n].kind not in ("flag", "choice")
    )  # ("welk deel van die 9.000 uur ...?": the whole, named as what the question is about)
    # "welk aantal fte is er dan minimaal nodig voor die caseload?": the unknown of the last
    # calculation, asked with a word that points back at it, no figure and no other calculator named (of any length)
    unknown_back = (
        reading.kind == "clause" and not reading.used and (_says(lexicon().back, text) or _names_rule_back(folded))
        and _asks_its_unknown(spec, folded) and not _names_another(router, text, state.tool)
    )
    # "gaat die gebiedsnorm voor ons dan wel op?" right after that calculation: whether the rule applies to
    # the asker's own case (spec `verdict_if`), which the facts of that case settle (of any length)
    applies_here = (
        reading.kind in ("clause", "clarify") and is_yes_no(text) and bool(PERSONAL.search(folded))
        and any(has_phrase(asked_clause(folded), p) for ps in spec.verdict_if.values() for p in ps)
        and not _names_another(router, text, state.tool)
    )
    builds_on = reading.tool == state.tool and _completed_by(spec, reading, state)  # a revenue, the ceiling said before
    # "76 is toch bijna 80?" after that calculation: the asker's own figure said again against the rule's figure,
    # nothing new: the same calculation, whose verdict stands (of any length)
    against = _against_the_rule(router, reading.quantities, state) and not _names_another(router, text, state.tool)
    looks = (
        opens
        or against
        or applies_here
        or corrects
        or unknown_back
        or len(text) < 70
        or _says(lexicon().adds_to_last, text)  # "o ja, ook nog elk 1 cliënt in 6224 en 6225"
        or bool(state.pending)
        or "__drop__" in changes  # "dat gebied met 1 cliënt moet eruit": areas of the last calculation taken out
        or "__drop_labels__" in changes or "__drop_places__" in changes
        or "__denied__" in changes  # "that subsidiary is not a volle dochter after all": its hours move
        or bool(moved)  # "we verschuiven 600 uur van de onderaannemers naar eigen mensen": hours of the last parties move
        or bool(instead[0])  # "het waren 3 punten ipv 7": a value said before, corrected
        or places
        or (reading.kind == "clarify" and reading.tool == state.tool)
        or builds_on
        # "Volstaat dat voor bijcontractering? Onze score: A.": the same calculator, a message that points
        # back at the last result and adds facts it did not have (none said before changes): added to that case
        or (
            reading.tool == state.tool and bool(changes) and bool(_POINTS_BACK.search(fold(asked_clause(text))))
            and all(k not in state.stated for k in changes if k in spec.inputs)
            # (not figures that make a case of their own: "en bij 12.000 uur eigen personeel en 5.000 uur ...?")
            and not any(len(alt) > 1 and all(f in fill.stated for f in alt) for alt in spec.requires)
        )
        or (reading.kind == "clause" and _says(lexicon().keeps, text))  # "... met dezelfde fte": the rest is kept
        # "what number of hours must that provider give to its own nurses to comply?": the last calculation's unknown
        # asked of the same asker's case, with no figure of its own and no other calculator named (of any length)
        or (
            reading.kind == "clause" and not reading.used and bool(PERSONAL.search(folded))
            and _asks_its_unknown(spec, folded) and not _names_another(router, text, state.tool)
        )
        or whole_named  # "daarbij: van die 9.000 uur gaan er ook 700 naar een bureau": the last whole, named again
        or any(q.change for q in reading.quantities if not q.negated)  # "er komt een halve fte bij": changes a value
        # "stand van 20 september: € 735.000 omzet, score A. En nu?": a question that
        # gives new values for several inputs of the last calculation and names no calculator of its own
        or (
            reading.kind == "clause" and "?" in text
            and len([k for k in changes if k in spec.inputs and k in fill.stated]) >= FOLLOW_UP_VALUES
        )
        # "nu zijn het er 310 cliënten geworden. Klopt het nog?": a new count of the last calculation's own
        # (with its unit) in a yes/no question that names no calculator: that calculation with it
        or (
            reading.kind == "clause" and is_yes_no(text)
            and any(
                k in spec.inputs and k in fill.sources and reading.quantities[fill.sources[k]].unit is not None
                and not reading.quantities[fill.sources[k]].inferred_unit
                for k in changes
            )
        )
        # "one of them leaves in spring, so we go down to 3.2 fte. How many clients may we keep?": a new value of the
        # last calculation's own (with its unit) and a question for its unknown, no other calculator named
        or (
            reading.kind == "clause" and _asks_its_kind(spec, folded)
            and any(
                k in spec.inputs and k in fill.sources and reading.quantities[fill.sources[k]].unit is not None
                and not reading.quantities[fill.sources[k]].inferred_unit
                for k in changes
            )
            and not _names_another(router, text, state.tool)
        )
        # "the larger part of what we deliver lies outside the core region; does the rule hold then?": a fact of the case in
        # words (no figures of its own), changed, and a word that points back at the calculation
        or (
            not reading.used and bool(_THEN_END.search(fold(text)))
            and any(k in spec.inputs and spec.inputs[k].kind in ("flag", "choice") for k in changes)
        )
        # "tot slot: stel dat we geen score krijgen, welk percentage geldt dan?": the same calculator again with only a fact
        # in words changed and no figure of its own: the figures of the last calculation stand
        or (
            reading.kind == "tool" and reading.tool == state.tool and not reading.used
            and any(k in spec.inputs and spec.inputs[k].kind in ("flag", "choice") for k in changes)
        )
        # "met 5 fte erbij: wat is dan het grootste aantal cliënten?": a value of the last calculation and its unknown,
        # said with a word that points back at it
        or (
            (bool(changes) or restated) and reading.tool in (None, state.tool) and _says(lexicon().back, text)
            and _asked_unknown(spec, folded) is not None
        )
    )
    # "en als we 10 cliënten hadden?" asked again: the figures it states are the current ones, the same calculation
    again = opens and any(n in state.args and fill.args.get(n) == state.args[n] for n in fill.stated)
    # "hoeveel cliënten missen we dan nog?": the same calculator, nothing new: the last figures again
    same = looks and (not reading.used or restated) and (
        (reading.kind == "clarify" and reading.tool == state.tool)
        or (restated and _says(lexicon().back, text))
        # "was 40% zelf leveren toen genoeg?": the same figure checked again (in the year the message before named)
        or (restated and is_yes_no(text) and asks_strongly(spec, folded))
        # "and what is still missing to get there?": the unknown of the last calculation, nothing new
        or (
            reading.kind == "clause" and not reading.used and (len(text) < 90 or bool(PERSONAL.search(folded)))
            and _asks_its_unknown(spec, folded)  # (of any length when asked of the asker's or their provider's case)
            and not _names_another(router, text, state.tool)  # (not "hoeveel cliënten mag een casemanager dementie
        )  # hebben?" after the postcode average: the unknown of another calculator)
        or unknown_back
        or against  # "76 is toch bijna 80?": the verdict stands
        # "is our staffing ratio fine?" right after that calculation: the asker's own case, asked again
        or (
            reading.kind in ("clause", "clarify") and not reading.used and is_yes_no(text) and len(text) < 90
            and (bool(PERSONAL.search(folded)) or bool(_THEN_END.search(folded)))  # "... ok then?": of the case before
            and (_names_verdict(spec, folded) or asks_strongly(spec, folded)
                 or (not spec.verdict_concepts and router.concept_score(state.tool, set(router.analyse(text))) > 0))
            and not _names_another(router, text, state.tool)  # (not another thing of its subject: "geldt het plafond
            # ook voor nieuwe cliënten?" after a check for additional purchase)
        )
        or applies_here
        # "so we get 100%, right?", "bevestig even dat we de volle 100% krijgen" after the staffel: what the last
        # calculation works out (a kind of its `claims`), claimed in a yes/no message or a request to confirm
        or (
            reading.kind in ("clause", "clarify") and not reading.used and state.outcome is not None  # (worked out)
            and any(q.kind in spec.claims and not q.negated for q in reading.quantities)
            and _asks_confirmation(text)
            and not _names_another(router, text, state.tool)
        )
        # "heeft dat gevolgen voor ons contract?" after a ground for exclusion: the result is that consequence
        or (
            reading.kind == "clause" and "consequence" in spec.answers_kinds and asks_consequence(text)
            and bool(_POINTS_BACK.search(folded))
        )
        or (
            reading.kind == "clause" and not is_yes_no(text) and len(text) < 90
            and (_says(lexicon().back, text) or _says(lexicon().keeps, text))  # "... with the same 230 clients?"
        )
    )
    if not (changes or revert or again or same) or not looks:
        return reading
    if not changes and not revert and (_asks_a_time_it_lacks(spec, text) or never_taken(spec, folded)):
        return reading  # "fijn, binnen welke termijn horen we dan iets?" after an eligibility check: a time the
        # clause states, which the last calculation does not give (or a question the calculator never takes, `not_if`)
    if not changes and not revert and asks_consequence(text) and "consequence" not in spec.answers_kinds:
        return reading  # "stel dat we halverwege het jaar boven de grens komen: wat kan CZ dan doen?": what follows
        # from the result, a clause question (unless the result is that consequence: "heeft dat gevolgen?" after a
        # ground for exclusion)
    if reading.kind == "tool" and reading.tool == state.tool and not opens and not state.pending:
        complete = any(all(f in reading.args for f in alt) for alt in spec.requires) and not builds_on
        anew = not corrects or all(n in reading.stated for n in state.stated if spec.inputs[n].kind in AMOUNT_KINDS)
        # (not "... nog 30k extra bovenop die 580k ...": a figure said as added to a value the last calculation had)
        anew = anew and not any(reading.quantities[i].change and n in state.args for n, i in fill.sources.items())
        if complete and anew and len(reading.used) >= 2 and not _says(lexicon().adds_to_last, text) and not moved \
                and not places and not whole_named:
            return reading  # the same calculator, asked anew with its own complete figures, also as a correction that
            # says every figure again ("correctie: 50 cliënten in 16 gebieden, niet 45 in 15"; not "years swapped: 2026
            # was an A": the budget said before stays); not "we also had ...", not hours moved from one party to another
            # ("600 uur van de onderaannemers naar eigen mensen (totaal blijft ...)")
    solve = reading.solve if reading.tool == spec.name else _asked_unknown(spec, folded)
    asked_now = solve  # asked in this message, not only the unknown of the last calculation
    if solve is None and state.solve in spec.solve and state.solve not in changes and changes and not (
        is_yes_no(text) and _names_verdict(spec, folded)
    ):
        solve = state.solve  # "en met 3 fte?" after "wat is het grootste aantal cliënten?": the same unknown (not
        # "... mogen we het dan aanvragen?": the calculator's own question, a verdict)

    said_again = solve in fill.stated or any(  # "... and is 140 ok?": the unknown's value said again, bare
        q.kind == "number" and q.number is not None and _same_number(q.number, state.args.get(solve))
        for i, q in enumerate(reading.quantities) if i not in fill.used
    )  # fmt: skip
    if solve is not None and said_again and any(is_yes_no(own) for _, own in split_parts(text)):
        solve = None  # "what range fits, and is 140 ok?": the value said is checked (the check names the range)
    if solve is not None and solve in state.stated and solve not in changes and spec.solve[solve].check_reports and any(
        says(fold(asked_clause(text)), w) for w in lexicon().added_amount
    ):
        solve = None  # "hoeveel fte komt er dan nog bij?": the check with the fte they have names what is short
    others = [k for k in changes if k in spec.inputs and k != solve]
    if solve is not None and solve in state.stated and solve not in changes and others and spec.solve[solve].check_reports:
        solve = None  # "175 cliënten met dezelfde fte, hoeveel fte is nodig?": the given value stays; the check names it
    if asked_now is not None and solve == asked_now and solve in changes and not spec.solve[solve].check_reports:
        changes.pop(solve)  # "we houden 2 fte: hoeveel fte is er nodig?": the value it has now is not the answer
    merged = _merged(router, spec, state, reading, changes, solve, text)
    if _ASKS_WH.match(folded) or _ASKS_WH.match(fold(asked_clause(text))):  # "hoeveel hebben we dan nog nodig?",
        # "stel dat 5212 wegvalt. Wat is dan ons gemiddelde?": a value is asked, no yes or no
        merged.yes_no = reading.yes_no
    elif state.solve is not None and solve is None and state.solve in merged.args:  # "en met 200 cliënten op 3,2
        # fte?" after "hoeveel fte is er nodig?": the unknown now given, the check's verdict is asked
        merged.yes_no = True
    elif opens and not state.yes_no:  # "en als het een B was geweest?" after "hoeveel krijgen we?": asked again,
        # as a value, unless it asks its own yes/no after a comma
        asking = asked_clause(text)  # "suppose 5213 goes too. Do we still meet it?": a sentence of its own asks
        merged.yes_no = ("," in text and is_yes_no(text.split(",", 1)[1])) or (
            asking.strip() != text.strip() and not opens_hypothetical(asking) and is_yes_no(asking)
        )
    return merged


def _asks_a_time_it_lacks(spec: CalculatorSpec, text: str) -> bool:
    """The message asks for a date, a duration or a time the calculator neither answers (`answers_kinds`) nor solves."""
    found = asked(asked_clause(fold(text)))
    return (
        found is not None and found.kind in TIME_KINDS and found.kind not in spec.answers_kinds
        and not any(s.kind == found.kind for s in spec.solve.values())
    )


def _denied_part(spec: CalculatorSpec, folded: str, state: ConversationState) -> dict[str, Any]:
    """'Correctie: die dochter is maar voor 40% van ons, geen volle dochter': a part of the last calculation the asker
    now says it is not (a defining cue of its input denied, never affirmed) moves to the input it then is
    (`denied_becomes`), added to what that input had."""
    for name, inp in spec.inputs.items():
        if not inp.denied_becomes or not isinstance(state.args.get(name), (int, float)) or not state.args[name]:
            continue
        said = [c for c in inp.defining_cues if phrase_at(folded, c)]
        if (said and not any(affirmed(folded, c) for c in said)) or _not_defining(inp, folded):
            named = [p for p in spec.parts if p != name and any(affirmed(folded, c) for c in spec.inputs[p].cues)]
            amount, into = state.args[name], named[0] if len(named) == 1 else inp.denied_becomes  # "... maar die uren
            # zelf deden": the part the message names; else the one it then is
            new = _changed(state.args.get(into) or 0, amount, "more")
            return {name: None, into: new, "__denied__": (name, into, amount)}
    return {}


SHARE_WINDOW = 40  # characters either side of a percentage that a word of owning it may stand in ("40% of its shares")


def _not_defining(inp: Any, folded: str) -> bool:
    """The message says the part is not what defines it without its defining words: one of `denying_cues` said ("it
    has a board of its own", "een minderheidsbelang"), or a share below `denied_below_pct` beside a word of owning
    (`share_cues`: "we hold only 40% of the shares", "wij hebben maar 30% van die bv")."""
    if any(affirmed(folded, c) for c in inp.denying_cues):
        return True
    if inp.denied_below_pct is None:
        return False
    return any(
        q.kind == "percent" and q.value < inp.denied_below_pct
        and any(phrase_at(folded[max(0, q.start - SHARE_WINDOW) : q.end + SHARE_WINDOW], c) for c in inp.share_cues)
        for q in read(folded)
    )  # fmt: skip


def _summands_dropped(spec: CalculatorSpec, qs: list[Quantity]) -> list[Quantity]:
    """'What if we hire another nurse for 0.5 FTE, so 2.5 FTE in total?': the value said as the sum is the new value;
    the part added before it in the same message (same kind and unit) is only how it came about. Counts of clients
    in a list of postcode areas are each an area's, not parts of a sum said beside them."""
    per_area = any(i.per_area for i in spec.inputs.values())
    totals = [q for q in qs if q.kind in AMOUNT_KINDS and said_as_total(q)]
    gone = {
        i for t in totals for i, q in enumerate(qs)
        if q.start < t.start and q.kind == t.kind and q.unit == t.unit and not said_as_total(q)
        and not (per_area and q.unit == "clients") and _said_as_change(q)
        and not (_names_a_part(spec, q) and sum(o.kind == q.kind and o.unit == q.unit for o in qs) == 2)
        # a party's share of the one new total said beside it; with more figures ("the total to 8,600 and the
        # subcontracted part to 4,400") it is how they came about
    }  # fmt: skip
    return [q for i, q in enumerate(qs) if i not in gone]


def _base_dropped(spec: CalculatorSpec, qs: list[Quantity], folded: str, state: ConversationState) -> list[Quantity]:
    """"Nog 2 zzp'ers erbij die samen 1.500 uur draaien, bovenop die 20k": the last calculation's whole said again after
    a word of adding onto it (lexicon `on_top_of`) is the base, no value of its own; the other amounts of its kind are
    added (to their party and so to the whole)."""
    whole = state.args.get(spec.whole or "")
    if not isinstance(whole, (int, float)) or isinstance(whole, bool):
        return qs
    onto = [w for w in lexicon_data()["change"].get("on_top_of", [])]
    base = [
        i for i, q in enumerate(qs)
        if q.number is not None and _same_number(q.number, whole)
        and any(re.search(rf"(?<![\w]){re.escape(fold(w))}\s+(?:\S+\s+)?$", folded[max(0, q.start - 30) : q.start]) for w in onto)
    ]  # fmt: skip
    if len(base) != 1:
        named = [i for i, q in enumerate(qs) if q.number is not None and _same_number(q.number, whole) and _named_whole(qs, q, folded)]
        return [q for i, q in enumerate(qs) if i not in named] if len(named) == 1 else qs
    kind = qs[base[0]]
    return [
        replace(q, change=q.change or "more") if q.kind == kind.kind and q.unit == kind.unit else q
        for i, q in enumerate(qs) if i != base[0]
    ]


def _held_again(qs: list[Quantity], state: ConversationState) -> list[Quantity]:
    """"Stel dat 1 fte afvloeit, met al die 140 cliënten nog in zorg": a value of the last calculation said again after a
    word that points at it (lexicon `all_of`: "die", "those") is that value, not a change of it, whatever the
    sentence says of another figure."""
    back = set(lexicon().all_of)
    return [
        replace(q, change=None) if q.change and q.number is not None and q.before and q.before[-1] in back
        and any(_same_number(q.number, v) for v in state.args.values()) else q
        for q in qs
    ]


def _named_whole(qs: list[Quantity], q: Quantity, folded: str) -> bool:
    """"Welk deel van die 9.000 uur ...?", "Of those 3,000 hours, 500 more go ...": the last calculation's whole said
    again after a partitive (lexicon `partitive`) names the set the rest of the message is about, no value of its
    own; not "500 van die 5.200 uur", where a figure stands before the partitive (that moves a part)."""
    before = folded[: q.start].rstrip()
    said = next((p for p in lexicon().partitive if re.search(rf"(?<![\w]){re.escape(p)}$", before)), None)
    if said is None:
        return False
    ahead = before[: len(before) - len(said)].rstrip()
    return not any(  # "500 (uur) van die ...": the figure before it, with at most its unit between
        o is not q and o.number is not None and o.end <= len(ahead) + 1 and len(folded[o.end : len(ahead)].split()) <= 1
        for o in qs
    )


def _names_a_part(spec: CalculatorSpec, q: Quantity) -> bool:
    """"800 uur zzp erbij, totaal dus 15.800": an amount a cue names as one party of the spec's whole (its `parts`)
    is that party's share of the new total, not only how the total came about."""
    return any(part_named(q, spec.inputs[p].cues) for p in spec.parts if p in spec.inputs)


def _assign_last(router: Router, spec: CalculatorSpec, qs: list[Quantity], text: str) -> Any:
    """The message's values assigned to the last calculation's inputs, as a follow-up (not the figures of a rule it
    claims: "as the floor is 2 per postcode, our 2.7 will do?")."""
    return assign(
        spec, qs, text, router.current_year, router.years, follow_up=True,
        rule_values=router.rule_values.get(spec.name, frozenset()), exclude=claimed_span(text),
    )  # fmt: skip


def _changes_last(router: Router, spec: CalculatorSpec, reading: Reading, text: str) -> bool:
    """'and if we hire an additional half fte?' after a caseload check: a half-read other calculator (hiring is
    subcontracting's word) whose only figures are changes the last calculator takes: a change to the last one."""
    if not reading.used or not all(reading.quantities[i].change for i in reading.used):
        return False
    return _all_taken(router, spec, reading, text)


def _fits_last(router: Router, spec: CalculatorSpec, reading: Reading, text: str, folded: str) -> bool:
    """"Vergeten te melden: we hebben een B met 4 kostenpunten. Verandert dat iets?" after a calculation that takes
    a score too: every value of the message is an input of the last calculator, and the message does not ask what
    the other one answers; it adds to the last calculation rather than asking a new question."""
    other = router.specs.get(reading.tool or "")
    if reading.kind != "tool" or other is None or asks_strongly(other, folded) or not reading.used:
        return False
    if any(reading.quantities[i].change for i in reading.used):
        return False  # "if CZ honours 150k extra, what do we get?": an amount said as added is weighed below
    if _cued_elsewhere(router, spec, reading):
        return False  # "als CZ straks 30k extra toekent": the amount's cue is the other calculator's alone
    return _all_taken(router, spec, reading, text)


def _of_last_units(spec: CalculatorSpec, reading: Reading) -> bool:
    """Every figure the other calculator's reading took has a unit of an input of the last calculator ("0.3 fte",
    "2.3 fte", "120 clients" after a check of fte and clients)."""
    used = [reading.quantities[i] for i in reading.used]
    return bool(used) and all(
        any(inp.kind == q.kind and q.unit is not None and q.unit in inp.units for inp in spec.inputs.values()) for q in used
    )


def _all_taken(router: Router, spec: CalculatorSpec, reading: Reading, text: str) -> bool:
    """Every value the other calculator's reading used is an input of the last calculator too."""
    return set(reading.used) <= _assign_last(router, spec, reading.quantities, text).used


def _restated_elsewhere(spec: CalculatorSpec, changes: dict[str, Any], state: ConversationState) -> dict[str, Any]:
    """'... with the same 3,000 subcontracted hours': a value read for an input the last calculation did not have,
    equal to the value of another input of the same kind and unit that it did have and keeps, is that value said
    again (the other input's), no new figure beside it (in a move the other input changes too)."""
    def same_kind(a: str, b: str) -> bool:
        x, y = spec.inputs[a], spec.inputs[b]
        return x.kind == y.kind and x.kind in AMOUNT_KINDS and set(x.units) == set(y.units)

    return {
        k: v for k, v in changes.items()
        if not (
            k in spec.inputs and k not in state.args and isinstance(v, (int, float)) and not isinstance(v, bool)
            and any(
                j != k and j in spec.inputs and j not in changes and same_kind(j, k) and state.args[j] == v
                for j in state.args
            )
        )
    }  # fmt: skip


def _owned_again(changes: dict[str, Any], fill: Any, qs: list[Quantity], state: ConversationState) -> dict[str, Any]:
    """"..., our 2.7 is enough, right?": a bare figure after a possessive (lexicon `own_words`) that is a value of the
    last calculation is that value said again, not a new value of another input."""
    own = set(lexicon().own_words)
    def again(name: str) -> bool:
        q = qs[fill.sources[name]] if name in fill.sources else None
        return q is not None and (q.unit is None or q.inferred_unit) and q.number is not None and bool(q.before) \
            and q.before[-1] in own \
            and state.args.get(name) is None and any(_same_number(q.number, v) for v in state.args.values())
    return {k: v for k, v in changes.items() if not again(k)}


def _added_beside(
    spec: CalculatorSpec, changes: dict[str, Any], text: str, state: ConversationState, said_added: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """"onderaanneming 4.100 uur", then "daarnaast willen we ook 1.200 uur zzp'ers": a party the hours given
    together (spec `together_holds`) would hold, added with a word of addition (lexicon `adds_to_last`, or a figure said
    as added: `said_added`, "als er 900 uur van zelfstandigen bij komen"): the hours given together were the other
    party's (`parts_together`), and the new party's come beside them."""
    words = _says(lexicon().adds_to_last, text)
    if not words and not said_added:
        return changes
    out = dict(changes)
    for whole, held in spec.together_holds.items():
        own = spec.parts_together.get(whole)
        added = [p for p in held if p in changes and p not in state.args and p != own and (words or p in said_added)]
        if own and added and isinstance(state.args.get(whole), (int, float)) and whole not in changes and own not in changes:
            out |= {whole: None, own: state.args[whole]}
    return out


def _against_the_rule(router: Router, qs: list[Quantity], state: ConversationState) -> bool:
    """"Ach, 76 is toch bijna 80": bare figures only, one a value the last calculation was given and another a figure of
    its rule, and nothing else: the asker's own figure set against the rule once more, no new case."""
    bare = [q for q in qs if q.kind in ("number", "count", "percent") and q.number is not None and not q.change]
    ends = [q for q in qs if q.kind == "range" and isinstance(q.value, tuple) and not q.unit]  # "between 74 and 80"
    if len(bare) + len(ends) != len(qs) or any(q.kind == "count" and q.unit and not q.inferred_unit for q in bare):
        return False
    figures = [q.number for q in bare] + [v for q in ends for v in q.value]
    rule = router.rule_values.get(state.tool or "", frozenset())
    given = [v for v in state.args.values() if isinstance(v, (int, float, Decimal))]
    own = [f for f in figures if any(_same_number(f, v) for v in given)]
    return len(figures) >= 2 and bool(own) and any(f in rule for f in figures if f not in own)


def _asks_other(router: Router, spec: CalculatorSpec, reading: Reading, folded: str) -> bool:
    """The asking clause of the message asks, in a word of its own, what another calculator answers and not what the
    last one answers (the figures said before it are the case, "... gemiddeld 3,2 per gebied. Dan wel?")."""
    other = router.specs.get(reading.tool or "")
    if other is None:
        return False
    asking = asked_clause(folded)
    cues = {fold(c) for inp in other.inputs.values() for c in inp.cues}  # "gemiddeld 3,2": a value's cue, no ask
    own = [a for a in other.asks if fold(a) not in lexicon().weak_asks and fold(a) not in cues and says(asking, a)]
    return bool(own) and not asks_strongly(spec, asking)


def _cued_elsewhere(router: Router, spec: CalculatorSpec, reading: Reading) -> bool:
    """Every amount the other calculator's reading took is said with a cue of one of its inputs and with none of the
    last calculator's ("als CZ later 30k extra toekent" after a check of the production agreement): the figures
    are of that other case."""
    other = router.specs.get(reading.tool or "")
    amounts = [reading.quantities[i] for i in reading.used if reading.quantities[i].kind in AMOUNT_KINDS]
    return other is not None and bool(amounts) and all(
        any(cue_strength(q, inp) > 0 for inp in other.inputs.values() if inp.kind == q.kind)
        and not any(
            cue_strength(q, inp) > 0 or (q.unit is not None and q.unit in inp.units)  # ("another half fte", "3 points":
            for inp in spec.inputs.values() if inp.kind == q.kind  # a figure in a unit of the last calculator's is its)
        )
        for q in amounts
    )


def _said_as_change(q: Quantity) -> bool:
    """The figure is an amount added or taken off ("een verpleegkundige van 0,4 fte erbij", "another nurse for 0.5
    FTE"), not a part of the whole said beside it ("zzp'ers 4.000 uur en een onderaannemer 2.000")."""
    near = " ".join([*q.before[-CHANGE_WORDS:], "|", *q.after[:CHANGE_WORDS]])
    lex = lexicon()
    return q.change is not None or any(word_pattern(w).search(near) for w in [*lex.more, *lex.less, *lex.hires])


CHANGE_WORDS = 4  # how near a word of change stands to the amount it says is added or taken off


def _stated_otherwise(spec: CalculatorSpec, name: str, stated: list[str]) -> bool:
    """An input this message states stands in for `name` or the other way round (their `replaces`): "geen score"
    and a score said later are the same fact said otherwise."""
    inp = spec.inputs[name]
    return any(name in spec.inputs[k].replaces or k in inp.replaces for k in stated if k in spec.inputs)


def read_in_case(router: Router, text: str, reading: Reading, state: ConversationState | None) -> Reading:
    """A calculation that leaves figures of the message unused ("€ 42k expected revenue at CZ and 3.4 clients per
    postcode: do we qualify?" read as the postcode rule, the revenue left over) may be the one of a subject the asker
    stated of themselves in an earlier message ("we are a new organisation"): the message read with the terms of
    those statements, when that reading takes more of its figures; `reading` otherwise."""
    if state is None or not state.said or reading.kind != "tool" or reading.follow_up:
        return reading
    figures = [i for i, q in enumerate(reading.quantities) if q.kind in AMOUNT_KINDS and not q.negated and not q.modifier]
    if not set(figures) - set(reading.used):
        return reading
    own = [e for e in state.said if _of_own_case(fold(e))]
    if not own:
        return reading
    subject = {t for e in own for t in router.analyse(e)}
    again = router.read(text, subject=subject)
    if again.kind != "tool" or again.tool == reading.tool or len(set(again.used) & set(figures)) <= len(set(reading.used) & set(figures)):
        return reading
    again.yes_no = reading.yes_no
    return again


def case_facts(router: Router, reading: Reading, state: ConversationState | None, text: str = "") -> Reading:
    """A calculation that assumes a fact of the asker's case in words (a kind of provider, a flag) the asker stated
    about themselves in an earlier message ("we zijn een nieuwe organisatie ...", two turns before "voldoen we aan
    de postcode-eis?"): that fact instead of the assumption, said as taken from the earlier message. When `text`
    supposes the act the message before asked permission for ("mogen we de zorg pauzeren?", then "stel dat we dat
    wel doen, ...?"; lexicon [follow_up] does_that, supposing), that act is a fact of the case too."""
    if state is None or not state.said or reading.kind not in ("tool", "clarify") or reading.tool not in router.specs:
        return reading
    spec = router.specs[reading.tool]
    open_ = [
        n for n, inp in spec.inputs.items()
        if inp.kind in ("flag", "choice") and n not in reading.stated and not _stated_otherwise(spec, n, reading.stated)
    ]  # fmt: skip  # not a fact a value stated now stands in for ("geen score" then "en met A in 2026 en 2027?")
    if not open_:
        return reading
    args, stated, taken = dict(reading.args), list(reading.stated), []
    supposed = _says(lexicon().does_that, text) and _says(lexicon().supposing, text)
    for k, earlier in enumerate(reversed(state.said)):
        folded = fold(earlier)
        if not _of_own_case(folded):
            continue  # "geldt de eis ook voor nieuwe aanbieders?", "als wij zouden starten, ...?": no fact of the asker's
        fill = assign(spec, read(earlier, default_year=router.current_year), earlier, router.current_year, router.years)
        if supposed and k == 0:  # "stel dat we dat wel doen": the act asked about just before, done
            acts = [n for n in open_ if spec.inputs[n].kind == "flag" and n not in fill.stated and n not in stated
                    and any(affirmed(folded, fold(c)) for c in spec.inputs[n].true_cues)]  # fmt: skip
            fill.args.update(dict.fromkeys(acts, True))
            fill.stated.extend(acts)
        for name in [n for n in open_ if n in fill.stated and n not in stated]:
            args[name] = fill.args[name]
            stated.append(name)
            taken.append((name, _said(spec, name, fill.args[name], folded)))
    if not taken:
        return reading
    if reading.kind == "clarify" and any(all(f in args for f in alt) for alt in spec.requires):
        reading = replace(reading, kind="tool", missing=[])  # the act supposed completes it
    dropped = {(spec.inputs[n].assume_nl, spec.inputs[n].assume_en or spec.inputs[n].assume_nl) for n, _ in taken}
    nl = ", ".join(f"{spec.label(n, 'nl')}: {words}" for n, words in taken)
    en = ", ".join(f"{spec.label(n, 'en')}: {words}" for n, words in taken)
    note = (f"uit uw eerdere bericht: {nl}", f"from your earlier message: {en}")
    return replace(
        reading, args=args, stated=stated, assumptions=[a for a in reading.assumptions if a not in dropped],
        notes=[*reading.notes, note],
    )  # fmt: skip


def supposed_act(router: Router, text: str, reading: Reading, state: ConversationState | None) -> Reading:
    """"Mogen we de zorg pauzeren?", then "stel dat we dat wel doen: krijgen we dan nog extra budget?": a message that
    supposes the act the message before asked about (lexicon [follow_up] does_that, supposing) and names a
    calculator (its concepts) that act settles (a flag of it that completes one of its `requires`): that calculation,
    to be completed with the act by `case_facts`; otherwise `reading` itself."""
    if reading.kind != "clause" or state is None or not state.said:
        return reading
    if not (_says(lexicon().does_that, text) and _says(lexicon().supposing, text)):
        return reading
    before, terms = fold(state.said[-1]), set(router.analyse(text))
    named = sorted((n for n in router.specs if router.concept_score(n, terms) > 0), key=lambda n: -router.concept_score(n, terms))
    for name in named:
        spec = router.specs[name]
        acts = {
            n for n, inp in spec.inputs.items()
            if inp.kind == "flag" and any(affirmed(before, fold(c)) for c in inp.true_cues)
        }  # fmt: skip
        if any(set(alt) <= acts for alt in spec.requires):
            return replace(reading, kind="clarify", tool=name)
    return reading


_SUPPOSED = re.compile(r"^\W*(?:als|indien|stel|suppose|if|what if|wat als)\b|\b(?:zouden|zou|would|were to)\b")


def _of_own_case(folded: str) -> bool:
    """A message states a fact of the asker's own case ("we zijn pas gestart als thuiszorgorganisatie"), not a question about
    others ("geldt de eis ook voor nieuwe aanbieders?") or a case supposed ("als wij zouden starten, ...?")."""
    return bool(OWN.search(folded)) and not _SUPPOSED.search(folded)


def _said(spec: CalculatorSpec, name: str, value: Any, folded: str) -> str:
    """A fact as the asker said it: the longest of its phrases in their message ("nieuwe organisatie")."""
    inp = spec.inputs[name]
    phrases = inp.choices.get(value, ()) if inp.kind == "choice" else (inp.true_cues if value else inp.false_cues)
    found = [p for p in phrases if affirmed(folded, fold(p))]
    return f"“{_words_of(folded, fold(max(found, key=len)))}”" if found else str(value)


def _words_of(folded: str, phrase: str) -> str:
    """The asker's words a phrase matched: "a ~ b" (a and b near each other) as the words from the one to the other
    ("zorg voor huidige clienten pauzeren"), a plain phrase as it is."""
    if "~" not in phrase:
        return phrase
    a, b = (p.strip() for p in phrase.replace("~>", "~").split("~", 1))
    for first, last in ((a, b), (b, a)):
        m = re.search(rf"(?<![\w]){re.escape(first)}\b.*?\b{re.escape(last)}(?![\w])", folded)
        if m:
            return m.group(0)
    return f"{a} … {b}"


def carry_over(router: Router, spec: CalculatorSpec, reading: Reading, state: ConversationState) -> Reading | None:
    """A question to another calculator than the conversation's last one, lacking a fact about the asker that the
    previous question stated: the inputs marked `carried` are read from that question for this calculator and
    said as an assumption. The reading, complete, or None (nothing to carry, or still incomplete)."""
    if not state.topic:
        return None
    previous = state.topic.split(" || ")[-1]
    fill = assign(spec, read(previous, default_year=router.current_year), previous, router.current_year, router.years)
    args, stated = dict(reading.args), list(reading.stated)
    taken = [
        n for n, inp in spec.inputs.items()
        if inp.carried and n in fill.stated and n not in stated and not _stated_otherwise(spec, n, stated)
    ]  # fmt: skip  # not a fact this question states otherwise ("geen score" replaces the score said before)
    for name in taken:
        args[name] = fill.args[name]
        stated.append(name)
    if not taken or not any(all(f in stated for f in alt) for alt in spec.requires):
        return None
    nl = ", ".join(f"{spec.label(n, 'nl')}: {args[n]}" for n in taken)
    en = ", ".join(f"{spec.label(n, 'en')}: {args[n]}" for n in taken)
    assumption = (f"uit uw vorige vraag: {nl}", f"from your previous question: {en}")
    return replace(reading, kind="tool", args=args, stated=stated, missing=[], notes=[*reading.notes, assumption])


_ASKS_WH = re.compile(  # "zo niet, hoeveel ...?": a question that depends on the answer before asks on (lexicon [parts])
    r"^\W*(?:(?:en|and|maar|but|ok|oke|okay|dus|so)\W+){0,2}"  # ("okay so when ...?")
    rf"(?:(?:{IF_ANSWER})\W+)?"
    r"(?:hoeveel|wat|welke?|wanneer|hoe|how|what|which|when)\b"
    r"(?!\s+(?:if|als|about|zit|zou|would|dan\s+als))"  # "what if ...?", "wat als ...?" still ask whether it holds
)


def _asked_unknown(spec: CalculatorSpec, folded: str) -> str | None:
    """The unknown a follow-up asks for in the words of the spec's `[solve]` ("hoeveel fte hebben we dan nodig?");
    of those, the one in the unit the question asks for ("welk aantal fte zouden we moeten hebben?": fte, though
    "moeten hebben" is said of the clients allowed too)."""
    named = [s for s in spec.solve.values() if any(word_pattern(fold(a)).search(folded) for a in s.asks)]
    found = asked(folded) if named else None
    if found is not None and found.kind == "count" and found.unit:
        fits = [s for s in spec.solve.values() if found.unit in s.units]
        in_unit = [s for s in named if s in fits] or (fits if len(fits) == 1 else [])
        if in_unit:
            return in_unit[0].name
    return named[0].name if named else None


def _asks_its_kind(spec: CalculatorSpec, folded: str) -> bool:
    """The asking clause asks for an unknown of `spec` (its `[solve]` words) as a value of that unknown's kind
    ("..., er blijft 3,2 fte over. Wat is dan ons maximum aan cliënten?")."""
    clause = asked_clause(folded)
    name, found = _asked_unknown(spec, clause), asked(clause)
    return name is not None and not is_yes_no(folded) and (found is None or found.kind == spec.solve[name].kind)


def _names_another(router: Router, text: str, tool: str) -> bool:
    """The message names a calculator other than `tool` (its concepts), or a rule by a figure only another
    calculator's rule has ("de eis van de helft eigen levering" after the postcode average: 50%)."""
    terms = set(router.analyse(text))
    return any(router.concept_score(n, terms) > 0 for n in router.specs if n != tool) or _rule_of_another(router, text, tool)


def _rule_of_another(router: Router, text: str, tool: str) -> bool:
    """"Vervalt de eis van de helft eigen levering ook?" after the postcode average: a rule named (a rule noun)
    by a figure that another calculator's rule has and `tool`'s has not."""
    folded = fold(text)
    if not any(has_phrase(folded, w) for w in _RULE_NOUNS):
        return False
    own = router.rule_values.get(tool, frozenset())
    figures = {q.value for q in read(text) if q.kind == "percent" and q.value not in own}  # (a share: "those 2 fte
    # under the rule" are the asker's own, whatever other rule has a 2)
    return any(figures & values for n, values in router.rule_values.items() if n != tool)


_RULE_NOUNS = ("regel", "eis", "norm", "grens", "voorwaarde", "rule", "requirement", "condition", "limit")  # names a rule


def _names_rule_back(folded: str) -> bool:
    """"... to reach that threshold?", "om aan die grens te komen?": a demonstrative before a word naming a rule
    (lexicon [words] rule_reference, one word): the rule of the last calculation."""
    return _rule_back_pattern().search(folded) is not None


@lru_cache(maxsize=1)
def _rule_back_pattern() -> re.Pattern[str]:
    nouns = [w for w in lexicon_data()["words"]["rule_reference"] if " " not in w and w not in ("die", "deze", "that", "those", "om")]
    alt = "|".join(map(re.escape, sorted(nouns, key=len, reverse=True)))
    return re.compile(rf"\b{_DEMONSTRATIVES}\s+(?:{alt})\b")


def _asks_its_unknown(spec: CalculatorSpec, folded: str) -> bool:
    """The message asks for an unknown of `spec` as a value of that unknown's kind ("hoeveel cliënten nog?"), not
    for another kind of value or a count of something the calculator does not count ("hoeveel aanbieders?")."""
    name = _asked_unknown(spec, folded)
    if name is None or not _ASKS_WH.match(_without_nod(folded)):
        return False
    found = asked(folded)
    if found is None or (found.kind == "count" and found.unit is None):  # a bare "how much", "hoeveel nog"
        return True
    units = {u for inp in spec.inputs.values() for u in inp.units}
    return found.kind == spec.solve[name].kind and (not found.unit or found.unit in units)


def _each_of_persons(qs: list[Quantity], source: Quantity, folded: str) -> Decimal | None:
    """How many persons a change "from X to Y" is said of: "drie van onze verpleegkundigen gaan elk van 0,9
    naar 0,7 fte", "if both nurses go down to 0.6 from 0.9" (lexicon `of_persons`, `both_persons`); None for one."""
    lex = lexicon()
    before = [q for q in qs if q.end <= source.start and q.kind in ("count", "number") and q.number is not None]
    said = folded[(before[-1].start if before else max(0, source.start - 40)) : source.end + 12]
    each = any(has_phrase(said, w) for w in [*lex.each_area, *lex.of_persons])
    if before and each and before[-1].number > 1 and before[-1].unit in (None, "staff", source.unit):
        return before[-1].number
    if any(has_phrase(folded[max(0, source.start - 40) : source.start], w) for w in lex.both_persons):
        return Decimal(2)
    return None


def _changes(
    spec: CalculatorSpec, fill: Any, qs: list[Quantity], folded: str, state: ConversationState,
    said_instead: tuple[dict[str, Any], set[int]],
) -> dict[str, Any]:
    """The arguments a follow-up changes (only those the question states); `said_instead`: what `_instead` read."""
    out: dict[str, Any] = {}
    instead, taken = said_instead  # "niet 900 maar 1.400 uur": the value said before, replaced
    out.update(instead)
    uncued = _uncued_rival(spec, fill, qs, state) if not instead else None
    if uncued is not None:  # "what if it had been only €690,000 then?" after a ceiling and a revenue: no cue says
        return {"__bare__": uncued}  # which amount, so the one it is closest to in size (or a question back's)
    for name in fill.stated:
        if spec.inputs[name].per_area or name in instead:
            continue
        source = qs[fill.sources[name]] if name in fill.sources else None
        if source is not None and fill.sources[name] in taken:
            continue
        again = state.last_changed
        if source is not None and source.kind == "number" and source.change and again in spec.inputs and again != name:
            name, value = again, fill.args[name]  # "and four more?" after "three more clients": clients again
        else:
            value = fill.args.get(name)
        held = spec.parts_together.get(name)
        if source is not None and source.change and name not in state.args and held in state.args:
            name = held  # "en als de onderaannemers er 1.000 uur bij krijgen?" after their hours were given as a
            # party of their own: the change is to that party
        before = state.args.get(name)
        if source is not None and source.was is not None and isinstance(before, (int, float)) and source.number is not None:
            # "Mo gaat van 0,6 naar 0,9 fte": one part of the value changes; the whole it was said as changes too
            if Decimal(str(before)) != source.was:
                times = _each_of_persons(qs, source, folded)  # "three of them each from 0.9 to 0.7 fte"
                out[name], shown, change = _from_to_change(before, float(source.was), float(source.number), times)
                out.setdefault("__notes__", []).append((name, before, shown, change, out[name]))
                continue
        if source is not None and source.change and name not in state.args and name == spec.rest:
            left = _rest(spec, name, state.args)  # "... en eigen personeel 500 uur minder" after "de rest doen we
            if left is not None and isinstance(value, (int, float)):  # zelf": the rest before, changed (no note: the
                out[name] = _changed(left, value, source.change)  # rest was never a figure of the asker's or the result's)
                continue
        if source is not None and source.change and isinstance(state.args.get(name), (int, float)):
            out[name] = _changed(state.args[name], value, source.change)
            shown = source.times or value  # "190 − 12 × 2 = 166": a count for each area, said as the product
            out.setdefault("__notes__", []).append((name, state.args[name], shown, source.change, out[name]))
        elif name in fill.args and fill.args[name] != state.args.get(name):
            out[name] = fill.args[name]
            if source is not None and source.kind == "number":  # a bare number: say what it was taken for
                out.setdefault("__bare_notes__", []).append((name, fill.args[name]))
    per_area = next((n for n, i in spec.inputs.items() if i.per_area), None)
    if per_area and fill.areas:
        out["__areas__"] = fill.areas
        if out.get("postcode_areas") == len(fill.areas):  # "two more: 3 each in 6101 and 6102": the areas
            out.pop("postcode_areas")  # listed, counted once more (the list says how many)
    if per_area:
        there = _single_count(qs, fill)
        counts = [q for q in qs if (q.kind == "count" and q.unit == "clients") or q.kind == "number"]
        if state.areas and _says(lexicon().there, folded) and len(counts) == 1:
            there = counts[0]  # "en als we daar 4 cliënten hadden?": the area named last, not a new total
            out.pop("total_clients", None)
            out.pop("__bare_notes__", None)
        if there is not None and "__areas__" not in out:
            out["__count__"] = there
    # "we vergaten een gebied: daar hebben we 9 cliënten": one more area of the last list, with its count; "stel dat we
    # 5212 overdragen", "and if 6414 ends up with 3 clients?": an area of the last list by its postcode, though no
    # postcode word stands beside it: taken out, or its count changed; what else the message changes (a year) stands
    # beside it
    by_area = (
        _moved_areas(qs, folded, state) or _added_area(qs, fill, folded, state) or _named_areas(qs, folded, state)
        or _dropped_place(qs, folded, state) or _area_by_count(qs, folded, state)
    ) if per_area else None
    if by_area:
        kept = {k: v for k, v in out.items() if k not in ("__count__", "__areas__", "__bare_notes__", "total_clients", "postcode_areas")}
        return {**kept, **by_area}
    dropped = _dropped_areas(qs, folded) if any(spec.inputs[n].per_area for n in spec.inputs) else None
    if dropped is not None and (state.areas or "total_clients" in state.args):
        # "dat gebied met 1 cliënt moet eruit": its figures name the areas, not new values (nor a figure of the rule)
        return {"__drop__": dropped[:2], "__used__": {dropped[2]}}
    for name in fill.stated:  # "stel dat de A uitsluitend voor 2027 gold?": the other year's score no longer stands
        source = qs[fill.sources[name]] if name in fill.sources else None
        inp = spec.inputs[name]
        if source is not None and source.only and inp.year is not None:
            for other, o in spec.inputs.items():
                if o.kind == inp.kind and o.year not in (None, inp.year) and other not in fill.stated and other in state.args:
                    out[other] = None
    replaced = any(q.kind == "score" and not q.negated for q in qs)  # "geen B maar een A": the letter said instead
    for q in qs:  # "stel dat 2027 toch geen A wordt?": the letter said before for that year no longer stands
        if q.kind == "score" and q.negated and not replaced:
            for other, o in spec.inputs.items():
                if o.kind == "score" and o.year in q.years and state.args.get(other) == q.value and other not in fill.stated:
                    out[other] = None
    _whole_grows(spec, fill, qs, state, out)
    _whole_follows(spec, fill, qs, state, out)
    for name in list(out):  # "en op 12 mei 2027?": whether the year of a date said now was written goes with it
        flag = spec.inputs[name].year_given_arg if name in spec.inputs else None
        if flag and flag in fill.args:
            out[flag] = fill.args[flag]
    if not out:
        bare = [
            q
            for i, q in enumerate(qs)
            if i not in fill.used and i not in fill.rule_side  # "een gemiddelde van 3 halen": the rule's figure
            and q.kind in ("number", "count", "money", "percent") and not q.negated
            and not _unit_not_taken(spec, q)  # "hoeveel cliënten mag een casemanager ...?": one person, not a figure
        ]
        if len(bare) == 1:
            out["__bare__"] = bare[0]
    return out


def _change_kept(qs: list[Quantity], folded: str, state: ConversationState) -> tuple[int, str] | None:
    """A message that keeps (lexicon `keep_change`) the number the last change moved ("we houden die 10 toch" after
    "10 cliënten kwijt"): (that quantity's index, the input the change went back on)."""
    name = state.last_changed
    now, before = state.args.get(name or ""), state.first_args.get(name or "")
    if not isinstance(now, (int, float)) or not isinstance(before, (int, float)) or isinstance(now, bool) or now == before:
        return None
    if not any(word_pattern(w).search(folded) for w in lexicon().keep_change):
        return None
    moved = abs(float(now) - float(before))
    return next(
        ((i, name) for i, q in enumerate(qs)
         if q.kind in ("number", "count") and q.number is not None and not q.change and float(q.number) == moved),
        None,
    )  # fmt: skip


def _unit_not_taken(spec: CalculatorSpec, q: Quantity) -> bool:
    """A count whose own unit word no input of `spec` counts ("een casemanager" to the postcode average)."""
    units = {u for inp in spec.inputs.values() for u in inp.units}
    return q.kind == "count" and bool(q.unit) and not q.inferred_unit and q.unit not in units


def _whole_grows(spec: CalculatorSpec, fill: Any, qs: list[Quantity], state: ConversationState, out: dict[str, Any]) -> None:
    """"En met 800 extra zzp-uren erbij?" after a total and a subcontractor's hours: a party of the whole (`parts`)
    the last calculation did not have, said as added, adds to the whole too, unless the message states the whole."""
    whole = spec.whole
    if not whole or whole in out or whole in fill.stated or not isinstance(state.args.get(whole), (int, float)):
        return
    adds = [*lexicon().more, *lexicon_data()["change"].get("adds_to_whole", [])]
    for name in [n for n in spec.parts if n in out and n not in state.args and n in fill.sources]:
        q, value = qs[fill.sources[name]], out[name]
        near = " ".join([*q.before[-CHANGE_WORDS:], *q.text.split(), *q.after[:CHANGE_WORDS]])
        said_added = any(word_pattern(w).search(near) for w in adds)  # "800 extra", "bijkomt"; not "bij onderaannemer X"
        if q.change == "more" and said_added and isinstance(value, (int, float)) and not isinstance(value, bool):
            new = _changed(state.args[whole], value, "more")
            out.setdefault("__notes__", []).append((whole, state.args[whole], value, "more", new))
            out[whole] = new


def _whole_follows(
    spec: CalculatorSpec, fill: Any, qs: list[Quantity], state: ConversationState, out: dict[str, Any]
) -> None:
    """"What if the zzp hours were 3,000?" after parts that made up the whole together: a part said anew changes the
    whole by as much (the others stay as they were), told as an assumption; not when the message states the whole,
    nor when the parts did not add up to it (the rest of the whole was left unsaid, and may be what changed)."""
    whole = spec.whole
    if not whole or whole in out or whole in fill.stated or not _is_number(state.args.get(whole)):
        return
    before = [state.args.get(p) for p in spec.parts if _is_number(state.args.get(p))]
    if not before or abs(sum(before) - state.args[whole]) > 1e-9:
        return
    changed = [p for p in spec.parts if p in out and p in state.args and _is_number(out[p]) and out[p] != state.args[p]]
    if not changed or any(q.number is not None and _same_number(q.number, state.args[whole]) for q in qs):
        return  # ("..., the total remains 15,500": the whole said again, unchanged)
    now = {**state.args, **out}
    new = sum(now[p] for p in spec.parts if _is_number(now.get(p)))
    if abs(new - state.args[whole]) <= 1e-9:
        return  # hours moved from one party to another: the whole stays
    change = "more" if new > state.args[whole] else "less"
    new = int(new) if float(new).is_integer() else new
    # said with the part's two figures ("10.000 + (3.000 − 2.000)"), not a difference the asker never said
    delta = {"was": state.args[changed[0]], "to": out[changed[0]], "times": None} if len(changed) == 1 else abs(new - state.args[whole])
    out.setdefault("__notes__", []).append((whole, state.args[whole], delta, change, new))
    out[whole] = new


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _uncued_rival(spec: CalculatorSpec, fill: Any, qs: list[Quantity], state: ConversationState) -> Quantity | None:
    """The one value a follow-up states when no cue word of its input stands near it and the earlier turn holds
    another input of the same kind: the router took it for the first input of its kind, which says nothing."""
    if len(fill.stated) != 1 or fill.areas:
        return None
    name = fill.stated[0]
    inp = spec.inputs[name]
    source = qs[fill.sources[name]] if name in fill.sources else None
    if source is None or source.change or source.was is not None or inp.kind not in ("money", "percent", "count"):
        return None
    if cue_strength(source, inp) > 0:
        return None
    rivals = [
        k for k in _numeric_args(spec, state.args, (inp.kind,))
        if k != name and (inp.kind != "count" or spec.inputs[k].units == inp.units)
    ]  # fmt: skip
    return source if rivals and name in state.args else None


INSTEAD_VERB = 2  # words between a value and "ipv"/"instead of" ("3 punten waren ipv 8")
_BUT = re.compile(r"\b(?:maar|but|doch|instead|rather|wel)\b")


def _instead(qs: list[Quantity], folded: str, state: ConversationState) -> tuple[dict[str, Any], set[int]]:
    """'en als het bureau niet 900 maar 1.400 uur levert?': a denied value that is one of the last
    calculation's arguments, and the value said instead of it, replace that argument."""
    for i, q in enumerate(qs):
        if not q.negated or q.number is None:
            continue
        names = [n for n, v in state.args.items() if _same_number(q.number, v)]
        if len(names) != 1:
            continue
        for j in range(i + 1, len(qs)):
            o = qs[j]
            if o.negated or o.number is None or o.kind not in (q.kind, "number", "count"):
                continue
            if _BUT.search(folded[q.end : o.start]) and len(folded[q.end : o.start]) <= 20:
                return {names[0]: to_number(o.number)}, {j}
            break
    for j, (new, old) in enumerate(zip(qs, qs[1:], strict=False)):  # "3 punten ipv 7", "6 points instead of 3": the new value first
        money = lexicon().money_before | lexicon().money_after  # "not €500,000": the sign is no word between them
        between = [w for w in folded[new.end : old.start].strip(" ,").split() if w not in money]
        said = next((w for w in lexicon().instead_of if between[-len(w.split()):] == w.split()), None) if between else None
        if new.number is None or old.number is None or said is None or len(between) - len(said.split()) > INSTEAD_VERB:
            continue  # "3 punten (waren) ipv 8": at most a verb between the new value and the words
        if new.kind not in (old.kind, "number") and old.kind != "number" or (new.unit and old.unit and new.unit != old.unit):
            continue  # "is 150 clients not 3 fte?": two figures of their own
        names = [n for n, v in state.args.items() if _same_number(old.number, v)]
        if len(names) == 1:
            return {names[0]: to_number(new.number)}, {j, j + 1}
    return {}, set()


MOVED_TO_WORDS = 3  # "door zzp'ers", "by our volle dochter": the word that names where hours go, this close before


def _moved(
    spec: CalculatorSpec, qs: list[Quantity], folded: str, state: ConversationState, grouped: dict[str, str] | None = None
) -> dict[str, Any]:
    """"En als zzp'ers die 2.000 uur van de dochter overnemen?", "1,000 of the zzp hours move to our own staff":
    one amount, two parts of the whole named (the spec's `parts`), one of them after a word that says where the
    hours go (lexicon `moved_to`): the amount leaves the other part and joins that one. {} when it is not that."""
    if not spec.parts:
        return {}
    together = {k: v for k, v in spec.parts_together.items() if k in state.args and state.args.get(v) is None}
    if together:  # "7.000 uur via onderaannemers": in a move, the hours of the other parties
        args = {k: v for k, v in state.args.items() if k not in together}
        args |= {v: state.args[k] for k, v in together.items()}
        grouped = {  # "600 van de zzp-uren" when only the subcontracted hours together were given: they hold them
            held: part for k, part in together.items() for held in spec.together_holds.get(k, ()) if held not in state.args
        }
        moved = _moved(spec, qs, folded, state.model_copy(update={"args": args}), grouped)
        return {**{k: None for k in together}, **{v: args[v] for v in together.values()}, **moved} if moved else {}
    units = spec.inputs[spec.parts[0]].units
    amounts = [  # "1,000 of the zzp hours": a bare number of the hours the message names
        q for q in qs
        if (q.kind == "count" and q.unit in units or q.kind == "number") and not q.negated and q.number is not None
    ]  # fmt: skip
    partitive = _partitive(amounts, folded)  # "500 van die 5.200 uur": 500 of the part that had 5.200
    of_part = None
    if partitive is not None:
        amount_q, whole_q = partitive
        same = [p for p in spec.parts if _same_number(whole_q.number, state.args.get(p))]
        if len(same) == 1:
            of_part, amounts = same[0], [amount_q]
    whole = state.args.get(spec.whole) if spec.whole else None
    if len(amounts) > 1 and isinstance(whole, (int, float)):  # "and the total remains 9.000": the whole said
        amounts = [q for q in amounts if float(q.number or 0) != float(whole)]  # again, unchanged, moves nothing
    if len(amounts) > 1:
        return {}
    named_by = [(name, name) for name in spec.parts] + list(spec.parts_together.items())  # "naar een onderaannemer"
    spans = [
        (m.start(), m.end(), part)
        for name, part in named_by for cue in spec.inputs[name].cues for m in cue_pattern(cue).finditer(folded)
    ]  # fmt: skip
    spans = list(dict.fromkeys(spans))
    spans = [a for a in spans if not any(b[2] != a[2] and b[0] <= a[0] and a[1] <= b[1] and b != a for b in spans)]
    denied = set(lexicon().negations)  # "naar een thuiszorgbureau, niet naar de dochter": not that party
    spans = [a for a in spans if not _words_before(folded, a[0], 2) & denied]
    named: dict[str, int] = {}
    for start, _, name in spans:  # "daughter company" names the subsidiary, not a company as subcontractor
        named[name] = min(start, named.get(name, start))
    owning = {  # "the subsidiary's hours": the party whose hours they are (all of them, when no amount is said)
        nm for _, end, nm in spans if re.match(r"['’]s?(?!\w)", folded[end : end + 2])
    }
    moved_to = lexicon().moved_to
    to = [  # any place that names the party after a word of where hours go ("in-house with our own employees")
        n for n in named
        if any(nm == n and _words_before(folded, at) & set(moved_to) for at, _, nm in spans)
    ]  # fmt: skip
    if len(to) > 1:  # "800 hours now done by our own staff over to zzp'ers": the party after a word of where only
        only = [n for n in to if any(nm == n and _words_before(folded, at) & set(lexicon().moved_to_only) for at, _, nm in spans)]
        to = only if len(only) == 1 else to
    if len(named) == 2 and not to:  # "onze dochter-bv neemt 900 van de zzp-uren over": the other party gets them
        given = [n for n in named if any(nm == n and _words_before(folded, at) & set(lexicon().moved_from) for at, _, nm in spans)]
        given = given or [n for n in named if n in owning]  # "an agency took over the subsidiary's hours"
        if len(given) > 1:  # "500 uur van de zzp'ers zelf gaan doen": "van" stands right before the one that gives
            given = [n for n in given if any(nm == n and _words_before(folded, at, 2) & set(lexicon().moved_from) for at, _, nm in spans)]
        to = [n for n in named if n not in given] if len(given) == 1 else []
        later = max(named, key=named.get)  # "de dochter afstoten en haar uren als onderaanneming inkopen": the party
        if not to and _words_before(folded, named[later], 1) & set(lexicon().moved_as):  # named second, right after
            to = [later]  # a word of what the hours count as, gets them (not "wat als zzp'ers ...": that one is first)
    if of_part is not None:  # the part the amount is taken from is named by its value; the party named gets it
        to = [n for n in named if n != of_part][:1] if len([n for n in named if n != of_part]) == 1 else []
        named = {**{n: named[n] for n in to}, of_part: -1}
    if len(named) == 1 and len(to) == 1 and len(amounts) == 1 and amounts[0].change != "more":  # "als die 1.600 uur
        # voortaan door onze dochter gaan": the hours of the one other party that had exactly that amount (not "another
        # 1,500 hours by our subsidiary": hours that come on top)
        same = [
            p for p in spec.parts
            if p != to[0] and isinstance(state.args.get(p), (int, float)) and float(state.args[p]) == float(amounts[0].number or 0)
        ]  # fmt: skip
        if len(same) == 1:
            named[same[0]] = -1
    if len(named) == 1 and len(to) == 1 and len(amounts) == 1 and any(has_phrase(folded, w) for w in lexicon().moved_back):
        # "stel dat we 300 uur daarvan weer zelf gaan doen": the one other party with hours gives them back
        others = [p for p in spec.parts if p != to[0] and isinstance(state.args.get(p), (int, float)) and state.args[p] > 0]
        if len(others) == 1:
            named[others[0]] = -1
    if len(named) != 2 or len(to) != 1:
        return {}
    dest, source = to[0], next(n for n in named if n != to[0])
    if source not in state.args and source in (grouped or {}):  # hours leave a party held in the group given
        source = (grouped or {})[source]
        if source == dest:
            return {}
    have, got = state.args.get(source, _rest(spec, source, state.args)), state.args.get(dest, _rest(spec, dest, state.args, 0))
    if have is None and source not in state.args:  # "de rest via zzp'ers en een partnerorganisatie", then "1.500 uur
        have = _unsaid(spec, state.args)  # van de partnerorganisatie doet onze dochter": part of what was not split
    if not isinstance(have, (int, float)) or not isinstance(got, (int, float)):
        return {}
    if amounts:
        amount = float(amounts[0].number or 0)
    elif (source in owning or _words_before(folded, named[source]) & set(lexicon().all_of)) and not any(
        has_phrase(folded[: named[source]], w) for w in lexicon().some_of
    ):
        amount = float(have)  # "als die zzp'ers bij onze volle dochter in dienst gaan": all of their hours
    else:
        return {}
    if amount > have:
        return {}
    left, now = _changed(have, amount, "less"), _changed(got, amount, "more")
    notes = [(source, have, amount, "less", left)] if source in state.args else []  # a rest was never said
    if source not in state.args and source != spec.rest:  # the hours leave the part of the whole never split up
        # (the whole stays, the party they go to gains them)
        return {dest: now, "__notes__": [(dest, got, amount, "more", now)] if dest in state.args else []}
    if dest in state.args:  # a party that had no hours before gets the amount, said by the calculation itself
        notes.append((dest, got, amount, "more", now))
    return {source: left, dest: now, "__notes__": notes}


_PARTITIVE = re.compile(r"^\s*(?:[\w'-]+\s+)?(?:van|of)\s+(?:(?:die|de|deze|onze|those|the|these|our|all)\s+)?$")


def _partitive(amounts: list[Quantity], folded: str) -> tuple[Quantity, Quantity] | None:
    """(the amount, the earlier value it is part of) for "500 van die 5.200 uur", "400 of those 4,700 hours"; the
    first smaller than the second."""
    for a, b in zip(amounts, amounts[1:], strict=False):
        between = re.sub(r"^\S+", "", folded[a.start : b.start])  # after the first number (its span may run on to the
        # unit after the second: "90 van die 480 uur")
        if _PARTITIVE.match(between) and a.number is not None and b.number is not None and a.number < b.number:
            return a, b
    return None


AREA_GAP = 4  # characters between a number of areas and an area word said after it
DROP_CHARS = 60  # from the areas to the clients each had ("de vier gebieden met elk 2 cliënten")
_AREA_WITH = re.compile(r"^\s*(?:[\w'-]+\s+){0,2}?(?:met|with|waar|where|in which|having|die|that)\b[^.;:!?]*$")


@lru_cache(maxsize=1)
def _area_word() -> re.Pattern[str]:
    """An area word of the lexicon (units `areas`), longest first."""
    words = "|".join(re.escape(w) for w in sorted(lexicon().units.get("areas", ()), key=len, reverse=True))
    return re.compile(rf"(?<![\w])({words})(?![\w])")


def _area_said_with(folded: str, q: Quantity) -> tuple[str, re.Match[str]] | None:
    """"het gebied met 1 cliënt", "the areas with two clients each": the text before `q` (DROP_CHARS) and the last area
    word in it, when what stands between them says the area is the one with `q`; None otherwise."""
    before = folded[max(0, q.start - DROP_CHARS) : q.start]
    m = next(reversed(list(_area_word().finditer(before))), None)
    if m is None or not _AREA_WITH.match(before[m.end() :]):
        return None
    return before, m


def _dropped_areas(qs: list[Quantity], folded: str) -> tuple[int | None, int, int] | None:
    """(how many areas, the clients each had, the index of that count) a message takes out of the calculation ("dat gebied met 1 cliënt
    moet eruit", "suppose we leave out the three areas with two clients each"; lexicon `drop_area`); None for one area
    word in the plural without a number (every area with that count), and None when nothing is dropped."""
    lex = lexicon()
    if not any(has_phrase(folded, w) for w in lex.drop_area):
        return None
    for i, q in enumerate(qs):
        if not (q.kind == "count" and q.unit == "clients" or q.kind == "number") or q.number is None:
            continue
        said = _area_said_with(folded, q)
        if said is None:
            continue
        before, m = said
        at = q.start - len(before)  # where `before` begins in `folded`
        if any(o.start > q.end and o.kind in ("count", "number") and o.unit in ("clients", None) for o in qs):
            return None  # "in het gebied met 1 cliënt zitten er eigenlijk 4": a new count, not an area taken out
        if any(has_phrase(before[m.end() :], w) for w in lex.together):
            return None  # "zes gebieden waar we bij elkaar 9 cliënten hebben": theirs together, taken from the totals
        # the number of areas right before the area word ("de 9 gebieden met ..."), none else ("van de 60 gebieden moet
        # het gebied met 1 cliënt eruit": one area)
        word = at + m.start()  # the area word: part of the count's own text ("7 postcode areas"), or right after it
        n = next((int(a.number) for a in qs if a.unit == "areas" and a.number is not None
                  and (a.start <= word <= a.end or 0 <= word - a.end <= AREA_GAP)), None)  # fmt: skip
        plural = m.group(1).endswith(("en", "s"))
        each = q.times[1] if q.times else q.number  # "12 postcodes where we have 1 client" was read as 12 × 1
        return (n if n is not None else (None if plural else 1)), int(each), i
    return None


def _quotient_changed(spec: CalculatorSpec, qs: list[Quantity], folded: str, state: ConversationState) -> dict[str, Any]:
    """"En als het 50 cliënten waren?", "stel dat we de 3 gebieden met 1 cliënt laten vallen" after an average the last
    calculation worked out from its two counts ("39 cliënten over 15 postcodes"): the count said (or the areas taken out
    with their clients) changes, and the average is worked out anew from the counts; {} when the message says no such
    count (or says the average itself)."""
    for name, (top, under) in state.quotients.items():
        inp = spec.inputs.get(name)
        if inp is None or len(inp.per_of) != 2 or name not in state.args:
            continue
        counts = [(i, q) for i, q in enumerate(qs) if q.kind == "count" and q.number is not None and not q.negated]
        if any(cue_strength(q, inp) > 0 for _, q in counts):
            return {}  # "gemiddeld 3,2 per gebied": the average itself
        dropped = _dropped_areas(qs, folded)
        if dropped is not None and dropped[0] is None:
            return {}  # "de gebieden met 1 cliënt eruit": how many there were, the counts do not say
        if dropped is not None:  # "... de 3 gebieden met elk 1 cliënt eruit"
            n, each, i = dropped
            new, used = (top - n * each, under - n), {i} | {k for k, q in counts if q.unit == inp.per_of[1]}
            told = {"n": _nl(n), "each": _nl(each)}
            notes = inp.per_of_drop_note
        else:
            tops = [(i, q) for i, q in counts if q.unit == inp.per_of[0]]
            unders = [(i, q) for i, q in counts if q.unit == inp.per_of[1]]
            if len(tops) > 1 or len(unders) > 1 or not (tops or unders) or len(counts) > len(tops) + len(unders):
                continue
            new = tuple(
                (_changed(old, float(got[0][1].number), got[0][1].change) if got[0][1].change else float(got[0][1].number))
                if got else old
                for old, got in ((top, tops), (under, unders))
            )  # fmt: skip
            used = {i for i, _ in tops + unders}
            told = {"said": " + ".join(f"“{q.text.strip()}”" for _, q in sorted(tops + unders))}
            notes = inp.per_of_note
        if new[1] <= 0 or new[0] < 0 or new == (top, under):
            continue
        return {  # (the note says what the asker changed in their own figures; the average is the calculator's)
            name: new[0] / new[1], "__quotients__": {name: new}, "__used__": used,
            "__said_notes__": [tuple(note.format(**told) for note in notes)] if len(notes) == 2 else [],
        }  # fmt: skip
    return {}


def _completed_by(spec: CalculatorSpec, reading: Reading, state: ConversationState) -> bool:
    """The message gives part of a set of inputs the calculator needs together and the last calculation has the
    rest ("eind augustus hebben we 600k gedeclareerd" after the ceiling): it builds on that calculation."""
    return any(
        any(f in reading.args for f in alt) and not all(f in reading.args for f in alt)
        and all(f in reading.args or f in state.args for f in alt)
        for alt in spec.requires
    )


def _client_count(q: Quantity) -> bool:
    """A figure that can be an area's count of clients: a count of clients or a bare number."""
    return q.number is not None and (q.kind, q.unit) in (("count", "clients"), ("number", None))


def _dropped_place(qs: list[Quantity], folded: str, state: ConversationState) -> dict[str, Any] | None:
    """'Stel dat we het derde gebied afstoten', 'what if another provider takes over the first area?': an area of the last list named
    by its place (an ordinal right before an area word) with a word that takes areas out (lexicon `drop_area`) goes
    out of the calculation. A count of clients said with it that is smaller than the area's ("2 cliënten uit het
    eerste gebied overdragen") moves only those out; a larger one, or a second place, is not read so (None)."""
    if not state.areas or not any(has_phrase(folded, w) for w in lexicon().drop_area):
        return None
    places = [q for q in qs if q.kind == "ordinal" and isinstance(q.value, int) and _area_word().match(
        re.sub(r"^\s*(?:postcode\s*|4-cijferige?\s+|four-digit\s+)?", "", folded[q.end :]))]  # fmt: skip
    if len(places) != 1 or not 1 <= places[0].value <= len(state.areas):
        return None
    place = places[0].value
    area = state.areas[place - 1]
    counts = [q for q in qs if _client_count(q)]
    if any(_area_said_with(folded, q) for q in counts):
        return None  # "dat ene gebied met maar 1 cliënt": named by its count, not its place ("ene" is "the one")
    if len(counts) > 1 or (counts and counts[0].number > area.count):
        return None
    if counts and 0 < counts[0].number < area.count:
        return {"__areas__": [Area(f"#{place}", area.count - int(counts[0].number))]}
    return {"__drop_places__": [place]}


def _area_by_count(qs: list[Quantity], folded: str, state: ConversationState) -> dict[str, Any] | None:
    """'En als er in het gebied met 1 cliënt 3 bijkomen?', 'two more in the area with just one': an area of the
    last list named by the count it has (the first area with that count), and the one other count of the message is
    its new count, or what comes on or goes off it; None when the message does not name an area so."""
    if not state.areas or any(has_phrase(folded, w) for w in lexicon().drop_area):
        return None
    counts = [q for q in qs if _client_count(q) and q.number == int(q.number)]
    for q in counts:
        if q.change or _area_said_with(folded, q) is None:
            continue
        place = next((k for k, a in enumerate(state.areas, 1) if a.count == int(q.number)), None)
        others = [o for o in counts if o is not q]
        if place is None or len(others) != 1:
            return None
        new = others[0]
        return {"__areas__": [Area(f"#{place}", int(new.number or 0), new.change)]}
    for m in _area_word().finditer(folded):  # "... the area with just one": the count a word
        if _one_there().match(folded[m.end() : m.end() + DROP_CHARS]) and len(counts) == 1:
            place = next((k for k, a in enumerate(state.areas, 1) if a.count == 1), None)
            if place is not None:
                return {"__areas__": [Area(f"#{place}", int(counts[0].number or 0), counts[0].change)]}
    return None


@lru_cache(maxsize=1)
def _one_there() -> re.Pattern[str]:
    """After an area word, what names it by a count of one said by a word alone ("the area with just one",
    "het gebied waar we er maar een hebben"; lexicon one_alone): up to the end of the clause or a word of having."""
    ones = "|".join(re.escape(w) for w in lexicon().one_alone)
    return re.compile(
        rf"{_AREA_WITH.pattern[1:-1]}?\b(?:{ones})\b\s*(?:[.;:!?,–—]|-\s|$|(?:client|clienten|clients|heeft|hebben|hebt|has|have|zit|zitten|gets|get|krijgt|krijgen|gains)\b)"
    )


def _added_area(qs: list[Quantity], fill: Any, text: str, state: ConversationState) -> dict[str, Any] | None:
    """'Oh, we forgot one area: Breda-Zuid, with 9 clients': with a word that adds to the last calculation (lexicon
    `adds_to_last`), one area said with one count of clients is one more area of the last list (its name, not a
    postcode, is no label of it); None otherwise."""
    if state.areas and not fill.areas and (more := _areas_each(qs, text)) is not None:
        n, each = more  # "and 2 new areas with one client each": as many more places of the list
        return {"__areas__": [Area(f"#{len(state.areas) + k}", each) for k in range(1, n + 1)]}
    counts = [q for q in qs if q.kind == "count" and q.unit == "clients" and q.number is not None and not q.change]
    areas = [q for q in qs if q.kind == "count" and q.unit == "areas" and q.number is not None]
    one = fill.args.get("postcode_areas") == 1 or (len(areas) == 1 and areas[0].number == 1)  # ("nog één gebied:
    if not state.areas or not one or len(counts) != 1 or fill.areas:  # Oosterhout-Zuid, met 6")
        return None
    if not _says(lexicon().adds_to_last, text):
        return None
    return {"__areas__": [Area(f"#{len(state.areas) + 1}", int(counts[0].number))]}  # the next place of the list


def _areas_each(qs: list[Quantity], text: str) -> tuple[int, int] | None:
    """(areas, clients in each) of "we also start in 3 new areas with 1 client each", "nog 2 gebieden erbij met elk
    4 cliënten": a count of areas that comes on (or with a word that adds to the last calculation) and a count of
    clients said for each of them; None otherwise."""
    areas = [q for q in qs if q.kind == "count" and q.unit == "areas" and q.number is not None]
    each = [q for q in qs if q.kind == "count" and q.unit == "clients" and q.times]
    if len(areas) == 1 and not each:  # "two more areas, with three clients each in 6101 and 6102": a count of
        each_word = set(lexicon().each_area)  # clients said for each, apart from the areas
        counted = [q for q in qs if q.kind == "count" and q.unit == "clients" and q.number is not None and (
            set(q.after[:1]) | set(q.before[-1:])) & each_word]  # fmt: skip
        each = [replace(counted[0], times=(areas[0].number, counted[0].number))] if len(counted) == 1 else []
    if len(areas) != 1 or len(each) != 1 or each[0].times[0] != areas[0].number:
        return None
    if areas[0].change != "more" and not _says(lexicon().adds_to_last, text):
        return None
    return int(areas[0].number), int(each[0].times[1])


def _places_of_last(fill: Any, state: ConversationState) -> bool:
    """'In het eerste gebied zijn het er 5', 'the second area has 4 clients': counts said only for places of the last
    list of areas, fewer places than it has, refer back to that list (a list of its own names every area of it)."""
    if not state.areas or not fill.areas or len(fill.areas) >= len(state.areas):
        return False
    places = [a.label[1:] for a in fill.areas if a.label and a.label.startswith("#")]
    return len(places) == len(fill.areas) and all(p == "-1" or 1 <= int(p) <= len(state.areas) for p in places)


def _area_labels(state: ConversationState) -> set[str]:
    """The postcodes the last list of areas was given by (not the ordinal places "#2")."""
    return {a.label for a in state.areas or [] if a.label and not a.label.startswith("#")}


def _named_areas(qs: list[Quantity], folded: str, state: ConversationState) -> dict[str, Any] | None:
    """A message that names postcodes of the last list of areas, read as postcodes though no postcode word stands
    beside them: with a word that takes areas out (lexicon `drop_area`: "stel dat we 5212 overdragen") they go; one
    postcode with one count of clients ("and if 6414 ends up with 3 clients?") is that area's new count."""
    labels = _area_labels(state)
    named = [q for q in qs if q.kind in ("number", "postcode") and q.text.strip() in labels]
    if not named:
        return None
    if any(has_phrase(folded, w) for w in lexicon().drop_area):
        return {"__drop_labels__": [q.text.strip() for q in named]}
    counts = [q for q in qs if q not in named and _client_count(q)]
    if len(named) == 1 and len(counts) == 1 and not counts[0].change:
        return {"__areas__": [Area(named[0].text.strip(), int(counts[0].number))]}
    return None


def _moved_areas(qs: list[Quantity], folded: str, state: ConversationState) -> dict[str, Any] | None:
    """"Stel we verhuizen 2 cliënten van 4811 naar 4813": two postcodes of the last list and one count of clients."""
    labels = _area_labels(state)

    def label(value: Any) -> str | None:
        text = str(int(value)) if isinstance(value, (int, float, Decimal)) and value == int(value) else str(value or "")
        return text if text in labels else None

    def to(q: Quantity) -> str | None:  # (a postcode of the list keeps its text as its value)
        return label(q.number if q.number is not None else q.value)

    pair = [q for q in qs if q.was is not None and label(q.was) and to(q)]  # "van 4811 naar 4813": one
    if len(pair) == 1:  # value changed from the one postcode to the other, read as postcodes of the list
        counts = [q for q in qs if q is not pair[0] and _client_count(q)]
        src, dst = label(pair[0].was), to(pair[0])
        moved = _move(state, src, dst, int(counts[0].number or 0)) if len(counts) == 1 and src and dst and src != dst else None
        return {"__areas__": moved} if moved is not None else None
    named = [q for q in qs if q.kind in ("number", "postcode") and q.text.strip() in labels]
    counts = [q for q in qs if q not in named and _client_count(q)]
    if len(named) != 2 or len(counts) != 1:
        return None
    moved = _moved_between(named, counts[0], folded, state)
    return {"__areas__": moved} if moved is not None else None


def _moved_between(named: list[Quantity], count: Quantity, folded: str, state: ConversationState) -> list[Area] | None:
    """Clients moved from one area of the last list to another: the postcode after a word of `moved_from` ("van",
    "from") gives them, the one after a word of `moved_to_only` ("naar", "to") gets them; None when the words do not
    say which way, or the giving area has fewer."""
    lex = lexicon()

    def after(q: Quantity, words: list[str]) -> bool:
        before = re.findall(r"[\w'-]+", folded[: q.start])[-1:]
        return bool(before) and before[0] in words

    source = [q for q in named if after(q, lex.moved_from)]
    target = [q for q in named if after(q, lex.moved_to_only)]
    if len(source) != 1 or len(target) != 1 or source[0] is target[0]:
        return None
    return _move(state, source[0].text.strip(), target[0].text.strip(), int(count.number or 0))


def _move(state: ConversationState, src: str, dst: str, n: int) -> list[Area] | None:
    """The two areas of the last list after `n` clients moved from `src` to `dst`; None when `src` has fewer."""
    counts = {a.label: a.count for a in state.areas or []}
    if counts.get(src, 0) < n:
        return None
    return [Area(src, counts[src] - n), Area(dst, counts.get(dst, 0) + n)]


def _drop_areas(
    areas: list[Area] | None, args: dict[str, Any], changes: dict[str, Any], n: int | None, each: int
) -> tuple[list[Area] | None, tuple[str, str] | None]:
    """The calculation without `n` areas of `each` clients (all areas with that count when `n` is None): taken
    from the list of areas, or from the total and the number of areas."""
    if areas:
        matching = [i for i, a in enumerate(areas) if a.count == each]
        gone = set(matching if n is None else matching[:n])
        if not gone:
            return areas, None
        k = len(gone)
        areas = [a for i, a in enumerate(areas) if i not in gone]
    else:
        total, count = args.get("total_clients"), args.get("postcode_areas")
        if n is None or not isinstance(total, (int, float)) or not isinstance(count, (int, float)) or n >= count:
            return areas, None
        k = n
        changes["total_clients"], changes["postcode_areas"] = total - n * each, count - n
    return areas, (
        f"zonder {k} gebied(en) met {_nl(each)} cliënt(en) elk",
        f"without {k} area(s) with {_nl(each, 'en')} client(s) each",
    )


def _claimed_now(spec: CalculatorSpec, args: dict[str, Any], changes: dict[str, Any]) -> dict[str, tuple[Any, str]]:
    """A value said now that is worked out from figures the case has with what is said now ("we zitten op 850k (71%)"
    after a ceiling): taken out of `changes` as a claim of its output ({output: (value, as written)}), as the first
    reading of a question does, so it is checked, not calculated with beside them."""
    out: dict[str, tuple[Any, str]] = {}
    for name in [n for n in changes if n in spec.inputs and spec.inputs[n].claim_of]:
        inp = spec.inputs[name]
        complete = [
            alt for alt in spec.requires
            if name not in alt and set(alt) & set(inp.replaces) and any(f in changes for f in alt)
            and all(changes.get(f, args.get(f)) is not None for f in alt)
        ]  # fmt: skip
        if complete and isinstance(changes[name], (int, float)):
            value = changes.pop(name)
            out[inp.claim_of] = (value, f"{value:g}".replace(".", ",") + ("%" if inp.kind == "percent" else ""))
    return out


def _asks_confirmation(text: str) -> bool:
    """A yes/no question or a request to confirm ("Bevestig even dat ...", lexicon [parts] confirm_requests)."""
    return is_yes_no(text) or _says(lexicon().confirm_requests, text)


def _claimed_results(spec: CalculatorSpec, reading: Reading, changes: dict[str, Any], text: str) -> list[Quantity]:
    """"So we get 100%, right?", "bevestig dat we de volle 100% krijgen": in a yes/no message or a request to confirm,
    a figure of a kind the calculation works out (spec `claims`) that is no value of an input, said now or before."""
    if not text or not _asks_confirmation(text):
        return []
    taken = [v for k, v in changes.items() if k in spec.inputs]
    whole = lexicon_data()["parts"].get("whole_amount", [])
    return [
        q for q in reading.quantities
        if q.kind in spec.claims and not q.negated and q.number is not None
        and (not any(_same_number(q.number, v) for v in taken) or _says(whole, " ".join(q.before[-2:])))
        and not anti_cued(q, (), spec.claim_anti_cues_after)  # ("all shares are ours, 100%": whose it is)
    ]  # fmt: skip  # ("the whole €120,000 back": the budget worked with, and claimed as what is paid)


def _same_number(number: Any, value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and float(number) == float(value)


def _words_before(folded: str, at: int, n: int = 0) -> set[str]:
    """The `n` words right before position `at` (by default MOVED_TO_WORDS): where a party is said to go, or how
    much."""
    return set(re.findall(r"[\w'-]+", folded[:at])[-(n or MOVED_TO_WORDS):])


def _unsaid(spec: CalculatorSpec, args: dict[str, Any]) -> float | None:
    """The hours of the whole that no part was given ("30.000 uur, 14.000 eigen personeel, de rest via zzp'ers en een
    partner"): the whole minus the parts said; None without a whole."""
    left = _whole_minus(spec, args)
    return left if left is not None and left > 0 else None


def _rest(spec: CalculatorSpec, part: str, args: dict[str, Any], absent: float | None = None) -> float | None:
    """The part the asker left as "the rest" ("... en de rest eigen personeel", the spec's `rest`): the whole minus
    the other parts; another part not said has `absent`."""
    if part != spec.rest:
        return absent
    rest = _whole_minus(spec, args, without=part)
    return rest if rest is not None and rest >= 0 else (None if rest is not None else absent)


def _whole_minus(spec: CalculatorSpec, args: dict[str, Any], without: str | None = None) -> float | None:
    """The whole (the spec's `whole`) minus the parts given, `without` one of them; None without a whole."""
    whole = args.get(spec.whole) if spec.whole else None
    if not isinstance(whole, (int, float)) or isinstance(whole, bool):
        return None
    others = [args.get(p) for p in spec.parts if p != without]
    return whole - sum(v for v in others if isinstance(v, (int, float)) and not isinstance(v, bool))


def _from_to_change(
    before: float, was: float, to: float, times: Decimal | None
) -> tuple[float | int, dict[str, Any], str]:
    """A part of the value going from `was` to `to` (for `times` persons each): the new value, the difference as its
    note shows it, and whether it went up or down."""
    delta = (Decimal(str(to)) - Decimal(str(was))) * (times or 1)
    change = "more" if delta > 0 else "less"
    shown = {"was": was, "to": to, "times": float(times) if times else None}
    return _changed(before, float(abs(delta)), change), shown, change


def _change_note(spec: CalculatorSpec, name: str, old: Any, delta: Any, change: str, new: Any) -> tuple[str, str]:
    """How a change was worked out, in both languages: "3 + 0,5 = 3,5 (...)", "190 − 12 × 2 = 166 (...)", "2,6 − 2 ×
    (1 − 0,8) = 2,2 (...)" (a part that went from one value to another, said with the figures it comes from)."""
    sign = "+" if change == "more" else "−"
    if isinstance(delta, dict):
        hi, lo = (delta["to"], delta["was"]) if change == "more" else (delta["was"], delta["to"])
        times = delta.get("times")
        nl = (f"{_nl(times)} × " if times else "") + f"({_nl(hi)} − {_nl(lo)})"
        en = (f"{_nl(times, 'en')} × " if times else "") + f"({_nl(hi, 'en')} − {_nl(lo, 'en')})"
    elif isinstance(delta, tuple):
        nl, en = " × ".join(_nl(float(x)) for x in delta), " × ".join(_nl(float(x), "en") for x in delta)
    else:
        nl, en = _nl(delta), _nl(delta, "en")
    return (
        f"{_nl(old)} {sign} {nl} = {_nl(new)} ({_label(spec, name, 'nl')})",
        f"{_nl(old, 'en')} {sign} {en} = {_nl(new, 'en')} ({_label(spec, name, 'en')})",
    )


def _single_count(qs: list[Quantity], fill: Any) -> Quantity | None:
    counts = [
        q for i, q in enumerate(qs)
        if i not in fill.used | fill.rule_side and q.kind == "count" and q.unit == "clients" and not q.negated
    ]  # (not the rule's figure, nor one denied: "dat komt niet eens aan 2 per gebied")
    return counts[0] if len(counts) == 1 else None


def _merged(
    router: Router, spec: CalculatorSpec, state: ConversationState, reading: Reading, changes: dict, solve: str | None = None,
    text: str = "",
) -> Reading:
    args = dict(state.args)
    assumptions = list(state.assumptions)  # the defaults that still shape the result
    notes: list[tuple[str, str]] = []  # how this message's words were read
    areas = [Area(a.label, a.count) for a in state.areas] if state.areas else None
    per_area = next((n for n, i in spec.inputs.items() if i.per_area), None)
    if "__areas__" in changes:
        areas = _update_areas(areas, changes.pop("__areas__"))
    used = set(reading.used) | changes.pop("__used__", set())
    quotients = {**state.quotients, **changes.pop("__quotients__", {})}
    notes += changes.pop("__said_notes__", [])
    if "__drop__" in changes:
        areas, note = _drop_areas(areas, args, changes, *changes.pop("__drop__"))
        if note:
            notes.append(note)
    places = changes.pop("__drop_places__", ())
    if areas and places and len(places) < len(areas):  # "het derde gebied afstoten": a place of the last list
        areas = [a for k, a in enumerate(areas, 1) if k not in places]
        named = ", ".join(str(k) for k in places)
        notes.append((f"zonder gebied {named} van de lijst", f"without area {named} of the list"))
    gone = [a.label for a in areas or [] if a.count == 0 or a.label in changes.get("__drop_labels__", ())]
    changes.pop("__drop_labels__", None)
    if "__denied__" in changes:  # "not a volle dochter after all": its amount now counts as the other input's
        name, into, amount = changes.pop("__denied__")
        notes.append((
            f"{_nl(amount)} ({_label(spec, name, 'nl')}) tellen nu mee als {_label(spec, into, 'nl')}",
            f"{_nl(amount, 'en')} ({_label(spec, name, 'en')}) now count as {_label(spec, into, 'en')}",
        ))
    if areas and gone and len(gone) < len(areas):  # "in 5212 dan 0 cliënten": no care there, so no area of the average
        areas = [a for a in areas if a.label not in gone]
        listed = ", ".join(str(g) for g in gone)
        notes.append((f"zonder postcodegebied {listed}: daar geen cliënten meer", f"without postcode area {listed}: no clients there any more"))
    if "__count__" in changes:
        q = changes.pop("__count__")
        areas, note = _count_there(areas, args, q)
        if note:
            notes.append(note)
    for name, value in changes.pop("__bare_notes__", []):
        notes.append(
            (f"ik neem aan dat {_nl(value)} {_label(spec, name, 'nl')} is",
             f"I take {_nl(value, 'en')} to be {_label(spec, name, 'en')}")
        )  # fmt: skip
    for name, old, delta, change, new in changes.pop("__notes__", []):
        notes.append(_change_note(spec, name, old, delta, change, new))
    again = state.last_changed
    bare = changes.get("__bare__")
    if bare is not None and bare.change and again in spec.inputs and isinstance(args.get(again), (int, float)):
        changes.pop("__bare__")  # "and four more?" after "three more clients": the clients again
        new = _changed(args[again], float(bare.number or 0), bare.change)
        notes.append(_change_note(spec, again, args[again], float(bare.number or 0), bare.change, new))
        changes[again] = new
    if "__bare__" in changes:
        q = changes.pop("__bare__")
        waiting = [f for f in state.pending if f in spec.inputs and _fits(spec.inputs[f].kind, q)]
        key = waiting[0] if waiting else _closest_numeric(spec, args, q)  # a question back waits for this value
        was = float(q.was) if q.was is not None else None
        if key and was is not None and isinstance(args.get(key), (int, float)) and float(args[key]) != was:
            # "... cut back from 0,9 to 0,5": one part of the whole changes
            new, shown, change = _from_to_change(args[key], was, float(q.number or 0), None)
            notes.append(_change_note(spec, key, args[key], shown, change, new))
            changes[key] = new
        elif key and q.change and isinstance(args.get(key), (int, float)) and not isinstance(args.get(key), bool):
            # "en als we er 25 overdragen aan de POH?": 25 fewer of the value it is closest to, not 25 in all
            new = _changed(args[key], float(q.number or 0), q.change)
            notes.append(_change_note(spec, key, args[key], float(q.number or 0), q.change, new))
            changes[key] = new
        elif key:
            value = to_number(q.number)
            args[key] = value
            if areas and per_area and key in ("total_clients",):
                areas = None
            notes.append(
                (f"ik neem aan dat {_nl(value)} de nieuwe waarde is voor {_label(spec, key, 'nl')}",
                 f"I take {_nl(value, 'en')} to be the new value for {_label(spec, key, 'en')}")
            )  # fmt: skip
            if key == solve:  # "we hebben er nu 205: voldoen we?" after "hoeveel cliënten mogen we?": given now
                solve = None
            changes[key] = value  # stated by the asker ("..., en hoeveel fte voor alle 210?" after a part that solved)
    claims = _claimed_now(spec, args, changes)  # "we zitten op 850k (71%)": the share said beside the amounts it is of
    for q in _claimed_results(spec, reading, {**state.args, **changes}, text) if state.outcome is not None else []:  # "so we get 100%, right?": a result claimed, to be checked
        claims.setdefault(spec.claims[q.kind], (to_number(q.number), q.text))
    rounded = {  # a share is as exact as it is written ("71%" of 70,83%)
        spec.inputs[n].claim_of for n in spec.inputs if spec.inputs[n].claim_of and spec.inputs[n].kind == "percent"
    }
    for name in list(changes):  # "en met 70%?" after two amounts: the share stands in for them
        for gone in spec.inputs[name].replaces if name in spec.inputs else ():
            if gone not in changes:
                args.pop(gone, None)
                if gone == per_area:
                    areas = None
    args.update(changes)
    for name in [k for k, v in changes.items() if v is None]:  # a value that now stands as its parts
        args.pop(name, None)
    if per_area and areas is not None and not {"total_clients", "postcode_areas"}.isdisjoint(changes):
        if "postcode_areas" not in changes:
            n = len(areas)
            notes.append(
                (
                    f"ik neem aan: {_nl(args['total_clients'])} cliënten in totaal, over dezelfde {n} gebieden",
                    f"I take it: {_nl(args['total_clients'], 'en')} clients in total, over the same {n} areas",
                )
            )
        areas = None  # "en als we 10 cliënten hadden?": a new total over the same areas replaces the list
    if per_area and areas is not None:
        args[per_area] = [a.count for a in areas]
        args.pop("total_clients", None)
        args.pop("postcode_areas", None)
    elif per_area and ("total_clients" in changes or "postcode_areas" in changes) and per_area in args:
        counts = args.pop(per_area)
        args.setdefault("total_clients", sum(counts))
        args.setdefault("postcode_areas", len(counts))
    replaced = {g for n in changes if n in spec.inputs for g in spec.inputs[n].replaces if g not in changes}
    stated = list(dict.fromkeys([*(f for f in state.stated if f not in replaced), *changes,
                                 *([per_area] if per_area and areas else [])]))  # fmt: skip
    if per_area and areas is not None:
        stated = [f for f in stated if f not in ("total_clients", "postcode_areas")]
    elif per_area:  # the list became a total over the same areas
        stated = [f for f in stated if f != per_area] + [f for f in ("total_clients", "postcode_areas") if f in args]
    stated = [f for f in stated if f in args]
    merged = Reading(
        "tool", spec.name, args, assumptions, notes=notes, quantities=reading.quantities, used=used, areas=areas,
        asks_calc=True, stated=stated, solve=solve,
        follow_up=True, yes_no=state.yes_no or reading.yes_no, previous_outcome=state.outcome,
        previous_outcome_values=list(state.outcome_values),
        changed=[n for n in changes if n in spec.inputs],
        claims={out: v for out, (v, _) in claims.items()}, claim_texts={out: t for out, (_, t) in claims.items()},
        claim_bounds={out: "rounded" for out in claims if out in rounded}, quotients=quotients,
    )  # fmt: skip
    if solve in spec.solve and solve not in changes:  # the unknown is worked out ("wat is dan het grootste
        args.pop(solve, None)  # aantal?"), not taken from an earlier turn
        stated = [f for f in stated if f != solve]
        merged.stated = stated
    enough = [*spec.requires, *(spec.solve[solve].requires if solve in spec.solve else [])]
    if not any(all(f in stated for f in alt) for alt in enough) and not settled(spec, args, stated):
        merged.kind, merged.missing = "clarify", Router._missing(spec, _FillView(args, stated))
    return merged


class _FillView:
    def __init__(self, args: dict, stated: list[str]) -> None:
        self.args, self.stated = args, stated


def _update_areas(old: list[Area] | None, new: list[Area]) -> list[Area]:
    """Labelled counts replace the count of the same label (a postcode, or the n-th area for an ordinal);
    new labels are added; an unlabelled list replaces the whole list."""
    if not old or all(a.label is None for a in new):
        return list(new)
    out = [Area(a.label, a.count) for a in old]
    for a in new:
        if a.label and a.label.startswith("#"):
            k = int(a.label[1:])
            idx = (len(out) - 1) if k == -1 else k - 1
            if 0 <= idx < len(out):
                out[idx].count = int(_changed(out[idx].count, a.count, a.change)) if a.change else a.count
                continue
        match = next((o for o in out if o.label == a.label), None)
        if match is not None:
            match.count = int(_changed(match.count, a.count, a.change)) if a.change else a.count
        else:
            out.append(Area(a.label, a.count))
    return out


def _count_there(areas: list[Area] | None, args: dict, q: Quantity) -> tuple[list[Area] | None, tuple[str, str] | None]:
    """'En als we daar 4 cliënten hadden?': the count of the area named last; without 'daar', a lone count of
    clients after a list is the new total over the same areas."""
    value = int(q.number or 0)
    if areas and _says(lexicon().there, " ".join(q.before + q.after)):
        last = areas[-1]
        out = [Area(a.label, a.count) for a in areas]
        out[-1].count = value
        name = last.label if last.label and not last.label.startswith("#") else "het laatst genoemde gebied"
        name_en = last.label if last.label and not last.label.startswith("#") else "the area named last"
        return out, (f"ik neem aan: {value} cliënten in {name} (het laatst genoemde gebied)",
                     f"I take it: {value} clients in {name_en} (the area named last)")  # fmt: skip
    if areas:
        args["total_clients"], args["postcode_areas"] = value, len(areas)
        return None, (f"ik neem aan: {value} cliënten in totaal, over dezelfde {len(areas)} gebieden",
                      f"I take it: {value} clients in total, over the same {len(areas)} areas")  # fmt: skip
    args["total_clients"] = value
    return None, None


def _label(spec: CalculatorSpec, key: str, lang: str) -> str:
    return spec.label(key, lang)


def _nl(v: float, lang: str = "nl") -> str:
    return format_number(v, lang)


def _fits(kind: str, q: Quantity) -> bool:
    return q.kind == kind or (q.kind == "number" and kind in ("count", "money"))


def _numeric_args(spec: CalculatorSpec, args: dict, kinds: tuple[str, ...]) -> list[str]:
    """The arguments of the calculation that hold a number (not a flag) for an input of one of these kinds."""
    return [
        k for k, v in args.items()
        if k in spec.inputs and spec.inputs[k].kind in kinds and isinstance(v, (int, float)) and not isinstance(v, bool)
    ]  # fmt: skip


def _closest_numeric(spec: CalculatorSpec, args: dict, q: Quantity) -> str | None:
    """The argument a bare number replaces: one of the same kind, closest in size."""
    kinds = {"money": ("money",), "percent": ("percent",), "count": ("count",), "number": ("count", "money")}[q.kind]
    keys = [k for k in _numeric_args(spec, args, kinds) if q.kind != "count" or q.unit in spec.inputs[k].units]
    if not keys or q.number is None:
        return None
    value = float(q.number)
    return min(keys, key=lambda k: abs(args[k] - value) / max(abs(args[k]), 1))
