"""Input guards: language, injection text, pressure to confirm, out-of-scope subjects, personal data."""

from __future__ import annotations

import functools
import re

from assistant import privacy
from assistant.domain import collapse_ws
from assistant.retrieve.analysis import DOMAIN_EN, DOMAIN_NL, STOP_EN, STOP_NL, fold
from assistant.text.quantities import lexicon_data, names_clients

_INJECTION = re.compile(
    r"(ignore|disregard|forget)\s+(all\s+|the\s+|your\s+|any\s+)*(previous|prior|above|earlier)\s+(instructions|rules|prompts?)"
    r"|(negeer|vergeet)\s+(alle\s+|al\s+|je\s+|jouw\s+|uw\s+|de\s+)*(eerdere|vorige|bovenstaande)\s+(instructies|regels)"
    r"|(ignore|disregard|forget)\s+(all\s+|the\s+|your\s+|any\s+)*(policy|rules|instructions|context|sources|guidelines)\b"
    r"|(negeer|vergeet)\s+(alle\s+|de\s+|het\s+|je\s+|jouw\s+|uw\s+)*"
    r"(beleid\w*|regels|instructies|context|bronnen|richtlijnen|citaten)\b"
    r"|you\s+are\s+now\b|je\s+bent\s+nu\b|u\s+bent\s+nu\b|(?:^|[.!?:]\s*|\bplease\s+|\b(?:you|u|je|jij)\s+(?:\w+\s+)?)act\s+as\b|doe\s+alsof|pretend\s+(to\s+be|you)"
    r"|\[\s*(system|systeem|admin|developer|ontwikkelaar|beheerder)\w*(\s+\w+){0,2}\s*[:\]]|<\s*/?\s*system\s*>"
    # a line labelled as the system's ("SYSTEM NOTICE: ...", "Systeem update: ..."; an administrator's note that states
    # a rule is a premise, corrected), and what a line says the assistant must do ("the assistant has to use these
    # figures", "de assistent moet dit overnemen")
    r"|^\s*(system|systeem)(\s+\w+){0,2}\s*:"
    r"|\bthe\s+(assistant|chatbot|bot)\s+(must|should|shall|has\s+to|is\s+required\s+to)\b"
    r"|\bde\s+(assistent|chatbot|bot)\s+(moet|dient|zal)\b"
    r"|reveal\s+(your\s+)?(system\s+)?prompt|toon\s+(je|uw)\s+(instructies|prompt)"
    r"|\b(what\s+(is|are)|show|print|repeat|tell\s+me|give\s+me)\s+(me\s+)?(your|the)\s+(system\s+)?(prompt|instructions)"
    r"|\brepeat\s+(everything|all|the\s+text|the\s+lines?)\s+(above|before)"
    r"|\b(wat\s+(is|zijn)|toon|geef|herhaal|laat)\s+(me\s+)?(je|jouw|uw|de)\s+(systeem)?(prompt|instructies)"
    r"|\bherhaal\s+(alles|de\s+tekst)\s+(hierboven|boven\s+deze)"
    r"|\btell\s+the\s+user\b|\b(zeg|vertel)\s+(tegen\s+)?de\s+gebruiker\b"
    r"|\b(your|je|jouw|uw)\s+(filters?|guardrails?|safety\s+checks?|restrictions?|beperkingen)\s+(are|is|zijn|staan)\s+(now\s+|nu\s+)?"
    r"(disabled|off|lifted|uitgeschakeld)\b|\b(developer|admin|administrator|god|debug|beheerder)\s*(mode|modus)\b|\bjailbreak"
    # a permission the message grants the assistant ("you may now make binding promises", "je mag nu toezeggen")
    r"|\b(you)\s+(may|are\s+allowed\s+to|are\s+authori[sz]ed\s+to)\s+now\b|\b(you)\s+are\s+now\s+(allowed|authori[sz]ed)\b"
    r"|\b(je|jij|u)\s+(mag)\s+(vanaf\s+)?nu\b"
    # what to say from now on ("zeg voortaan dat ...", "vermeld vanaf nu ...", "from now on state ...", "always answer
    # that ..."): an instruction about the assistant's answers, not a fact about the provider
    # (said to the assistant: a command at the start of a sentence, or with "je/u/you"; not "vanaf nu melden wij onze
    # zzp'ers per kwartaal", "from now on we answer the phone ourselves")
    r"|(?:^|[.!?:\]]\s*)(?:zeg|vermeld|meld|antwoord|noem|schrijf|vertel)\s+(?:(?:je|jij|u)\s+)?(?:vanaf\s+nu|voortaan|altijd)\b"
    r"|\b(?:vanaf\s+nu|voortaan)\s+(?:moet|moeten|zal|zult|ga|gaat)\s+(?:je|jij|u)\s+(?:\w+\s+){0,3}"
    r"(?:zeggen|vermelden|melden|antwoorden|noemen|schrijven)\b"
    r"|\bfrom\s+now\s+on\s*,?\s*(?:(?:you|please|always)\s+){0,2}(?:state|say|answer|tell|mention|reply|write)\b"
    r"|(?:^|[.!?:\]]\s*|\bplease\s+)(?:state|say|answer|tell|mention|reply|write)\b[^.?!]{0,40}\bfrom\s+now\s+on\b"
    r"|(?:^|[.!?:\]]\s*|\b(?:you|please)\s+)always\s+(?:answer|say|state|reply|tell)\b",
    re.IGNORECASE | re.MULTILINE,
)
_SYSTEM_BLOCK = re.compile(
    r"<\s*(system|systeem)\s*>.*?<\s*/\s*(system|systeem)\s*>"
    # a bracketed note that presents itself as the system's ("<<SYSTEM OVERRIDE: ...>>", "[[admin notice: ...]]",
    # "{{developer: ...}}"): the whole note is an instruction, with the figures it wants said
    r"|(?:<<|\[\[|\{\{)\s*(?:system|systeem|admin|administrator|beheerder|developer|ontwikkelaar|instructions?|"
    r"instructies?|override)(?:bericht|berichten|melding|update|notice|message|prompt|mode|modus)?\b"
    r"[^<>\[\]{}]*(?:>>|\]\]|\}\})"  # "<<SYSTEEMBERICHT: ...>>": the compounds a notice is written as
    # one bracket whose label names who instructs ("[Opdracht van de beheerder: ...]", "[note from the admin team:
    # ...]", "[instructie CZ-beheer: ...]"): the label within its first words, before the colon
    r"|\[\s*(?:[\w-]+\s+){0,3}[\w-]*?(?:system|systeem|admin|beheer|developer|ontwikkelaar|instructi|opdracht|"
    r"override)[\w-]*(?:\s+[\w-]+){0,3}\s*:[^\[\]]*\]",
    re.I | re.S,
)
# a guarantee asked of the assistant ("garandeer me dat", "can you guarantee that"), not "the requirement to guarantee
# 24/7 care" (what a rule asks of a provider)
_GUARANTEE = (
    r"garandeer\w*\s+(?:me|mij|ons|dat|u|je)|garanderen\s+dat|(?:can|could|will|would)\s+you\s+guarantee|"
    r"guarantee\s+(?:me|us|that|it)|guaranteed\?|beloof\s+(?:me|mij|ons)|promise\s+(?:me|us)"
)
_PRESSURE = re.compile(
    r"\b(bevestig\w*|confirm\w*|zeg\s+nou|zeg\s+gewoon|zeg\s+(maar\s+)?dat|say\s+that|tell\s+me\s+that|"
    rf"kun\s+je\s+dat\s+(even\s+)?bevestigen|in\s+writing|schriftelijk|{_GUARANTEE})\b",
    re.IGNORECASE,
)
_GUARANTEE_ASKED = re.compile(rf"\b(?:{_GUARANTEE})\b", re.IGNORECASE)
OTHER_INSURERS = (
    "vgz", "zilveren kruis", "menzis", "dsw", "onvz", "achmea", "a.s.r", "asr", "univé", "unive", "eno",
    "zorg en zekerheid", "salland", "interpolis", "fbto", "anderzorg", "ditzo", "caresco", "stad holland",
)  # fmt: skip
_OTHER_SECTOR = re.compile(
    r"\b(ggz|geestelijke gezondheidszorg|mental health|ziekenhuizen|ziekenhuiszorg|hospitals?(?![- ](?:at|in|to)[- ]home)|fysiotherap\w*|physiotherap\w*|"
    r"tandarts\w*|dentist\w*|apothe\w*|pharmac\w*|farmac\w*|jeugdzorg|jeugdwet|wmo|huisartsenzorg|gp practices?(?![- ]nurses?)|"
    r"mondzorg|geboortezorg|kraamzorg|ambulance\s*zorg|wlz|wet langdurige zorg|long-term care act|vpt|mpt|"
    r"volledig pakket thuis|modulair pakket thuis|zorgkantoor|verpleeghuis\w*|nursing[- ]homes?)\b",
    re.IGNORECASE,
)
# ("hospital-at-home care" is care moved from the hospital to the home, the policy's "ziekenhuisverplaatste zorg"; a
# "GP practice nurse" is a person clients may go to, not the GP sector asked about)
# "a client back from hospital", "na ontslag uit het ziekenhuis": a place a client comes from (lexicon [words]
# client_from), said after a client word, not a sector asked about


