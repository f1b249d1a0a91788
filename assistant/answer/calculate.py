"""Calculator answers as plans: the verdict (with the calculation in it) first, the rule quotes that carry it,
only the assumptions that shaped this result; the calculator's generic remarks go to the folded explanation.
A value the calculator rejects is named with its allowed range, in words, never by its field name."""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Any

from assistant.answer.asked import asked_clause, asked_start, concluded, is_yes_no, opens_with_conclusion
from assistant.answer.plan import MAX_QUOTES, Plan, messages, msg
from assistant.answer.premise import TAIL
from assistant.answer.specs import CalculatorSpec
from assistant.answer.understand import Reading, has_phrase, says
from assistant.domain import Citation, ToolCall
from assistant.errors import AssistantError
from assistant.text.dates import fmt_date
from assistant.text.quantities import fold, lexicon, word_pattern
from assistant.text.sentences import heading_like

# the output field that answers "voldoen we? / mag dat? / komen we in aanmerking?" per calculator: declared as
# `verdict` in tools/specs/<name>.toml; `invert_if` phrases flip it ("zijn we uitgesloten?" vs "komen we in aanmerking?")
_IDENT = re.compile(r"'[a-z]+(?:_[a-z0-9]+)+'|\b[a-z]+(?:_[a-z0-9]+)+\b")
def _readable(value: str, lang: str) -> str:
    """'1000000000000.0' -> '1.000.000.000.000' (nl) / '1,000,000,000,000' (en); '2027-12-31' -> '31 december 2027'
    / '31 December 2027'; other text as it is."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return fmt_date(date.fromisoformat(value), lang)
        except ValueError:
            return value
    try:
        number = float(value)
    except ValueError:
        return value
    if abs(number) >= 1e15 or number != number:
        return value
    text = f"{number:,.0f}" if number == int(number) else f"{number:,.2f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".") if lang != "en" else text


def _label(spec: CalculatorSpec | None, field: str, lang: str) -> str:
    if spec is not None:
        return spec.label(field, lang)
    return "this value" if lang == "en" else "deze waarde"


def readable_error(message: str, spec: CalculatorSpec | None, lang: str) -> str:
    """'postcode_areas: must be at least 1 (got 0)' -> 'het aantal postcodegebieden moet minstens 1 zijn (u gaf 0)'."""
    field, _, rest = message.partition(": ")
    if not rest:
        field, rest = "", message
    label = _label(spec, field, lang) if field else ""
    for pattern, nl, en in _tool_errors():
        m = pattern.search(rest)
        if m:
            groups = [_label(spec, g, lang) if _IDENT.fullmatch(g) else _readable(g, lang) for g in m.groups()]
            rest = (en if lang == "en" else nl).format(*groups)
            break
    return f"{label} {rest}".strip()


@functools.lru_cache(maxsize=1)
def _tool_errors() -> list[tuple[re.Pattern[str], str, str]]:
    """The calculators' refusals in words (messages.toml [[tool_errors]]), in order."""
    return [(re.compile(e["pattern"]), e["nl"], e["en"]) for e in messages()["tool_errors"]]


def asked_field(spec: CalculatorSpec, data: dict[str, Any], folded: str) -> str | None:
    """The result field of the spec's `verdict_if` a yes/no question asks instead of the verdict: one of its phrases
    in the asking clause ("geldt die eis ook voor ons?"), or its opposite asked (`verdict_if_not`: "can we skip
    it?") in a message that names what it is about (`verdict_if_subjects`) and not what the verdict decides."""
    asking = concluded(asked_clause(folded))  # "dat geldt ook in 2027, dus halen we het?": whether we meet it
    fields = [f for f in spec.verdict_if if isinstance(data.get(f), bool)]
    for field in fields:
        if any(says(asking, p) for p in spec.verdict_if[field]):
            return field
    if any(says(asking, c) for c in spec.verdict_concepts):
        return None
    return next((
        f for f in fields
        if any(says(asking, p) for p in spec.verdict_if_not.get(f, ()))
        and any(says(folded, w) for w in spec.verdict_if_subjects.get(f, ()))
    ), None)  # fmt: skip


