"""Multi-part questions: "Wanneer moeten we de kwaliteitsinformatie aanleveren en wat gebeurt er als we te laat
zijn?" is two questions; each part gets its own answer line and quotes. Statements before the questions
("Wij zijn een nieuwe aanbieder.") are kept with every part, so each part is answered in its context."""

from __future__ import annotations

import re

from assistant.answer.asked import phrases
from assistant.retrieve.analysis import STOPWORDS
from assistant.retrieve.hybrid import looks_back
from assistant.text.quantities import fold, lexicon_data, read
from assistant.text.sentences import sentences as typed_sentences

_LEX = lexicon_data()["parts"]


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_QWORD = (
    r"(?:wat|wanneer|hoe|hoeveel|welke|welk|waar|waarom|wie|moeten|moet|mogen|mag|kunnen|kan|is|zijn|geldt|gold|"
    r"staat|stond|what|when|how|which|where|why|who|must|may|can|is|are|do|does|did|should|will)"
)
# "..., which brings the total to 8,600": "which" before a verb opens a relative clause, not a question
_RELATIVE = r"(?!\s+(?:makes|made|brings|brought|gives|gave|leaves|left|means|meant|puts|takes|comes|then|in\s+turn)\b)"
_WH = r"(?:wat|wanneer|hoe|hoeveel|welke|welk|waar|waarom|wie|what|when|how|which|where|why|who)"
_JOIN = re.compile(
    # "..., en daarnaast wanneer ...": a question word a few words on; a verb only right after the join ("and
    # material costs is used" goes on with the clause)
    rf"\s*(?:,\s*)?(?:\ben\b|\band\b|;|\bplus\b|\bverder\b|\balso\b|\book\b)\s+"
    rf"(?=(?:[a-zà-ÿ]+\s+){{0,2}}{_WH}\b|(?:(?:daarnaast|verder|dan|ook|also|then|besides)\s+)?{_QWORD}\b)"
    rf"|\s*,\s+(?=(?:wat|wanneer|hoe|hoeveel|welke|welk|waar|waarom|wie|what|when|how|which{_RELATIVE}|where|why|who)\b)"
    # "welk percentage ..., voor welke datum, en hoe snel ...?": a question word behind a preposition opens a part in
    # an enumeration that ends with "en"/"and" and a question word (not "wat is X, binnen hoeveel dagen ...?")
    rf"|\s*,\s+(?=(?:voor|vanaf|tot|uiterlijk|binnen|via|naar|before|from|until|by|within|through)\s+"
    rf"(?:wat|wanneer|hoe|hoeveel|welke|welk|waar|what|when|how|which|where)\b[^?]*,\s*(?:en|and)\s+"
    rf"(?:(?:voor|vanaf|tot|sinds|uiterlijk|before|from|until|since|by)\s+)?(?:wat|wanneer|hoe|hoeveel|welke|welk|waar|waarom|wie|what|when|how|which|where|why|who)\b)"
    # "Stel dat CZ 250k honoreert - hoeveel krijgen we?": a dash before a question word
    rf"|\s+[-–—]\s+(?=(?:wat|wanneer|hoe|hoeveel|welke|welk|waar|waarom|wie|what|when|how|which|where|why|who)\b)"
    # "gold dat in 2024 al, of was er een overgangsregeling?": an alternative asked as a question of its own
    r"|\s*,?\s+(?:of|or)\s+(?=(?:is|are|was|were)\s+there\b|(?:is|zijn|was|waren|bestond|bestonden|gold|golden)\s+er\b)"
    r"|\s*,\s+(?=(?:is|are)\s+there\b|(?:can|do|does|should|must|may)\s+(?:we|i|it|they|you)\b"
    r"|(?:is|zijn)\s+er\b|(?:mogen|kunnen|moeten)\s+(?:we|wij|ze|zij)\b)"
    # "..., en krijg ik de zorg vergoed?": a verb before its subject opens a Dutch yes/no question
    r"|\s*,\s*(?:en|and)\s+(?=[a-zà-ÿ]+\s+(?:ik|we|wij|je|jij|u|ze|zij|jullie)\b)"
    # "..., mag een wondconsulent ...?", "..., en krijgt de aanbieder ... betaald?": after a comma, a verb before its
    # subject or article (lexicon.toml [parts]; not a preposition or conjunction, not "given"/"assuming ...")
    rf"|\s*,\s*(?:(?:en|and)\s+)?(?=(?!(?:{_alternatives(_LEX['not_verbs'])})\s)(?![a-z]+ing\s)[a-zà-ÿ]+\s+"
    rf"(?:{_alternatives(_LEX['subjects'])})\s)",
    re.I,
)
_ENUMERATION = re.compile(r"(?:^|(?<=[\s,:;]))(?:" + "|".join(_LEX["enumeration"]) + r")\s*")
# the prepositions a question word can stand behind ("vanaf wanneer", "via welk kanaal")
_BEFORE_WH = r"(?:vanaf|tot|uiterlijk|binnen|via|op|naar|bij|tegen|from|until|by|within|through|to|at)"
# "hoe vaak", "how often": a question word of two words (asked.toml [question_word] always), asked as one
_WH_TWO = _alternatives([p for p in phrases("question_word", "always") if " " in p])
# "wanneer en hoe dienen we het verzoek in?": two questions sharing their words ("hoe en hoe vaak ...": the second
# asks how often, the first how)
_COORDINATED = re.compile(
    rf"^(?P<pre>.*?\b)?(?P<w1>{_WH})\s+(?:en|and|&)\s+"
    rf"(?P<w2>(?:{_BEFORE_WH}\s+)?"
    rf"(?:(?:welke?|which)\s+[\w'’-]+|{_WH_TWO}|{_WH}))\b(?P<rest>.+)$",  # "via welk kanaal": the question word with its noun
    re.I,
)
_LABEL = re.compile(r"^[^:?]{3,110}:\s+(?=\S)")  # "Twee vragen over RESV: ...", "Wondzorg: ..."
# "OK so how much ...?", "Helder, en wanneer ...?": the nod a question opens with (lexicon [follow_up] acknowledgements,
# [parts] nods)
_NOD = rf"(?:(?:{_alternatives([*lexicon_data()['follow_up']['acknowledgements'], *_LEX['nods']])})\b[\s,.!:;-]*)?"
_ASKS = re.compile(
    rf"^\s*{_NOD}(?:(?:en|and|maar|but|ook|also|dus|so|dan|then|tot|until|vanaf|from|by|before|uiterlijk|naar|bij|op|"
    rf"voor|met|aan|binnen|uit|over|volgens|onder|vanuit|to|in|at|for|with|within|of|about|tussen|between|tijdens|during|"
    rf"according|under|per|via|by)\s+){{0,2}}{_QWORD}\b"  # "volgens welk kader ...?", "according to which rule ...?"
    # "halen we ...": a verb before its subject asks ("als we ...", "omdat we ..." open a condition or reason)
    r"|^\s*(?!(?:als|indien|toen|omdat|want|dat|zodat|nu|sinds|hoewel|terwijl|zodra|voordat|nadat|en|maar|of|dus|"
    r"if|when|because|since|as|so|and|but|or|that|while|once|before|after|"
    r"stel|suppose|say|imagine|assume|assuming|zeg|neem)\b)"  # "Suppose we register on ... - when ...?": a supposition
    r"[a-zà-ÿ]+\s+(?:we|wij|ik|u|ze|zij|jullie|je)\b",
    re.I,
)
MIN_WORDS = 3
# "And in 2024, was that already the rule, or was there a phase-in?": a question in the past (its year before it) and
# an alternative asked after "or": two questions, though "was" opens no question elsewhere ("Was X in 2024 ..., en is
# dat nog zo?" keeps its first sentence as what the parts after it are about)
_PAST_ASKS = re.compile(r"^\W*(?:(?:en|and)\s+)?(?:(?:in|for|voor|tot)\s+\d{4}\s*,?\s+)?(?:was|were|waren)\b", re.I)
_ALTERNATIVE = re.compile(
    r"\s(?:or|of)\s+(?:(?:is|are|was|were)\s+there|(?:is|zijn|was|waren|bestond|bestonden|gold|golden)\s+er)\b", re.I
)
_AND_WH = re.compile(rf"^\W*(?:{_alternatives(_LEX['continues'])})\s+(?:{_BEFORE_WH}\s+)?{_WH}\b", re.I)  # "..., en welk formulier hoort daarbij"


