"""Premise check: a question that states a fact as true ("De inschrijving sluit op 31 maart 2027, toch?",
"A cooperative needs 1 FTE per 40 clients, right?") has that statement verified first. Contradicted: the answer
opens with "Nee: volgens § X is het Y, niet Z"; supported: "Ja, ...". A statement the verifier cannot place
changes nothing (the question is answered as asked)."""

from __future__ import annotations

import re
from typing import Any

from assistant.answer.asked import asks_of_the_rule, asks_question_word, claims_only_consequence, words_after
from assistant.answer.guards import OWN  # a statement of the asker's own situation is context, not a claim
from assistant.answer.plan import MAX_QUOTES, Plan, msg
from assistant.domain import Citation
from assistant.text.dates import translate_months
from assistant.text.numbers import find_numbers, format_eur
from assistant.text.quantities import fold, lexicon, lexicon_data, read, word_pattern
from assistant.text.sentences import sentences as sentences_of

TAIL = re.compile(
    r"[,;]?\s*(?:isn't that right|isn't that correct|isn't that true|is that not right|is dat niet correct|"
    r"is dat niet zo|klopt dat niet|toch|right|correct|klopt dat|klopt het|is dat zo|is dat correct|is that right|is that correct|"
    r"isn't it|is it not|niet waar|of niet|or not|ja|yes|zeker|can't we|can we not|don't we|doesn't it|aren't we|"
    r"won't it|isn't that so|niet dan|hè|he|toch niet|zeker weten)(?:\s+(?:allebei|alle twee|beide|both|too))?\s*\?*\s*$",
    re.I,
)
# reported speech: "collega zegt dat", "onze adviseur beweerde dat", "my colleague says that"
# and heard or read from someone ("ik las bij de brancheorganisatie dat", "we heard at a congress that")
_REPORTED = (
    r"(?!(?:als|if|wat|what|wanneer|when|stel|suppose)\b)(?:[\w'’-]+\s+){1,3}(?:zegt|zei|zeggen|zeiden|beweert|beweerde|stelt|stelde|meldt|meldde|schrijft|schreef|says|said|claims|claimed|told|tells|reports|reported|writes|wrote"
    r"|hoorde|hoorden|hoor|heard|hear|las|lazen|read)"
    r"(?:\s+(?:van|from|bij|via|in|op)\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+)?"
    r"\s+(?:(?:me|us|mij|ons)\s+)?(?:dat|that)"
)
_REPORTER = re.compile(r"^\W*(?:" + _REPORTED + r")\b[,:]?\s*", re.I)
_HEAD = re.compile(
    r"^\W*(?:(?:" + "|".join(map(re.escape, lexicon_data()["words"]["interjections"])) + r")\W+)?(?:ik dacht dat|we dachten dat|wij dachten dat|"
    r"i thought that|we thought that|i thought|we thought|klopt het dat|klopt het,? dat|is het zo dat|is het waar dat|is het correct dat|is it true that|"
    r"is it correct that|is it right that|is it the case that|is het juist dat|am i right that|am i correct that|i understand that|i heard that|i read that|ik begrijp dat|"
    r"ik heb gehoord dat|ik las dat|ik lees dat|volgens mij|as far as i know|if i understand correctly|"
    r"(?:we|wij) (?:hoorden|lazen|hebben gehoord|hebben gelezen) dat|ons is verteld dat|ik heb begrepen dat|ik begreep dat|"
    r"i understood that|we understood that|i have understood that|"
    r"we (?:heard|read|were told|have heard) that|someone told us that|iemand zei dat|"
    r"als ik het goed begrijp|zoals ik het begrijp|we hebben begrepen dat|wij hebben begrepen dat|"
    r"our understanding is that|we understand that|ik ga ervan uit dat|i assume that|"
    r"i believe that|i believe|we believe that|ik geloof dat|wij geloven dat|we geloven dat|"
    + _REPORTED + r")\b[,:]?\s*",
    re.I,
)
_QUESTION_START = re.compile(
    r"^\W*(wat|wanneer|hoe|hoeveel|welke|welk|waar|waarom|wie|what|when|how|which|where|why|who|kun|kunt|can|could|"
    r"mag|mogen|moet|moeten|is|are|do|does)\b",
    re.I,
)
# "mag je toch tot 60%": the particle that presents it as known; "moeten we dan toch aan de norm voldoen?" asks whether
# it holds after all ("dan toch", "nu toch": nevertheless), it presents nothing as known
_MID = re.compile(r"(?<!\bdan)(?<!\bnu)\s+toch(?=\s+\w)", re.I)