def _verdict_value(spec: CalculatorSpec, data: dict[str, Any], folded: str, field: str | None) -> bool | None:
    """The yes or no a calculation answers; `field`: the `verdict_if` field the question asks (`asked_field`)."""
    if field is not None:  # "hoeven we de uitvraag niet in te dienen, toch?": the field, turned by what is asked
        asking = concluded(asked_clause(folded))
        opposite = any(says(asking, p) for p in spec.verdict_if_not.get(field, ()))
        return bool(data[field]) != (opposite != _denied_claim(spec, folded))
    value = _outcome(spec, data)
    if value is None:
        return None
    keep = any(phrase_spans(folded, p) for p in spec.verdict_keep_if)  # "sluit dat ons uit?" ("sluit ~ uit")
    start = asked_start(folded)  # the story before the asked sentence ("vorig jaar afgewezen. ...") asks nothing
    flip = not keep and any(
        m.start() >= start
        and not _ALTERNATIVE.search(folded[: m.start()]) and not _denied().search(folded[: m.start()])
        and not _in_condition(folded, m.start())
        for p in spec.verdict_invert_if for m in phrase_spans(folded, p)
    )  # "pass or fail?", "voldoen we wel of niet?": both outcomes named, the field itself answers; "geen probleem
    # toch?" denies the problem: the question asks the field itself; "suppose we take on 0.3 fte more?": the
    # phrase says what changes (inside a condition), not the outcome asked about
    if _denied_claim(spec, folded):  # "dan hoeven we niet mee te doen, toch?": yes or no says whether that is so
        flip = not flip
    return (not value) if flip else value


SPLIT_REACH = 4  # words between the verb and the particle of a split phrase ("vallen we daarmee af")


def phrase_spans(folded: str, phrase: str) -> list[re.Match[str]]:
    """Where a folded phrase stands as whole words; "vallen ~ af" also split, its second part at most SPLIT_REACH
    words after the first in the same clause ("vallen we daarmee af?")."""
    if "~" not in phrase:
        return list(word_pattern(fold(phrase)).finditer(folded))
    first, second = (fold(x.strip()) for x in phrase.split("~", 1))
    gap = rf"(?:[\w'-]+\s+){{0,{SPLIT_REACH}}}"  # "valt ons contract voor 2027 weg?": a year may stand between
    return list(re.finditer(r"(?<![\w])" + re.escape(first) + r"\s+" + gap + re.escape(second) + r"(?![\w])", folded))


def _denied_claim(spec: CalculatorSpec, folded: str) -> bool:
    """A statement put forward for confirmation ("..., right?", "..., toch?") whose last clause denies its verb
    ("we won't get a score, right?", "dat geldt dus niet voor ons, toch?", "dat mag toch niet?"); a denial of one
    of the spec's inverting phrases ("geen probleem, toch?") is the field itself and does not count."""
    sentence = asked_clause(folded)
    tag = TAIL.search(sentence)
    if tag is None:
        return False
    # the claim's last clause (not a reason before it: "they are individuals, so they don't count ... and we're
    # fine, right?" claims "we're fine"); a negative tag ("isn't it?", "niet dan?") asks, only "toch niet?" denies
    pieces = re.split(r"[,;:.!?]|\b(?:and|so|because|dus|en|want|omdat|maar|but)\b", sentence[: tag.start()])
    # a trailing phrase ("..., zonder de kindzorg mee te tellen, toch?") modifies the claim; its verb stands before
    pieces = [p for p in pieces if p.strip() and not _MODIFIER.match(p)]
    clause = pieces[-1] if pieces else ""
    if re.search(r"\btoch\s+niet\b", tag.group(0)):
        clause += " niet"
    inverting = [m.span() for p in spec.verdict_invert_if for m in phrase_spans(clause, p)]
    return any(
        not any(start <= m.start() < end or 0 <= start - m.end() <= DENIAL_REACH for start, end in inverting)
        for m in _denial().finditer(clause)
    )  # fmt: skip


