"""The `assistant` command as a user runs it (subprocess, fake embedder, temp data dir)."""

import json
import os
import subprocess
import sys

import pytest


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    data = tmp_path_factory.mktemp("cli-data")
    env = {**os.environ, "ASSISTANT_EMBEDDER": "fake", "ASSISTANT_DATA_DIR": str(data)}

    def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "assistant", *args], capture_output=True, text=True, env=env, input=stdin, timeout=300
        )

    return _run


def test_search_batch_contract(run, tmp_path):
    qfile = tmp_path / "q.jsonl"
    qfile.write_text(
        json.dumps({"id": "a", "question": "Hoeveel cliënten per postcodegebied?"})
        + "\n"
        + json.dumps({"id": 7, "question": "decl.wijkverpleging mailadres declaraties"})
        + "\n",
        encoding="utf-8",
    )
    out = run("search", "--json", "--file", str(qfile), "--k", "3")
    assert out.returncode == 0, out.stderr
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["a", 7]
    first = lines[0]["results"]
    assert len(first) == 3
    assert set(first[0]) >= {"clause_id", "doc", "year", "section", "title", "text", "score"}
    assert any("postcodegebied" in r["text"] for r in first)


def test_ask_json_and_batch(run, tmp_path):
    out = run("ask", "--json", "Wat is het uurtarief voor persoonlijke verzorging in 2027?")
    ans = json.loads(out.stdout)
    assert out.returncode == 0 and ans["refused"] is True and ans["citations"] == []
    qfile = tmp_path / "q.jsonl"
    qfile.write_text(json.dumps({"id": "x1", "question": "Naar welk mailadres stuur ik vragen over declaraties?"}) + "\n")
    out = run("ask", "--json", "--file", str(qfile))
    got = json.loads(out.stdout.splitlines()[0])
    assert got["id"] == "x1" and "decl.wijkverpleging@cz.nl" in got["answer"]
    assert {"answer", "refused", "citations", "tool_calls", "retrieved", "mode", "latency_ms"} <= set(got)


def test_bad_input_gives_one_line_and_exit_2(run):
    for args, needle in [
        (("search", "   "), "empty"),
        (("ask", "x" * 4001), "maximum is 4000"),
        (("search", "nachtzorg", "--year", "2019"), "2024, 2027"),
        (("tools", "run", "postcode_average", "--args", '{"total_clients": 5, "postcode_areas": 0}'), "postcode_areas"),
        (("tools", "run", "nope"), "postcode_average"),
        (("tools", "run", "postcode_average", "--args", "{not json"), "not valid JSON"),
    ]:
        out = run(*args)
        assert out.returncode == 2, (args, out.stderr)
        err = [line for line in out.stderr.splitlines() if line.startswith("error:")]
        assert len(err) == 1 and needle in err[0], (args, out.stderr)
        assert "Traceback" not in out.stderr


def test_tools_run_prints_verdict_and_quote(run):
    out = run("tools", "run", "postcode_average", "--args", '{"clients_per_postcode": [4, 1, 2]}', "--json")
    res = json.loads(out.stdout)
    assert res["average"] == pytest.approx(2.33) and res["compliant"] is False
    assert any("gemiddeld aan ten minste 3 CZ-cliënten zorg" in c["quote"] for c in res["citations"])


def test_chat_follow_up_reuses_the_calculation(run):
    out = run(
        "chat",
        stdin="We hebben 10 cliënten verdeeld over 4 postcodegebieden, bestaande aanbieder. Voldoen we aan de eis voor 2027?\n"
        "En met 12 cliënten over 4 postcodegebieden?\n"
        "en als het er 14 waren?\n\n",
    )
    assert out.returncode == 0, out.stderr
    verdicts = [line for line in out.stdout.splitlines() if "÷" in line]
    assert "2,50" in verdicts[0] and "(10 ÷ 4)" in verdicts[0] and "voldoet niet" in verdicts[0]
    assert "3,00" in verdicts[1] and "(12 ÷ 4)" in verdicts[1]
    assert "3,50" in verdicts[2] and "(14 ÷ 4)" in verdicts[2]
    assert "ik neem aan dat 14 het totaal aantal cliënten is" in out.stdout


def test_a_setting_that_cannot_be_read_is_one_line_naming_it():
    import pytest

    from assistant.config import Settings
    from assistant.errors import ConfigError

    with pytest.raises(ConfigError, match=r"^ASSISTANT_RATE_LIMIT=abc: input should be a valid integer"):
        Settings.from_env({"ASSISTANT_RATE_LIMIT": "abc"})
    with pytest.raises(ConfigError, match=r"^ASSISTANT_INDEX_POLL=-1: input should be greater than or equal to 0"):
        Settings.from_env({"ASSISTANT_INDEX_POLL": "-1"})
    assert Settings.from_env({"ASSISTANT_RATE_LIMIT": "0"}).rate_limit_per_minute == 0
