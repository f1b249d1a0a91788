"""The privacy filter against a generated corpus of personal data (`privacy_corpus.py`: 232 strings in 7 kinds
and many notations), and against the policy and the eval answers for false redactions.

- every sample is found and, once redacted, none of its needles is left;
- sent through every endpoint that takes text (`TEXT_ENDPOINTS`) of a real server, no needle is found
  afterwards in any file of the data directory (the SQLite database, its -wal and -shm, while running and
  after a stop), in the rows read back with SQL, in the server's output (access and application log), in the
  exports (feedback list, conversation history) or in an error response; a marker sent along proves the
  texts were stored;
- the policy text itself, and the answers to every eval question, come out of the filter unchanged: its own
  e-mail addresses, section numbers, amounts and 4-digit postcode areas are kept.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import httpx
import pytest
from privacy_corpus import TEXT_ENDPOINTS, Sample, samples

from assistant import privacy
from assistant.config import REPO_ROOT

TOKEN = "privacy-corpus-admin-token-5b1f"
MARKER = "Zwaluwstaart"
BATCH = 8


def leaks(text: str, corpus: list[Sample]) -> list[str]:
    """Every needle of the corpus that stands in `text` as a whole word (also percent-decoded, as in a URL)."""
    needles = sorted({n for s in corpus for n in s.needles}, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, needles)) + r")(?!\w)")
    return sorted({m.group(0) for m in pattern.finditer(text + "\n" + unquote(text))})


def test_the_corpus_covers_every_kind_and_every_sample_is_redacted():
    corpus = samples()
    kinds = Counter(s.kind for s in corpus)
    assert len(corpus) >= 200 and set(kinds) == set(privacy.KINDS) and min(kinds.values()) >= 30, kinds
    assert len({s.text for s in corpus}) == len(corpus)
    assert all(leaks(s.text, [s]) for s in corpus)  # the leak search finds every sample as typed
    missed = [(s.kind, s.text) for s in corpus if s.kind not in privacy.find_personal_data(s.text)]
    assert not missed, missed[:10]
    left = [(s.text, privacy.redact(s.text)) for s in corpus if leaks(privacy.redact(s.text), [s])]
    assert not left, left[:10]


# --------------------------------------------------------------------------------- a real server
def batches(corpus: list[Sample]) -> list[str]:
    out = []
    for i in range(0, len(corpus), BATCH):
        parts = [s.text for s in corpus[i : i + BATCH]]
        out.append(f"{MARKER} vraag {i // BATCH}: " + ". ".join(parts) + ". Hoeveel cliënten per postcodegebied?")
    return out


def send(c: httpx.Client, corpus: list[Sample]) -> tuple[list[str], list[str]]:
    """Every batch through every endpoint (short ones sample by sample); (conversation ids, error bodies)."""
    cids, errors = [], []
    for n, text in enumerate(batches(corpus)):
        cid = f"privacy-{n}"
        cids.append(cid)
        for endpoint in TEXT_ENDPOINTS:
            pieces = [text] if len(text) <= endpoint.limit else [s.text for s in corpus[n * BATCH : (n + 1) * BATCH]]
            for piece in pieces:
                method, path, kwargs = endpoint.request(piece[: endpoint.limit], cid)
                with c.stream(method, path, **kwargs) as r:
                    body = r.read().decode("utf-8", "replace")
                assert r.status_code < 500, (endpoint.name, r.status_code, body[:300])
                if r.status_code >= 400:
                    errors.append(f"{endpoint.name} {r.status_code} {body}")
    return cids, errors


TEXT_RUN = 6  # stored text is found in runs of at least this many printable characters (as `strings -n 6` does)


def raw_files(data_dir: Path) -> dict[str, str]:
    """The text in every file of the data directory: its runs of printable characters, one per line. Two bytes
    of a page checksum in a -wal file that decode to "4a" between binary bytes are no stored text; a stored
    needle stands inside a run (a row, a JSON value)."""
    return {
        str(p.relative_to(data_dir)): "\n".join(
            re.findall(rf"[^\x00-\x1f\x7f-\x9f\ufffd]{{{TEXT_RUN},}}", p.read_bytes().decode("utf-8", "replace"))
        )
        for p in sorted(data_dir.rglob("*"))
        if p.is_file() and "index" not in p.relative_to(data_dir).parts  # the index holds the policy only
    }


def sql_rows(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(
            json.dumps(row, ensure_ascii=False) for t in tables for row in conn.execute(f"SELECT * FROM {t}")
        )


@pytest.mark.slow
def test_generated_personal_data_is_found_nowhere_after_every_endpoint(start_server, tmp_path):
    corpus = samples()
    data_dir = tmp_path / "data"
    server = start_server(data_dir, ASSISTANT_ADMIN_TOKEN=TOKEN)
    with httpx.Client(base_url=server.base, timeout=120) as c:
        cids, errors = send(c, corpus)
        auth = {"Authorization": f"Bearer {TOKEN}"}
        exports = [c.get("/api/feedback", params={"limit": 5000}, headers=auth).text]
        exports += [c.get(f"/api/conversations/{cid}", params={"limit": 200}).text for cid in cids]
        live = raw_files(data_dir)
    assert any(name.endswith("-wal") for name in live), sorted(live)
    stored = "".join(live.values())
    assert stored.count(MARKER) >= len(cids) * 3  # the texts were stored (turns, feedback), only redacted
    assert all(MARKER in e for e in exports[1:]) and exports[0].count(MARKER) >= len(cids)
    server.stop()
    after = raw_files(data_dir)
    places = {
        **{f"file {k} (running)": v for k, v in live.items()},
        **{f"file {k} (stopped)": v for k, v in after.items()},
        "database rows": sql_rows(data_dir / "assistant.sqlite3"),
        "server log": server.log(),
        "exports": "\n".join(exports),
        "error responses": "\n".join(errors),
    }
    found = {where: leaks(text, corpus) for where, text in places.items()}
    assert not any(found.values()), {k: v[:5] for k, v in found.items() if v}
    assert len(errors) >= len(corpus)  # the error endpoints answered (their messages were checked above)
    assert "[BSN]" in places["database rows"] and "[naam]" in places["database rows"]


# --------------------------------------------------------------------------------- false redactions
KEEP = {
    "policy e-mail": re.compile(r"[\w.+-]+@cz\.nl"),
    "section": re.compile(r"(?<![\d.,])\d+(?:\.\d+){1,3}(?![\d,])"),
    "amount": re.compile(r"€\s?\d[\d.,]*"),
    "postcode area": re.compile(r"(?<![\d.,€])(?!19\d\d|20\d\d)[1-9]\d{3}(?![\d%]|[.,]\d)"),
    "year or date": re.compile(r"(?:\d{1,2} [a-z]+ )?(?<![\d.,€])(?:19|20)\d\d(?![\d%]|[.,]\d)"),
}


def kept_counts(texts: list[str]) -> dict[str, tuple[int, int]]:
    """Per kind of policy fact: (occurrences in the texts, occurrences changed by the filter)."""
    out = {}
    for kind, pattern in KEEP.items():
        total = changed = 0
        for text in texts:
            redacted = privacy.redact(text)
            for m in pattern.finditer(text):
                total += 1
                changed += m.group(0) not in redacted
        out[kind] = (total, changed)
    return out


def test_the_policy_text_passes_the_filter_unchanged():
    privacy.configure(REPO_ROOT / "corpus")
    for path in sorted((REPO_ROOT / "corpus").glob("*.txt")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert privacy.redact(line) == line, (path.name, n, line)


def eval_questions() -> list[dict]:
    rows = []
    for path in sorted((REPO_ROOT / "evals").glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


@pytest.mark.slow
def test_eval_answers_pass_the_filter_unchanged(real_assistant):
    """The answers to every eval question are not changed by the filter at all; in them, the gold answers and
    the questions (which are stored redacted), the policy's e-mail addresses, section numbers, amounts, postcode
    areas and dates all stay."""
    privacy.configure(REPO_ROOT / "corpus")
    rows = eval_questions()
    answers = [real_assistant.ask(r["question"]).answer for r in rows]
    gold = [v for r in rows for k, v in r.items() if k not in ("question", "id") and isinstance(v, str)]
    questions = [r["question"] for r in rows]  # stored redacted: the postcode areas in them must survive
    counts = kept_counts(answers + gold + questions)
    print(f"\n{len(answers)} answers, {len(gold)} gold texts, {len(questions)} questions; (found, changed): {counts}")
    assert all(changed == 0 for _, changed in counts.values()), counts
    assert counts["policy e-mail"][0] > 0 and counts["section"][0] > 50 and counts["amount"][0] > 10, counts
    assert counts["postcode area"][0] > 10, counts
    changed = [a for a in answers if privacy.redact(a) != a]
    assert not changed, changed[:3]


@pytest.mark.parametrize(
    "text",
    [
        "We expect €80,000 revenue at CZ. Do we qualify as a new provider?",
        "Our nurses work at Breda. Is that a core area?",
        "We zitten at home . nl niet, maar wel in Tilburg.",
    ],
)
def test_the_word_at_before_a_sentence_end_is_no_address(text):
    assert "email" not in privacy.find_personal_data(text)