_MODIFIER = re.compile(r"^\s*(?:zonder|without|met|with|behalve|except|inclusief|including|exclusief|excluding|"
                       r"ongeacht|regardless|naast|besides)\b", re.I)
DENIAL_REACH = 12  # characters between a negation and the inverting phrase it denies ("geen groot probleem")


@functools.lru_cache(maxsize=1)
def _denial() -> re.Pattern[str]:
    """A negation word (lexicon.toml [negation]) or an English contracted one ("won't", "doesn't"), outside the
    phrases that are a bound or an idiom ("niet meer dan", "not sure")."""
    lex = lexicon()
    words = "|".join(re.escape(w) for w in sorted(lex.negations, key=len, reverse=True))
    idioms = "|".join(re.escape(w) for w in sorted(lex.not_denial, key=len, reverse=True))
    guard = rf"(?!(?:{idioms})\b)" if idioms else ""
    return re.compile(rf"{guard}\b(?:{words}|\w+n['’]t|cannot)\b")


def _in_condition(folded: str, at: int) -> bool:
    """The words before `at`, in their own clause, open a condition ("what if we hire ...", "als we ... afstoten"):
    the phrase says what is supposed. A condition in a clause before ("if we have 90 clients, do we fail?") is not
    this one's."""
    clause = re.split(r"[.!?,;:]\s*|\b(?:dan|then)\b", folded[:at])[-1]
    return any(word_pattern(w).search(clause) for w in lexicon().condition)