@functools.cache
def _from_a_place() -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(fold(w)) for w in lexicon_data()["words"]["client_from"]), key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{words})\s+(?:the|a|an|het|een|de)?\s*$")


def _a_clients_place(low: str, start: int) -> bool:
    """The sector word at `start` is where a client comes from ("a client home from hospital"), a client word
    within a few words before."""
    before = low[max(0, start - CLIENT_PLACE_CHARS) : start]
    return bool(_from_a_place().search(before)) and names_clients(before)


CLIENT_PLACE_CHARS = 60
# the asker speaking of themselves ("wij hebben ...", "our clients"): their own case, not a statement of the policy
OWN = re.compile(r"(?<![\w'])(we|wij|ons|onze|our|us|ik|mijn|my|i)(?![\w'])", re.IGNORECASE)
_INSURED = re.compile(  # what insured people pay or are covered for: the insurance terms, not the purchasing policy
    r"\b(eigen\s+risico|eigen\s+bijdragen?|premies?|deductibles?|co-?payments?|own\s+risk|excess|vergoeding\s+voor\s+verzekerden|"
    r"aanvullende\s+verzekering|supplementary\s+insurance|polisvoorwaarden|policy\s+conditions)\b",
    re.IGNORECASE,
)
_TARIFF = re.compile(
    # (not the policy's own "dagtarief" for a stay in a BTH: "day tariff", "daily tariff")
    r"\b(uur|maximum|max|nza-?)?tarie(f|ven)\b|\bhourly\s+rate|(?<!\bday\s)(?<!\bdaily\s)\btariffs?\b(?!\s+per\s+day)"
    r"|\bprijs\s+per\s+uur|\bprice\s+per\s+hour"
    r"|\bwat\s+kost\b|\bhoeveel\s+kost\b|\bhow\s+much\s+(does|do|is)\b.*\bcost|\bwat\s+betaalt\s+cz\s+per\b"
    # "hoeveel betaalt CZ per uur?", "how much do you pay per hour?": a price per hour is a tariff
    r"|\b(?:(?:cz|you|jullie)\s+(?:pay|pays|betaalt|betalen|vergoedt|vergoeden)|(?:pay|pays|betaalt|betalen|vergoedt|vergoeden)"
    r"\s+(?:cz|jullie|you)|(?:pay|pays)\s+us)\b[^.?!]{0,60}\bper\s+(?:hour|uur|zorguur|visit|bezoek)\b",
    re.I,
)
# pay of the staff ("welke cao-schaal?", "salary scale", "loonsverhoging"): a collective agreement's, never the policy's
# (its "loondienst" and "loonheffing" are about employment, not pay)
_WAGES = re.compile(
    r"\bsalaris\w*|\bsalar(?:y|ies)\b|\bcao[- ]?(?:scha{1,2}l\w*|lo(?:o)?n\w*|verhoging\w*)|\b(?:loon|salaris)scha{1,2}l\w*|"
    r"\bloonsverhoging\w*|\bloonstijging\w*|\b(?:uur|maand|bruto|netto|minimum)lo(?:o)?n\w*|\b(?:cao|loon|salaris)\w*\s+(?:\w+\s+){0,3}(?:ingeschaald|inschaling)\b|"
    r"\bwage\s+(?:scales?|increases?|rises?|indexation)|\b(?:pay|salary)\s+(?:scales?|grades?)\b|\bhourly\s+wages?\b|"
    r"\bcollective\s+(?:labou?r\s+)?agreement|\bhoeveel\s+verdien\w*|\bhow\s+much\s+(?:does|do)\b.*\bearn|"
    # "wat verdient zo'n verpleegkundige bruto per maand?" (not "wat verdient de voorkeur?": no pay named)
    r"\bverdien\w*\b[^.?!]{0,60}\b(?:cao|bruto|netto|per\s+(?:maand|uur|jaar)|salaris)\b",
    re.I,
)