def split_parts(text: str) -> list[tuple[str, str]]:
    """The separate questions in `text` (one item when it asks one thing), each as (what to ask, its own
    words): a part that leaves out what the part before it says borrows those words to be asked."""
    sentences = [s.strip() for s in typed_sentences(text.strip()) if s.strip()]  # "wij zijn klein. 40 clienten ..."
    # a last sentence typed without its question mark that opens like a question ("... inschrijven? en welk
    # formulier hoort daarbij") asks too
    asked_last = len(sentences) > 1 and not sentences[-1].endswith("?") and bool(
        _AND_WH.match(sentences[-1]) or _focus_asks(sentences[-1])  # "... Vooral: wie indiceert"
    )
    context = [s for k, s in enumerate(sentences) if not s.endswith("?") and not (asked_last and k == len(sentences) - 1)]
    questions = [s for k, s in enumerate(sentences) if s.endswith("?") or (asked_last and k == len(sentences) - 1)]
    if not questions:
        return [(text, text)]
    parts: list[str] = []
    own_lead: dict[int, str] = {}  # a part -> the words it opened with that went to the context (still its own words)
    whole: set[int] = set()  # parts that carry all their words (an enumeration's items, asked with its frame)
    narrowed: dict[int, str] = {}  # a part of a question that narrows the one before it -> that question
    broad: set[int] = set()  # the parts of a question another one narrows (not asked apart)
    spelled_out: set[int] = set()  # parts that say after a dash what the question before the dash asks
    for q in questions:
        focus = _FOCUS.match(q)
        if focus and parts and q[focus.end() :].strip():  # "Vooral: wie betaalt en wie beslist?"
            asked_before = questions[questions.index(q) - 1] if questions.index(q) else parts[-1]
            broad.update(k for k, p in enumerate(parts) if p == asked_before or asked_before.endswith(p))
            start = len(parts)
            q = q[focus.end() :].strip()
            for piece in _focused_pieces(q):
                narrowed[len(parts)] = asked_before
                parts.append(piece)
            if len(parts) > start:
                continue
        spelled = _SPELLED_OUT.match(q)
        if spelled:  # "Wat houdt X precies in - hoeveel ...?": the question after the dash says what the one before asks
            for piece in _focused_pieces(spelled.group("narrow")):
                narrowed[len(parts)] = spelled.group("broad").strip() + "?"
                spelled_out.add(len(parts))  # (its own words are both questions': one asked in two steps)
                parts.append(piece)
            continue
        listed = _enumerated(q) or _listed(q) or _prepositional(q) or _contrasted(q)
        if listed:  # "welk adres voor (1) declaraties en (2) zorginhoudelijke vragen?": one part per item
            whole.update(range(len(parts), len(parts) + len(listed)))
            parts.extend(listed)
            continue
        pieces: list[str] = []
        lead_before = len(context)  # (what the loop below moves to the context is not said again in the question)
        shared: set[str] = set()  # pieces that carry all their words of their own ("wanneer en hoe ...")
        for p in _pieces(q):
            both = _coordinated(p)
            pieces += both
            shared.update(both if len(both) > 1 else ())
        while len(pieces) > 1 and not _ASKS.match(_LABEL.sub("", pieces[0])) and not (
            _ALTERNATIVE.search(q) and _PAST_ASKS.match(pieces[0])  # "in 2024, was that the rule, or was there ...?"
        ):  # "We have unpaid taxes; can we ...?"
            said, _, asking = pieces[0].rpartition(", ")
            if said and _ASKS.match(asking):  # "wij openen in maart, per wanneer mogen we ons melden": the
                context.append(said + ",")  # statement before the comma is context, the clause after it asks
                pieces[0] = asking
                break
            piece = pieces.pop(0)  # kept apart from the question it came before ("stel ... 4 clienten, wat ...?")
            context.append(piece if re.search(r"[.,;:!?]$", piece) else piece + ",")
        if len(pieces) > 1 and all(
            len(re.findall(r"[\w']+", p)) >= MIN_WORDS or _VERB_SUBJECT.match(p) or (i and _BARE_WH.match(p))
            or _points_before_value(p, pieces[i + 1] if i + 1 < len(pieces) else None)  # "mag dat"
            for i, p in enumerate(pieces)
        ):
            whole.update(len(parts) + i for i, p in enumerate(pieces) if p in shared)
            parts.extend(p if p.endswith("?") else p + "?" for p in pieces)
        else:  # one question: what went to the context is said there once, not again in the question ("Als we ...,
            own_lead[len(parts)] = " ".join(context[lead_before:])  # en er wordt 20k gehonoreerd, welk percentage?")
            parts.append(_without_lead(q, context[lead_before:]))

    if len(parts) - len(broad) < 2 and not narrowed:
        return [(text, text)]
    full: list[str] = []
    for i, p in enumerate(parts):  # a bare question word borrows from the last part that asks with words of its own
        if i in narrowed:  # (a narrowing part borrows the broad question's words, its years too)
            full.append(_narrowing(p, narrowed[i]))
            continue
        earlier = [parts[k] for k in range(i - 1, -1, -1) if not _BARE_WH.match(parts[k])] or [parts[i - 1]] if i else []
        # ... the one with the most words of its own, not a part that itself leaves out its subject ("..., voor welke
        # datum insturen,"): the nearest of those
        before = max(earlier, key=_content_count) if earlier else ""
        compared = len({q.value for k in range(i) for q in read(parts[k]) if q.kind == "year"}) > 1
        swapped = _swapped(p, before) if i and i not in whole else None
        if swapped is not None:  # "..., en welk voor inschrijving?": the question before, of another thing (all its
            spelled_out.add(i)  # words are this part's own)
            full.append(swapped)
            continue
        if i and i not in whole and own_lead.get(i):  # "..., en als de handtekening pas in maart staat, telt die dan
            # vanaf januari?": the words it opened with are its own subject (said once, in the context)
            with_lead = f"{own_lead[i]} {p}"
            done = _complete(with_lead, before, compared)
            full.append(p if done == with_lead else done[len(own_lead[i]) :].lstrip())
            continue
        full.append(_complete(p, before, compared) if i and i not in whole else p)
    label = _LABEL.match(parts[0])  # "Twee vragen over RESV: ...": the topic of every part
    if label:
        lab = label.group(0).strip()
        full = [full[0]] + [f if f.startswith(lab) else f"{lab} {f}" for f in full[1:]]  # (an item asked with its frame has it)
    lead = " ".join(context)
    own = [f if k in spelled_out else p for k, (f, p) in enumerate(zip(full, parts, strict=True))]
    out = [(f"{lead} {f}".strip(), p) for k, (f, p) in enumerate(zip(full, own, strict=True)) if k not in broad]
    return out if len(out) > 1 or narrowed else [(text, text)]


