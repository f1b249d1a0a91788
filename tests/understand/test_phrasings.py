"""Question understanding, one table of our own phrasings per calculator (phrasings.toml): colloquial Dutch,
Dutch with typos and shorthand, English, numbers as words or "65k"; solve-for-the-unknown questions, questions
back when a required value is truly missing, and clause questions that mention a number but must not run a
calculator.

Two tests per row: the Router's reading (calculator, arguments, unknown asked for, what is asked back) and the
answer end to end through `Assistant.respond` (the calculation's arguments and result, the first line)."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from assistant.answer.specs import load_specs
from tools.registry import TOOLS

DATA = tomllib.loads(Path(__file__).with_name("phrasings.toml").read_text(encoding="utf-8"))
CASES = DATA["case"]
CLAUSES = DATA["clause"]
MIN_PER_CALCULATOR = 12


def _id(row: dict) -> str:
    return f"{row.get('tool') or row.get('about')}: {row['q'][:70]}"


def same(actual, expected) -> bool:
    """Equal, with floats to 2 decimals and ints equal to whole floats; lists element by element."""
    if isinstance(expected, bool) or expected is None:
        return actual is expected
    if isinstance(expected, float) or (isinstance(expected, int) and isinstance(actual, float)):
        return (
            isinstance(actual, (int, float))
            and not isinstance(actual, bool)
            and actual == pytest.approx(expected, abs=0.01)
        )
    if isinstance(expected, list):
        return isinstance(actual, list) and len(actual) == len(expected) and all(map(same, actual, expected))
    return actual == expected


def _check_args(args: dict, row: dict) -> None:
    wrong = {k: (args.get(k, "<absent>"), v) for k, v in row.get("args", {}).items() if not same(args.get(k), v)}
    assert not wrong, f"argument (got, expected): {wrong}; all args: {args}"
    present = [k for k in row.get("absent", []) if k in args]
    assert not present, f"filled though not the asker's figure: { {k: args[k] for k in present} }"


# ---------------------------------------------------------------- the table itself


def test_every_calculator_has_enough_phrasings():
    counts = Counter(row["tool"] for row in CASES)
    short = {name: counts.get(name, 0) for name in load_specs() if counts.get(name, 0) < MIN_PER_CALCULATOR}
    assert not short, f"calculators with fewer than {MIN_PER_CALCULATOR} phrasings: {short}"


@pytest.mark.parametrize("row", CASES + CLAUSES, ids=_id)
def test_rows_name_real_inputs_and_outputs(row):
    """A typo in the data would make a row pass or fail for the wrong reason."""
    if "about" in row:
        assert row["about"] in load_specs()
        return
    spec = load_specs()[row["tool"]]
    outputs = TOOLS[row["tool"]].output_model.model_fields
    assert set(row.get("args", {})) | set(row.get("absent", [])) <= set(spec.inputs)
    assert set(row.get("missing", [])) | set(row.get("missing_any", [])) <= set(spec.inputs)
    assert set(row.get("result", {})) | set(row.get("has", {})) <= set(outputs)
    assert row.get("solve") is None or row["solve"] in spec.solve
    assert row.get("kind", "tool") in ("tool", "clarify")


# ---------------------------------------------------------------- reading: Router.read


@pytest.fixture(scope="module")
def router(fake_assistant):
    return fake_assistant.router


@pytest.mark.parametrize("row", CASES, ids=_id)
def test_reading(router, row):
    reading = router.read(row["q"])
    kind = row.get("kind", "tool")
    assert (reading.kind, reading.tool) == (kind, row["tool"]), f"args: {reading.args}"
    _check_args(reading.args, row)
    if "solve" in row:
        assert reading.solve == row["solve"]
    missing = [m[0] for m in reading.missing]
    assert set(row.get("missing", [])) <= set(missing), f"asked for {missing}"
    if "missing_any" in row:
        assert set(row["missing_any"]) & set(missing), f"asked for {missing}"


@pytest.mark.parametrize("row", CLAUSES, ids=_id)
def test_reading_of_clause_questions(router, row):
    reading = router.read(row["q"])
    assert reading.kind == "clause", f"read as {reading.kind} {reading.tool} {reading.args}"


# ---------------------------------------------------------------- end to end: Assistant.respond


@pytest.mark.parametrize("row", CASES, ids=_id)
def test_answer(fake_assistant, row):
    answer, _ = fake_assistant.respond(row["q"])
    assert answer.tool_calls, f"no calculation; first line: {answer.answer_line!r}"
    call = answer.tool_calls[0]
    assert call.name == row["tool"], f"{call.name} {call.args}"
    if row.get("kind") == "clarify":
        assert call.result is None
        assert set(row.get("missing", [])) <= set(answer.needs_input), answer.needs_input
        if "missing_any" in row:
            assert set(row["missing_any"]) & set(answer.needs_input), answer.needs_input
        return
    assert call.error is None and call.result is not None, f"error: {call.error}; args: {call.args}"
    _check_args(call.args, row)
    wrong = {k: (call.result.get(k), v) for k, v in row.get("result", {}).items() if not same(call.result.get(k), v)}
    assert not wrong, f"result (got, expected): {wrong}"
    for field, item in row.get("has", {}).items():
        assert item in call.result.get(field, []), f"{field}: {call.result.get(field)}"
    for part in row.get("line", []):
        assert part in answer.answer_line, f"{part!r} not in first line {answer.answer_line!r}"


@pytest.mark.parametrize("row", CLAUSES, ids=_id)
def test_clause_questions_run_no_calculator(fake_assistant, row):
    answer, state = fake_assistant.respond(row["q"])
    assert not answer.tool_calls, f"ran {[(c.name, c.args) for c in answer.tool_calls]}"
    assert not answer.needs_input and state.tool is None
    for part in row.get("line", []):
        assert part in answer.answer_line, f"{part!r} not in first line {answer.answer_line!r}"


@pytest.mark.parametrize(
    "text",
    [
        "Bijcontractering: in welke maand moet het verzoek binnen zijn?",
        "When can a provider ask for extra budget on top of the ceiling?",
        "Tot wanneer kan een aanbieder een verzoek voor aanvullende inkoop doen?",
    ],
)
def test_a_time_asked_without_any_figure_of_the_asker_is_a_clause_question(router, text):
    # the calculator names the month only for an asker whose case it checks; with no case there is nothing to ask back
    assert router.read(text).kind == "clause"


@pytest.mark.parametrize("text", ["Geldt die postcode-eis eigenlijk voor ons?", "Does the postcode rule apply to us at all?"])
def test_whether_a_rule_applies_without_any_fact_of_the_asker_is_a_clause_question(router, text):
    assert router.read(text).kind == "clause"


def test_an_amount_named_twice_is_no_claim_about_the_result(router):
    r = router.read("Gehonoreerd aanvullend budget: 0,6 mln. Score A in 2026. Wat krijgen we maximaal van die 0,6 mln vergoed?")
    assert r.kind == "tool" and r.tool == "staffel_percentage" and not r.claims


@pytest.mark.parametrize(
    ("cue", "text", "found"),
    [
        ("zelf", "met het zelfde aantal uren", False),  # "the same", not "ourselves"
        ("zelf", "de uren die we zelf leveren", True),
        ("medewerker", "onze medewerkers doen 3.000 uur", True),  # a plural ending
        ("deliver", "hours delivered by agencies", True),
        ("organisatie", "een partnerorganisatie doet 900 uur", True),  # the head of a compound
        ("bureau", "ons zorg-bureau levert 400 uur", True),
        ("voor", "voordat we inschrijven", False),  # no inflection of "voor"
        ("zelf", "zelfstandigen leveren 800 uur", False),  # a longer word, not an ending
        ("contract", "our subcontracting history", False),  # a prefix, not a compound
    ],
)
def test_a_cue_matches_its_inflections_and_compound_heads_only(cue, text, found):
    from assistant.answer.understand import cue_pattern

    assert bool(cue_pattern(cue).search(text)) is found


def test_a_spec_naming_an_unknown_shared_word_list_is_refused_with_the_lists_there_are():
    """'@bad_outcome' expands to lexicon [outcomes]; a misspelt name is one readable error, not a KeyError."""
    from assistant.answer.specs import _spec

    with pytest.raises(ValueError, match=r"demo: verdict_invert_if names \['@bad_outcomes'\]; lexicon.toml \[outcomes\] has \['bad_outcome'\]"):
        _spec("demo", {"verdict_invert_if": ["@bad_outcomes"], "inputs": {}})
    spec = _spec("demo", {"concepts": ["demo"], "verdict_invert_if": ["@bad_outcome", "te laat"], "inputs": {}})
    assert "kwijtraken" in spec.verdict_invert_if and spec.verdict_invert_if[-1] == "te laat"