def presented_as_known(sentence: str) -> bool:
    """The sentence puts something forward as known ("..., toch?", "it is a hard rule for others, right?")."""
    return bool(TAIL.search(sentence) or _MID.search(sentence))
FACT_KINDS = ("count", "money", "percent", "date", "period", "range", "score")
# an unmarked statement is a claim about the policy only when it states a rule ("Nieuwe aanbieders moeten ...")
_RULE = re.compile(
    r"\b(moet|moeten|hoeft|hoeven|mag|mogen|minimaal|maximaal|ten minste|hoogstens|geldt|gelden|is verplicht|verplicht|norm|eis|regel|"
    r"must|(?<!\d )may(?! \d)|required|requires|need to|needs to|need only|only need|only needs|at least|at most|rule|requirement|applies)\b",
    re.I,
)


# a statement of what counts or is allowed states a rule too ("volle dochters tellen mee als onderaanneming")
_COUNTS = re.compile(r"\b(telt|tellen|geteld|counts?|counted|toegestaan|allowed|permitted|verboden|forbidden|vergoed|reimbursed)\b", re.I)


def states_rule(statement: str) -> bool:
    """The statement says what the policy requires, allows or counts (a modal, a bound, a rule's noun, "telt
    mee", "is allowed"), or states a figure: something the policy's sentences can confirm or deny."""
    return bool(_RULE.search(statement) or _COUNTS.search(statement)) or any(q.kind in FACT_KINDS for q in read(statement))


_SINCE = re.compile(
    r"^\W*(?:aangezien|omdat|nu|daar|since|as|given that|because|now that)\s+(?P<claim>(?:[^,?]|,(?=\d)){12,}?),\s+(?P<rest>.+)$", re.I
)


_CONCLUSION = re.compile(r",?\s+(?:so|dus|daarom|therefore|and so)\s+", re.I)  # the asker's conclusion after the premise
_DEADLINE = ("until", "before")  # a date said as the end of what is possible ("kan tot 1 augustus") states a term
_CAN = re.compile(r"\b(?:kan|kunnen|can|could|mogelijk|possible)\b", re.I)  # states a term ("bezwaar kan tot 1 augustus")