def _without_lead(question: str, moved: list[str]) -> str:
    """The question without the pieces it opened with that went to the context (each said there once)."""
    rest = question
    for piece in moved:
        said = piece.rstrip(" ,")
        if rest.startswith(said):
            rest = rest[len(said) :].lstrip(" ,")
    return rest or question


_FOCUS = re.compile(rf"^\W*(?:{_alternatives(_LEX['focus'])})\s*[:,]?\s+", re.I)


FRAME_WORDS = 3  # two parts that share at least this many words around one differing span ask in one frame


def same_frame(a: str, b: str) -> bool:
    """Two parts asked in one frame with one thing swapped ("Wat is de verdeling generalistische wijkverpleging ...?",
    "... specialistische wijkverpleging ...?"): the same words before and after one differing span of at most two."""
    x, y = re.findall(r"[\w'’%-]+", a.lower()), re.findall(r"[\w'’%-]+", b.lower())
    head = next((k for k, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y)))
    tail = next((k for k, (p, q) in enumerate(zip(reversed(x), reversed(y), strict=False)) if p != q), min(len(x), len(y)))
    shared = head + tail
    swapped = {*x[head : len(x) - tail], *y[head : len(y) - tail]}  # what differs: a thing, not a question word
    return (
        x != y and shared >= FRAME_WORDS and max(len(x), len(y)) - shared <= 2 and min(len(x), len(y)) > shared - 1
        and not any(re.fullmatch(_WH, w) for w in swapped)
    )


