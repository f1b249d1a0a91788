"""What kind of fact a question asks for (a date, an amount, a percentage, a count of something, a duration, an
e-mail address, a level), and whether a sentence holds one. Declared in asked.toml; the unit of a count comes
from the noun after "hoeveel"/"how many" through the quantity lexicon ("hoeveel zorgaanbieders" -> providers)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from assistant.retrieve.analysis import concept_vocabulary
from assistant.text.quantities import ADDRESS, Quantity, fold, lexicon, read, word_pattern
from assistant.text.sentences import sentence_spans, sentences

ASKED_PATH = Path(__file__).with_name("asked.toml")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]*\w")
# "via onze website", "via VECOZO", a web address: the way something is sent when the policy names no e-mail address
_CHANNEL = re.compile(
    r"\bvia\s+(?:onze\s+|de\s+|het\s+)?(?:website|webformulier|online\s+formulier|vecozo|uitvraagmodule(?:\s+in\s+vecozo)?|"
    r"mijn\s+zorgaanbod|cryptshare|zorgvinder)\b|\bin\s+(?:vecozo|de\s+uitvraagmodule)\b|\bhttps?://\S+|\bwww\.\S+",
    re.I,
)
_FREQUENCY = re.compile(
    r"\b(?:(?:minimaal|ten minste|at least)\s+)?(?:elke|iedere|every)\s+\d+\s+(?:jaar|jaren|maanden|weken|years|months|weeks)\b"
    r"|\b(?:(?:maximaal|hoogstens|ten hoogste|minimaal|at most|at least)\s+)?(?:\d+|een|één|twee|drie|once|twice)\s+"
    r"(?:keer|maal|x|times?)?\s*(?:per|a|an|in)\s+(?:contractjaar|kalenderjaar|kwartaal|jaar|maand|week|quarter|year|month)\b"
    r"|\b(?:per|elk|ieder|elke|iedere|each|every|once a|eens per)\s+(?:contractjaar|kalenderjaar|kwartaal|jaar|maand|week|half jaar|quarter|year|month)\b"
    r"|\b(?:jaarlijks|maandelijks|wekelijks|driemaandelijks|halfjaarlijks|annually|quarterly|monthly|weekly)\b",
    re.I,
)
_PHONE = re.compile(r"(?<!\d)(?:\+31|0031|0)[\s-]?(?:\d[\s-]?){8,9}\d?(?!\d)")
_LEVEL = re.compile(
    r"\b(?:hbo|mbo)-\w+(?:\s+opgeleide?)?(?:\s+\w+)?\s*\(niveau\s*\d(?:\s*(?:/|of|en)\s*\d)?(?:\s+of\s+hoger)?\)"  # "hbo-bacheloropleiding (niveau 6)"
    r"|\b\w*niveau\s*\d(?:\s*(?:/|of|en)\s*\d)?|\bhbo\b|\bmbo\b|\bbachelor\b|\bmaster\b",  # "deskundigheidsniveau 4 of 6"
    re.I,
)
_CONSEQUENCE = re.compile(
    r"\b(leidt|leiden|leidt automatisch|tot gevolg|gevolg|gevolgen|niet in aanmerking|komt niet|komen niet|kunnen we niet|"
    r"niet meer meenemen|niet in behandeling|vervalt|vervallen|vergoeden we niet|wordt niet vergoed|sanctie|"
    r"beëindigen|opzeggen|ontbinden|terugvorderen|verrekenen|korting|c-score|verwachten (?:we|wij)|"
    r"dan (?:moet|verwachten|kan|komt|blijven|blijft)|van kracht|plan van aanpak)\b",
    re.I,
)
_HOW_MANY = re.compile(r"(?<![\w])(?:hoeveel|how many|how much|aantal|number of|what|which|welke|welk)\s+(?:\w+\s+){0,2}?([\w'\-]+)")


@dataclass(frozen=True)
class Asked:
    kind: str  # contact | date | duration | money | percent | level | count | role
    holds: tuple[str, ...]
    unit: str | None = None  # for counts: the counted thing ("providers", "clients", "fte")
    soft: bool = False  # read from the verb of a how-question: without such a value the clause is answered as usual
    several: bool = False  # "welke percentages ...?": every value of the kind is asked, of whatever it is a share
    per: str | None = None  # for counts: the stretch of time asked per ("hoeveel uur per week?": "week")


@lru_cache(maxsize=1)
def _data() -> dict:
    """asked.toml, read once."""
    return tomllib.loads(ASKED_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _reason() -> re.Pattern[str]:
    """A question that asks why (asked.toml [reason] `opens`, opening the question or a clause of it), not for a
    value it names."""
    words = sorted((fold(w) for w in _data().get("reason", {}).get("opens", [])), key=len, reverse=True)
    return re.compile(r"(?:^|[.?!;,]\s*|\b(?:en|and|maar|but)\s+)(?:" + "|".join(map(re.escape, words)) + r")\b")


def asks_how(question: str) -> bool:
    """The asked sentence asks how something is done ("hoe wordt het nachtbudget jaarlijks aangepast?"), not how much or long."""
    return bool(_HOW.search(fold(asked_clause(question))))


def states_consequence(sentence: str) -> bool:
    """The sentence states what follows from something ("..., dan verwachten we een plan van aanpak")."""
    return bool(_CONSEQUENCE.search(sentence))


def asks_consequence(question: str) -> bool:
    """The asked sentence asks what follows ("als we het op 2 juni insturen, wat gebeurt er dan?")."""
    found = asked(asked_clause(question))
    return found is not None and found.kind == "consequence"


def asks_basis(question: str) -> bool:
    """The question asks what something is based on (asked.toml [basis] `cues`)."""
    folded = fold(question)
    return any(_has(folded, c) for c in _data().get("basis", {}).get("cues", []))


def asks_reason(question: str) -> bool:
    """The question asks why ("waarom hanteert CZ een dagtarief?")."""
    return bool(_reason().search(fold(question)))


@lru_cache(maxsize=1)
def gives_reason() -> re.Pattern[str]:
    """A sentence that opens with a word that gives the reason for the one before it (asked.toml [reason] `given_by`:
    "Hiermee krijgen we inzicht ...", "Daarom ...")."""
    words = sorted((fold(w) for w in _data().get("reason", {}).get("given_by", [])), key=len, reverse=True)
    return re.compile(r"^\W*(?:" + "|".join(map(re.escape, words)) + r")\b")


@lru_cache(maxsize=1)
def _kinds() -> tuple[list[str], dict[str, dict]]:
    data = _data()
    kinds = {**data["kinds"], "__openers__": data.get("openers", [])}
    return data["order"], kinds


def _has(folded: str, phrase: str) -> bool:
    """`phrase` as whole words, not as the first part of a hyphenated compound ("welke postcode" is not in
    "welke postcode-eis")."""
    return _found_at(folded, phrase) is not None


GAP_WORDS = 4  # "a ~ b" in a table of this file: b at most this many words after a ("wanneer telt een aanbieder als")


@lru_cache(maxsize=256)
def _gap(phrase: str) -> re.Pattern[str]:
    """The pattern of a folded "a ~ b" phrase: b at most GAP_WORDS words after a (the words between as group 1)."""
    first, rest = (x.strip() for x in phrase.split("~", 1))
    return re.compile(rf"\b{re.escape(first)}\b((?:\W+[\w'-]+){{0,{GAP_WORDS}}}?)\W+{re.escape(rest)}\b")


def _found_at(folded: str, phrase: str) -> int | None:
    """Where `phrase` first stands in `folded` as `_has` finds it, or None."""
    p = fold(phrase)
    if not p:
        return None
    if "~" in p:
        m = _gap(p).search(folded)
        return m.start() if m else None
    return next((m.start() for m in word_pattern(p).finditer(folded) if not re.match(r"-\w", folded[m.end() : m.end() + 2])), None)


@lru_cache(maxsize=16)
def _phrases(table: str, key: str) -> tuple[str, ...]:
    """The folded phrases under `key` of a table of asked.toml ("definition", "forward", "late", "kinds.date")."""
    node = _data()
    for part in table.split("."):
        node = node.get(part, {})
    return tuple(fold(p) for p in node.get(key, []))


def phrases(table: str, key: str) -> tuple[str, ...]:
    """The folded phrases under `key` of a table of asked.toml, for a reader elsewhere."""
    return _phrases(table, key)


def _says_any(text: str, table: str, key: str) -> bool:
    folded = fold(text)
    return any(_has(folded, p) for p in _phrases(table, key))


def asks_end(question: str) -> bool:
    """"tot wanneer ...?", "by when ...?": the end of a time is asked (also "hoe lang kunnen we nog ...?")."""
    return _says_any(question, "kinds.date", "end_cues") or _how_long_still(fold(question))


STILL_REACH = 8  # words after "hoe lang" / "how long" in which a word of "still" makes it ask until when


def _how_long_still(folded: str) -> bool:
    """"hoe lang kunnen we ons nog inschrijven?", "how long from now may we still register?": how long, said with a verb
    of being able and a word of still (asked.toml [kinds.date] `still_modals`, `still_words`), asks until when the
    time still runs, not how long it lasts."""
    spec = _kinds()[1]["date"]
    for cue in spec.get("how_long", []):
        for m in word_pattern(fold(cue)).finditer(folded):
            clause = re.split(r"[.;:!?,]", folded[m.end() :], maxsplit=1)[0]
            words = " ".join(re.findall(r"[\w'-]+", clause)[:STILL_REACH])
            if any(_has(words, w) for w in spec.get("still_words", [])) and any(
                _has(words, w) for w in spec.get("still_modals", [])
            ):
                return True
    return False


def asks_start(question: str) -> bool:
    """"vanaf wanneer ...?", "from what date ...?": the start of a time is asked."""
    return _says_any(question, "kinds.date", "start_cues")


def asks_dates(question: str) -> bool:
    """"wat is het tijdpad?", "what are the dates?": several dates are asked."""
    return asks_several(question, "date")


def asks_several(question: str, kind: str) -> bool:
    """"welke percentages ...?", "what are the dates?": several values of `kind` are asked (its `plural_cues`)."""
    return _says_any(question, f"kinds.{kind}", "plural_cues")


def with_its_words(sentence: str, q: Quantity) -> str:
    """The value as `sentence` writes it with the words after it that say what it is ("90% personele kosten"), up
    to a mark or a joining word ([several] in asked.toml), verbatim."""
    spec = _data()["several"]
    ends = {fold(w) for w in spec["ends"]}
    out, at, n = sentence[q.start : q.end], q.end, 0
    while (m := _WORD_ON.match(sentence, at)) is not None and n < spec["reach"]:  # a mark (",", ")") ends the words
        word = m.group(1)
        if fold(word) in ends or fold(word.rstrip(".")) in ends or re.match(r"[\d€]", word):
            break
        out, at, n = out + m.group(0), m.end(), n + 1
        if word.endswith("."):
            break
    return out.rstrip(" .")


_WORD_ON = re.compile(r"[ \t]+([^\s,;:()]+)")


def asks_month(question: str) -> bool:
    """"in welke maand ...?", "which month ...?": a month is asked."""
    return _says_any(question, "kinds.date", "month_cues")


def direction_words() -> tuple[str, ...]:
    """The words that say a rule went up or down (asked.toml [direction]): no subject of a question."""
    return _phrases("direction", "up") + _phrases("direction", "down")


def asks_direction(question: str) -> int:
    """+1 when the question asks whether a rule went up ("is het niveau verhoogd?", asked.toml [direction]), -1
    when it asks whether it went down, 0 otherwise (prefixes: "omhooggegaan", "verhoogde")."""
    folded = fold(question)
    up = any(re.search(rf"(?<!\w){re.escape(w)}", folded) for w in _phrases("direction", "up"))
    down = any(re.search(rf"(?<!\w){re.escape(w)}", folded) for w in _phrases("direction", "down"))
    return int(up) - int(down)


def points_forward(sentence: str) -> bool:
    """"Hieronder lichten we deze transformatieclusters verder toe.": the sentence announces what follows."""
    return _says_any(sentence, "forward", "words")


def says_when_late(sentence: str) -> bool:
    """"Inschrijvingen die later binnenkomen, nemen we niet in behandeling.": what follows a missed deadline."""
    return _says_any(sentence, "late", "words") and _CONSEQUENCE.search(sentence) is not None


def claims_only_consequence(claim: str) -> bool:
    """"dat te laat aanleveren alleen een waarschuwing oplevert", "after 31 May we only get a reminder": the claim
    says a missed step has no more than one consequence (asked.toml [late] only, missed)."""
    return _says_any(claim, "late", "only") and _says_any(claim, "late", "missed")


def objection_asked(question: str) -> str | None:
    """The asking sentence of a question about objecting to a rule (asked.toml [objection]), without what it is
    against ("Mag onze organisatie bezwaar aantekenen tegen die 50%-regel?" -> "mag onze organisatie bezwaar
    aantekenen?"); None when it asks no
    objection."""
    asking = asked_clause(question)
    if not _says_any(asking, "objection", "words"):
        return None
    against = "|".join(re.escape(fold(w)) for w in _phrases("objection", "against"))
    words = "|".join(re.escape(fold(w)) for w in _phrases("objection", "words"))
    stop = rf"(?=\s+(?:{words})(?![\w])|\s*[?.,;]|$)"  # up to the objection itself or the sentence's end
    kept = re.sub(rf"(?<![\w])(?:{against})(?![\w])[^?.,;]*?{stop}", " ", fold(asking))
    if kept.split() == fold(asking).split():
        return None  # "how do we appeal?": no rule named to object to, the question reads as it stands
    return re.sub(r"\s+", " ", kept).strip()


def words_after(text: str, table: str, key: str) -> str:
    """The text after the first phrase of asked.toml [table] key it says ("" when it says none)."""
    folded = fold(text)
    ends = [m.end() for p in _phrases(table, key) if fold(p) for m in word_pattern(fold(p)).finditer(folded)]
    return folded[min(ends) :] if ends else ""


def without_condition(question: str) -> str:
    """The folded `question` without the words that ask what makes something a term ("wanneer geldt een aanbieder als
    bestaande zorgaanbieder?" -> "een aanbieder bestaande zorgaanbieder?"; asked.toml [definition] condition): what
    the term is, not "geldt" or "wanneer", is looked for. The question as folded when it asks no such condition."""
    folded = fold(question)
    for phrase in _phrases("definition", "condition"):
        folded = _gap(fold(phrase)).sub(lambda m: m.group(1), folded)
    return folded


def asks_definition(question: str) -> bool:
    """"wat is precies een volle dochter?", "what counts as a subcontractor?": the meaning of a term is asked (also
    as the condition that makes something a term: "wanneer telt een aanbieder als bestaande aanbieder?")."""
    return _says_any(question, "definition", "asks") or _says_any(question, "definition", "condition")


def rules_out(sentence: str) -> bool:
    """"... maken we voor 2027 geen nieuwe afspraken met een maatwerkcontract": the sentence says that something is
    not done or not possible at all (asked.toml [ruled_out])."""
    return ruled_out_at(sentence) is not None


def ruled_out_at(sentence: str) -> int | None:
    """Where in the folded `sentence` the words that rule something out begin ("Vanwege de aanstaande nieuwe
    bekostiging ... maken we voor 2027 |geen nieuwe afspraken ..."), or None."""
    folded = fold(sentence)
    found = [at for p in _phrases("ruled_out", "words") if (at := _found_at(folded, p)) is not None]
    return min(found) if found else None


def reason_span(sentence: str) -> tuple[int, int] | None:
    """Where in the folded `sentence` the reason for ruling something out stands: from a word of cause (asked.toml
    [ruled_out] because) to the ruling-out words ("|vanwege de aanstaande nieuwe bekostiging| ... geen nieuwe
    afspraken"), or None (no ruling out, or no reason before it)."""
    at = ruled_out_at(sentence)
    if at is None:
        return None
    folded = fold(sentence)[:at]
    found = [i for p in _phrases("ruled_out", "because") if (i := _found_at(folded, p)) is not None]
    return (min(found), at) if found else None


def opens_example(sentence: str) -> bool:
    """"Een rekenvoorbeeld: u hebt ...": the sentence opens a worked example (asked.toml [example])."""
    return _says_any(sentence, "example", "opens")


def defers(sentence: str) -> bool:
    """"In het productievoorstel wordt u geïnformeerd over de hoogte ...": the sentence says where or when a value
    is given, not the value (asked.toml [deferred])."""
    return _says_any(sentence, "deferred", "words")


def asks_conditions(question: str) -> bool:
    """"Onder welke voorwaarden ...?", "what rules apply to ...?": the conditions of something are asked (asked.toml
    [deferred] conditions)."""
    return _says_any(question, "deferred", "conditions")


def announces_list(sentence: str) -> bool:
    """"Wij hanteren onderstaande kwaliteitseisen ...": the sentence announces a list further on (asked.toml
    [forward] announces)."""
    return _says_any(sentence, "forward", "announces")


def defines(sentence: str) -> bool:
    """"Onder 'volle dochter' wordt verstaan: ...": the sentence gives the meaning of a term."""
    return _says_any(sentence, "definition", "defines")


def of_kind(kind: str) -> Asked:
    """A question for a value of `kind` ("percent"), as `asked` reads one."""
    return Asked(kind, tuple(_kinds()[1][kind]["holds"]))


def asked(question: str) -> Asked | None:
    """The kind of fact `question` asks for, or None (a yes/no, list or what-does-it-say question)."""
    found = _asked(question)
    if found is not None and found.kind == "contact" and ADDRESS.search(question):
        return None  # "kan ik het mailen naar inkoop@cz.nl?": the asker names the address, and asks whether it will do
    if found is not None and found.kind == "count":
        found = replace(found, per=_per_time(fold(asked_clause(question))))
    if found is not None and found.kind != "date" and asks_several(question, found.kind):
        return replace(found, several=True)
    return found


def _per_time(folded: str) -> str | None:
    """The stretch of time a count is asked per ("hoeveel uur per week", "how many hours a day"; asked.toml
    [per_time]), or None."""
    spec = _data().get("per_time", {})
    stretches = spec.get("stretches", {})
    words = [w.strip("?.!,;:") for w in folded.split()]
    pairs = zip(words, words[1:], strict=False)  # each word with the one after it
    return next((stretches[b] for a, b in pairs if a in spec.get("markers", ()) and b in stretches), None)


def said_per(q: Quantity) -> str | None:
    """The stretch of time a value is said per ("24 uur per dag": "day"; asked.toml [per_time]), or None."""
    word = per_word(q)
    return _data().get("per_time", {}).get("stretches", {}).get(word) if word else None


def stretch_of(word: str) -> str | None:
    """The stretch of time a word names ("maand": "month"; asked.toml [per_time] stretches), or None."""
    return _data().get("per_time", {}).get("stretches", {}).get(word)


def per_word(q: Quantity) -> str | None:
    """What a value is said per, a stretch of time by its name ("24 uur per dag": "day"), anything else as written
    ("€ 100.000 per zzp'er": "zzp'er"); None when it is said per nothing."""
    spec = _data().get("per_time", {})
    if len(q.after) > 1 and q.after[0] in spec.get("markers", ()):
        return spec.get("stretches", {}).get(q.after[1], q.after[1])
    return None


_WHICH_PARTY_WORD = re.compile(r"(?<![\w])(?:welke|which)\s+(?:[\w'-]+\s+)?([\w'-]+)")  # one adjective may come between


def _asks_which_party(folded: str) -> bool:
    """"Voor welke aanbieders ...?", "which new providers ...?": the question asks which parties (asked.toml
    [which_party] nouns)."""
    nouns = _party_nouns()
    return any(m.group(1) in nouns or (m.group(0).split()[1] in nouns) for m in _WHICH_PARTY_WORD.finditer(folded))


@lru_cache(maxsize=1)
def _party_nouns() -> frozenset[str]:
    """asked.toml [which_party] nouns, folded."""
    return frozenset(fold(n) for n in _data().get("which_party", {}).get("nouns", []))


def _without_phrases(folded: str, phrases_: list[str] | tuple[str, ...]) -> str:
    """The text without these phrases (a kind's `not_in`: "on call" holds "call" and asks no phone number)."""
    for p in phrases_:
        folded = word_pattern(fold(p)).sub(" ", folded)
    return folded


def _asked(question: str) -> Asked | None:
    order, kinds = _kinds()
    folded = _before_condition(fold(question), kinds)
    if _reason().search(folded):  # "waarom hanteert CZ een dagtarief?": a reason is asked, no amount of the tariff
        return None
    if any(_has(folded, p) for p in _phrases("definition", "condition")):  # "wanneer telt een aanbieder als
        return None  # bestaande aanbieder?": what makes it one, no date
    if asks_basis(folded):  # "waarop is het plafond gebaseerd?": the grounds are asked, no amount of the ceiling
        return None
    # "voor welke zorgaanbieders is die vergoeding?": for whom, not the amount; only a kind a question word asks
    # for ("tot wanneer kunnen welke aanbieders ...?") is asked beside it
    which_party = _asks_which_party(folded)
    direct = _direct_unit(folded)
    if _how_long_still(folded):  # "hoe lang kunnen we nog ...?": until when
        return Asked("date", tuple(kinds["date"]["holds"]))
    role = kinds["role"]
    if _asks_who(folded, role) and not any(_has(folded, c) for k in role["yields_to"] for c in kinds[k]["cues"]):
        return Asked("role", tuple(role["holds"]), soft=True)  # "wie indiceert ...?": a person or party
    for kind in order:
        spec = kinds[kind]
        if direct and kind in ("consequence", "money", "percent", "level"):
            return Asked("count", tuple(kinds["count"]["holds"]), direct)  # "hoeveel punten op kosten": points
        said = _without_phrases(folded, spec.get("not_in", ()))  # "on call" is no phone number asked
        found = [c for c in [*spec["cues"], *spec.get("bound_cues", ())] if _has(said, c)]
        if which_party and not any(WH.search(fold(c)) for c in found):
            continue
        if found and all(c in spec.get("conjunction", ()) for c in found) and (
            _after_opener(said, found, kinds) or not any(_asks_here(said, m) for c in found for m in word_pattern(fold(c)).finditer(said))
        ):
            continue  # "what must we do when ...", "can we mail it when ...?": the when is a condition, not the question
        if found:
            unit = (_count_unit(folded) or _unit_after(said, found) or _group_unit(folded)) if kind == "count" else None
            if unit and _PARTITIVE.search(folded):  # "voor hoeveel van de cliënten ...?": a share answers it too
                return Asked("count", tuple(kinds["count"]["holds"]))
            if kind == "count" and unit is None:  # "hoeveel omzet", "how much is the minimum revenue": an amount
                noun_kind = next((k for k in order if any(_noun(folded, n) for n in kinds[k].get("nouns", []))), None)
                if noun_kind:
                    return Asked(noun_kind, tuple(kinds[noun_kind]["holds"]))
            asking = _asking_kind(folded, order, kinds, kind, found)
            if asking is not None:  # "hoe zijn loonkosten en overige kosten in de index gewogen?": the kind a question word
                return Asked(asking, tuple(kinds[asking]["holds"]))  # asks, not a noun said in the question ("kosten")
            return Asked(kind, tuple(spec["holds"]), unit)
    if which_party:
        return None
    how = _HOW.search(folded)  # "hoe dienen we het verzoek in?": a way of sending asks for the channel
    if how:
        for k in order:
            spec = kinds[k]
            clause = _with_particle(_how_clause(folded[how.end() :], spec))
            if clause and any(_has(clause, v) for v in spec.get("how_verbs", [])):
                return Asked(k, tuple(spec["holds"]), soft=True)
    for k in order:  # where or who with a verb of turning to someone ("wie mailen we over ...?")
        spec = kinds[k]
        for m in WH.finditer(folded) if spec.get("where_verbs") else ():
            if m.group(1) in spec["where_words"] and _asks_here(folded, m):
                clause = _how_clause(folded[m.end() :], spec)
                asker = any(_has(clause, w) for w in spec.get("askers", []))
                if asker and any(_has(clause, v) for v in spec["where_verbs"]):
                    return Asked(k, tuple(spec["holds"]), soft=True)
    which = _WHICH_NOUN.search(folded)  # "vanaf welk omzetbedrag ...?", "which nurse level ...?": which + a noun
    if which:  # (or compound) of a kind, or a word before such a noun
        words = [which.group(1), *re.findall(r"[\w'-]+", folded[which.end() :])[:WHICH_REACH - 1]]
        kind = next(
            (k for w in words for k in order if any(_noun(w, n) for n in kinds[k].get("nouns", []) if n != "%")), None
        )
        if kind is not None:
            return Asked(kind, tuple(kinds[kind]["holds"]))
    return None


def _asking_kind(folded: str, order: list[str], kinds: dict, kind: str, found: list[str]) -> str | None:
    """A later kind whose cue holds a question word, when none of `kind`'s found cues does (a noun such as "kosten"
    said in the question, a question word asking another kind: "welke weging"); None otherwise."""
    if any(WH.search(fold(c)) for c in found):
        return None
    for later in order[order.index(kind) + 1 :]:
        if later == "count":  # "hoeveel kosten ...?": a bare "hoeveel" reads the noun after it (the count branch)
            continue
        spec = kinds[later]
        said = _without_phrases(folded, spec.get("not_in", ()))
        if any(WH.search(fold(c)) and _has(said, c) for c in spec["cues"]):
            return later
    return None


def _asks_who(folded: str, spec: dict) -> bool:
    """The question asks who does something (asked.toml [kinds.role]): its first asking question word is a who-word,
    with no preposition before it ("bij wie", "for whom") and no asker in its clause ("wie moeten we bellen?")."""
    for m in WH.finditer(folded):
        if not _asks_here(folded, m):
            continue
        if m.group(1) not in spec["who_words"]:
            return False
        before = _TOKEN.findall(folded[: m.start()])[-1:]
        clause = _how_clause(folded[m.end() :], spec)
        return not (before and before[0] in spec["prepositions"]) and not any(_has(clause, w) for w in spec["askers"])
    return False


@lru_cache(maxsize=1)
def _role() -> re.Pattern[str]:
    """A person or party named in a sentence (asked.toml [kinds.role] `roles`, also as a compound's head), not as a
    word that describes a thing (`not_before`)."""
    spec = _kinds()[1]["role"]
    roles = "|".join(map(re.escape, sorted((fold(r) for r in spec["roles"]), key=len, reverse=True)))
    things = "|".join(map(re.escape, (fold(w) for w in spec["not_before"])))
    return re.compile(rf"(?<![\w-])[\w-]*?(?:{roles})(?![\w-])(?!\s+(?:{things})\b)")


def _how_clause(after: str, spec: dict) -> str:
    """The words of a how-clause itself: at most `how_reach` words, up to a condition or a comma ("hoe berekent
    CZ het plafond als we een verzoek indienen?" is about the plafond, not about sending)."""
    words: list[str] = []
    for w in after.split():
        if w.strip(",;:") in spec.get("how_stops", ()) or len(words) >= spec.get("how_reach", 0):
            break
        words.append(w.strip(",;:"))
        if w.endswith((",", ";", ":")):
            break
    return " ".join(words)


def _with_particle(clause: str) -> str:
    """The clause with the verb a Dutch particle said apart makes ("hoe geven we een onderaannemer door?" also says
    "doorgeven"): the verb is the clause's first word, the particle (the concept vocabulary's [separable]) its last
    (a particle inside the clause is a preposition: "hoe geven we invulling aan de zorg op afstand?")."""
    words = re.findall(r"[\w'-]+", clause)
    particles = concept_vocabulary()["particles"]
    # ... or the word before a short phrase that names to whom ("geven we wijzigingen door aan CZ")
    ends = [k for k in range(max(1, len(words) - 3), len(words)) if words[k] in _TO_WHOM] + [len(words)]
    last = next((words[k - 1] for k in ends if k - 1 > 0 and words[k - 1] in particles), "")
    return f"{clause} {last + words[0]}" if last else clause


_TO_WHOM = frozenset({"aan", "bij", "naar", "to"})  # "door aan CZ", "in bij de verzekeraar", "op naar het team"


_PARTITIVE = re.compile(r"\b(?:hoeveel|how many)\s+(?:van|of)\s+(?:onze|de|hun|jullie|our|the|their|your|those|die|deze)\b")
_HOW = re.compile(r"(?<![\w])(?:hoe|how)\b(?!\s+(?:lang|vaak|veel|snel|laat|groot|hoog|much|many|long|often|soon|fast|late|big|high)\b)")
WHICH_REACH = 2  # "which nurse level": the kind's noun may stand one word after the word after "which"
_WHICH_NOUN = re.compile(
    r"(?<![\w])(?:(?:wat|hoe hoog|hoe groot) (?:is|zijn|was|wordt) (?:het|de)|what(?: is|'s) the|welk|welke|what|which)"
    r"\s+([\w-]+)"
)  # "welk omzetbedrag", "wat is het maximumbedrag": the noun (or a compound ending in it) names the kind


def _before_condition(folded: str, kinds: dict) -> str:
    """The question up to the condition of a consequence asked ("what follows if the form arrives late?": "what
    follows if"): the condition's words say when, not what is asked. Unchanged without a consequence cue."""
    spec = kinds["consequence"]
    cue = min((m for c in spec["cues"] for m in [word_pattern(fold(c)).search(folded)] if m), key=lambda m: m.start(), default=None)
    if cue is None:
        return folded
    after = [m for c in spec.get("conditions", []) for m in [word_pattern(fold(c)).search(folded, cue.end())] if m]
    if not after:
        return folded
    return folded[: min(m.end() for m in after)]


def _noun(folded: str, noun: str) -> bool:
    """The noun, or a compound ending in it ("dagvergoeding", "jaaromzet")."""
    n = fold(noun)
    if n == "%":  # "hoeveel %", not the "80%" of a figure the question names
        return re.search(r"(?<![\d\s])%|(?<!\d)\s+%", folded) is not None
    return _has(folded, n) or (len(n) >= 5 and re.search(rf"\w{re.escape(n)}\b", folded) is not None)


def _after_opener(folded: str, cues: list[str], kinds: dict) -> bool:
    """Another question word stands before every one of `cues` in the same sentence."""
    for c in cues:
        m = word_pattern(fold(c)).search(folded)
        start = folded.rfind("?", 0, m.start()) + 1 if m else 0
        before = folded[start : m.start()] if m else ""
        if not any(word_pattern(fold(o)).search(before) for o in kinds["__openers__"]):
            return False
    return True


_HOW_MANY_NOUN = re.compile(r"\b(?:hoeveel|how many)\s+([\w'\-]+)")


def _direct_unit(folded: str) -> str | None:
    """The unit of the noun right after "hoeveel"/"how many" ("hoeveel punten"), none for "hoeveel procent"."""
    for m in _HOW_MANY_NOUN.finditer(folded):
        unit = lexicon().unit_for(m.group(1))
        if unit:
            return unit
    return None


UNIT_AFTER_CUE = 2  # words after a cue of a count ("hoeveel minimaal aan fte ...") its unit may stand


def _unit_after(folded: str, cues: list[str]) -> str | None:
    """"Tell me the least fte of hbo nurses a coop must employ": the unit of a word right after a cue of a count."""
    for c in cues:
        for m in word_pattern(fold(c)).finditer(folded):
            words = re.findall(r"[\w'\-]+", folded[m.end() :])[:UNIT_AFTER_CUE]
            for k, word in enumerate(words):
                if word in lexicon().per_each or (k and words[k - 1] in lexicon().per_each):
                    break  # "which caseload per fte": the fte a rate is counted per, not what is counted
                unit = lexicon().unit_for(word)
                if unit:
                    return unit
    return None


def _group_unit(folded: str) -> str | None:
    """"hoe groot is zo'n team?": the size of a group counts its people (asked.toml [kinds.count] group_*)."""
    spec = _data()["kinds"]["count"]
    sized = any(_has(folded, c) for c in spec.get("group_size", ()))
    return spec.get("group_unit") if sized and any(_has(folded, n) for n in spec.get("group_nouns", ())) else None


COMPOUND_HEAD = 6  # a unit word of at least this many letters at the end of a longer word is that word's head


def _compound_unit(word: str) -> str | None:
    """The unit of the head of a closed compound asked after ("hoeveel thuiszorgaanbieders": providers)."""
    lex = lexicon()
    heads = [k for k in lex.unit_of if len(k) >= COMPOUND_HEAD and len(word) > len(k) and word.endswith(k)]
    return lex.unit_of[max(heads, key=len)] if heads else None


def _count_unit(folded: str) -> str | None:
    lex = lexicon()
    for m in _HOW_MANY.finditer(folded):
        mass = folded[m.start() : m.end()].startswith("how much")  # "how much can one provider get?": an amount, not
        words = re.findall(r"[\w'\-]+", folded[m.start() : m.end() + 40])
        for k, word in enumerate(words[1:5]):  # providers ("how much clients": its noun)
            unit = lex.unit_for(word) or _compound_unit(word)
            if words[k] in lex.per_each:
                continue  # "what caseload per fte": the fte a rate is counted per, not what is counted
            if unit and not (mass and k > 1 and unit in lex.counted_one_by_one):
                return unit
    return None


def holds(asked_: Asked, sentence: str, quantities: list[Quantity] | None = None) -> list[Quantity | str]:
    """The values in `sentence` of the asked kind (quantities, or e-mail addresses / level phrases as text)."""
    if "email" in asked_.holds or "channel" in asked_.holds:  # where to send it: an address, a website or portal
        found = _EMAIL.findall(sentence) if "email" in asked_.holds else []
        if "channel" in asked_.holds:
            found += [m.group(0).rstrip(".,;") for m in _CHANNEL.finditer(sentence)]
        return found
    if "level" in asked_.holds:
        return [m.group(0) for m in _LEVEL.finditer(sentence)]
    if "phone" in asked_.holds:
        return [m.group(0) for m in _PHONE.finditer(sentence)]
    if "role" in asked_.holds:  # who does it: the sentence that names the person or party, as the policy says it
        return [sentence.strip()] if _role().search(fold(sentence)) else []
    if "consequence" in asked_.holds:
        return [m.group(0) for m in _CONSEQUENCE.finditer(sentence)]
    qs = quantities if quantities is not None else read(sentence)
    out: list[Quantity | str] = []
    for q in qs:
        for h in asked_.holds:
            kind, _, unit = h.partition(":")
            if q.kind != kind:
                continue
            if unit and q.unit != unit:
                continue
            if kind == "year" and not (q.before[-1:] and q.before[-1] in year_words(asked_.kind)):
                continue  # "het zorginkoopbeleid 2027" names a document; "in 2028" says when
            if asked_.kind == "count" and asked_.unit and (q.kind == "percent" or (q.kind in ("count", "range") and q.unit not in (None, asked_.unit))):
                continue  # "hoeveel zorgaanbieders": a share or a count of something else does not answer it
            if asked_.kind == "count" and asked_.unit and q.kind == "number" and not _noun_after(sentence, q, asked_.unit):
                continue
            if asked_.per and said_per(q) not in (None, asked_.per):
                continue  # "hoeveel uur per week?": "24 uur per dag" is another measure
            out.append(q)
            break
    if "span" in asked_.holds:  # "wanneer is oproepbaarheid vereist?" -> "tijdens de openingstijden van ..."
        out += [m.group(0) for m in _span().finditer(sentence)]
    if "frequency" in asked_.holds:  # "wanneer geven we wijzigingen door?" -> "per kwartaal": how often, no date
        found = list(_FREQUENCY.finditer(sentence))
        inside = lambda q: any(m.start() <= q.start and q.end <= m.end() for m in found)  # noqa: E731
        out = [m.group(0) for m in found] + [q for q in out if not (isinstance(q, Quantity) and inside(q))]
    return out


@lru_cache(maxsize=1)
def _span() -> re.Pattern[str]:
    """"tijdens de openingstijden van de huisartsenpost", "during office hours": a time said by a time of day or
    week it lasts (asked.toml [kinds.date] span_nouns), with what it belongs to."""
    nouns = sorted(_kinds()[1]["date"].get("span_nouns", []), key=len, reverse=True)
    return re.compile(
        r"\b(?:tijdens|gedurende|buiten|during|outside)\s+(?:de\s+|het\s+|the\s+)?(?:" + "|".join(map(re.escape, nouns))
        + r")\b(?:\s+(?:van|of)\s+(?:de\s+|het\s+|the\s+)?[\w'’-]+)?",
        re.I,
    )


@lru_cache(maxsize=16)
def year_words(kind: str) -> dict[str, str]:
    """The words before a year that make it a time of the asked kind (asked.toml [kinds.<kind>.year_words]),
    each with its English word."""
    return {fold(k): v for k, v in _kinds()[1].get(kind, {}).get("year_words", {}).items()}


def _noun_after(sentence: str, q: Quantity, unit: str) -> bool:
    words = re.findall(r"[\w'\-]+", fold(sentence[q.end : q.end + 40]))[:3]
    return any(lexicon().unit_for(w) == unit for w in words)


WH = re.compile(
    r"(?<![\w'])(wat|wanneer|hoe|hoeveel|hoelang|welke|welk|waar|waarom|waarheen|wie|waaraan|waarvoor|waarmee|waarop|"
    r"waarover|waardoor|waarin|waaruit|waarnaar|waarbij|waarvan|"
    r"what|when|how|which|where|why|who|whom|whose)(?![\w])",
    re.I,
)


@lru_cache(maxsize=1)
def _question_word() -> dict[str, frozenset[str]]:
    """asked.toml [question_word], folded."""
    return {k: frozenset(fold(w) for w in v) for k, v in _data()["question_word"].items()}


_TOKEN = re.compile(r"[\w'-]+|[,;:(\u2013\u2014]")


def _asks_here(folded: str, m: re.Match[str]) -> bool:
    """Whether the question word at `m` asks (asked.toml [question_word]): it opens a clause, or follows a verb of
    knowing or telling, or asks wherever it stands ("hoeveel"); otherwise it joins a clause ("... when discussing")."""
    words = _question_word()
    if any(folded.startswith(a, m.start()) and not folded[m.start() + len(a) : m.start() + len(a) + 1].isalnum()
           for a in words["always"]):  # fmt: skip
        return True
    start = max((a for a, _ in sentence_spans(folded) if a <= m.start()), default=0)
    before = _TOKEN.findall(folded[start : m.start()])
    while before and before[-1] in words["prepositions"]:  # "tot wanneer", "by when"
        before.pop()
    if not before or not before[-1][0].isalnum() or before[-1] in words["joining"]:
        return True
    if all(w in words.get("leading", ()) or w in words["joining"] for w in before):  # "Roughly what ...?"
        return True
    tail = " ".join(before[-2:])
    if before[-1] in words["pronouns"] and len(before) > 1:  # "tell me when", "weet iemand wanneer"
        return before[-2] in words["knowing"]
    return before[-1] in words["knowing"] or tail in words["knowing"]


def asks_question_word(text: str) -> bool:
    """`text` holds a question word that asks ("Wanneer ...?", "..., en tot wanneer?", "tell me which ..."), not only
    one that joins a clause ("Can we mail it when ...?", "Does it cover providers who ...?")."""
    folded = fold(text)
    return any(_asks_here(folded, m) for m in WH.finditer(folded))


_HYPOTHETICAL = re.compile(r"^\W*(?:en\s+|and\s+|maar\s+|but\s+)?(?:als|if|stel|suppose|wat als|what if)\b", re.I)
# a year after a condition's comma that only narrows it ("..., alleen in 2026?", "..., only for 2026?"): part of the
# condition, no question of its own ("..., dus voldoen we?", "..., ook goed?" ask yes or no)
_QUALIFIES = re.compile(r"^\s*(?:alleen|enkel|uitsluitend|only|solely)\s+(?:(?:in|voor|for)\s+)?20\d\d\s*\??\s*$", re.I)


def opens_hypothetical(text: str) -> bool:
    """The text opens with a condition that asks for an outcome ("En als ...?", "Suppose ...", "What if ...")."""
    return bool(_HYPOTHETICAL.match(text))


_IF_NOT = re.compile(r"^\W*(?:and\s+|en\s+)?(?:if\s+not|zo\s+niet|als\s+dat\s+niet\s+zo\s+is|otherwise)\W*$", re.I)
ASKS_NOTHING_WORDS = 4  # "en in 2024?", "and for new providers?": too short to ask anything of its own


def _sentences(text: str) -> list[str]:
    """The sentences of a question as typed (assistant.text.sentences)."""
    return sentences(text.strip())


def _last_asking(sentences: list[str]) -> int:
    """The index of the last sentence ending in a question mark, else of the last sentence."""
    return max((i for i, x in enumerate(sentences) if x.rstrip().endswith("?")), default=len(sentences) - 1)


def asked_clause(question: str) -> str:
    """What the question asks: its last sentence ending in a question mark (else its last sentence); a tag too
    short to ask anything of its own ("Toch?", "Right?") or pointing back ("Hoeveel daarvan ...?", asked.toml
    [points_back]) asks about the sentence before it too; of a sentence opening with a condition ("Als ..., mogen
    we dan ...?") the clause after the condition."""
    sentences = _sentences(question)
    if not sentences:
        return question
    last = _last_asking(sentences)
    sentence = sentences[last]
    clause = re.split(r"[,:;]", sentence)[-1] if _HYPOTHETICAL.match(sentence) else sentence
    if last > 0 and (
        len(re.findall(r"\w+", sentence)) <= ASKS_NOTHING_WORDS or _says_any(clause, "points_back", "words")
    ):  # "Toch?", "Hoeveel daarvan krijgen we?": about the sentence before
        return f"{sentences[last - 1]} {clause}"
    return clause


def concluded(clause: str) -> str:
    """Of a clause that reasons to its question ("dat geldt in 2027 ook, dus halen we het?", "the rule is the same,
    so we're fine?") the conclusion after the last comma-led conclusion word (lexicon [words] conclusion): the
    reason before it is said, not asked. Without one, the clause."""
    found = list(_conclusion_after_comma().finditer(clause))
    return clause[found[-1].end():] if found else clause


def own_conclusions(folded: str) -> list[int]:
    """Where the asker's own conclusions open in `folded`: a comma-led conclusion word with its subject that states
    ("..., dus we zitten op 45%", "..., so we are at 40%"; not "..., so can we outsource another 10%?", which asks a
    permission), or a phrase that states the asker's total (lexicon `conclusion_at`: "... puts us at 45%")."""
    asking = lexicon().permission
    found = [
        m.start() for m in _conclusion_after_comma().finditer(folded)
        if not any(re.match(rf"\s*(?:{re.escape(w)}|{re.escape(' '.join(reversed(w.split())))})\b", folded[m.end():])
                   for w in asking)
    ]  # fmt: skip  # (a permission asked also with its verb first after the word: "dus mogen we", "so can we")
    found += [m.start() for m in _conclusion_phrase().finditer(folded)]
    return sorted(set(found))


@lru_cache(maxsize=1)
def _conclusion_phrase() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(lexicon().conclusion_at, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{words})(?![\w])")


@lru_cache(maxsize=1)
def _conclusion_opening() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(lexicon().conclusion, key=len, reverse=True))
    return re.compile(rf"(?:{words})\b")


CONCLUSION_OPENING_WORDS = 3  # how far into a sentence its subject and verb may stand before the conclusion word


def concludes_early(folded: str) -> bool:
    """The folded sentence states the asker's conclusion with its subject and verb first ("dan komen we dus uit op 45%",
    "we are therefore at 45%"): a conclusion word within its first words, after a subject of its own."""
    m = _conclusion_early().match(folded)
    if m is None or re.search(r"\b(?:we|wij|ik|i|it|het|dat|that|ze|zij|they)\b", m.group(1)) is None:
        return False
    return not any(word_pattern(w).search(m.group(1)) for w in lexicon().permission)  # ("mogen we dus 45% ...?" asks)


@lru_cache(maxsize=1)
def _conclusion_early() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(lexicon().conclusion, key=len, reverse=True) if " " not in w)
    return re.compile(rf"^\W*((?:[\w'’]+\s+){{1,{CONCLUSION_OPENING_WORDS}}})(?:{words})\b")


def opens_with_conclusion(folded: str) -> bool:
    """The folded text opens with a word of the asker's own conclusion (lexicon [words] conclusion: "dus", "so")."""
    return _conclusion_opening().match(folded) is not None


@lru_cache(maxsize=1)
def _conclusion_after_comma() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(lexicon().conclusion, key=len, reverse=True))
    subject = r"(?:we|wij|ik|u|het|dat|you|it|they|zij|ze|ons|onze|our|my|mijn|jullie|i)"
    return re.compile(rf"[,;]\s*(?:{words})\b(?=[^;.!?]*?\b{subject}\b)")  # a clause of its own, with its subject


