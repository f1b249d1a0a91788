"""Dutch text analysis for BM25: tokens, stop words, compound splitting, Snowball stems,
and an English -> Dutch glossary of this domain's terms (queries only)."""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import Stemmer

_TOKEN = re.compile(  # "H&A" (herkenbare en aanspreekbare wijkverpleging) is one word, not two letters
    r"24/7|[0-9]+(?:[.,][0-9]+)*%?|[a-zà-ÿ]&[a-zà-ÿ](?![a-zà-ÿ])(?:[-’'][a-zà-ÿ0-9]+)*|[a-zà-ÿ][a-zà-ÿ0-9]*(?:[-’'][a-zà-ÿ0-9]+)*",
    re.IGNORECASE,
)

STOP_NL = set(
    """aan al alle alleen als altijd ander andere bij dan dat de deze die dit doen door dus een eens en er
    ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon
    kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat ons onze ook op over
    reeds te tegen toch toen tot u uit uw van veel voor want waren was wat we wel werd wezen wie wij wil
    worden wordt zal ze zelf zich zij zijn zo zonder zou ook hoeveel welke welk wanneer waar waarom moeten
    mogen mag kunt jullie we onze ons graag even echt gewoon waaraan waarbij waardoor waarheen waarin waarmee
    waarnaar waarop waarover waaruit waarvan waarvoor hoeft hoefde hoefden hoeven moest moesten mocht mochten""".split()
)
STOP_EN = set(
    """a an and are as at be by can could do does did for from has have how i if in into is it its may
    me must my of on or our should so than that the their them then there these they this to was we what
    when where which who will with would you your us do does any also still why whom whose""".split()
)
STOPWORDS = STOP_NL | STOP_EN
# words of this domain that only one of the two languages writes so ("Existing provider, 150 clients over 45 areas.
# OK for 2027?" has one stop word of each): they tell the language apart when the stop words do not
DOMAIN_EN = set(
    """client clients provider providers existing area areas care hours hour nurse nurses ceiling revenue
    subcontract subcontracted subcontracting subcontractor subcontractors cooperative requirement requirements
    rule rules deadline policy score reimbursement reimbursed budget staff own allowed enough meet comply
    apply register registration contract agreement year years still need needed""".split()
)
DOMAIN_NL = set(
    """clienten client aanbieder aanbieders zorgaanbieder zorgaanbieders bestaande nieuwe gebieden gebied
    postcodegebieden postcodegebied zorg uur uren verpleegkundige verpleegkundigen plafond omzetplafond omzet
    onderaanneming onderaannemer onderaannemers cooperatie eis eisen regel regels beleid vergoeding budget
    personeel eigen toegestaan genoeg voldoen voldoet inschrijven inschrijving overeenkomst jaar jaren nodig""".split()
)

VOCABULARY_PATH = Path(__file__).with_name("vocabulary.toml")


@lru_cache(maxsize=1)
def concept_vocabulary() -> dict[str, Any]:
    """The concept vocabulary (vocabulary.toml): everyday Dutch/English word -> the policy's words, the
    colloquial words replaced by them, and compound parts. One table for retrieval and the router."""
    data = tomllib.loads(VOCABULARY_PATH.read_text(encoding="utf-8"))
    terms = {fold(k): v for k, v in data["terms"].items()}
    return {
        "terms": terms,
        # English inflections reach the same entry: registering / registered -> register
        "stems": {_en_stemmer.stemWord(k): v for k, v in terms.items() if k.isalpha()},
        "replaced": {fold(w) for w in data["replaced"]["words"]},
        "compound_parts": set(data["compound_parts"]["words"]),
        "not_tails": {fold(w) for w in data["compound_parts"].get("not_tails", [])},
        "particles": frozenset(fold(w) for w in data.get("separable", {}).get("particles", [])),
        "parties": tuple(data.get("parties", {}).get("words", [])),
        "one_term": tuple(tuple(g) for g in data.get("one_term", {}).get("groups", [])),
        "own_stem": frozenset(fold(w) for w in data.get("own_stem", {}).get("words", [])),
        "care_givers": tuple(tuple(fold(w) for w in g) for g in data.get("care_givers", {}).get("groups", [])),
    }


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """What the analysis of a text depends on besides the text (this module and the vocabulary): part of the key
    of every cached index built with it, so a changed analysis never meets postings of the old one."""
    digest = hashlib.sha256(Path(__file__).read_bytes() + VOCABULARY_PATH.read_bytes())
    return digest.hexdigest()[:12]