# "What does rule X mean exactly — which cases count?": a question for what something is or says, and after a dash a
# question word that asks it narrower; the narrower question is asked with the broad one's words, the broad one not
# apart (as after "met name:"); not "what about X — ...?", "what if ...", which only name the subject or a case
_SPELLED_OUT = re.compile(
    rf"^(?P<broad>\W*(?:(?:en|and|maar|but)\s+)?(?:wat|what)\b(?!\s+(?:about|if|als|dan|of)\b)[^?–—]*?)\s+[-–—]\s+"
    rf"(?P<narrow>(?:{_BEFORE_WH}\s+)?{_WH}\b.*)$",
    re.I,
)


def _focus_asks(sentence: str) -> bool:
    """'Met name: wie indiceert er': a sentence that narrows the question before it and asks, typed without its
    question mark."""
    focus = _FOCUS.match(sentence)
    return focus is not None and bool(_ASKS.match(sentence[focus.end() :]))


def _narrowing(part: str, broad: str) -> str:
    """'wie coördineert?' after 'Wondzorg: wat zegt 2024 en wat zegt 2027? Vooral: ...': the part with
    the broad question's words it does not say itself (its years too), whatever the part says of its own."""
    own = {w.lower() for w in re.findall(r"[\w'’-]+", part)}
    extra = [
        w for w in re.findall(r"\d+(?:[.,]\d+)*|[\w'’-]+", broad)
        if not re.fullmatch(_QWORD, w, re.I) and w.lower() not in own
    ]  # fmt: skip
    return " ".join([part.rstrip("?").rstrip(), *extra]) + "?"


_FOCUS_JOIN = re.compile(
    rf"\s*,\s*(?:(?:en|and)\s+)?(?=(?:{_BEFORE_WH}\s+)?{_WH}\b)|\s+(?:en|and)\s+(?=(?:{_BEFORE_WH}\s+)?{_WH}\b)", re.I
)


def _focused_pieces(question: str) -> list[str]:
    """The questions of a sentence that narrows the one before it ("wie betaalt en wie beslist?"), each ending
    in a question mark."""
    pieces = _FOCUS_JOIN.split(question)  # each asks with the words of the question it narrows, however short
    return [p if p.endswith("?") else p + "?" for p in (x.strip(" ,;") for x in pieces) if p.strip(" ?")]


def _enumerated(question: str) -> list[str]:
    """The items of an enumeration in one question, each asked with the words before the first mark ("Which
    mailbox handles (a) invoices and (b) complaints?" is "Which mailbox handles invoices?" and
    "... handles complaints?"); [] when the question has no two marks."""
    marks = list(_ENUMERATION.finditer(question))
    if len(marks) < 2:
        return []
    frame = question[: marks[0].start()].strip()
    last = frame.split()[-1].lower() if frame.split() else ""
    if not (frame.endswith(":") or last in _LEX["enumeration_frame"]):
        return []  # "mogen (a) zzp'ers en (b) uitzendkrachten meetellen?": the items share the words after them
    if any(re.search(r"\b(?:of|or)\s*$", question[: m.start()].strip()) for m in marks[1:]):
        return []  # "(1) een formulier of (2) een e-mail?": a choice, one question
    ends = [m.start() for m in marks[1:]] + [len(question)]
    items = [question[m.end() : e] for m, e in zip(marks, ends, strict=True)]
    items = [re.sub(r"(?:[\s,;]|\b(?:en|and|of|or)\b)+$", "", i.strip().rstrip("?")).strip() for i in items]
    if not all(items):
        return []
    frame = re.sub(r"[\s:,]+$", "", frame)
    return [f"{frame} {i}?".strip() if frame else f"{i}?" for i in items]


_CONTRAST = re.compile(rf"\s+(?:{_alternatives(_LEX['contrast'])})(?=\s)\s+", re.I)
_WORD = re.compile(r"[\w'’-]+")
CONTRAST_HEAD = 3  # the word a contrast's two sides share ("specialist care versus generalist care") within this many
CONTRAST_ENDING = 4  # letters two single-word sides end alike in ("-istische"): words of one form, side by side


def _common_ending(a: str, b: str) -> int:
    return next((k for k in range(min(len(a), len(b))) if a[-1 - k] != b[-1 - k]), min(len(a), len(b)))


def _contrasted(question: str) -> list[str]:
    """"Welk aandeel heeft generalistische versus specialistische zorg?" asks of each side: "... generalistische zorg?"
    and "... specialistische zorg?". A side is the word next to the contrast word, or as many
    words as reach a word both sides end with ("specialist care versus generalist care"); [] for no contrast, one
    between figures or years (a calculation, a comparison of versions), or single words of different forms ("eigen
    personeel vs zzp": where the first side begins is not told)."""
    m = _CONTRAST.search(question)
    if m is None or any(q.kind in ("count", "money", "percent", "year", "date") for q in read(question)):
        return []
    left, right = list(_WORD.finditer(question[: m.start()])), list(_WORD.finditer(question, m.end()))
    if not left or not right:
        return []
    head = left[-1].group(0).lower()
    n = next((j + 1 for j in range(1, min(CONTRAST_HEAD, len(right))) if right[j].group(0).lower() == head), 1)
    if len(left) < n or (n == 1 and _common_ending(head, right[0].group(0).lower()) < CONTRAST_ENDING):
        return []  # one word a side, of one form ("generalistische vs specialistische"), else no telling the sides
    start, end = left[-n].start(), right[n - 1].end()
    sides = (question[start : m.start()], question[m.end() : end])
    return [f"{question[:start]}{side}{question[end:]}" for side in sides]