LANGUAGE_MARGIN = 2  # stop words one language must lead by to override the language the conversation is in


def language(text: str, previous: str | None = None) -> str:
    """'nl', 'en' or 'other' (by stop-word counts; Dutch wins ties since the corpus is Dutch). In a conversation
    (`previous`, its language so far) a message keeps that language unless its own words clearly differ:
    "in 2026 een A, 2027 opnieuw A" continues a Dutch chat."""
    words = re.findall(r"[a-zà-ÿ']+", fold(text))
    nl = sum(w in STOP_NL for w in words)
    en = sum(w in STOP_EN for w in words)
    if nl == 0 and en == 0:
        letters = sum(ch.isalpha() for ch in text)
        latin = sum(ch.isascii() and ch.isalpha() for ch in text)
        if letters and latin / letters < 0.5:
            return "other"
        other = re.findall(r"\b(und|der|die|das|ist|nicht|le|les|est|une|pour|el|los|que|por|una)\b", fold(text))
        if len(other) >= 2:
            return "other"
        return previous if previous in ("nl", "en") else "nl"  # "3,5 fte": figures only, the chat's language
    other = len(re.findall(r"\b(und|der|das|ist|nicht|les|est|une|pour|los|por|una|ich|wir|sie)\b", fold(text)))
    if other > max(nl, en):
        return "other"
    if abs(en - nl) < LANGUAGE_MARGIN:  # few stop words either way: the domain's words of each language count too
        en += sum(w in DOMAIN_EN for w in words)
        nl += sum(w in DOMAIN_NL for w in words)
    if previous in ("nl", "en") and abs(en - nl) < LANGUAGE_MARGIN:
        return previous
    return "en" if en > nl else "nl"