def asked_start(folded: str) -> int:
    """Where the asked sentence begins in `folded` (a tag too short to ask anything of its own, "Toch?", with the
    sentence before it): words before it tell the story ("vorig jaar afgewezen. Mogen we opnieuw?") and ask nothing;
    a condition inside the sentence ("als ..., is dat een probleem, of niet?") belongs to it."""
    spans = sentence_spans(folded.strip())
    if not spans:
        return 0
    offset = len(folded) - len(folded.lstrip())
    said = [folded.strip()[a:b] for a, b in spans]
    last = _last_asking(said)
    if last > 0 and len(re.findall(r"\w+", said[last])) <= ASKS_NOTHING_WORDS:
        last -= 1
    return offset + spans[last][0]


# a condition word opens a clause of its own when a subject follows it ("als het plafond op is", "if we reach"), not
# when it means "as" ("kunnen we als wijkverpleging ...?", "as a small provider")
_CLAUSE_SUBJECT = re.compile(
    r"\s+(?:we|wij|ik|je|jij|u|het|de|ons|onze|er|zij|ze|hij|die|dat|deze|dit|mijn|jullie|i|you|it|the|our|they|"
    r"there|this|that|these|those|my|your|their|een|a|an)\b"
)


def without_trailing_condition(clause: str) -> str:
    """An asked clause without the condition it ends with ("mag ik de zorg stopzetten als het plafond bereikt is?":
    "mag ik de zorg stopzetten"): the condition sets the scene, the words before it ask. A condition word that opens
    the clause ("wanneer moeten we ...?", "als we ..., mogen we dan?") stays."""
    words = list(re.finditer(r"[\w'-]+", clause))
    for m in words[1:]:
        for c in lexicon().condition:
            found = word_pattern(c).match(clause, m.start())
            if found and (" " in c or _CLAUSE_SUBJECT.match(clause, found.end())):
                return clause[: m.start()]
    return clause