def claim_of(text: str, earlier: str = "") -> str | None:
    """The statement a question presents as fact, or None: a marked premise ("..., toch?", "klopt het dat ...",
    "right?"), a presupposition ("Aangezien X, ...", "Since X, how do we ...?"), or a statement before the
    question that states a checkable value (a number, date, amount, percentage, score) about the policy."""
    t = text.strip()
    since = _SINCE.match(t)
    if since:
        return since.group("claim").strip()
    pushed = _PUSHBACK.match(t)
    amends = any(word_pattern(p).search(fold(t)) for p in lexicon().amends)  # "Volgens onze adviseur is het X. Pas je antwoord
    if pushed or amends:  # aan.": "Nee hoor, onze inkoper zei 2 per gebied.": what is said against the answer is the claim
        # (what else the reporter says, "... en dat uw informatie oud is", is no part of it)
        for s in re.split(r"(?<=[.!?])\s+|[,;]\s+(?!\d)|\s+(?:en|and)\s+(?:dat|that)\s+", t[pushed.end() :] if pushed else t):  # the clause with the figure ("..., I
            body = _SAID_BY.sub("", s.strip()).strip(" ?.!")  # read it in the table" says where, not what)
            told = bool(_SAID_BY.match(s.strip()))  # said by someone, or said as a rule ("the requirement is 2"): not
            if not (told or _RULE.search(body)) or OWN.search(body) or len(s.strip() if told else body) < STATEMENT_CHARS:
                continue  # "nee, het wordt 4 maart", "nee, we hebben 3 fte": the asker's own case
            if any(q.kind in (*FACT_KINDS, "number") for q in read(body)):
                return body
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()]
    marked_sentence = next((s for s in sentences if TAIL.search(s) or _HEAD.match(s)), None)
    if marked_sentence is None:  # "X kan toch met 1 persoon?": the particle inside a question with a figure
        marked_sentence = next(
            (
                s for s in sentences
                if _MID.search(s) and s.rstrip().endswith("?")
                and any(q.kind in FACT_KINDS or (q.kind == "number" and _RULE.search(s)) for q in read(s))
            ),  # "de grens ligt toch op maximaal 52?": a bare figure said as a rule's
            None,
        )
    marked = marked_sentence is not None
    body = _MID.sub(" ", _HEAD.sub("", TAIL.sub("", marked_sentence or t))).strip(" ?")
    if marked and marked_sentence in sentences[1:] and len(re.findall(r"\w+", body)) <= TAG_WORDS and not re.search(r"\d", body):
        # "X holds until 30 June. Is that right?": the tag asks about the sentence before it ("Is 15 juni correct?"
        # states its own figure)
        body = sentences[sentences.index(marked_sentence) - 1].strip(" ?.!")
    if marked:  # "X closes on 31 March, so we can still register in mid-March, can't we?": X is the premise
        body = _CONCLUSION.split(body, maxsplit=1)[0]
        before = sentences[: sentences.index(marked_sentence)] if marked_sentence in sentences else []
        if not before and earlier:  # "De grens ligt toch op 90?" after the caseload said before: its last statement
            said = [s for s in sentences_of(earlier) if not s.rstrip().endswith("?") and len(re.findall(r"\w+", s)) >= TAG_WORDS]
            before = said[-1:]
        if before and (_POINTS_BACK.match(body) or _THE_RULE.match(body)) and _BOUND_RULE.search(body):  # "62 per fte. Dat is boven het
            # maximum van 55, toch?": what "dat" is; "Dat geeft toch 85%?" is the asker's outcome, for the calculator
            body = f"{_without_numbers(before[-1]).rstrip(' .!')}: {body}"
        elif before and (_THEN.match(body) or _THEN_INSIDE.match(body)):  # "We leverden het te laat aan. Dan krijgen
            # we gewoon een B, toch?", "... CZ then gives a B": the consequence is claimed of the case the sentence
            # before sets (not of any sentence with a B)
            body = f"{_without_numbers(before[-1]).rstrip(' .!')}: {_THEN.sub('', body)}"
    asking = sentences[-1] if sentences else t
    if not marked and asks_of_the_rule(asking) and not OWN.search(asking):  # "Is the threshold 85%?": the value
        stated = asking.strip(" ?")  # the question states of the rule, checked as a claim
        if any(q.kind in FACT_KINDS for q in read(stated)):
            return stated
    if not marked:
        sentences = [s for s in re.split(r"(?<=[.!])\s+", t) if s.strip()]
        # "Bezwaar kan tot 1 augustus, dus we wachten eerst af. Goed plan?": the statement before the asker's own
        # conclusion; a rule (a modal) or a term (what can be done, with a date and its bound) said of the policy
        heads = [
            _CONCLUSION.split(s, maxsplit=1)[0] for whole in sentences[:-1] for s in re.split(r"\s*;\s+", whole)
            if not s.rstrip().endswith("?") and not _QUESTION_START.match(s) and not asks_question_word(s)
        ]  # fmt: skip  # "Een aanbieder vraagt hoeveel cliënten ... kunnen.": a question told, not a statement; "X
        # geldt tot 1 mei; wij doen het op 20 april.": each clause a statement of its own
        statements = [
            s for s in heads
            if not OWN.search(s) and (_RULE.search(s) or (_CAN.search(s) and any(q.kind == "date" and q.bound in _DEADLINE for q in read(s))))
        ]  # fmt: skip
        if not statements:
            return None
        body = " ".join(statements)
    if not marked and not any(q.kind in FACT_KINDS for q in read(body)):
        return None
    short = bool(_RULE.search(body)) and any(q.kind in (*FACT_KINDS, "number") for q in read(body))  # "de eis is 2,5"
    return body if len(body) >= STATEMENT_CHARS or (marked and short) else None


