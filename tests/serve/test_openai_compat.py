"""/v1/models and /v1/chat/completions wire format (TestClient; the real `openai` client is in test_server.py)."""

from __future__ import annotations

import json

import pytest

from assistant.domain import Answer, Citation
from assistant.serve.service import markdown_answer, section_label, split_chunks

QUESTION = "Tot wanneer kan een nieuwe zorgaanbieder zich inschrijven?"


def test_models(client):
    body = client.get("/v1/models").json()
    assert body["object"] == "list"
    assert [(m["id"], m["object"]) for m in body["data"]] == [("cz-wijkverpleging", "model")]


def test_completion_format(client, fake_assistant):
    r = client.post(
        "/v1/chat/completions",
        json={"model": "cz-wijkverpleging", "messages": [{"role": "user", "content": QUESTION}], "temperature": 0.2},
    )
    assert r.status_code == 200
    body = r.json()
    assert body["object"] == "chat.completion" and body["id"].startswith("chatcmpl-")
    [choice] = body["choices"]
    assert choice["message"]["role"] == "assistant" and choice["finish_reason"] == "stop"
    content = choice["message"]["content"]
    answer = fake_assistant.ask(QUESTION)
    assert content.startswith(answer.answer.rstrip())
    assert "**Bronnen**" in content
    for c in body["citations"]:
        assert f'({c["year"]}): "{c["quote"]}"' in content


def test_content_parts_and_last_user_message(client):
    r = client.post(
        "/v1/chat/completions",
        json={
            "model": "cz-wijkverpleging",
            "messages": [
                {"role": "user", "content": "Wat is de hoofdstad van Frankrijk?"},
                {"role": "assistant", "content": "Dat weet ik niet."},
                {"role": "user", "content": [{"type": "text", "text": QUESTION}]},
            ],
        },
    )
    assert r.status_code == 200 and "28 februari 2027" in r.json()["choices"][0]["message"]["content"]


def test_the_earlier_user_messages_are_the_conversation(client):
    """A chat front-end sends the whole history with every request and no conversation id: the earlier user
    messages rebuild the calculation, so the follow-up changes one figure of it."""
    first = "We hebben 4 cliënten in 6211, 2 in 6212 en 1 in 6213. Halen we de postcode-eis?"
    r = client.post(
        "/v1/chat/completions",
        json={
            "model": "cz-wijkverpleging",
            "messages": [
                {"role": "user", "content": first},
                {"role": "assistant", "content": "Nee: gemiddeld 2,33 CZ-cliënten per postcodegebied (7 ÷ 3) ..."},
                {"role": "user", "content": "En als we 12 cliënten hadden?"},
            ],
        },
    )
    content = r.json()["choices"][0]["message"]["content"]
    assert r.status_code == 200 and "12 ÷ 3" in content and content.startswith("Ja"), content[:300]


def test_streaming_chunks(client, sse):
    r = client.post(
        "/v1/chat/completions",
        json={"model": "cz-wijkverpleging", "stream": True, "messages": [{"role": "user", "content": QUESTION}]},
    )
    assert r.headers["content-type"].startswith("text/event-stream")
    datas = [d for _, d in sse(r.text)]
    assert datas[-1] == "[DONE]"
    chunks = datas[:-1]
    assert all(c["object"] == "chat.completion.chunk" and c["id"] == chunks[0]["id"] for c in chunks)
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop" and chunks[-1]["choices"][0]["delta"] == {}
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks)
    whole = client.post(
        "/v1/chat/completions", json={"model": "cz-wijkverpleging", "messages": [{"role": "user", "content": QUESTION}]}
    )
    assert text == whole.json()["choices"][0]["message"]["content"]


@pytest.mark.parametrize(
    ("body", "status", "code", "words"),
    [
        ({"model": "gpt-4", "messages": [{"role": "user", "content": "hi"}]}, 404, "not_found", "cz-wijkverpleging"),
        ({"model": "cz-wijkverpleging", "messages": []}, 422, "invalid_input", "messages"),
        ({"model": "cz-wijkverpleging"}, 422, "invalid_input", "messages"),
        ({"messages": [{"role": "user", "content": "hi"}]}, 422, "invalid_input", "model"),
        (
            {"model": "cz-wijkverpleging", "messages": [{"role": "system", "content": "x"}]},
            422,
            "invalid_input",
            "no user message",
        ),
        (
            {"model": "cz-wijkverpleging", "messages": [{"role": "user", "content": "   "}]},
            422,
            "invalid_input",
            "no user message",
        ),
        (
            {"model": "cz-wijkverpleging", "messages": [{"role": "user", "content": "x" * 4001}]},
            422,
            "invalid_input",
            "4000",
        ),
        (
            {"model": "cz-wijkverpleging", "messages": [{"role": "user", "content": "hi"}], "year": 2000},
            422,
            "invalid_input",
            "2000",
        ),
    ],
)
def test_completion_errors(client, body, status, code, words):
    r = client.post("/v1/chat/completions", json=body)
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code and words in r.json()["error"]["message"]


def test_markdown_sources_and_labels():
    cite = Citation(
        clause_id="wv2024/bijlage-1/1.5.2", doc="wv2024", year=2024, section="1.5.2", title="Casemanagement", quote="Q."
    )
    md = markdown_answer(Answer(answer="Antwoord.", citations=[cite]))
    assert md == 'Antwoord.\n\n**Bronnen**\n1. Bijlage 1 §1.5.2 Casemanagement (2024): "Q."'
    assert markdown_answer(Answer(answer="Answer.", language="en", citations=[cite])).split("\n")[2] == "**Sources**"
    assert markdown_answer(Answer(answer="Geen bronnen.")) == "Geen bronnen."
    assert section_label("wv2027/voorwoord", "Voorwoord") == "Voorwoord"
    assert section_label("wv2027/3.2.1", "3.2.1") == "§3.2.1"
    assert section_label("wv2027/bijlage-1/1.6.3", "Bijlage 1 1.6.3") == "Bijlage 1 §1.6.3"
    assert section_label("wv2027/bijlage-2", "Bijlage 2") == "Bijlage 2"


@pytest.mark.parametrize(
    "text", ["", "Eén zin.", "Zin één. Zin twee! Vraag? Nog één", "Kop:\n- a.\n- b (€ 50.000).\n\nEinde."]
)
def test_split_chunks_reassembles_exactly(text):
    chunks = split_chunks(text)
    assert "".join(chunks) == text
    assert all(chunks)
    assert json.dumps(chunks)  # serialisable