_ALTERNATIVE = re.compile(r"\b(?:or|of)\s+(?:\w+\s+)?$")
@functools.lru_cache(maxsize=1)
def _denied() -> re.Pattern[str]:
    """A negation word (lexicon.toml [negation]) one or two words before: "geen probleem", "not a problem"."""
    words = "|".join(re.escape(w) for w in sorted(lexicon().negations, key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\s+(?:\w+\s+)?$")


def _rule_quotes(
    citations: list[Citation], data: dict[str, Any], verdict: str, rule: str, failed: bool = False
) -> list[Citation]:
    """The calculator's citations that carry the result: those stating a number of the verdict and sharing the
    most words with the rule applied (and, for a case that `failed`, with the verdict that says why: "de zorg aan
    bestaande cliënten is stopgezet") first; a lead-in ("... als volgt:") or a bare table header last."""
    numbers = set(re.findall(r"\d+(?:[.,]\d+)?", verdict))
    rule_words = {w for w in re.findall(r"[a-zà-ÿ]{4,}", rule.lower())}
    said = str(data.get("verdict") or verdict) if failed else ""  # in the policy's language, as the quotes are
    verdict_words = {w for w in re.findall(r"[a-zà-ÿ]{4,}", said.lower())}

    def weight(ct: Citation) -> float:
        nums = sum(1 for n in set(re.findall(r"\d+(?:[.,]\d+)?", ct.quote)) if n in numbers)
        words = {w for w in re.findall(r"[a-zà-ÿ]{4,}", ct.quote.lower())}
        shared = (len(words & rule_words) + len(words & verdict_words)) / (1 + len(words)) ** 0.5
        lead_in = ct.quote.rstrip().endswith(":") or not re.search(r"[.;!?)»]$|\d%?$", ct.quote.rstrip())
        return -(2 * nums + shared) + (3 if lead_in else 0)

    ordered = sorted(enumerate(citations), key=lambda ic: (weight(ic[1]), ic[0]))
    return [ct for _, ct in ordered]


def _carries(spec: CalculatorSpec | None, quote: str, reading: Reading, outcome: bool | None, folded: str) -> bool:
    """Whether a quote carries this result (the spec's `quote_if`: "volle dochters ..." only when a subsidiary is
    spoken of, "wie niet voldoet ..." only when the verdict is no); a quote the spec says nothing of does."""
    for words, conditions in (spec.quote_if.items() if spec else ()):
        if words.lower() in quote.lower():
            return any(_holds(spec, c, reading, outcome, folded) for c in conditions)
    return True


def _holds(spec: CalculatorSpec, condition: str, reading: Reading, outcome: bool | None, folded: str) -> bool:
    kind, _, what = condition.partition(":")
    if kind == "outcome":
        return outcome is (what == "true")
    inp = spec.inputs[what]
    named = (*inp.cues, *inp.true_cues, *(p for phrases in inp.choices.values() for p in phrases))
    return what in reading.stated or any(says(folded, c) for c in named)


def _outcome(spec: CalculatorSpec, data: dict[str, Any]) -> bool | None:
    """The result's verdict field (the spec's `verdict`): the first one the result decides."""
    return next((data[f] for f in spec.verdict if isinstance(data.get(f), bool)), None)


def _asks_change(folded: str) -> bool:
    """"Verandert dat iets?", "would that alter our result?": whether the outcome differs from the last one."""
    return any(word_pattern(fold(p)).search(folded) for p in lexicon().asks_change)


def _explanation(data: dict[str, Any], lang: str) -> list[str]:
    items = data.get("assumptions_en" if lang == "en" else "assumptions") or []
    return [a for a in items if not _IDENT.search(a)]


def calc_plan(
    spec: CalculatorSpec | None, reading: Reading, call: ToolCall, data: dict[str, Any], citations: list[Citation],
    lang: str, folded: str, yes_no: bool,
) -> Plan:  # fmt: skip
    verdict = data.get("verdict_en" if lang == "en" else "verdict", "")
    field = asked_field(spec, data, folded) if spec and yes_no else None  # a result field asked instead of the verdict
    answer = _verdict_value(spec, data, folded, field) if spec and yes_no else None
    reading.outcome = _outcome(spec, data) if spec else None
    fields = [*spec.changes_with, *spec.changes_named] if spec else []
    reading.outcome_values = [data.get(f) for f in fields]
    if reading.previous_outcome is not None and reading.outcome is not None and is_yes_no(folded) and _asks_change(folded):
        answer = reading.outcome != reading.previous_outcome  # "verandert dat iets?": whether the verdict turned
        named = {f for f, words in (spec.changes_named if spec else {}).items() if any(has_phrase(asked_clause(folded), fold(w)) for w in words)}
        before = reading.previous_outcome_values
        answer = answer or (  # ... or a value the spec says the outcome is ("does that change the reimbursement?"), or
            len(before) == len(fields)  # one the question names ("... the percentages?")
            and any(before[k] != reading.outcome_values[k] for k, f in enumerate(fields) if f in spec.changes_with or f in named)
        )
    line = (msg("yes" if answer else "no", lang) + ": " + verdict[:1].lower() + verdict[1:]) if answer is not None else verdict
    claim = claim_checked(spec, reading, data)
    rule = rule_claimed(spec, reading, data, folded) if spec else None
    if claim is not None and rule is not None and claim[1] == rule[1]:
        claim = None  # "het maximum is 60%": the rule's figure, corrected as the rule's (below), not as the case's
    if claim is not None and claim[1] is not None:  # "we need 3 fte, right?": the worked-out value corrects it; a
        # claim told before the sentence that asks the verdict ("..., so we are at 40%. Allowed?") leaves that verdict
        told_before = answer is not None and _told_before_asked(folded, claim[1])
        head = line.rstrip(".") if told_before else msg("no", lang) + ": " + verdict[:1].lower() + verdict[1:].rstrip(".")
        line = head + f" — {_not(lang)} {claim[1]}."
    elif claim is not None and yes_no and answer is None:  # the claimed value is the worked-out one
        line = msg("yes", lang) + ": " + verdict[:1].lower() + verdict[1:]
    if rule is not None:  # "de ondergrens is 2 per gebied, dus we zitten goed": the rule's own figure, corrected
        said = msg("rule_is", lang, value=rule[0], claimed=rule[1])
        if yes_no and re.search(rf"(?<![\w.,]){re.escape(fold(rule[1]))}(?![\w.,])", asked_clause(folded)):  # "2 per gebied is de eis toch?": the claim is
            line = msg("no", lang) + ": " + said + "; " + verdict[:1].lower() + verdict[1:]  # what is asked: no, first
        else:
            line = line.rstrip(".") + " — " + said + "."
    said = [*reading.notes, *reading.assumptions]  # how this message was read, then the defaults that shaped it
    assumptions = [a[1] if lang == "en" else a[0] for a in said if (a[1] if lang == "en" else a[0])]
    quotes = _rule_quotes(
        citations, data, verdict, data.get("rule_en" if lang == "en" else "rule", "") or data.get("rule", ""),
        failed=reading.outcome is False,
    )
    if spec and field is not None:  # the quotes that carry the field asked ("all providers submit ...") first
        words = [w.lower() for w in spec.verdict_if_quotes.get(field, ())]
        first: list[Citation] = []
        for w in words:
            first += [q for q in quotes if w in q.quote.lower() and all(q is not f for f in first)]
        quotes = first + [q for q in quotes if all(q is not f for f in first)]
    shown = [
        q for q in quotes[:MAX_QUOTES]
        if q is quotes[0] or (not heading_like(q.quote) and _carries(spec, q.quote, reading, reading.outcome, folded))
    ]  # a heading carries no rule; a quote that does not carry this case is not replaced by a weaker one
    return Plan(
        "calculation", line, shown, [q for q in quotes if q not in shown], assumptions=assumptions,
        explanation=_explanation(data, lang), intent=f"tool:{call.name}",
    )  # fmt: skip


def _told_before_asked(folded: str, claimed: str) -> bool:
    """The claimed figure stands before the clause that asks, and that clause asks something of its own, not whether
    what was said before it is right ("..., so we are at 40%, is that allowed?"; not "... 40%. Right?", "Klopt mijn
    som?", lexicon `confirms`)."""
    body = folded.rstrip(" ?!")
    cut = [m.end() for m in _CLAUSE_END.finditer(body)]
    start = cut[-1] if cut else 0  # the last clause: after the last sentence end or comma
    last = body[start:].strip()
    confirms = lexicon().confirming()  # "please confirm we get
    confirming = TAIL.fullmatch(last + "?") or any(word_pattern(fold(w)).search(last) for w in confirms)  # it back"
    concludes = opens_with_conclusion(last) and any(ch.isdigit() for ch in last)  # ", dus 72.000?": what follows
    confirming = confirming or concludes  # from it, asked too
    return 0 <= folded.rfind(fold(claimed)) < start and not confirming


_CLAUSE_END = re.compile(r"[.;,!?]\s+")


def _not(lang: str) -> str:
    return "not" if lang == "en" else "niet"


RULE_CLAIM_WORDS = 6  # words before a figure in which a word of a rule ("minimum", "norm", "mag") makes it said of the rule


OWN_CLAIM_WORDS = 3  # words before a figure in which the asker as subject makes it their figure, not the rule's
_OWN_SUBJECTS = frozenset({"we", "wij", "ik", "i"})  # (not "onze": "het maximum voor onze organisatie is 60%" is a rule)


def rule_claimed(spec: CalculatorSpec, reading: Reading, data: dict[str, Any], folded: str = "") -> tuple[str, str] | None:
    """(the rule's figure, the figure the question gave it) when the question says the rule has another figure than
    the result's `rule_output` ("de eis is toch 2 per postcode?"): a figure no input took,
    a word of a rule or a bound right before it, of the rule's own kind."""
    rule = data.get(spec.rule_output or "")
    if not isinstance(rule, (int, float)) or isinstance(rule, bool):
        return None
    lex = lexicon()
    words = [*lex.rule_words, *lex.rule_subjects]  # a word of a rule beside it ("het maximum is 60%", "2 is de eis")
    own = {float(v) for v in reading.args.values() if isinstance(v, (int, float)) and not isinstance(v, bool)}
    for i, q in enumerate(reading.quantities):
        if i in reading.used or q.number is None or q.negated or q.kind not in ("count", "number", "percent"):
            continue
        pair = [o for o in reading.quantities if q.ratio is not None and o.ratio == q.ratio and o is not q]
        if pair and (float(q.number) == 1 or float(pair[0].number or 0) != 1):
            continue  # "1 op 70": the rule's figure is the side that is not the one
        near = " ".join([*(pair[0] if pair else q).before[-RULE_CLAIM_WORDS:], "|", *q.after[:RULE_CLAIM_WORDS]])
        said_of_rule = any(has_phrase(near, w) for w in words)
        if _asked_before(folded, q):
            continue  # "de norm is toch 2? Bij ons is het 2,7; zitten we safe?": a question of its own asks it
        same_kind = (q.kind == "percent") == (spec.rule_kind == "percent") and (q.unit is None or q.unit in spec.rule_units)
        if not said_of_rule or not same_kind or float(q.number) == float(rule) or float(q.number) in own:
            continue  # (the asker's own figure said again is no claim about the rule)
        if any(w in _OWN_SUBJECTS for w in q.before[-OWN_CLAIM_WORDS:]):
            continue  # "daarmee komen we dus op 45% uitbesteding": the asker's own share, not the rule's figure
        return (f"{rule:g}" + ("%" if q.kind == "percent" else "")), q.text
    return None


def _asked_before(folded: str, q: Any) -> bool:
    """The figure stands in a question of its own before the last one (the message asks more than this), or in
    another part of a message answered in parts."""
    if not folded:
        return False
    if folded[q.start : q.end] != fold(q.text):
        return True  # read from the whole message, not this part's words: another part of it says (and asks) it
    end = folded.find("?", q.end)
    return end >= 0 and "?" in folded[end + 1 :]


def claim_checked(spec: CalculatorSpec | None, reading: Reading, data: dict[str, Any]) -> tuple[str, str | None] | None:
    """(output, the claimed value as the user wrote it when the worked-out value differs, else None), for the
    first claim the result can decide; None when the question claims nothing the result decides."""
    if spec is None or not reading.claims:
        return None
    for name, claimed in reading.claims.items():
        output = spec.solve[name].output if name in spec.solve else name
        got = data.get(output)
        if not isinstance(got, (int, float)) or isinstance(got, bool) or not isinstance(claimed, (int, float)):
            continue
        bound = reading.claim_bounds.get(name)
        holds_ = {
            "lt": float(got) < float(claimed), "gt": float(got) > float(claimed),
            "max": float(got) <= float(claimed), "min": float(got) >= float(claimed),
            "approx": abs(float(got) - float(claimed)) <= 0.05 * abs(float(claimed)),
            "rounded": abs(float(got) - float(claimed)) <= 0.5 * 10 ** -_decimals(claimed),  # "71%" of 70,83%
        }.get(bound or "", abs(float(got) - float(claimed)) < 0.005)  # fmt: skip
        if holds_:  # "gemiddeld nog geen 1,8" holds for 1,20
            return output, None
        return output, reading.claim_texts.get(name) or f"{claimed:g}".replace(".", ",")
    return None


def _decimals(value: float) -> int:
    """The decimals a claimed figure was written with (71 -> 0, 82.5 -> 1)."""
    text = f"{value:g}"
    return len(text.split(".")[1]) if "." in text else 0


def rejected_plan(spec: CalculatorSpec | None, error: AssistantError, lang: str, fallback: Plan) -> Plan:
    """The calculator refused a value: say which value and its allowed range, then what the policy says."""
    problem = readable_error(error.message, spec, lang)
    fallback.line = msg("rejected", lang, problem=problem) + "\n" + fallback.line
    fallback.kind = "clarify"
    fallback.intent = f"rejected:{spec.name if spec else ''}"
    return fallback


def clarify_line(reading: Reading, lang: str) -> str:
    asks = [m[2] if lang == "en" else m[1] for m in reading.missing]
    return msg("ask_back", lang, what=" ".join(asks))


PARTY_CLAIM_WORDS = 12  # at most this many words from the counting verb to the side the asker puts the party on


_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:en|and|maar|but|dus|so|want|because)\b")


def misplaced_party(spec: CalculatorSpec, text: str, context: str = "") -> tuple[dict[str, Any], str] | None:
    """(the party, the side the asker puts it on) when a sentence of `text` says a party counts on the other side
    than the one the policy puts it on (spec `counts_as`: "onze vaste zzp'ers tellen als eigen personeel"); a denied
    side ("telt niet als onderaanneming") puts it nowhere; `context`: the whole message that named the party before
    ("... onze volle dochter. De dochter telt toch als ...?"). None otherwise."""
    from assistant.answer.understand import affirmed
    from assistant.answer.understand import phrase_places as _places
    from assistant.text.sentences import sentences as typed_sentences

    counts = spec.counts_as
    if not counts:
        return None
    for sentence in typed_sentences(text):
        f = fold(sentence)
        verbs = sorted(i for v in counts.get("verbs", []) for i in _places(f, v))
        if not verbs:
            continue
        for party in counts.get("parties", []):
            at = [i for c in party["cues"] for i in _places(f, c)]
            if not at and any(_places(fold(context or text), c) for c in party["cues"]):  # "... onze volle dochter. De dochter
                at = [i for r in party.get("refs", []) for i in _places(f, r)]  # telt toch als ...?": named before
            if not at:
                continue
            for side, words in counts["sides"].items():
                if side == party["side"]:
                    continue
                for w in words:
                    for i in _places(f, w):
                        before = [v for v in verbs if v < i]  # "tellen de uren van onze volle dochter mee als ...?"
                        span = f[before[-1] : i] if before else ""
                        if min(at) < i and before and len(span.split()) <= PARTY_CLAIM_WORDS and not _CLAUSE_BREAK.search(
                            span
                        ) and affirmed(f[: i + len(w)], w):  # (not "zzp'ers tellen als onderaanneming en eigen
                            # personeel is 60%": another clause says that)
                            return party, side
    return None


def party_citation(corpus: Any, quote: str) -> Citation | None:
    """The whole sentence of the current policy that holds `quote`, as a citation."""
    from assistant.answer.compose import section_label, sentences_of
    from assistant.text.sentences import sentences as typed_sentences

    for clause in corpus.find_quote(quote):
        if clause.year != corpus.current_year:
            continue
        for sentence in sentences_of(clause.text, False):
            for said in typed_sentences(re.sub(r"\s+", " ", sentence).strip()):  # "... ingehuurd. [1] Zogenoemde"
                if re.sub(r"\s+", " ", quote) not in said:
                    continue
                said = re.sub(r"^\[\d+\]\s*|\s*\[\d+\]$", "", said.strip())  # a footnote mark is no part of it
                return Citation(
                    clause_id=clause.id, doc=clause.doc, year=clause.year, section=section_label(clause.id, clause.section),
                    title=clause.title, quote=said, line_start=clause.line_start, line_end=clause.line_end,
                )  # fmt: skip
    return None