_LIST_NOUN = re.compile(rf"\b(?:{_alternatives(_LEX['list_nouns'])})\b", re.I)
_OPENER_AT = re.compile(
    rf"(?<![\w'’-])(?:{_alternatives([w for w in _LEX['list_openers'] if w.isalpha()])})\s+"
    rf"|\s*(?:{_alternatives([w for w in _LEX['list_openers'] if not w.isalpha()])})\s+",
    re.I,
)  # "dates — ...", "datums gelden voor ...": a preposition, or a colon or dash, opens the list
LIST_GAP_WORDS = 6  # at most this many words between the noun and what opens the list
_ITEM_BACK = re.compile(r"\b(?:ervan|daarvan|hiervan|it|them)\b", re.I)  # an item that names the thing before it again
_LIST_SEP = re.compile(r"\s*,\s*(?:(?:en|and)\s+)?|\s+(?:en|and)\s+", re.I)
LIST_ITEM_WORDS = 2  # an item of such a list names a thing in at least this many words ("het indienen")


def _listed(question: str) -> list[str]:
    """"Wat zijn de uiterste data voor het bespreken, het indienen en het versturen van het volgverzoek?": several
    values asked by a plural noun (lexicon [parts] list_nouns), then the things they are for in a list (three, or
    two after a colon or dash): each thing asked with the words before the list. [] otherwise."""
    noun = _LIST_NOUN.search(question)
    if noun is None or not re.search(rf"\b{_WH}\b", question[: noun.start()], re.I):
        return []
    first_sep = _LIST_SEP.search(question, noun.end())
    if first_sep is None:
        return []
    openers = [
        m for m in _OPENER_AT.finditer(question, noun.end(), first_sep.start())
        if len(re.findall(r"[\w'’-]+", question[noun.end() : m.start()])) <= LIST_GAP_WORDS
    ]
    if not openers:
        return []

    def first_word(item: str) -> str:
        return (re.findall(r"[\w'’-]+", item.lower()) or [""])[0]

    def parallel(m: re.Match[str]) -> bool:  # the items start alike ("het bespreken ..., het indienen ...")
        listed = _LIST_SEP.split(question[m.end() :].strip().rstrip("?"))
        return len(listed) > 1 and first_word(listed[0]) == first_word(listed[1])

    # the opener whose items start alike ("percentages van de staffel bij een A, een B": "bij"; "data voor het
    # aanleveren van X, het indienen van Y": "voor"), else the first
    opener = next((m for m in openers if parallel(m)), openers[0])
    cut = opener.end()
    frame = question[:cut].strip()
    items = [i.strip(" ?") for i in _LIST_SEP.split(question[cut:].strip().rstrip("?"))]
    marked = not opener.group(0).strip().isalpha()  # a colon or dash announces the list
    if len(items) < (2 if marked else 3) or any(len(re.findall(r"[\w'’-]+", i)) < LIST_ITEM_WORDS for i in items):
        return []
    if any(re.match(rf"(?:{_QWORD})\b", i, re.I) for i in items):
        return []  # "..., en wat moeten we daarna doen?": a question of its own, not a thing of the list
    for k in range(1, len(items)):  # "het bespreken van de businesscase, het aanleveren ervan": what "ervan" is
        of = re.search(r"\b(?:van|of)\s+(.+)$", items[k - 1], re.I)
        back = _ITEM_BACK.search(items[k])
        if back and of:
            items[k] = f"{items[k][: back.end()]} ({of.group(1)}){items[k][back.end() :]}"
    singular = _LEX["list_singular"]  # each part asks one value: "welke datum geldt voor het indienen?"
    frame = re.sub(r"[\w'’-]+", lambda w: _same_case(singular.get(w.group(0).lower(), w.group(0)), w.group(0)), frame)
    if marked:
        frame = re.sub(r"\s*[^\w\s]+$", "", frame)
        return [f"{frame} — {i}?" for i in items]  # (a colon would make the frame a label of the parts)
    return [f"{frame} {i}?" for i in items]


# "wat wijzigde er in 2027 aan X, en aan Y?": a phrase after ", en" that opens with a
# preposition the question before it also has asks the same of another thing (lexicon [parts] coordinated_prepositions)
_AND_PREPOSITION = re.compile(
    rf",\s*(?:en|and)\s+(?P<prep>{_alternatives(_LEX['coordinated_prepositions'])})\s+(?P<rest>[^?]+?)\s*\?\s*$", re.I
)
_NOT_A_YEAR = re.compile(r"(?<![\w.,])(?!(?:19|20)\d\d(?![\d.,]))\d")  # a figure of the asker's case, not a year