STATEMENT_CHARS = 15  # a shorter statement states nothing to check, unless it names a rule and its figure


# a message that opens by denying the answer before it ("nee hoor, ...", "that's wrong, ..."): the statement after it
# is put forward as the policy's, to be checked
_PUSHBACK = re.compile(
    r"^\W*(?:nee hoor|nee joh|nee|no|nope|dat klopt niet|klopt niet|dat is niet (?:waar|juist|correct)|onjuist|fout|"
    r"that'?s (?:wrong|not right|not correct|incorrect)|that is (?:wrong|not right|not correct|incorrect)|wrong|"
    r"incorrect)\b\W+",
    re.I,
)
# who said it, before what was said ("onze inkoper zei 2 per gebied", "my account manager said that ...")
_SAID_BY = re.compile(
    r"^(?:[\w'’-]+\s+){0,3}(?:zei|zegt|zeggen|zeiden|noemde|noemt|beweert|beweerde|said|says|told us|told me|claims|claimed)"
    r"\s+(?:(?:me|us|mij|ons)\s+)?(?:dat\s+|that\s+)?"
    # "volgens de brancheclub is het 2 per gebied", "according to our advisor it is 65%": who, then what
    r"|^(?:volgens|according to)\s+(?:[\w'’-]+\s+){1,3}?(?=(?:is|zijn|ligt|geldt|it|the|that)\b)",
    re.I,
)
_POINTS_BACK = re.compile(r"^\W*(?:dat|dit|het|that|this|it|which)\b", re.I)
# "De grens ligt toch op 52?" after the asker's caseload: the rule's noun with "de"/"the" names the rule of what the
# sentence before is about
_THE_RULE = re.compile(
    r"^\W*(?:de|het|die|the)\s+(?:" + "|".join(re.escape(w) for w in lexicon_data()["words"]["rule_reference"] if " " not in w)
    + r")\b", re.I
)
TAG_WORDS = 3  # what is left of a sentence after its tag ("That's right, isn't it?" -> "That s right"): it states nothing
# "CZ then gives ...", "krijgen we dan ...": the word among the claim's first words, not "meer dan", "later dan 1 mei"
_THEN_INSIDE = re.compile(r"^\W*(?:\w+\s+){1,3}?(?<!meer )(?<!minder )(?<!eerder )(?<!later )(?:then|dan)\b(?!\s*\d)", re.I)
_THEN = re.compile(r"^\W*(?:then|dan|in that case|in dat geval|daardoor|as a result)\b\W*", re.I)  # a consequence of what went before
_BOUND_RULE = re.compile(r"\b(?:maximum|minimum|max|min|maximaal|minimaal|norm|grens|limit|cap|ten minste|at least|at most)\b", re.I)


def _values(q: Any) -> tuple:
    """A quantity's value, a period or range as its two ends ("1 december 2026 tot en met 28 februari 2027")."""
    return tuple(q.value) if q.kind in ("period", "range") and isinstance(q.value, tuple) else (q.value,)


def _without_numbers(sentence: str) -> str:
    """The sentence's words without its figures (the asker's own, not the claim's)."""
    for m in reversed(find_numbers(sentence)):
        sentence = sentence[: m.start] + sentence[m.end :]
    return re.sub(r"\s+", " ", sentence).strip()