_stemmer = Stemmer.Stemmer("dutch")
_en_stemmer = Stemmer.Stemmer("english")


def fold(text: str) -> str:
    """Lower-case and strip diacritics (cliënt -> client, coöperatie -> cooperatie)."""
    text = text.lower().replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def raw_tokens(text: str) -> list[str]:
    """Tokens; a hyphenated word also yields its parts (c-score -> c-score, c, score)."""
    out: list[str] = []
    for t in _TOKEN.findall(text):
        t = fold(t)
        out.append(t)
        if "-" in t:
            out.extend(p for p in t.split("-") if p)
    return out


_VOWELS = set("aeiouy")


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """Snowball Dutch, plus three light rules it lacks: -dt read as the infinitive's -den, the verb ending -t (borgt/borgen -> borg,
    levert/leveren -> lever) and a doubled vowel in the last syllable (leveer -> lever); the words of one group of
    the vocabulary's [one_term] share one stem (onderaanneming, onderaannemers -> onderaannem); a word of [own_stem]
    is its own stem (uitsluitsel, not uitsluit of uitsluiting)."""
    if token in concept_vocabulary()["own_stem"]:
        return token
    s = _stem(token)
    return _one_term().get(s, s)


@lru_cache(maxsize=1)
def _one_term() -> dict[str, str]:
    """Stem -> the stem of its group's first word (vocabulary.toml [one_term])."""
    return {_stem(fold(w)): _stem(fold(g[0])) for g in concept_vocabulary()["one_term"] for w in g}


def _stem(token: str) -> str:
    if len(token) > 4 and token.endswith("dt"):  # "beantwoordt", "wordt", "meldt": the stem of the verb's infinitive
        token = token[:-1] + "en"  # (Snowball cuts "beantwoorden" to "beantwor", "beantwoordt" only to "beantwoord")
    s = _stemmer.stemWord(token)
    if len(s) > 4 and s.endswith("t") and s[-2] not in _VOWELS and token.endswith("t"):
        s = s[:-1]
    m = re.match(r"^(.*[^aeiou])(aa|ee|oo|uu)([^aeiou])$", s)
    if m and len(s) > 4:
        s = m.group(1) + m.group(2)[0] + m.group(3)
    return s


PART_ZIPF = 3.0  # a compound part outside the corpus must be at least this common in everyday Dutch
WORD_ZIPF = 4.5  # a word this common is split only into parts the corpus itself uses


class CompoundSplitter:
    """Split Dutch compounds into two known words (with an optional linking s/e/en):
    wijkverpleging -> wijk + verpleging, kwaliteitsinformatie -> kwaliteit + informatie."""

    def __init__(self, vocabulary: Iterable[str], min_part: int = 4) -> None:
        words = set(vocabulary) | {fold(w) for w in concept_vocabulary()["compound_parts"]}
        self.vocab = {w for w in words if len(w) >= min_part and w.isalpha()}
        self.not_tails = concept_vocabulary()["not_tails"]
        self.min_part = min_part

    def _known(self, part: str) -> bool:
        """A part is a word of this corpus, or a common word of everyday Dutch (wordfreq), so that
        'tekentermijn' meets 'tekenen' and 'medicijndispenser' meets 'medicijn'."""
        if part in self.vocab:
            return True
        zipf = _zipf()
        return zipf is not None and zipf(part, "nl") >= PART_ZIPF

    @lru_cache(maxsize=100_000)  # noqa: B019 - one splitter per index, lives as long as it
    def split(self, word: str) -> tuple[str, ...]:
        if word.startswith("on") and word[2:] in self.vocab:  # ongecontracteerd -> gecontracteerd
            return (word[2:],)
        if len(word) < 2 * self.min_part or not word.isalpha():
            return ()
        zipf = _zipf()
        lexical = zipf is not None and zipf(word, "nl") >= WORD_ZIPF  # 'overeenkomst' is a word, not over+een+komst
        best: tuple[str, ...] = ()
        best_score = 0
        for i in range(self.min_part, len(word) - self.min_part + 1):
            head, tail = word[:i], word[i:]
            if head not in self.vocab and (lexical or not self._known(head)):
                continue
            if head.endswith("s") and head[:-1] in self.vocab:
                continue  # "kwaliteits|informatie" (a hyphenated "kwaliteits- en ..." made it a word) is kwaliteit+s+...
            for link in ("", "s", "e", "en"):
                if link and not tail.startswith(link):
                    continue
                rest = tail[len(link) :]
                if rest in self.not_tails:
                    continue
                if len(rest) >= self.min_part and (rest in self.vocab or (not lexical and self._known(rest))):
                    score = min(len(head), len(rest))
                    if score > best_score:
                        best, best_score = (head, rest), score
        return best