def is_yes_no(question: str) -> bool:
    """A yes/no question: its (last) question sentence has no question word ("Voldoen we?", "Mag dat?",
    "Is it true that ...?"); "Hoeveel ...?", "Tot wanneer ...?" or "En als het B was?" asks for a value or an
    outcome instead. A short follow-up after " || " ("... welk niveau? || en in 2024?") asks what the question
    it continues asked."""
    if " || " in question:
        *before, question = question.split(" || ")
        if before and len(re.findall(r"\w+", question)) <= ASKS_NOTHING_WORDS:
            return is_yes_no(before[-1])
    if asks_basis(question):  # "op basis waarvan bepaalt CZ het plafond?": the grounds, no yes or no
        return False
    sentences = _sentences(question)
    last = sentences[_last_asking(sentences)] if sentences else question
    pieces = last.split(",")
    if len(pieces) > 1 and _IF_NOT.match(pieces[-1]):  # "Klopt dat, en zo niet?": the question before the tag
        last = ",".join(pieces[:-1]) + "?"
    pieces = re.split(r",|:(?!\d)", last)  # "Als nieuwe aanbieder: is het te laat?": a colon ends the condition too
    if _HYPOTHETICAL.match(pieces[-1]) or (_HYPOTHETICAL.match(last) and (len(pieces) == 1 or _QUALIFIES.match(pieces[-1]))):
        return False  # "En als het B was?": an outcome is asked; "Als nieuwe aanbieder ..., voldoen we?" is yes/no;
        # "Stel dat 2027 toch geen A wordt, uitsluitend 2026?": the words after the comma still belong to the condition
    if _value_opener(last):
        return False  # "Maximum amount for a B score?": the value, asked without a verb
    return not asks_question_word(last)