def _prepositional(question: str) -> list[str]:
    """"Wat wijzigde er in 2027 aan de scholingsnorm, en aan de regels voor het jaarverslag?" is "... aan de
    scholingsnorm?" and "... aan de regels voor het jaarverslag?": the words before the first part's last such
    preposition frame the second. [] when the phrase asks with a question word of its own, or the first part holds
    the asker's figures (what "in 2026" would replace there is not clear)."""
    m = _AND_PREPOSITION.search(question)
    if m is None or re.search(rf"\b{_WH}\b", m.group("rest"), re.I):
        return []
    head = question[: m.start()].strip()
    frame = _frame_before(head, m.group("prep"))
    if not frame or _NOT_A_YEAR.search(head) or not (re.search(rf"\b{_WH}\b", frame, re.I) or _ASKS.match(frame)):
        return []  # the words before the preposition ask ("wat is er veranderd", "mogen we zzp'ers inzetten")
    return [f"{head}?", f"{frame} {m.group('prep')} {m.group('rest')}?"]


def _frame_before(head: str, prep: str) -> str:
    """The words of `head` before its last `prep` as a word of its own ("wat wijzigde er in 2027" of "wat wijzigde er in
    2027 aan de scholingsnorm", "aan"); "" when `head` does not have it."""
    at = list(re.finditer(rf"(?<![\w'’-]){re.escape(prep)}(?![\w'’-])", head, re.I))
    return head[: at[-1].start()].rstrip() if at else ""


def _same_case(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


_PREPOSITION = re.compile(rf"{_BEFORE_WH}\s+$", re.I)


def _coordinated(piece: str) -> list[str]:
    """"when and where do we send it?" is "when do we send it?" and "where do we send it?"; a preposition before
    the first question word is its own ("vanaf wanneer en hoe ..." is "vanaf wanneer ..." and "hoe ..."), the noun
    after the second is both's ("hoeveel en welke cliënten ..." asks of clients twice)."""
    m = _COORDINATED.match(piece)
    if m is None or len(re.findall(r"[\w']+", m.group("rest"))) < MIN_WORDS - 1:
        return [piece]
    pre = m.group("pre") or ""
    bare = _PREPOSITION.sub("", pre)  # the second question word does not take the first one's preposition
    w2 = m.group("w2")
    noun = re.match(r"(?:welke?|which)\s+([\w'’-]+)$", w2, re.I)
    w1 = m.group("w1") + (f" {noun.group(1)}" if noun and not re.fullmatch(r"welke?|which", m.group("w1"), re.I) else "")
    return [f"{pre}{w1}{m.group('rest')}", f"{bare}{w2}{m.group('rest')}"]


def _pieces(question: str) -> list[str]:
    """The question cut at its joins; a piece too short to ask anything on its own ("who" in "who and how
    decides on it?") stays joined to the piece after it."""
    cuts = [0]
    for m in _JOIN.finditer(question):
        if "," not in m.group(0) and re.search(rf"\b{_WH}\s*$", question[: m.start()], re.I) and re.match(
            rf"\s*{_WH}\b", question[m.end() :], re.I
        ):
            continue  # "wanneer en hoe ...": two question words that share the question (see _coordinated)
        cuts += [m.start(), m.end()]
    cuts.append(len(question))
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]
    out: list[tuple[int, int]] = []
    carry: int | None = None
    for k, (a, b) in enumerate(spans):
        start = a if carry is None else carry
        if out and carry is None and _BARE_WH.match(question[a:b]) and _IF_SO.search(question[:a]):
            out[-1] = (out[-1][0], b)  # "mogen we ..., en zo ja, hoeveel?": one question
            continue
        piece = question[a:b]
        nxt = question[spans[k + 1][0] : spans[k + 1][1]] if k + 1 < len(spans) else None
        apart = _points_before_value(piece, nxt)  # "mag dat, en hoeveel ...?"
        short = not apart and (
            (
                len(re.findall(r"[\w']+", piece)) < MIN_WORDS and not _VERB_SUBJECT.match(piece)
                and not (out and _BARE_WH.match(piece))  # "... and by when, and ...?": asks of the piece before
            ) or (
                _frames(piece) and not ((out or _ASKS_VALUE.match(piece)) and re.match(rf"\W*(?:\w+\s+)?{_WH}\b", piece, re.I))  # (but after a question
                # of its own, "..., hoe regelen we dat, en ...?" asks how, itself)
                and not (nxt is not None and _OWN_CLAUSE.match(nxt))  # "klopt dat nog, en is het opleidingsniveau gewijzigd?":
            )  # the next piece asks of a thing of its own, the pointing one of the thing before
        )
        if short and (a, b) != spans[-1]:  # "Voldoen we, en ...?": a verb and its subject ask on their own
            carry = start
            continue
        out.append((start, b))
        carry = None
    return [p for a, b in out if (p := question[a:b].strip(" ,;")) and p.strip(" ,;?")]


_POINTER = re.compile(r"\b(?:" + "|".join(map(re.escape, _LEX["pointers"])) + r")\b", re.I)


def _points_before_value(piece: str, nxt: str | None) -> bool:
    """A piece that points back before one that opens with a value's question word ("mag dat, en hoeveel uur te veel
    is het?"): the next asks a value of its own, and the pointing piece its yes or no."""
    return bool(_POINTER.search(piece)) and nxt is not None and bool(_OPENS_WH.match(nxt))


_ASKS_VALUE = re.compile(r"\W*(?:tot|vanaf|voor|by|until|from|before)\s+(?:wanneer|when)\b", re.I)  # "tot wanneer kan dat
# dan, en wat als ...?": a first piece that asks a date of the thing before, a question of its own