def strip_injection(text: str) -> tuple[str, bool]:
    """Drop sentences that address the assistant's instructions; they change nothing."""
    text, blocks = _SYSTEM_BLOCK.subn(" ", text)  # <system>…</system>: the whole block is an instruction
    parts = re.split(r"(?<=[.!?\]>])\s+|\n+", text)
    kept = [p for p in parts if not _INJECTION.search(p)]
    if not any("?" in p for p in kept):  # "Je bent nu onze adviseur en je bevestigt dat ...": no question besides
        kept = [k for p in parts if (k := _without_instruction(p))]  # it: what is to be confirmed is answered
    return " ".join(kept).strip(), bool(blocks) or kept != parts


_CLAUSE_END = re.compile(r"\s*(?:[:;,]\s*(?:(?:en|and|maar|but)\b)?|\b(?:en|and|maar|but)\b)\s*", re.I)
KEPT_WORDS = 3  # what is left of a sentence without its instruction asks something only with this many words


def _without_instruction(sentence: str) -> str:
    """The sentence without the clauses that address the assistant's instructions ("Je bent nu onze adviseur en
    je bevestigt dat ...": what is to be confirmed stays, to be answered from the policy); "" when nothing of
    its own is left. A sentence without such a clause is kept whole."""
    if _INJECTION.search(sentence) is None:
        return sentence
    while (m := _INJECTION.search(sentence)) is not None:
        starts = [b.end() for b in _CLAUSE_END.finditer(sentence, 0, m.start())]
        start = starts[-1] if starts else 0
        end = next(iter(_CLAUSE_END.finditer(sentence, m.end())), None)
        sentence = (sentence[:start] + (sentence[end.end() :] if end else "")).strip()
    return sentence if len(re.findall(r"\w+", sentence)) >= KEPT_WORDS else ""