# the letter in capitals, as the quantity reader takes it: "score a provider" is the English article
_SCORE = re.compile(  # a capital letter, or a small "b" or "c" ("score b"); not "score a provider" (the English article)
    r"\b(?i:score|categorie|status)\s+([ABCbc])\b|\b([ABCabc])-(?i:score|status)\b"
)


def score_terms(text: str) -> list[str]:
    """Waardemodel score letters as terms: "score C", "C-score" -> score_c (a lone letter is no term)."""
    return [f"score_{(a or b).lower()}" for a, b in _SCORE.findall(text)]


def everyday_frequency(word: str, lang: str = "nl") -> float | None:
    """How common `word` is in everyday language (wordfreq's Zipf scale), or None without wordfreq."""
    zipf = _zipf()
    return zipf(word, lang) if zipf is not None else None


@lru_cache(maxsize=1)
def _zipf():
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - a base dependency; without it every word weighs fully
        return None
    return zipf_frequency


# Zipf frequency (log10 per billion words) in everyday Dutch/English at or below which a word is specific
# enough to count fully; every step above it lowers a query word's weight, down to GENERAL_MIN.
SPECIFIC_ZIPF = 4.0
GENERAL_MIN = 0.3


@lru_cache(maxsize=50_000)
def specificity(token: str) -> float:
    """How much a query word says about a topic: 1.0 for rare words (onderaanneming, keurmerk), less for
    words everybody uses (weer, doet, tijd). A word that is rare in this corpus but common in everyday
    language would otherwise get the highest BM25 weight of all the words in a chatty question."""
    zipf = _zipf()
    if zipf is None or not token.isalpha():
        return 1.0
    general = max(zipf(token, "nl"), zipf(token, "en"))
    return max(GENERAL_MIN, min(1.0, 1.0 - (general - SPECIFIC_ZIPF) / 3.0))


def query_weights(text: str, splitter: CompoundSplitter | None = None) -> dict[str, float]:
    """Query terms (as `analyse(..., expand=True)` makes them) -> the specificity of the word they came
    from (the highest, when several words give the same term). Glossary and score terms count fully."""
    out: dict[str, float] = {}
    for term, source in _analysed(text, splitter, expand=True):
        weight = specificity(source) if source is not None else 1.0
        out[term] = max(out.get(term, 0.0), weight)
    return out


def analyse(text: str, splitter: CompoundSplitter | None = None, expand: bool = False) -> list[str]:
    """Text -> BM25 terms. `expand` adds glossary terms (for queries)."""
    return [term for term, _ in _analysed(text, splitter, expand)]


CONCEPT_PART = 8  # a part of a compound this long is a concept of its own ("bijcontractering"), not "grens" in "ondergrens"


SEPARABLE_ZIPF = 2.5  # a particle and a verb of one clause make a verb this common in Dutch (or one the texts use)


