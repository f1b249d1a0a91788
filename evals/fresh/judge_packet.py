"""A blind judging packet of two answer sets of one question set (see JUDGE.md).

    python evals/fresh/judge_packet.py SET.jsonl REPORT_X.json REPORT_Y.json PACKET.jsonl KEY.json

The reports are `assistant eval` outputs (report.json) of the same set; the labels A and B are drawn by a coin and
the key says which report each label was. `tally.py` counts a judge's verdicts per label.
"""

from __future__ import annotations

import json
import random
import sys


def main(setfile: str, report_x: str, report_y: str, out: str, key: str) -> None:
    gold = [json.loads(line) for line in open(setfile, encoding="utf-8")]
    x = {it["id"]: it for it in json.load(open(report_x, encoding="utf-8"))["items"]}
    y = {it["id"]: it for it in json.load(open(report_y, encoding="utf-8"))["items"]}
    coin = random.SystemRandom().random() < 0.5
    labels = {"A": report_x, "B": report_y} if coin else {"A": report_y, "B": report_x}
    a, b = (x, y) if coin else (y, x)
    with open(key, "w", encoding="utf-8") as f:
        json.dump(labels, f)
    fields = ("verdict", "answer_line", "must_include", "must_not_include", "should_refuse", "asks_back", "notes")
    with open(out, "w", encoding="utf-8") as f:
        for g in gold:
            row = {
                "id": g["id"], "language": g.get("language"), "kind": g.get("kind"),
                "conversation": g.get("conversation") or [], "question": g["question"],
                "gold": {k: g.get(k) for k in fields},
                "gold_quotes": [s["quote"] for s in g.get("expected_sources", [])],
                "answer_A": a[g["id"]]["text"], "answer_B": b[g["id"]]["text"],
            }  # fmt: skip
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"packet {out}: {len(gold)} items")


if __name__ == "__main__":
    main(*sys.argv[1:6])