def _frames(piece: str) -> bool:
    """ "en gold dat in 2024 ook, mocht ... toen?": a piece that points back with hardly a word of its own
    frames the piece after it; it asks nothing apart."""
    own = [
        w for w in re.findall(r"[^\W\d_][\w'’-]*", piece)
        if w.lower() not in STOPWORDS and not re.fullmatch(_QWORD, w, re.I) and not _POINTER.fullmatch(w)
    ]  # fmt: skip
    return bool(_POINTER.search(piece)) and len(own) < 2


IF_ANSWER = _alternatives(_LEX["if_answer"])  # "zo ja", "if not": what follows depends on the answer before
_IF_SO = re.compile(rf"\b(?:{IF_ANSWER})\W*$", re.I)  # "..., en zo ja, hoeveel?"
# a value asked ("hoeveel ...", "met hoeveel uur ...", "by when ..."): not "wat/hoe", which go on about the same thing
_OPENS_WH = re.compile(
    rf"^\s*(?:(?:{_BEFORE_WH}|met|with|voor|for|van|of|in)\s+)?(?:hoeveel|hoe\s+veel|how\s+many|how\s+much|wanneer|when)\b",
    re.I,
)
_BARE_WH = re.compile(rf"^\s*(?:{_BEFORE_WH}\s+)?{_WH}\s*\??\s*$", re.I)  # "by when", "vanaf wanneer", "hoe"
_VERB_SUBJECT = re.compile(
    r"^\s*(?!(?:als|indien|en|maar|of|dus|want|omdat|if|and|but|or|so|because)\b)[A-Za-zÀ-ÿ]+\s+"
    r"(?:we|wij|ik|u|ze|zij|jullie|je)\s*[,?]?\s*$",
    re.I,
)  # "Voldoen we": a verb and its subject (not "als we", a condition)

ELLIPSIS_WORDS = 4  # a part with fewer content words than this borrows the words of the part before it
# a question word that heads no noun, a full verb and a subject with its article ("en wanneer verscheen het
# inkoopbeleid"): a clause of its own, complete with two content words; not a copula or auxiliary ("en wat is het
# maximum?", "when does the plan start": what they are about is in the part before), not "en hoeveel uur een zzp'er?"
_OWN_CLAUSE = re.compile(
    r"^\s*(?:(?:en|and|maar|but|of|or)\s+)?(?:wanneer|waar|waarom|wie|when|where|why|who)\s+"
    r"(?!(?:is|zijn|was|waren|wordt|worden|werd|geldt|gelden|are|were|be|does|do|did|has|have|had|kan|kunnen|moet|"
    r"moeten|mag|mogen|can|must|may|will|should)\b)[A-Za-zÀ-ÿ]+\s+(?:het|de|een|the|a|an|our|ons|onze|your|jullie)\s+"
    r"[\w'’-]{4,}"
    # "and has the caseload changed?", "is het plafond anders?": a verb before its subject, with an article and a noun
    r"|^\s*(?:(?:en|and|maar|but)\s+)?(?:is|zijn|was|waren|did|does|do|has|have|are|were|heeft|hebben|wordt|werd|"
    r"geldt|gelden|verandert|veranderde)\s+(?:het|de|the|our|ons|onze)\s+"
    # (not a word that names any rule: "is de regel veranderd?" asks of the rule the part before named)
    rf"(?!(?:{'|'.join(map(re.escape, _LEX['pointing_nouns']))})\b)[\w'’-]{{4,}}",
    re.I,
)


# a part whose subject is a word pointing back ("and is that different for medical child care?", "geldt dat ook
# voor kindzorg?", "hoe zit dat bij ...?"): what "that" is, is in the part before
_SUBJECT_BACK = re.compile(
    r"^\s*(?:(?:en|and|maar|but|of|or)\s+)?(?:(?:hoe|how)\s+)?(?:is|are|was|were|geldt|gelden|golden|verschilt|verschillen|"
    r"differs?|does|do|did|applies|apply|zit|zat|ligt|lag|blijft|wordt|werkt|works?)\s+(?:that|this|it|dat|dit|het|die|deze)\b",
    re.I,
)
# "Wat moet zij dan beheersen?", "what does he need to master?": a question word, its verb and a pronoun as the
# subject, who the part before named
_PRONOUN_SUBJECT = re.compile(
    rf"^\W*(?:(?:en|and|maar|but)\s+)?{_WH}\s+[\w'’]+\s+(?:die|deze|hij|zij|ze|she|he|they|him|her|them)\b", re.I
)


def borrows_subject(part: str) -> bool:
    """The part's subject is who or what the part before it named ("..., en wat moet hij beheersen?", "is that so for
    her?")."""
    return bool(_PRONOUN_SUBJECT.match(part) or _BACK_PRONOUN.search(part) or _SUBJECT_BACK.match(part))


_BACK_PRONOUN = re.compile(
    rf"\b(?:{_alternatives(_LEX['back_prepositions'])})\s+(?:{_alternatives(_LEX['back_pronouns'])})\s*(?=[?.!,;]|$)", re.I
)  # "... for her?" (the object, at the clause's end), not "voor haar cliënten"


def names_no_subject(part: str) -> bool:
    """The part has no content word of its own ("en wanneer hoor ik wat terug?"): it asks about what the part before
    named."""
    return _content_count(part) == 0