def _separated_verbs(text: str, particles: list[str], splitter: CompoundSplitter | None) -> list[str]:
    """A separable verb said apart in a main clause, its particle last ("wij besteden een derde uit", "we halen het terug"):
    the whole verb too ("uitbesteden", "terughalen"), when it is a word of the texts, the vocabulary or everyday
    Dutch."""
    known = concept_vocabulary()["terms"]
    zipf = _zipf()
    out = []
    for clause in re.split(r"[.,;:!?()]|\b(?:en|maar|want|of|dan)\b", fold(text)):
        words = raw_tokens(clause)
        if len(words) < 2 or words[-1] not in particles:
            continue
        for w in words[:-1]:
            whole = words[-1] + w
            if w.isalpha() and len(w) >= 4 and (
                whole in known or (splitter is not None and whole in splitter.vocab)
                or (zipf is not None and zipf(whole, "nl") >= SEPARABLE_ZIPF)
            ):
                out.append(whole)
    return out


def _analysed(text: str, splitter: CompoundSplitter | None, expand: bool) -> list[tuple[str, str | None]]:
    """(term, the word it came from) in order; None for score terms and glossary additions."""
    out: list[tuple[str, str | None]] = [(t, None) for t in score_terms(text)]
    raw = raw_tokens(text)
    particles = concept_vocabulary()["particles"]
    tokens: list[tuple[str, str | None]] = [(t, t) for t in raw] + [
        (p + v, p + v) for p, te, v in zip(raw, raw[1:], raw[2:], strict=False) if te == "te" and p in particles and v.isalpha()
    ]  # "aan te leveren" is also "aanleveren" (vocabulary.toml [separable])
    tokens += [(w, w) for w in _separated_verbs(text, particles, splitter)]
    if expand:
        vocab = concept_vocabulary()
        terms, replaced, stems = vocab["terms"], vocab["replaced"], vocab["stems"]
        pairs = [(i, entry) for i, (a, b) in enumerate(zip(raw, raw[1:], strict=False)) if (entry := terms.get(f"{a} {b}"))]
        paired = {i + k for i, _ in pairs for k in (0, 1)}  # "added value": not also "value" on its own (there)
        # two words of a phrase with only stop words between them ("geen cliënten meer aannemen": "cliënten aannemen")
        content = [i for i, t in enumerate(raw) if t not in STOPWORDS]
        apart = [
            (i, j, entry) for i, j in zip(content, content[1:], strict=False)
            if j > i + 1 and (entry := terms.get(f"{raw[i]} {raw[j]}"))
        ]
        pairs += [(i, entry) for i, _, entry in apart]
        paired |= {k for i, j, _ in apart for k in (i, j)}
        parts_of_known = {  # "self-employed" is a word of its own: not also its part "employed" (loondienst, its opposite)
            i + 1 + k for i, t in enumerate(raw) if "-" in t and t in terms for k in range(len([p for p in t.split("-") if p]))
        }
        # the head of a hyphenated word ("plan" in "h&a-plan"): its kind is named, so not another kind of it the
        # vocabulary adds ("projectplan")
        heads = {i + len([p for p in t.split("-") if p]) for i, t in enumerate(raw) if "-" in t}
        extra = [
            (g, None)
            for j, (t, _) in enumerate(tokens)
            if j not in paired and j not in parts_of_known
            and (entry := terms.get(t) or terms.get(re.sub(r"['’]s$", "", t))  # "region's" is "region"
                or (stems.get(_en_stemmer.stemWord(t)) if t.isalpha() and len(t) > 4 else None))
            for g in raw_tokens(entry)
            if not (j in heads and g != t and g.endswith(t))
        ] + [(g, None) for _, entry in pairs for g in raw_tokens(entry)]  # "added value", "personal data": two words
        if splitter is not None:  # "bijcontracteringsverzoek": the parts of a compound reach the policy's words too
            extra += [
                (g, None)
                for t, _ in tokens if t not in terms and t.isalpha()
                for part in splitter.split(t) if len(part) >= CONCEPT_PART and (entry := terms.get(part))
                for g in raw_tokens(entry)
            ]  # fmt: skip
        tokens = [(t, src) for t, src in tokens if t not in replaced] + extra
    for t, src in tokens:
        if t in STOPWORDS or len(t) < 2:
            continue
        out.append((stem(t), src))
        if splitter is not None:
            out.extend((stem(part), src) for part in splitter.split(t))
    return out