def without_reporter(text: str) -> str:
    """The message without who it reports ("Onze relatiebeheerder beweerde dat 2 per gebied volstaat. Klopt dat?" -> "2 per
    gebied volstaat. Klopt dat?"): who said it is no word of what the policy should say."""
    m = _REPORTER.match(text)
    return text[m.end() :] if m and m.end() < len(text) else text


def claimed_span(text: str) -> tuple[int, int] | None:
    """Where the rule the question claims stands ("Aangezien ... maar gemiddeld 2 cliënten ... hoeven te halen"):
    its figures are checked against the policy, not calculated with."""
    claim = claim_of(text)
    if claim is None or not about_the_policy(claim):
        return None
    start = text.find(claim)
    return (start, start + len(claim)) if start >= 0 else None


def about_the_policy(claim: str) -> bool:
    """A claim about a rule ("de inschrijving sluit op 31 maart", "1 fte per 40 cliënten"), not about the asker's
    own situation ("wij hebben ...", "3 fte casemanagers voor 160 cliënten": figures of a case, no ratio)."""
    if OWN.search(claim):
        return False
    counts = [q for q in read(claim) if q.kind == "count" and q.unit]
    return not (len({q.unit for q in counts}) >= 2 and not any(q.ratio is not None for q in counts))


# "... kan tot 31 maart, en dat je dan 2 cliënten per gebied nodig hebt": two claims said as one, each checked
_CLAIM_PARTS = re.compile(r",?\s+(?:en|and)\s+(?:dat|that)\s+|,\s+(?:en|and)\s+(?=(?:als|if|wie|who|when|wanneer)\b)", re.I)


MIN_CLAIM_CHARS = 15  # a part of a compound claim shorter than this states nothing to check


def premise_plan(assistant: Any, text: str, lang: str, earlier: str = "") -> Plan | None:
    """A plan that opens with the correction (or confirmation) of the question's premise, or None. Two claims
    said as one ("X, en dat Y. Klopt dat allebei?") are each checked; their lines are said one after the other.
    `earlier`: the message before, a statement that says what "de norm", "dat" of the claim is about."""
    claim = claim_of(text, earlier)
    if claim is None:
        return None
    parts = [p.strip(" ,") for p in _CLAIM_PARTS.split(claim) if len(p.strip(" ,")) >= MIN_CLAIM_CHARS]
    if len(parts) > 1:
        plans = [p for p in (_premise_of(assistant, part, text, lang, earlier) for part in parts) if p is not None]
        plans.sort(key=lambda p: p.kind != "correction")  # what is wrong first: the line opens with "Nee"
        if len(plans) == 1 and plans[0].kind == "correction":  # "... op 1 december sloot en dat we tot de ronde van
            return plans[0]  # 2028 moeten wachten": the part the texts decide is set right; the rest is its conclusion
        if len(plans) > 1:
            quotes: list[Citation] = []
            for p in plans:
                quotes.extend(q for q in p.quotes if all(q.quote not in o.quote and o.quote not in q.quote for o in quotes))
            wrong = [p for p in plans if p.kind == "correction"]
            return Plan(
                "correction" if wrong else "verdict", " ".join(p.line for p in plans), quotes[:MAX_QUOTES],
                intent=(wrong or plans)[0].intent,
            )
    return _premise_of(assistant, claim, text, lang, earlier)