def _content_count(part: str) -> int:
    """The part's own content words (not stopwords, not question words; "what's" is "what"; not a word that points
    back, "als we daar onder zitten": what it points to is in the part before)."""
    words = [re.sub(r"['’](?:s|re|ll)$", "", w, flags=re.I) for w in re.findall(r"[\w'’-]+", part)]
    general = {w.lower() for w in [*_LEX["pointing_nouns"], *_LEX.get("value_modifiers", []), *_LEX.get("no_subject", [])]}
    return len([
        w for w in words
        if w.lower() not in STOPWORDS and not re.fullmatch(_QWORD, w, re.I) and not _POINTER.fullmatch(w)
        and w.lower() not in general and not re.fullmatch(_BEFORE_WH, w, re.I)  # (the "binnen" of "binnen welke termijn")
    ])  # fmt: skip


# a pronoun standing for a thing named before ("wanneer wordt die aangeboden?", "when is it sent?")
_THING_PRONOUN = re.compile(
    r"^\W*(?:(?:en|and|maar|but)\s+)?[\w'’]+\s+[\w'’]+\s+(?:het|die|dat|deze|it|that|this|they)\b", re.I
)
_PURPOSE = re.compile(r"\b(?:te|to)\s+[\w'’-]+", re.I)  # "te tekenen", "to sign": what the thing is for


_OWN_WH = re.compile(rf"^\W*(?:(?:en|and|maar|but)\s+)?(?:{_BEFORE_WH}\s+)?{_WH}\s+\w", re.I)  # "en wanneer wordt ..."


# "..., en welke voor inschrijving?", "and which for registration?", "en naar welk voor ...": a question word that
# heads no noun, then a preposition and what it is asked of
_PREPOSITIONS = _alternatives(_LEX["coordinated_prepositions"])
_SWAPPED = re.compile(
    rf"^\W*(?:(?:en|and|maar|but|of|or)\s+)?(?:(?:{_BEFORE_WH}|{_PREPOSITIONS})\s+)?(?:{_WH})\s+(?P<rest>(?:{_PREPOSITIONS})\s+[^?]+?)\s*\??\s*$",
    re.I,
)


def _swapped(part: str, previous: str) -> str | None:
    """"Welk adres hoort bij declaraties, en welk bij de inschrijving?": the second part asks the first part's
    question of another thing; it is the first part's words up to its own last such preposition, with the second
    part's words from there ("Aan welk adres richt ik een vraag over een declaratie, en aan welk voor een vraag over de
    inschrijving?": from "over", the first preposition both parts have). None when the part is not of that form or
    the part before has none of its prepositions."""
    m = _SWAPPED.match(part)
    if m is None:
        return None
    head = previous.rstrip(" ?")
    rest = m.group("rest")
    for p in re.finditer(rf"(?<![\w'’-])(?:{_PREPOSITIONS})(?![\w'’-])", rest, re.I):
        frame = _frame_before(head, p.group(0))
        if re.search(rf"\b{_WH}\b", frame, re.I):
            return f"{frame} {rest[p.start() :]}?"
    return None


def _complete(part: str, previous: str, compared: bool = False) -> str:
    """'... welk deel generalistisch in en welk deel specialistisch?': the second part leaves out what the first
    says ("van de wijkverpleging koopt CZ in"); it is asked with the first part's words added."""
    words = re.findall(r"[\w'’-]+", part)
    count = _content_count(part)
    if (count >= ELLIPSIS_WORDS or (count >= 2 and _OWN_CLAUSE.match(part))) and not (
        _BACK_PRONOUN.search(part) or _SUBJECT_BACK.match(part)
    ):
        return part  # ("is there a maximum number of hours for her?": whom "her" is, is in the part before); "en
        # wanneer verscheen het RESV-beleid ook alweer?" has a verb and a subject of its own
    if count >= 1 and _THING_PRONOUN.search(part):  # "..., en wanneer wordt het aangeboden?": what "het" is comes
        previous = _PURPOSE.sub(" ", previous)  # from the part before, not its purpose ("om de stukken in te dienen")
    own_figures = any(ch.isdigit() for ch in part)  # "en hoe zit het met 2027?": its own year, not the one before
    years = {q.value for q in read(previous) if q.kind == "year"}  # "welke eis stond er in 2024, welke staat er nu? En
    # zijn er uitzonderingen?": two years compared (in the part before, or `compared` across the parts before) are those
    # parts' own question, not this part's subject
    compared = (compared or len(years) > 1) and not looks_back(fold(part))  # ("welke eis toen en nu?" compares them)
    asked_own = {w.lower() for w in [*_LEX["value_modifiers"], *_LEX["kind_words"]]} if _OWN_WH.match(part) else set()
    extra = [
        w for w in re.findall(r"\d+(?:[.,]\d+)*(?:[kK]\b)?|[\w'’-]+", previous)  # "8.000", "20k" stay one figure
        if not re.fullmatch(_QWORD, w, re.I) and w.lower() not in {x.lower() for x in words} and w.lower() not in asked_own
        and not (own_figures and any(ch.isdigit() for ch in w))
        and not (compared and w.isdigit() and len(w) == 4 and w.startswith("20"))
    ]  # fmt: skip
    head = part.rstrip("?").rstrip()
    said = read(head) if extra else []
    if said and said[-1].kind == "year" and said[-1].end >= len(head.rstrip(".!")) - 1:  # "en wat gold er in 2023?":
        head += ","  # the borrowed "procent" is no unit of the part's own year
    return " ".join([head, *extra]) + "?"
