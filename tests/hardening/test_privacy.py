"""Privacy: a BSN that passes the 11-proef (111222333), an e-mail address and "mevrouw Jansen" sent through
every endpoint never reach the SQLite file (raw bytes of the database and its write-ahead log), any other
file in the data directory, or the server's output (uvicorn access log with query strings, application
logs, tracebacks). The answer itself tells the user the policy's rule (§ 4.3: client details only via
Cryptshare to the CZ Zorgteam). A marker word sent along proves the text itself was stored and logged."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

import httpx
import pytest

from assistant.answer.guards import find_personal_data

BSN, EMAIL, NAME = "111222333", "k.devries@example.com", "Jansen"
MARKER = "Zwaluwstaart"  # no personal data: must be stored, so the test cannot pass by storing nothing
QUESTION = (
    f"Mevrouw {NAME} (BSN {BSN}, mail {EMAIL}) vraagt naar {MARKER}: mag ik haar zorgdossier naar "
    "inkoopvvt.zvw@cz.nl mailen?"
)
SECRETS = [BSN.encode(), EMAIL.encode(), NAME.encode(), b"k.devries"]


def test_the_sample_is_personal_data():
    assert set(find_personal_data(QUESTION)) >= {"bsn", "email", "name"}


def raw_bytes(data_dir: Path) -> dict[str, bytes]:
    """Every file under the data directory, read as raw bytes (the database, its -wal and -shm, the index)."""
    return {str(p.relative_to(data_dir)): p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file()}


def assert_clean(files: dict[str, bytes]) -> None:
    for name, data in files.items():
        for secret in SECRETS:
            assert secret not in data, f"{secret!r} found in {name}"


def send_everything(c) -> dict:
    """The sample through every endpoint that takes text (`c`: an httpx.Client or a TestClient)."""
    got: dict = {}
    r = c.post("/api/ask", json={"question": QUESTION})
    assert r.status_code == 200, r.text
    got["ask"] = r.json()
    cid = got["ask"]["conversation_id"]
    with c.stream("POST", "/api/chat", json={"question": QUESTION, "conversation_id": cid}) as r:
        assert r.status_code == 200
        got["chat"] = "".join(r.iter_text())
    for stream in (False, True):
        r = c.post(
            "/v1/chat/completions",
            json={
                "model": "cz-wijkverpleging",
                "stream": stream,
                "messages": [
                    {"role": "system", "content": f"Client: {NAME}, {BSN}"},
                    {"role": "user", "content": QUESTION},
                ],
            },
        )
        assert r.status_code == 200, r.text
    r = c.post(
        "/api/feedback",
        json={
            "rating": "down",
            "conversation_id": cid,
            "question": QUESTION,
            "answer": got["ask"]["answer"],
            "comment": f"Graag terugbellen over mevrouw {NAME}: {EMAIL} of 06-12345678, BSN {BSN}. {MARKER}",
        },
    )
    assert r.status_code == 200, r.text
    assert c.get("/api/search", params={"q": QUESTION}).status_code == 200
    assert c.get("/api/clauses", params={"q": f"mevrouw {NAME} {BSN}"}).status_code == 200
    assert c.get(f"/api/clauses/{BSN}").status_code == 404
    assert c.post("/api/verify", json={"claim": QUESTION}).status_code == 200
    assert c.post("/api/ask", json={"question": QUESTION, "year": 2019}).status_code == 422
    r = c.get(f"/api/conversations/{cid}")
    assert r.status_code == 200
    got["history"] = r.json()
    return got


def check_answers(got: dict) -> None:
    answer = got["ask"]["answer"]
    assert "Cryptshare" in answer and "§ 4.3" in answer and "CZ Zorgteam" in answer  # the policy's rule
    for secret in (BSN, EMAIL, NAME):
        assert secret not in answer and secret not in got["chat"]
    turns = got["history"]["turns"]
    assert turns[0]["role"] == "user" and MARKER in turns[0]["text"] and "[BSN]" in turns[0]["text"]
    assert all(BSN not in t["text"] and NAME not in t["text"] and EMAIL not in t["text"] for t in turns)


@pytest.mark.slow
def test_personal_data_reaches_neither_the_database_nor_the_server_log(start_server, tmp_path):
    data_dir = tmp_path / "data"
    server = start_server(data_dir)
    with httpx.Client(base_url=server.base, timeout=60) as c:
        check_answers(send_everything(c))
    live = raw_bytes(data_dir)  # while the server runs: the write-ahead log holds the latest rows
    assert "assistant.sqlite3-wal" in live, sorted(live)
    stored = live["assistant.sqlite3"] + live["assistant.sqlite3-wal"]
    assert stored.count(MARKER.encode()) >= 3  # user turns and the feedback comment: the text was stored
    assert_clean(live)
    server.stop()
    after = raw_bytes(data_dir)  # after a clean stop the log is checkpointed into the database
    assert MARKER.encode() in after["assistant.sqlite3"]
    assert_clean(after)
    log = server.log()
    assert "GET /api/search HTTP" in log and "?q=" not in log  # the access log has the path, not the query
    assert "/api/clauses/[BSN]" in log
    for secret in (BSN, EMAIL, NAME, "k.devries"):
        assert secret not in log, f"{secret!r} in the server log"
    with sqlite3.connect(data_dir / "assistant.sqlite3") as db:
        comment, question = db.execute("SELECT comment, question FROM feedback").fetchone()
    assert MARKER in comment and "[e-mail]" in comment and "[telefoon]" in comment and "[BSN]" in question


def test_stored_rows_are_redacted_in_process(make_client, tmp_path):
    """The same through TestClient (fast): every stored text and meta value is redacted."""
    data_dir = tmp_path / "inproc"
    check_answers(send_everything(make_client(data_dir=data_dir)))
    live = raw_bytes(data_dir)
    stored = live["assistant.sqlite3"] + live.get("assistant.sqlite3-wal", b"")
    assert MARKER.encode() in stored
    assert_clean(live)


def test_store_redacts_meta_and_refuses_personal_data_as_ids(tmp_path):
    from assistant.answer.guards import redact
    from assistant.errors import InvalidInput
    from assistant.persistence import Store

    store = Store.for_data_dir(tmp_path)
    store.append_turn("c1", "user", f"mevrouw {NAME}", {"note": f"BSN {BSN}", "nested": [{EMAIL: EMAIL}]})
    store.add_feedback(rating="up", comment=f"{EMAIL} {MARKER}", question=f"BSN {BSN}")
    assert store.history("c1")[0]["meta"] == {"note": "BSN [BSN]", "nested": [{"[e-mail]": "[e-mail]"}]}
    with pytest.raises(InvalidInput, match="personal data"):
        store.append_turn(BSN, "user", "x")
    for _ in range(3000):  # server-made ids never look like a BSN or phone number (those are refused)
        cid = store.new_conversation_id()
        assert redact(cid) == cid
    store.close()
    assert_clean(raw_bytes(tmp_path))


def test_log_records_are_redacted(capsys):
    from assistant.serve import logs

    handler = logging.StreamHandler()
    root = logging.getLogger()
    root.addHandler(handler)
    logger = logging.getLogger("assistant.test-privacy")
    try:
        logs.install()  # what the app does at start: the filter on every handler present
        assert any(isinstance(f, logs.RedactFilter) for f in handler.filters)
        logger.warning("question was %s", QUESTION)
        try:
            raise ValueError(f"bad input for mevrouw {NAME} {EMAIL}")
        except ValueError:
            logger.exception("failed")
    finally:
        root.removeHandler(handler)
    err = capsys.readouterr().err
    assert MARKER in err and "[BSN]" in err and "ValueError" in err
    for secret in (BSN, EMAIL, NAME):
        assert secret not in err
    record = logging.getLogger("uvicorn.access").makeRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5", "GET", "/api/search?q=mevrouw+Jansen+111222333&k=5", "1.1", 200),
        None,
    )
    logs.RedactFilter().filter(record)
    assert '"GET /api/search HTTP/1.1" 200' in record.getMessage()  # the path, never the query string
    assert NAME not in record.getMessage() and BSN not in record.getMessage()


def test_uvicorn_log_config_filters_every_handler():
    from assistant.serve.logs import log_config

    config = log_config("info")
    assert all("redact" in h.get("filters", []) for h in config["handlers"].values())
    assert config["loggers"]["assistant"]["level"] == "INFO"
    json.dumps(config)  # plain data, as logging.config.dictConfig wants


@pytest.mark.parametrize("text", ["Ruwweg 300 à 320 cliënten in 110 gebieden.", "Onderweg 4 cliënten bezocht."])
def test_an_everyday_word_that_ends_like_a_street_is_no_address(text):
    assert "address" not in find_personal_data(text)


def test_a_street_with_its_number_is_still_an_address():
    assert "address" in find_personal_data("Mevrouw woont op de Molenweg 14 in Tilburg.")
    assert "address" in find_personal_data("Hij woont Voorhof 12, tweede etage.")  # a place name, never skipped


def test_at_before_a_written_policy_address_is_no_obfuscated_address():
    """"... by e-mail at inkoopvvt.zvw@cz.nl": the word "at" before a real address does not make "e-mail at
    inkoopvvt.zvw" an address written out; the policy's address stays, a personal one is still hidden."""
    from assistant import privacy

    privacy.configure(Path(__file__).resolve().parents[2] / "corpus")
    kept = "Questions go by e-mail at inkoopvvt.zvw@cz.nl, is that right?"
    assert privacy.redact(kept) == kept
    assert "a.devries@example.org" not in privacy.redact("Reach our planner at a.devries@example.org please")


@pytest.mark.parametrize(
    "text",
    ["Nee: volgens § 2.3.4 is het een C, niet B.\nBronnen: de tabel", "the score for 2027: A.\nSources:", "score: B.\nNext"],
)
def test_a_score_letter_at_a_line_end_is_no_initial(text):
    assert "name" not in find_personal_data(text)


def test_initials_and_a_surname_on_one_line_are_still_a_name():
    assert "name" in find_personal_data("Gisteren belde J.P. van Dijk over haar zorg.")