def _premise_of(assistant: Any, claim: str, text: str, lang: str, earlier: str = "") -> Plan | None:
    """The correction or confirmation of one claim of `text`; a claim that leaves out its subject ("the window closed
    on 1 December" after a question about registering) is read with the message before it."""
    from assistant.answer.verify import verify_claim

    result = verify_claim(assistant, claim, in_force=True, about=text)
    if result["verdict"] == "not_found" and earlier:  # (its words only: a figure of it is no part of the claim)
        subject = _without_numbers(earlier).rstrip(" ?.!")
        again = verify_claim(assistant, f"{subject}: {claim}", in_force=True, about=f"{subject} {text}")
        result = again if again["verdict"] in ("supported", "contradicted") else result
    source = result.get("source")
    if result["verdict"] == "not_found":  # "voor 2027 moet het contract 24 uur per week zijn": only the older text says so
        from assistant.answer.clause import no_longer_stated

        return no_longer_stated(assistant, claim, lang)
    if not source or result["verdict"] not in ("supported", "contradicted"):
        return None
    ct = Citation(
        clause_id=source["clause_id"], doc=source["doc"], year=source["year"], section=_label(source),
        title=source["title"], quote=source["quote"], line_start=source.get("line_start"), line_end=source.get("line_end"),
    )  # fmt: skip
    if ct.year != assistant.corpus.current_year and str(ct.year) not in claim:
        return None  # a claim about the rule in force is not set right by an older text it does not name
    years = {str(y) for y in assistant.corpus.years}  # "de eis voor 2027": the policy year the claim is about
    differences = result.get("differences", [])
    if result["verdict"] == "contradicted" and differences and all(
        str(d.get("claim", "")).strip() in years or _bare_years(d) for d in differences
    ):
        return None  # "in de bijlage uit 2024 gold een ingroeiregeling": the year names the text, it is no date to set
        # right; "met een A in 2026 krijg je 100%" is not set right by a sentence about 2027: a year against a year
        # says which year a sentence is about, not that the claim's year is wrong
    figures_differ = any(d.get("kind") in ("number", "date") for d in result.get("differences", []))
    late = _when_late(assistant, ct, itself=True) if claims_only_consequence(claim) and not figures_differ else None
    if late is not None:  # "after 31 May we only get a reminder": what missing the step brings, said or set right
        if _content_words(_after_only(claim)) & _content_words(late.quote):
            return Plan("verdict", msg("premise_right", lang, section=late.section, year=late.year) + f" «{late.quote}»",
                [late], intent="premise:supported:consequence")  # fmt: skip
        return Plan("correction", msg("premise_other_consequence", lang, section=late.section, year=late.year,
            quote=late.quote.rstrip(" .")), [late], intent="premise:contradicted:consequence")  # fmt: skip
    if result["verdict"] == "supported" and not any(q.kind in FACT_KINDS for q in read(claim)):
        return None  # "een zorgstop mag zodra ons budget op is": no figure to confirm, the words alone
        # share a sentence's terms without saying what it says; the question is answered as asked
    said = {v for q in read(claim) if q.kind in FACT_KINDS for v in _values(q)}
    if result["verdict"] == "supported" and not said & {v for q in read(ct.quote) for v in _values(q)}:
        return None  # "1 client per area" confirmed by a sentence without that figure: nothing of it is confirmed
    if result["verdict"] == "supported":
        return Plan("verdict", msg("premise_right", lang, section=ct.section, year=ct.year), [ct], intent="premise:supported")
    numbers = [
        d for d in result.get("differences", [])
        if d.get("kind") in ("number", "date") and d.get("source") and str(d.get("claim", "")).strip() not in years
    ]  # fmt: skip
    if numbers:
        d = numbers[0]
        source, wrong = d["source"], d["claim"]
        if d.get("kind") == "number":  # "3 maanden, niet 6 maanden": the figure with the noun it counts
            source, wrong = _with_noun(source, ct.quote), _with_noun(wrong, claim)
        right = translate_months(source) if lang == "en" else source  # the value, said in the user's words
        amount = re.fullmatch(r"€\s*([\d.]+(?:,\d{2})?)", source.strip())
        value = find_numbers(amount.group(1)) if lang == "en" and amount else []
        if value:  # "€ 50.000" -> "€50,000"
            right = format_eur(value[0].value, lang)
        if lang == "en" and d.get("kind") == "date":  # "tussen 2 en 31 mei": 2 to 31 May
            right = re.sub(r"(\d)\s+(?:en|tot en met|t/m|tot)\s+(\d)", r"\1 to \2", right)
        elif d.get("kind") == "date":  # "tussen 2 en 31 mei": 2 tot en met 31 mei (both days in, as 4.1's "2-31 mei")
            right = re.sub(r"(\d)\s+en\s+(\d)", r"\1 tot en met \2", right)
        line = msg("premise_wrong", lang, section=ct.section, year=ct.year, right=right, wrong=wrong)
        there = _where_it_holds(assistant, ct, wrong, source) if d.get("kind") == "number" else None
        if there is not None and _holds_as_claimed(there, ct, claim, wrong):
            return None  # "de norm van gemiddeld 3 cliënten per postcodegebied" against the example's "7 cliënten":
            # the rule's own sentence says the claimed figure in the claim's words, so nothing is set right
        if there is not None:  # "2 cliënten" is the 2026 row of the same table: said, so the user sees the mix-up
            line += " " + msg("premise_holds_there", lang, wrong=wrong, quote=there.quote)
        late = _when_late(assistant, ct) if d.get("kind") == "date" else None
        if late is not None:  # a deadline set right comes with what missing it means ("... leidt tot een C-score")
            line += " " + msg("premise_when_late", lang, quote=late.quote.rstrip(" ."))
            return Plan("correction", line, [ct, late], intent="premise:contradicted")
    else:
        line = msg("premise_wrong_term", lang, section=ct.section, year=ct.year)
        return Plan("correction", line, [ct], intent="premise:contradicted:wording")  # no figure to set right
    return Plan("correction", line, [ct] + ([there] if there is not None else []), intent="premise:contradicted")


