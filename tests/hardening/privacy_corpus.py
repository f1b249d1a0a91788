"""A generated corpus of personal data in the formats people type, for the privacy tests (deterministic: Faker's
Dutch locale with a fixed seed, plus the groupings and notations below).

Each `Sample` is one sentence a user might type, the kind of data in it and its `needles`: the strings that must
never be found afterwards in a database file, a log or an export (the data as typed, and its bare digits or
local part where those are distinctive). Surnames that the policy text itself contains are left out, so that a
needle found can only have come from what the user typed.

    samples()            # 7 kinds x 32 generated + 8 reported forms = 232 samples
    TEXT_ENDPOINTS       # every endpoint that takes text, as data (an MCP endpoint is one more entry)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from faker import Faker

from assistant.config import REPO_ROOT

PER_KIND = 32


@dataclass(frozen=True)
class Sample:
    kind: str
    text: str
    needles: tuple[str, ...]


@lru_cache(maxsize=1)
def _policy_words() -> frozenset[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in (REPO_ROOT / "corpus").glob("*.txt"))
    return frozenset(w.lower() for w in re.findall(r"[^\W\d_]+", text))


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def _bsn(fake: Faker, i: int) -> Sample:
    d = fake.ssn()  # a valid BSN (11-proef)
    forms = [
        d,
        f"{d[:3]} {d[3:6]} {d[6:]}",
        f"{d[:3]}.{d[3:6]}.{d[6:]}",
        f"{d[:3]}-{d[3:6]}-{d[6:]}",
        f"{d[:4]}.{d[4:6]}.{d[6:]}",
        f"{d[:4]} {d[4:6]} {d[6:]}",
        f"{d[:2]}.{d[2:4]}.{d[4:6]}.{d[6:]}",
    ]
    carriers = ["BSN {}", "burgerservicenummer: {}", "cliënt met BSN-nummer {} belt", "het nummer {} van mijn cliënt"]
    typed = forms[i % len(forms)]
    return Sample("bsn", carriers[i % len(carriers)].format(typed), (typed, d))


def _phone(fake: Faker, i: int) -> Sample:
    n = f"{fake.random_int(10_000_000, 99_999_999)}"  # 8 digits after the area / mobile prefix
    area = ["20", "10", "30", "40", "76", "13", "45", "50"][i % 8]
    local = f"{area}{n[:7]}"  # 9 digits after the trunk 0
    forms = [
        f"06-{n}",
        f"06 {n[:4]} {n[4:]}",
        f"06{n}",
        f"+31 6 {n}",
        f"+31 (0)6 {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}",
        f"0031 6 {n[:4]} {n[4:]}",
        f"(0{area}) {local[2:5]} {local[5:]}",
        f"0{area}-{local[2:]}",
        f"0{area} - {local[2:5]} {local[5:7]} {local[7:]}",
        f"+31{local}",
        f"+44 20 {n[:4]} {n[4:]}",
        f"+1 (555) {n[:3]}-{n[3:7]}",
        f"+32 2 {n[:3]} {n[3:5]} {n[5:7]}",
        f"+49 30 {n}",
        f"06.{n[:2]}.{n[2:4]}.{n[4:6]}.{n[6:]}",
        f"0800-{n[:4]}",
    ]
    typed = forms[i % len(forms)]
    carriers = ["bel me op {}", "tel. {}", "telefoonnummer van de dochter: {}", "phone {} after 5 pm"]
    return Sample("phone", carriers[i % len(carriers)].format(typed), (typed, _digits(typed)))


def _email(fake: Faker, i: int) -> Sample:
    user = re.sub(r"[^a-z.]", "", fake.user_name().lower().replace("_", ".")) or "gebruiker"
    user = f"{user}{i}"
    domains = ["example.com", "cz.nl", "zorg-thuis.nl", "gmail.com", "thuiszorg-zuid.nl", "ziggo.nl"]
    domain = domains[i % len(domains)]
    user = user.upper() if i % 4 == 1 else user
    forms = [f"{user}@{domain}", f"{user}@{domain.upper()}", f"{user} [at] {domain}", f"{user}(at){domain}"]
    typed = forms[i % len(forms)]
    carriers = ["mail naar {}", "e-mail: {}", "stuur het dossier naar {} aub", "contact {}"]
    return Sample("email", carriers[i % len(carriers)].format(typed), (typed, user))


def _surname(fake: Faker) -> str:
    while True:
        name = fake.last_name()
        parts = name.split()
        core = parts[-1]
        if re.fullmatch(r"[A-Z][a-z]{3,}", core) and core.lower() not in _policy_words() and len(parts) <= 3:
            return name


def _first(fake: Faker) -> str:
    while True:
        name = fake.first_name()
        if re.fullmatch(r"[A-Z][a-z]{2,}", name) and name.lower() not in _policy_words():
            return name


def _name(fake: Faker, i: int) -> Sample:
    first, last, other = _first(fake), _surname(fake), _surname(fake).split()[-1]
    initial = first[0]
    forms = [
        f"mevrouw {first} {last}",
        f"mw. {last}",
        f"dhr. {initial}. {last}",
        f"meneer {last}",
        f"cliënte {last}",
        f"cliënt {first} {last}",
        f"patiënt {last}",
        f"Patient {initial}. {last}",
        f"de heer {initial}.{first[1].upper()}. {last}",
        f"{first} {last}",
        f"mevrouw {last}-{other}",
        f"mevrouw {first} van {other}",
        f"Mw. {last.lower()}",
        f"naam: {first} {last}",
        f"Mevr. {initial}. van der {other}",
        f"mijn naam is {first} {last}",
    ]
    typed = forms[i % len(forms)]
    carriers = ["{} belde over de zorg", "Namens {}: mag dat?", "het dossier van {} staat klaar", "{} vraagt om uitleg"]
    words = [w for w in re.findall(r"[^\W\d_]+", typed) if w.lower() not in _CUE_WORDS]
    needles = tuple(w for w in words if len(w) >= 4 and w.lower() not in _policy_words())
    return Sample("name", carriers[i % len(carriers)].format(typed), needles or (typed,))


_CUE_WORDS = {"mevrouw", "mw", "dhr", "meneer", "cliënte", "cliënt", "patiënt", "patient", "de", "heer", "naam",
              "van", "der", "den", "mevr", "mijn", "is", "ter", "te", "het", "in", "op"}  # fmt: skip
_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"]  # fmt: skip


def _birthdate(fake: Faker, i: int) -> Sample:
    d = fake.date_of_birth(minimum_age=10, maximum_age=100)
    forms = [
        f"{d.day:02d}-{d.month:02d}-{d.year}",
        f"{d.day}-{d.month}-{d.year}",
        f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{d.year}-{d.month:02d}-{d.day:02d}",
        f"{d.day} {_MONTHS[d.month - 1]} {d.year}",
        f"{d.day:02d}.{d.month:02d}.{d.year}",
    ]
    typed = forms[i % len(forms)]
    carriers = ["geboren op {}", "geb. {}", "geboortedatum {}", "date of birth {}", "cliënt van {} heeft zorg nodig"]
    return Sample("birthdate", carriers[i % len(carriers)].format(typed), (typed,))


def _address(fake: Faker, i: int) -> Sample:
    area = fake.random_int(1000, 9999)
    letters = fake.random_element(["AB", "CD", "GH", "KL", "MN", "PR", "TV", "XZ", "BJ", "RW"])
    nr = fake.random_int(1, 300)
    street = re.sub(r"[^A-Za-z]", "", fake.street_name().split()[-1]) or "Dorp"
    street = street.capitalize()
    forms = [  # (as typed, what must not be found afterwards)
        (f"{area} {letters} {nr}", (f"{letters} {nr}",)),
        (f"{area}{letters} {nr}a", (f"{area}{letters}", f"{nr}a")),
        (f"{area} {letters.lower()} {nr}", (f"{letters.lower()} {nr}",)),
        (f"{area} {letters}, {nr}", (f"{letters}, {nr}",)),
        (f"{street}straat {nr}", (f"{street}straat {nr}",)),
        (f"{street}laan {nr}b, {area} {letters}", (f"{street}laan {nr}b", f"{area} {letters}")),
    ]
    typed, needles = forms[i % len(forms)]
    carriers = ["woont op {}", "adres: {}", "bezoek aan {} morgen", "de cliënt op {} krijgt zorg"]
    return Sample("address", carriers[i % len(carriers)].format(typed), needles)


def _iban(fake: Faker, i: int) -> Sample:
    raw = fake.iban()
    typed = raw if i % 2 == 0 else " ".join(raw[j : j + 4] for j in range(0, len(raw), 4))
    return Sample("iban", f"rekeningnummer {typed}", (typed, raw))


GENERATORS: dict[str, Callable[[Faker, int], Sample]] = {
    "bsn": _bsn,
    "phone": _phone,
    "email": _email,
    "name": _name,
    "birthdate": _birthdate,
    "address": _address,
    "iban": _iban,
}


# the forms a hostile test found stored and logged before the privacy filter existed (issue 17)
REPORTED = (
    Sample("bsn", "BSN 111-222-333 graag", ("111-222-333", "111222333")),
    Sample("phone", "bel (020) 123 4567", ("(020) 123 4567", "0201234567")),
    Sample("email", "mail a.degroot@cz.nl even", ("a.degroot@cz.nl", "a.degroot")),
    Sample("name", "mevrouw Anna de Vries belde", ("Anna", "Vries")),
    Sample("name", "Jan Bakker vraagt of het mag", ("Bakker",)),
    Sample("name", "cliënte Hoogendijk krijgt zorg", ("Hoogendijk",)),
    Sample("name", "Patient J. Smith is opgenomen", ("Smith",)),
    Sample("birthdate", "geboren 01-02-1950", ("01-02-1950",)),
)


def samples(per_kind: int = PER_KIND, seed: int = 17) -> list[Sample]:
    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    return [*REPORTED, *(gen(fake, i) for gen in GENERATORS.values() for i in range(per_kind))]


# ------------------------------------------------------------------------------------ endpoints
@dataclass(frozen=True)
class TextEndpoint:
    """One endpoint that takes text: `request(text, conversation_id)` -> (method, path, httpx kwargs). `limit` is
    the longest text it accepts; `stream` reads the answer as a stream."""

    name: str
    request: Callable[[str, str], tuple[str, str, dict[str, Any]]]
    limit: int = 4000
    stream: bool = False


def _mcp(tool: str, arguments: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
    """A tools/call on the MCP endpoint (streamable HTTP, stateless: no session to open first)."""
    body = {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": tool, "arguments": arguments}}
    headers = {"Accept": "application/json, text/event-stream", "MCP-Protocol-Version": "2025-06-18"}
    return "POST", "/mcp", {"json": body, "headers": headers}


def _completion(text: str, cid: str, stream: bool) -> tuple[str, str, dict[str, Any]]:
    messages = [{"role": "system", "content": text[:1000]}, {"role": "user", "content": text}]
    body = {"model": "cz-wijkverpleging", "stream": stream, "messages": messages, "conversation_id": cid}
    return "POST", "/v1/chat/completions", {"json": body}


TEXT_ENDPOINTS: tuple[TextEndpoint, ...] = (
    TextEndpoint("ask", lambda t, c: ("POST", "/api/ask", {"json": {"question": t, "conversation_id": c}})),
    TextEndpoint(
        "chat", lambda t, c: ("POST", "/api/chat", {"json": {"question": t, "conversation_id": c}}), stream=True
    ),
    TextEndpoint("search", lambda t, c: ("GET", "/api/search", {"params": {"q": t, "k": 3}})),
    TextEndpoint("verify", lambda t, c: ("POST", "/api/verify", {"json": {"claim": t}}), limit=2000),
    TextEndpoint(
        "feedback",
        lambda t, c: (
            "POST",
            "/api/feedback",
            {"json": {"rating": "down", "conversation_id": c, "question": t, "answer": t, "comment": t[:2000]}},
        ),
    ),
    TextEndpoint("v1", lambda t, c: _completion(t, c, False)),
    TextEndpoint("v1-stream", lambda t, c: _completion(t, c, True), stream=True),
    TextEndpoint("clauses", lambda t, c: ("GET", "/api/clauses", {"params": {"q": t}}), limit=200),
    TextEndpoint("clause-quote", lambda t, c: ("GET", "/api/clauses/wv2027/2.3.2", {"params": {"quote": t}})),
    # an error that names what was sent: the message must come back redacted
    TextEndpoint("clause-id", lambda t, c: ("GET", f"/api/clauses/{t}", {}), limit=200),
    TextEndpoint("diff-section", lambda t, c: ("GET", "/api/diff", {"params": {"from": "2024", "to": "2027", "section": t}}), limit=100),
    TextEndpoint("mcp-ask", lambda t, c: _mcp("ask", {"question": t, "conversation_id": c})),
    TextEndpoint("mcp-verify", lambda t, c: _mcp("verify_claim", {"claim": t}), limit=2000),
    TextEndpoint("ask-bad-year", lambda t, c: ("POST", "/api/ask", {"json": {"question": t, "year": 2019}})),
)