VALUE_OPENER_WORDS = 8  # a noun phrase asked alone is short


def _value_opener(sentence: str) -> bool:
    """The asking sentence is a short noun phrase that opens with a word naming a value (asked.toml [question_word]
    value_openers): no comma or colon that opens a clause of its own ("Deadline gemist: mogen we nog ...?"), no
    figure but a year ("Maximaal 50%?" checks one), and no word that asks a yes or no after the opener."""
    folded = fold(sentence).lstrip(" -–•*").strip()
    if re.search(r"[,:;]", folded) or len(re.findall(r"[\w'-]+", folded)) > VALUE_OPENER_WORDS:
        return False
    if re.search(r"\d", re.sub(r"\b(?:19|20)\d\d\b", "", folded)):
        return False
    if not any(re.match(rf"{re.escape(w)}(?![\w])", folded) for w in phrases("question_word", "value_openers")):
        return False
    return not any(re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", folded) for w in phrases("question_word", "value_opener_verbs"))


def asks_of_the_rule(text: str) -> bool:
    """A yes/no question whose subject is the rule itself and whose predicate is a value ("is de drempel voor
    bijcontractering 85%?", "is the deadline 15 November?"; lexicon [questions] rule_copulas, rule_subjects): the
    value is said of the rule. Not "is the 2027 area rule met?" (no value after the subject)."""
    pattern = _rule_pattern()
    if pattern is None:
        return False
    folded = fold(text)
    quantities = None
    for m in pattern.finditer(folded):
        end = next((e.start() for e in re.finditer(r"(?<!\d)[.!?](?!\d)", folded) if e.start() >= m.end()), len(folded))
        quantities = read(text) if quantities is None else quantities
        values = [q for q in quantities if q.kind in _RULE_VALUE_KINDS and m.end() <= q.start < end]
        if len(values) != 1:
            continue  # none said of the rule, or several: the asker's figures, or a choice ("85% or 90%?")
        rest = folded[values[0].end : end]
        if not any(word_pattern(w).search(rest) for w in lexicon().rule_case_words):
            return True
    return False


@lru_cache(maxsize=1)
def _rule_pattern() -> re.Pattern[str] | None:
    lex = lexicon()
    if not lex.rule_copulas or not lex.rule_subjects:
        return None
    copula = "|".join(map(re.escape, lex.rule_copulas))
    subject = "|".join(map(re.escape, sorted(lex.rule_subjects, key=len, reverse=True)))
    return re.compile(
        rf"(?:^|[.!?:;]\s*)(?:{copula})\s+(?:de|het|the|a|an)\s+(?:[\w'-]+\s+){{0,3}}?(?:{subject})\b"
    )


_RULE_VALUE_KINDS = ("count", "money", "percent", "date", "period", "range", "number")