def _content_words(text: str) -> set[str]:
    """The words of four letters or more of a text, folded: what a sentence shares with a claim."""
    return set(re.findall(r"[^\W\d_]{4,}", fold(text)))


def _where_it_holds(assistant: Any, ct: Citation, claimed: str, right: str) -> Citation | None:
    """The row or sentence of the same clause that does state the claimed figure (the other year's row of a
    table), verbatim; None when the clause states it nowhere. The figure counts what it counts in the question,
    else what the policy's figure counts ("2" against "3 CZ-cliënten")."""
    from assistant.answer.compose import sentences_of

    wanted = [q for q in read(claimed) if q.number is not None]
    unit = (wanted[0].unit if wanted else None) or next((q.unit for q in read(right) if q.unit), None)
    clause = assistant.corpus.clause_by_id.get(ct.clause_id)
    if not wanted or clause is None or unit is None:
        return None  # "2 cliënten": the figure with what it counts, so another figure of the clause is not taken
    quote = re.sub(r"\s+", " ", ct.quote).strip()
    words = _content_words
    mine = words(quote)
    others = [x for x in assistant.corpus.clauses if x.doc == clause.doc and x.id != clause.id]
    for place in [clause, *others]:  # its own clause first; elsewhere only a sentence about the same rule
        for table in (True, False):
            for sentence in sentences_of(place.text, table):
                said = re.sub(r"\s+", " ", sentence).strip()
                if said == quote or len(said) > 240:
                    continue
                if place is not clause and len(words(said) & mine) < SAME_RULE_SHARE * len(mine):
                    continue
                if any(q.number == wanted[0].number and q.unit == unit for q in read(said)):
                    from assistant.answer.compose import section_label
                    from assistant.answer.verify import quote_lines

                    start, end = quote_lines(assistant, place.id, said)
                    return ct.model_copy(update={
                        "clause_id": place.id, "section": section_label(place.id, place.section), "title": place.title,
                        "quote": said, "line_start": start, "line_end": end,
                    })  # fmt: skip
    return None


