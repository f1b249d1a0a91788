"""Every evals/dev.jsonl question through the answerer with two scripted fake models:

- one that "answers correctly": it calls the calculator the extractive router chose (same arguments) and
  answers with the calculator's verdict plus the extractive answer's own quotes, each with its clause id
  -> the guard passes for every item (mode "llm");
- one that does the same but changes one number (the first number's last digit, to a value the answer
  does not already state) -> caught for every item with a number: retry, then the extractive answer
  (mode "llm-fallback", both guard verdicts attached).
Questions the deterministic guards decide (other insurers, sectors, tariffs) never reach the model.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest

from assistant.config import REPO_ROOT, Settings
from assistant.domain import Answer
from assistant.ingest.parser import split_sentences
from assistant.llm import guard, make_answerer
from assistant.llm.answerer import OUT_OF_SCOPE
from assistant.llm.fake import FakeChatModel, tool_call, tool_messages
from assistant.text.numbers import find_numbers

DEV = [
    json.loads(line)
    for line in (REPO_ROOT / "evals" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def correct_model(ext: Answer) -> Callable:
    calls = [c for c in ext.tool_calls if c.result is not None]

    def respond(messages):
        done = tool_messages(messages)
        if calls and not done:
            return tool_call(calls[0].name, calls[0].args)
        key = "verdict_en" if ext.language == "en" else "verdict"
        lines = [json.loads(t.content)[key] for t in done]
        lines += [f"«{c.quote}» [{c.clause_id}]" for c in ext.citations]
        if not ext.citations:  # a question back (missing input): quote the top passage
            top = ext.retrieved[0]
            lines.append(f"«{split_sentences(top.text)[0]}» [{top.clause_id}]")
        return "\n".join(lines)

    return respond


def change_one_number(text: str) -> str:
    blank = re.sub(r"\[[^\]]*\]", lambda m: " " * len(m.group(0)), text)  # never inside a clause id
    m = next(iter(find_numbers(blank, words=False)), None)
    if m is None:
        return text
    end = m.start + len(re.match(r"\d+(?:[.,]\d+)*", blank[m.start :]).group(0))  # the digits, not "k" or "miljoen"
    token, stated = blank[m.start : end], {t for t, _ in guard.numbers(blank)}
    new = next(t for k in range(1, 10) if (t := token[:-1] + str((int(token[-1]) + k) % 10)) not in stated)
    return text[: m.start] + new + text[end:]


def altering_model(ext: Answer) -> Callable:
    correct = correct_model(ext)

    def respond(messages):
        out = correct(messages)
        return change_one_number(out) if isinstance(out, str) else out

    return respond


@pytest.fixture(scope="module")
def dev_runs(fake_assistant):
    model = FakeChatModel(responder=None)
    llm = make_answerer(Settings(llm="fake"), model=model)
    runs = []
    for item in DEV:
        q = item["question"]
        ext = fake_assistant.extractive(q)[0]
        model.calls.clear()
        model.responder = correct_model(ext)
        good = llm.answer(fake_assistant, q, None, None)
        reached = bool(model.calls)
        model.responder = altering_model(ext)
        bad = llm.answer(fake_assistant, q, None, None)
        runs.append((item, ext, good, bad, reached))
    return runs


def test_correct_answers_pass_the_guard_for_every_item(dev_runs):
    failed = [(i["id"], g.guard) for i, ext, g, _, reached in dev_runs if reached and g.mode != "llm"]
    assert not failed
    answered = [g for _, _, g, _, reached in dev_runs if reached]
    assert len(answered) >= 40 and all(g.guard and g.guard[-1].passed for g in answered)
    assert all(g.citations for g in answered)


def test_only_deterministic_refusals_skip_the_model(dev_runs):
    skipped = [(i["id"], ext) for i, ext, _, _, reached in dev_runs if not reached]
    assert all(ext.intent in OUT_OF_SCOPE or ext.refused for _, ext in skipped)
    assert {"dev-040", "dev-041", "dev-042"} <= {i for i, _ in skipped}


def test_a_changed_number_is_caught_for_every_item_with_a_number(dev_runs):
    with_number = [
        (i, ext, g, b) for i, ext, g, b, reached in dev_runs if reached and change_one_number(g.answer) != g.answer
    ]
    assert len(with_number) >= 35
    missed = [i["id"] for i, _, _, b in with_number if b.mode != "llm-fallback"]
    assert not missed
    for _, ext, _, b in with_number:
        assert b.answer == ext.answer and [v.passed for v in b.guard] == [False, False]