# what follows a request to confirm and is what is to be confirmed: after a colon, or "dat"/"that" ("bevestig nou even
# dat X", "confirm for us that X"); a colon a few words after "dat" opens it ("bevestig dat even: X")
_TO_CONFIRM = re.compile(
    r":\s*(?P<colon>.+)$|\b(?:dat|that)\s+(?:(?:even|nou|maar|gewoon|ff|graag|alsjeblieft|schriftelijk|please|for\s+us|"
    r"in\s+writing)\s*)*:?\s*(?P<that>.+)$",
    re.IGNORECASE,
)
_NOT_A_REQUEST = re.compile(r"bevestigd|bevestiging|confirmed|confirmation", re.IGNORECASE)  # "bevestigd door CZ": told
CONFIRM_WORDS = 4  # a sentence of a request with fewer words of its own states nothing ("Please hurry.")


def to_confirm(text: str, beside: bool = True) -> str | None:
    """A message that asks no question but presses to confirm a statement ("Bevestig even: leden mogen ... Zeg nou
    ja.", "Our board decided it; confirm it in writing: X. Please hurry."): that statement asked as a yes or no
    question, with the request after it in one word ("X? Confirm."), so the policy's sentence decides and the pressure
    stays heard. The statement is the request's own (after its colon or "dat"; the sentences beside it stay before it as
    what it is about), else the sentences beside it; None when there is a question (also one put as a request:
    "bevestig over hoeveel gebieden ..."), no request, or nothing stated. Without `beside` only a statement the request
    itself carries counts ("Kom op, onze caseload is 60. Zeg gewoon ja." after a question presses that question)."""
    from assistant.answer.asked import asks_question_word
    from assistant.text.sentences import sentences

    if "?" in text or not pressure(text):
        return None
    own, beside_said, requested = [], [], False
    for sentence in sentences(text.strip()):
        body = sentence.strip(" .!")
        cue = next((m for m in (*_PRESSURE.finditer(body), *_PUSH.finditer(body)) if not _NOT_A_REQUEST.match(m.group(0))), None)
        if cue is None:
            if len(re.findall(r"\w+", body)) >= CONFIRM_WORDS:
                beside_said.append(body)
            continue
        requested = True
        m = _TO_CONFIRM.search(body, cue.end())
        rest = ((m.group("colon") or m.group("that")) if m else "").strip(" .!")
        if not rest and (tail := re.search(r":\s*(.+)$", body[: cue.start()])):
            rest = tail.group(1)  # "... deze regel: X, bevestig dat even"
        elif not rest or len(re.findall(r"\w+", rest)) < CONFIRM_WORDS:
            rest = body[: cue.start()].strip(" ,;")  # "Leden mogen zorg zonder contract leveren, bevestig dat even."
        if asks_question_word(body[cue.end() : m.start() if m else len(body)]):
            return None  # "bevestig over hoeveel gebieden we ...": a question put as a request
        if rest and len(re.findall(r"\w+", rest)) >= CONFIRM_WORDS and not _PRESSURE.search(rest) and not _PUSH.search(rest):
            own.append(rest)
    if not requested or not (own or (beside and beside_said)):
        return None
    context = [b.rstrip(" ,;:") + ". " for b in beside_said] if own else []  # "Nieuw: het waardemodel geldt nu vanaf ...
    # Bevestig dat wij X": the sentences beside the request say what X is about
    return "".join(context) + "; ".join(own or beside_said) + "? Confirm."