def _holds_as_claimed(there: Citation, ct: Citation, claim: str, wrong: str) -> bool:
    """The sentence that states the claimed figure is the claim's own: in the same clause as the contradicting
    sentence, naming no other policy year than the claim (not the 2026 row of a table for a 2027 claim), stating the
    figure as a bound of a rule, and sharing at least as many of the claim's words as the contradicting sentence."""
    if there.clause_id != ct.clause_id:
        return False
    named = set(re.findall(r"\b20\d\d\b", there.quote)) - set(re.findall(r"\b20\d\d\b", claim)) - {str(ct.year)}
    if named:  # "2026 Per 4-cijferig postcodegebied ... 2 CZ-cliënten": another year's row
        return False
    claimed = [q.number for q in read(wrong) if q.number is not None]
    if not any(q.bound is not None and q.number in claimed for q in read(there.quote)):
        return False  # "1 CZ-cliënt" in the example's count is no rule ("ten minste 3 CZ-cliënten" is)
    words = _content_words
    asked = words(claim)
    return len(words(there.quote) & asked) >= len(words(ct.quote) & asked) > 0 or (
        len(words(there.quote) & asked) > 0 and not words(ct.quote) & asked
    )


def _when_late(assistant: Any, ct: Citation, itself: bool = False) -> Citation | None:
    """The sentence of the deadline's clause that says what happens when it is missed, as a citation (`itself`:
    the cited sentence may be that sentence)."""
    from assistant.answer import compose as c
    from assistant.answer.asked import says_when_late

    clause = assistant.corpus.clause_by_id.get(ct.clause_id)
    if clause is None:
        return None
    referred = [  # a row of the timeline names the paragraph that sets the deadline out ("(zie paragraaf 2.3.4)")
        x for ref in _PARAGRAPH_REF.findall(ct.quote) for x in assistant.corpus.clauses
        if x.id.rsplit("/", 1)[0] == clause.id.rsplit("/", 1)[0] and x.section == ref and x.id != clause.id  # the
        # same part: "paragraaf 1.4" of the main text is not 1.4 of a Bijlage
    ]  # fmt: skip
    for where in [clause, *referred]:
        for sentence in c.sentences_of(where.text, False):
            said = re.sub(r"\s+", " ", sentence).strip()
            other = itself or said != re.sub(r"\s+", " ", ct.quote).strip()
            if other and len(said) <= 240 and says_when_late(said):
                from assistant.answer.verify import quote_lines

                start, end = quote_lines(assistant, where.id, said)
                return ct.model_copy(update={
                    "quote": said, "line_start": start, "line_end": end, "clause_id": where.id, "section": c.section_label(where.id, where.section),
                    "title": where.title,
                })  # fmt: skip
    return None


def _bare_years(difference: dict) -> bool:
    """A difference of a year alone against a year alone ("2026" / "2027")."""
    return all(re.fullmatch(r"\s*(?:19|20)\d\d\s*", str(difference.get(k, ""))) for k in ("claim", "source"))


def _after_only(claim: str) -> str:
    """The words of the claim after its "alleen"/"only" (the consequence it says is the only one)."""
    return words_after(claim, "late", "only")


_PARAGRAPH_REF = re.compile(r"\b(?:paragraaf|par\.|§)\s*(\d+(?:\.\d+)+)", re.I)


SAME_RULE_SHARE = 0.5  # a sentence of another clause shares this share of the policy sentence's words to be shown


_NOUN_AFTER = r"\s+((?:cz-)?[a-zà-ÿ][\w’'-]*)"


def _with_noun(figure: str, text: str) -> str:
    """The figure with the word it counts when the text writes one right after it ("3" in "minimaal 3 personen")."""
    m = re.search(rf"(?<![\w.,]){re.escape(figure)}{_NOUN_AFTER}", text, re.I)
    if m is None or lexicon().unit_for(fold(m.group(1))) is None:  # a counted noun ("maanden"), not "beschikbaar"
        return figure
    return f"{figure} {m.group(1)}"


def _label(source: dict) -> str:
    from assistant.answer.compose import section_label

    return section_label(source["clause_id"], source["section"])
