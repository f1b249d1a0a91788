"""What the tests read of an answer, in one place: its first line, a calculator's arguments, a conversation."""

from __future__ import annotations

import itertools

_ids = itertools.count()


def first(answer) -> str:
    """The answer's first line (the direct answer)."""
    return answer.answer.split("\n")[0]


def args_of(answer, name: str) -> dict:
    """The arguments of the first call of calculator `name` in the answer."""
    return next(c.args for c in answer.tool_calls if c.name == name)


def last_args(answer, name: str) -> dict:
    """The arguments of the last call of calculator `name` (asserting there is one)."""
    calls = [c.args for c in answer.tool_calls if c.name == name]
    assert calls, answer.answer
    return calls[-1]


def talk(assistant, *turns):
    """The answer to the last of `turns`, asked in one new conversation."""
    cid = f"talk-{next(_ids)}"
    return [assistant.ask(t, conversation_id=cid) for t in turns][-1]
