"""The web page in headless Chromium (Debian's /usr/bin/chromium driven by Playwright) against the real
server: ask, watch the answer stream in, one citation chip per clause opening it with its quotes highlighted and
a header that names document and year once, give feedback (checked in SQLite), verify a claim (a table claim shows
its row and column), run a calculator with labels in the page's language, switch to English, phone width.

Setup: scripts/setup-browser.sh. Without Chromium or Playwright the test is skipped locally and FAILS
when CI is set. Screenshots go to test-output/.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from assistant.config import REPO_ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
OUT = REPO_ROOT / "test-output"
QUESTION = "Tot wanneer kan een nieuwe zorgaanbieder zich inschrijven?"


def _missing() -> str | None:
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM} (run scripts/setup-browser.sh)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (run scripts/setup-browser.sh)"
    return None


@pytest.fixture(scope="session")  # session scope: checked before the (session) live server starts
def browser():
    reason = _missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser test cannot run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    # JS errors fail the test; "Failed to load resource" is the console's note on a 4xx the page handles
    pg.on(
        "console",
        lambda msg: msg.type == "error" and "Failed to load resource" not in msg.text and errors.append(msg.text),
    )
    pg.goto(live_server.base + "/")
    pg.wait_for_selector("#status", state="hidden")
    yield pg
    context.close()
    assert errors == [], errors


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_chat_citation_feedback_and_screenshots(page, live_server):
    OUT.mkdir(exist_ok=True)
    # count how often the answer text changes while it streams in
    page.evaluate(
        """() => {
        window.__updates = 0;
        new MutationObserver(() => { window.__updates++; })
          .observe(document.getElementById('messages'), {subtree: true, characterData: true, childList: true});
    }"""
    )
    page.get_by_label("Uw vraag").fill(QUESTION)
    page.get_by_label("Uw vraag").press("Enter")  # Enter sends
    answer = page.locator(".msg.assistant").last
    answer.locator(".feedback").wait_for()
    text = answer.locator(".text").inner_text()
    assert "28 februari 2027" in text
    assert page.evaluate("window.__updates") >= 3  # the text arrived in pieces
    assert page.locator(".msg.user").last.inner_text() == QUESTION
    assert page.get_by_label("Uw vraag").input_value() == ""

    # one chip per clause (the answer quotes § 3.2.1 three times); a chip opens the clause with its quotes highlighted
    chips = answer.locator(".chip")
    assert chips.count() >= 1, "the pipeline produced no citation"
    labels = chips.all_inner_texts()
    assert len(labels) == len(set(labels)), labels
    quotes = chips.first.get_attribute("title").split(" … ")
    assert "§" in chips.first.inner_text() and "2027" in chips.first.inner_text()
    chips.first.click()
    dialog = page.locator("#clause-dialog")
    mark = dialog.locator("mark").first
    mark.wait_for()
    assert collapse(mark.inner_text()) in [collapse(q) for q in quotes]
    marked = " ".join(collapse(m) for m in dialog.locator("mark").all_inner_texts())
    assert all(collapse(q) in marked for q in quotes), (quotes, marked)
    assert (
        "Tijdpad" in dialog.locator("#clause-title").inner_text() or "§" in dialog.locator("#clause-title").inner_text()
    )
    # the header names the document and its year once
    meta = dialog.locator("#clause-meta").inner_text()
    assert meta.startswith("Zorginkoopbeleid Wijkverpleging 2027 · regels"), meta
    assert meta.count("2027") == 1 and "regels" in meta
    page.screenshot(path=str(OUT / "clause.png"))
    page.keyboard.press("Escape")
    assert not dialog.is_visible()

    # thumbs down with a comment lands in SQLite
    answer.get_by_role("button", name="Niet nuttig", exact=True).click()
    answer.get_by_label("Toelichting (optioneel)").fill("Bron graag vetgedrukt")
    answer.get_by_role("button", name="Feedback versturen").click()
    page.get_by_text("Bedankt voor uw feedback.").wait_for()
    with sqlite3.connect(live_server.db) as db:
        rows = db.execute(
            "SELECT rating, comment, question, answer, conversation_id FROM feedback WHERE comment = ?",
            ("Bron graag vetgedrukt",),
        ).fetchall()
    assert len(rows) == 1
    rating, comment, question, stored_answer, cid = rows[0]
    assert (rating, question) == ("down", QUESTION) and "28 februari 2027" in stored_answer and cid

    page.screenshot(path=str(OUT / "chat.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(200)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    page.screenshot(path=str(OUT / "chat-phone.png"), full_page=True)
    chips.last.click()
    dialog.locator("mark").first.wait_for()
    assert dialog.bounding_box()["width"] <= 390
    page.screenshot(path=str(OUT / "clause-phone.png"))
    dialog.get_by_role("button", name="Sluiten").click()


def test_verify_view(page):
    page.get_by_role("tab", name="Controleer een bewering").click()
    page.get_by_label("Bewering over het beleid").fill(
        "Nieuwe zorgaanbieders hebben een verwachte zorgomzet van minimaal € 100.000."
    )
    page.get_by_role("button", name="Controleren").click()
    verdict = page.locator("#verify-result .verdict")
    verdict.wait_for()
    assert verdict.get_attribute("data-verdict") == "contradicted"
    assert "In strijd met het beleid" in verdict.inner_text()
    cells = page.locator("#verify-result .diffs tbody td").all_inner_texts()
    assert cells == ["€ 100.000", "€ 50.000", "getal"]
    assert page.locator("#verify-result .chip").count() == 1
    page.screenshot(path=str(OUT / "verify.png"))
    page.locator("#verify-result .chip").click()
    assert "€ 50.000" in collapse(page.locator("#clause-dialog mark").first.inner_text())
    page.keyboard.press("Escape")
    # a claim about a table cell: the row is quoted, the column named, the cell's value is the difference
    page.get_by_label("Bewering over het beleid").fill("Bij score A in 2026 is de maximale vergoeding 95%.")
    page.get_by_role("button", name="Controleren").click()
    page.locator("#verify-result .table-head").wait_for()
    assert (
        "Maximale vergoeding op gehonoreerd aanvullend budget"
        in page.locator("#verify-result .table-head").inner_text()
    )
    assert page.locator("#verify-result blockquote").inner_text() == "Score A in 2026 90%"
    assert page.locator("#verify-result .diffs tbody td").all_inner_texts() == ["95%", "90%", "getal"]


def _form_labels(page) -> list[str]:
    return [collapse(t).removesuffix(" (verplicht)").removesuffix(" (required)") for t in
            page.locator("#tool-form .field label").all_inner_texts()]  # fmt: skip


def test_calculator_labels_in_the_page_language(page):
    page.get_by_role("tab", name="Rekenhulpen").click()
    page.locator("#tool-select option").first.wait_for(state="attached")
    tools = page.evaluate("fetch('/api/tools').then((r) => r.json())")["tools"]
    assert all("_" not in t for t in page.locator("#tool-select option").all_inner_texts())
    for tool in tools:  # no form shows the schema's English field titles on the Dutch page
        page.select_option("#tool-select", tool["name"])
        titles = {p.get("title") for p in tool["input_schema"].get("properties", {}).values()}
        labels = _form_labels(page)
        assert labels and not titles & set(labels), (tool["name"], labels)
    page.select_option("#tool-select", "postcode_average")
    assert page.get_by_label("Totaal aantal CZ-cliënten").is_visible()
    options = page.locator("#f-postcode_average-provider_type option").all_inner_texts()
    assert "bestaande zorgaanbieder" in options and "nieuwe zorgaanbieder" in options
    page.get_by_role("button", name="English").click()
    assert page.get_by_label("Total CZ clients").is_visible()
    assert "Number of 4-digit postcode areas" in _form_labels(page)
    assert "existing provider" in page.locator("#f-postcode_average-provider_type option").all_inner_texts()
    assert page.locator("#tool-select option:checked").inner_text() == "Average CZ clients per postcode area"


def test_calculator_answer_names_the_calculator_and_shows_each_clause_once(page):
    page.get_by_label("Uw vraag").fill("We hebben 120 cliënten in 30 postcodegebieden, voldoen we aan de norm?")
    page.get_by_label("Uw vraag").press("Enter")
    answer = page.locator(".msg.assistant").last
    answer.locator(".feedback").wait_for()
    used = answer.locator(".tools-used").inner_text()
    assert "Gemiddeld aantal CZ-cliënten per postcodegebied" in used and "_" not in used
    labels = answer.locator(".chip").all_inner_texts()
    assert labels and len(labels) == len(set(labels)), labels


def test_calculator_form_from_schema(page):
    page.get_by_role("tab", name="Rekenhulpen").click()
    page.locator("#tool-select option").first.wait_for(state="attached")
    page.select_option("#tool-select", "postcode_average")
    page.fill("#f-postcode_average-total_clients", "120")
    page.fill("#f-postcode_average-postcode_areas", "30")
    page.locator("#tool-form").get_by_role("button", name="Berekenen").click()
    verdict = page.locator("#tool-result .verdict h3")
    verdict.wait_for()
    assert verdict.inner_text().strip()
    assert page.locator("#tool-result .chip").count() >= 1
    details = page.locator("#tool-result details")
    details.locator("summary").click()  # the result fields, folded away, with labels (no field names)
    fields = details.locator("th").all_inner_texts()
    assert "Totaal aantal CZ-cliënten" in fields and "Voldoet" in fields
    assert not any("_" in f or f in ("compliant", "meets threshold") for f in fields), fields
    page.screenshot(path=str(OUT / "calculator.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(200)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(OUT / "calculator-phone.png"), full_page=True)
    # the API's error message is shown in the page
    page.fill("#f-postcode_average-postcode_areas", "0")
    page.locator("#tool-form").get_by_role("button", name="Berekenen").click()
    error = page.locator("#tool-error")
    error.wait_for()
    assert "postcode_areas" in error.inner_text()


def test_errors_from_the_api_are_shown(page):
    page.route(
        "**/api/chat",
        lambda route: route.fulfill(
            status=503,
            content_type="application/json",
            body='{"error": {"code": "backend_unavailable", "message": "de index wordt nog geladen"}}',
        ),
    )
    page.get_by_label("Uw vraag").fill("Werkt dit?")
    page.get_by_role("button", name="Versturen").click()
    error = page.locator("#ask-error")
    error.wait_for()
    assert error.inner_text() == "de index wordt nog geladen"
    assert page.locator(".msg.assistant").count() == 0


def test_english_switch_keyboard_and_year_filter(page):
    page.get_by_role("button", name="English").click()
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.get_by_role("tab", name="Ask").get_attribute("aria-selected") == "true"
    page.get_by_role("tab", name="Ask").focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.id") == "tab-tools"
    assert page.locator("#panel-tools").is_visible()
    page.keyboard.press("ArrowLeft")
    page.select_option("#year", "2024")
    page.get_by_label("Your question").fill("Welke eisen gelden voor casemanagement dementie?")
    page.keyboard.press("Enter")
    answer = page.locator(".msg.assistant").last
    answer.locator(".feedback").wait_for()
    chips = answer.locator(".chip")
    if chips.count():
        assert all("2024" in t for t in chips.all_inner_texts())
        assert len(chips.all_inner_texts()) == len(set(chips.all_inner_texts()))
        chips.first.click()
        dialog = page.locator("#clause-dialog")
        dialog.locator("mark").first.wait_for()
        head = dialog.locator("#clause-trail").inner_text() + " " + dialog.locator("#clause-meta").inner_text()
        assert head.count("2024") == 1 and head.count("Minimale en aanvullende eisen") == 1, head
        assert "(superseded by the 2027 policy)" in head
        dialog.get_by_role("button", name="Close").click()
    assert answer.get_by_role("button", name="Helpful", exact=True).is_visible()
    page.reload()
    assert page.get_by_role("tab", name="Calculators").is_visible()  # the choice is remembered


def test_search_view_opens_the_clause(page):
    page.get_by_role("tab", name="Zoeken").click()
    page.get_by_label("Zoek in de beleidstekst").fill("inschrijven nieuwe zorgaanbieders")
    page.get_by_label("Zoek in de beleidstekst").press("Enter")
    first = page.locator("#search-results li").first
    first.wait_for()
    assert "2027" in first.inner_text()
    first.get_by_role("button", name="Open artikel").click()
    mark = page.locator("#clause-dialog mark").first
    mark.wait_for()
    assert len(mark.inner_text()) > 50  # the whole passage is highlighted
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.textContent") == "Open artikel"  # focus returns


def test_what_changed_view(page):
    page.get_by_role("tab", name="Wat is er veranderd").click()
    summary = page.locator("#diff-result .diff-summary")
    summary.wait_for()
    assert summary.inner_text().startswith("12 artikelen gekoppeld (10 hernummerd, 2 verplaatst) · 3 nieuw · 1 vervallen")
    coop = page.locator("#diff-result details.pair", has_text="§1.4 Aanvullende eisen voor zorgcoöperaties (2027)")
    assert coop.get_attribute("open") is not None  # a changed level opens the pair
    assert coop.locator("del.num").first.inner_text() == "hbo-verpleegkundige niveau 5/6"
    assert coop.locator("ins.num").first.inner_text() == "hbo-bachelor opgeleide verpleegkundige (niveau 6)"
    assert "hernummerd" in coop.locator("summary").inner_text()
    coop.scroll_into_view_if_needed()
    page.screenshot(path=str(OUT / "diff.png"))
    coop.get_by_role("button", name="2027 · regels 951–953").click()
    assert "op 55 cliënten" in collapse(page.locator("#clause-dialog mark").first.inner_text())
    page.keyboard.press("Escape")
    page.get_by_label("Paragraaf (optioneel)").fill("1.4.2")
    page.get_by_role("button", name="Vergelijken").click()
    page.wait_for_function("document.querySelectorAll('#diff-result details.pair').length === 1")
    assert "Casemanagement dementie" in page.locator("#diff-result details.pair").inner_text()
    page.get_by_label("Paragraaf (optioneel)").fill("9.9")
    page.get_by_role("button", name="Vergelijken").click()
    error = page.locator("#diff-error")
    error.wait_for()
    assert "valid sections: 1.1, 1.2" in error.inner_text()
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_label("Paragraaf (optioneel)").fill("")
    page.get_by_role("button", name="Vergelijken").click()
    summary.wait_for()
    page.wait_for_timeout(200)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