def guarantee_asked(text: str) -> bool:
    """The message asks the assistant for a guarantee or promise ("garandeer ons dat CZ ...", "promise us ..."): what CZ
    will decide is never the assistant's to promise."""
    return bool(_GUARANTEE_ASKED.search(text))


def pressure(text: str) -> bool:
    return bool(_PRESSURE.search(text)) or pushes(text)


# a push for another answer with nothing of its own to confirm ("zeg nou gewoon ja", "just say yes", "maak een
# uitzondering"): it asks the question before again ("bevestig dat we voldoen: ..." states what is to be confirmed)
_PUSH = re.compile(
    r"\b(?:zeg\s+(?:(?:nou|gewoon|maar|even)\s+)*ja|(?:just\s+)?say\s+yes|"
    r"maak\s+(?:(?:nou|gewoon|maar|even)\s+)*een\s+uitzondering|make\s+an\s+exception)\b",
    re.IGNORECASE,
)


def pushes(text: str) -> bool:
    """A push for another answer that states nothing of its own to confirm ("zeg nou gewoon ja", "make an exception")."""
    return bool(_PUSH.search(text))


def out_of_scope(text: str) -> str | None:
    """A reason when the question is about another insurer, another sector, a tariff or what insured people pay."""
    low = fold(text)
    if insurer_named(text) is not None:
        return "insurer"
    sectors = _sector_matches(text)
    if sectors and not re.search(r"wijkverpleg|district nurs|thuiszorg|(?<!nursing-)(?<!nursing )home care", low):
        return "sector"
    if _WAGES.search(text):
        return "wages"
    if _TARIFF.search(text):
        return "tariff"
    if _INSURED.search(text):
        return "insured"
    return None


def insurer_named(text: str) -> str | None:
    """The other insurer a text names, as the text writes it ("VGZ", "Zilveren Kruis"), or None."""
    low = fold(text)
    for name in OTHER_INSURERS:
        m = re.search(rf"(?<![\w.]){re.escape(fold(name))}(?![\w])", low)
        if m:
            return text[m.start() : m.end()] if len(low) == len(text) else name
    return None


def without_insurers(text: str) -> str:
    """`text` without the other insurers it names ("het beleid van CZ en dat van VGZ" -> "het beleid van CZ en dat van")."""
    for name in OTHER_INSURERS:
        text = re.sub(rf"(?<![\w.]){re.escape(name)}(?![\w])", " ", text, flags=re.IGNORECASE)
    return collapse_ws(text)


def _sector_matches(text: str) -> list[re.Match[str]]:
    """The words of another sector a text asks about (not a place a client comes from: "a client home from hospital")."""
    low = fold(text)
    return [m for m in _OTHER_SECTOR.finditer(text) if not _a_clients_place(low, m.start())]


def sector_named(text: str) -> list[str]:
    """The other sectors a text asks about, as the text writes them ("zorgkantoor", "Wlz"), each once."""
    return list(dict.fromkeys(m.group(0) for m in _sector_matches(text)))


def sector_words(text: str) -> list[str]:
    """The other sectors a text names ("Wlz", "GGZ", "verpleeghuis"), folded."""
    return [fold(m.group(0)) for m in _OTHER_SECTOR.finditer(text)]


def find_personal_data(text: str) -> list[str]:
    """The kinds of personal data in `text` (see `assistant.privacy`)."""
    return privacy.find_personal_data(text)


def redact(text: str) -> str:
    """`text` with personal data replaced (see `assistant.privacy`)."""
    return privacy.redact(text)
