"""Totals of a blind judgement per answer set: python evals/fresh/tally.py JUDGEMENTS.jsonl KEY.json"""

from __future__ import annotations

import json
import sys


def main(judgements: str, key: str) -> None:
    rows = [json.loads(line) for line in open(judgements, encoding="utf-8")]
    labels = json.load(open(key, encoding="utf-8"))
    for label in ("A", "B"):
        mine = [r[label] for r in rows]

        def yes(field: str, mine: list[dict] = mine) -> str:
            asked = [m for m in mine if m.get(field) is not None]
            return f"{sum(1 for m in asked if m[field] is True)}/{len(asked)}"

        quotes = sum(m.get("quotes") or 0 for m in mine)
        bearing = sum(m.get("bearing") or 0 for m in mine)
        print(
            label, labels[label], "correct", yes("correct"), "direct", yes("direct"), "premise", yes("premise"),
            "not_stated", yes("not_stated"), "false_refusal", yes("false_refusal"), f"bearing {bearing}/{quotes}",
            "english", yes("english_ok"),
        )  # fmt: skip


if __name__ == "__main__":
    main(*sys.argv[1:3])
