"""`LLMAnswerer.respond(assistant, question, state, year) -> (Answer, state)`.

1. The extractive answer is made first: it decides what never needs a model (another language, other
   insurers/sectors/tariffs, nothing relevant without a conversation) and is the fallback.
2. A follow-up is rewritten into a standalone question from the recent exchanges kept in the conversation state.
3. The top passages go into the prompt with their clause ids; the calculators are bound as tools and the
   tool-calling loop runs (at most 3 rounds; invalid arguments go back to the model once).
4. The guard checks the final text; one retry names the failed claims; a second failure, a model error
   or the time budget (`llm_timeout_s` for all model calls of one answer) gives the extractive answer
   with `mode="llm-fallback"` and a notice.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage, ToolMessage
from langchain_core.messages.utils import message_chunk_to_message

from assistant.answer import guards
from assistant.answer.plan import with_notices
from assistant.config import Settings
from assistant.domain import Answer, Citation, GuardVerdict, RetrievedRef, SearchHit, ToolCall, collapse_ws
from assistant.llm import citations, guard, prompts

log = logging.getLogger(__name__)

MAX_TOOL_ROUNDS = 3
TOP_K = 8  # the extractive composer reads 8 passages too, so its quotes are always in the prompt
OUT_OF_SCOPE = {"language", "refuse:insurer", "refuse:sector", "refuse:tariff"}
_THINK = re.compile(r"<think>.*?</think>", re.S)
_POOL: ThreadPoolExecutor | None = None  # model calls run here so a hung call cannot outlast the time budget
_POOL_LOCK = threading.Lock()


class _Fallback(Exception):
    def __init__(self, notice: str, **values: Any) -> None:
        super().__init__(notice)
        self.notice, self.values = notice, values


@dataclass
class _Run:
    lang: str
    deadline: float
    messages: list[BaseMessage] = field(default_factory=list)
    calls: list[ToolCall] = field(default_factory=list)
    results: list[dict[str, Any]] = field(default_factory=list)
    tool_citations: list[Citation] = field(default_factory=list)
    error_rounds: int = 0
    verdicts: list[GuardVerdict] = field(default_factory=list)


class LLMAnswerer:
    def __init__(self, settings: Settings, model: Any, *, stream: bool = False, unavailable: str | None = None) -> None:
        self.settings = settings
        self.model = model
        self.stream = stream
        self.unavailable = unavailable  # a NOTICE key when no model can be used (e.g. "no_key")
        self._bound: Any = None
        self._lock = threading.Lock()

    # ------------------------------------------------------------ the answer

    def answer(self, assistant, question: str, conversation_id: str | None = None, year: int | None = None) -> Answer:
        """The answer with the conversation's state kept in the assistant's memory (`Assistant.ask` does the same)."""
        from assistant.answer.state import ConversationState

        state = assistant.states.get(conversation_id) or ConversationState()
        answer, state = self.respond(assistant, question, state, year)
        assistant.states.put(conversation_id, state)
        return answer

    def respond(self, assistant, question: str, state, year: int | None):
        """(Answer, state): the conversation's recent exchanges (redacted, at most `history_turns`) live in the
        explicit conversation state, like the calculation slots the extractive answer keeps there."""
        extractive, new_state = assistant.extractive(question, state, year)
        history = [tuple(pair) for pair in (state.history or [])]
        if extractive.intent in OUT_OF_SCOPE or (
            not history and (extractive.refused or extractive.intent == "unclear")
        ):
            return extractive, self._remember(new_state, history, question, extractive.answer)
        lang = extractive.language
        run = _Run(lang=lang, deadline=time.monotonic() + self.settings.llm_timeout_s)
        standalone = question
        try:
            if self.unavailable:
                raise _Fallback(self.unavailable)
            standalone = self._standalone(question, history, run)
            answer = self._with_model(assistant, standalone, year, run, extractive.citations)
            answer.notices = extractive.notices + answer.notices
            answer.answer = with_notices(answer.answer, extractive.notices)
        except _Fallback as fb:
            answer = self._fallback(extractive, fb, run)
        return answer, self._remember(new_state, history, standalone, answer.answer)

    def _remember(self, state, history: list, question: str, answer: str):
        turns = max(0, self.settings.history_turns)
        pairs = (history + [(guards.redact(question), guards.redact(answer))])[-turns:] if turns else []
        return state.model_copy(update={"history": pairs})

    def _standalone(self, question: str, history: list[tuple[str, str]], run: _Run) -> str:
        text, _ = guards.strip_injection(question)
        text = guards.redact(text or question)
        if not history:
            return text
        messages = [
            SystemMessage(prompts.REWRITE_SYSTEM[run.lang]),
            HumanMessage(prompts.rewrite_message(history, text, run.lang)),
        ]
        rewritten = prompts.clean_rewrite(_text(self._call(self.model, messages, run)))
        return rewritten if 0 < len(rewritten) <= self.settings.max_question_chars else text

    def _with_model(self, assistant, question: str, year: int | None, run: _Run, evidence: list = ()) -> Answer:
        """`evidence`: the extractive answer's quotes; the passages that hold them join the prompt, so the model
        sees what the extractive plan found for each part of the question (a part retrieval alone may miss)."""
        hits = assistant.index.retriever.search(question, k=TOP_K, year=year)
        have = {h.passage.id for h in hits}
        for ct in evidence:
            p = next((p for p in assistant.corpus.passages if p.clause_id == ct.clause_id and
                      collapse_ws(ct.quote)[:60] in collapse_ws(p.text)), None)  # fmt: skip
            if p is not None and p.id not in have:
                hits.append(SearchHit(passage=p, score=0.0))
                have.add(p.id)
        run.messages = [
            SystemMessage(prompts.SYSTEM[run.lang]),
            HumanMessage(prompts.user_message(question, [h.passage for h in hits], run.lang)),
        ]
        retrieved = {h.passage.clause_id for h in hits}
        for attempt in range(2):
            text = self._converse(run)
            allowed = retrieved | guard.tool_citation_ids(run.results)
            texts = {cid: assistant.corpus.collapsed_clause_texts.get(cid, "") for cid in allowed}
            verdict = guard.check(text, allowed, texts, run.results)
            run.verdicts.append(verdict)
            if verdict.passed:
                cited = citations.build(assistant, question, text, hits, allowed, texts, run.tool_citations)
                return self._llm_answer(text, cited, hits, run)
            if attempt == 0:
                run.messages.append(HumanMessage(prompts.retry_message(verdict.problems, run.lang)))
        raise _Fallback("guard", problems="; ".join(run.verdicts[-1].problems[:3]))

    def _llm_answer(self, text: str, cited: list[Citation], hits: list[SearchHit], run: _Run) -> Answer:
        used = next((c.name for c in run.calls if c.result is not None), None)
        return Answer(
            answer=text,
            citations=cited,
            tool_calls=run.calls,
            retrieved=[
                RetrievedRef(clause_id=h.passage.clause_id, passage_id=h.passage.id, text=h.passage.text, score=h.score)
                for h in hits
            ],
            mode="llm",
            language=run.lang,  # type: ignore[arg-type]
            intent=f"tool:{used}" if used else "clause",
            guard=run.verdicts,
        )

    def _fallback(self, extractive: Answer, fb: _Fallback, run: _Run) -> Answer:
        values = dict(fb.values)
        if fb.notice == "timeout":
            values["seconds"] = f"{self.settings.llm_timeout_s:g}"
        notice = prompts.NOTICE[fb.notice][run.lang].format(**values)
        log.warning("llm fallback (%s): %s", fb.notice, notice)
        return extractive.model_copy(
            update={"mode": "llm-fallback", "guard": run.verdicts, "notices": [*extractive.notices, notice]}
        )

    # ------------------------------------------------------------ the tool-calling loop

    def _converse(self, run: _Run) -> str:
        """Model turns until one answers without calling a tool; returns that answer's text."""
        for round_ in range(MAX_TOOL_ROUNDS + 1):
            ai = self._call(self._tools_model(), run.messages, run)
            run.messages.append(ai)
            if not ai.tool_calls and not ai.invalid_tool_calls:
                return _text(ai)
            if round_ == MAX_TOOL_ROUNDS:
                break
            self._run_tools(ai, run)
        raise _Fallback("tool_rounds")

    def _run_tools(self, ai: AIMessage, run: _Run) -> None:
        from tools.registry import get_spec, run_tool

        errors = []
        calls: list[tuple[str, dict[str, Any], str | None, str | None]]
        calls = [(tc["name"], tc.get("args") or {}, tc.get("id"), None) for tc in ai.tool_calls]
        calls += [
            (tc.get("name") or "?", {}, tc.get("id"), tc.get("error") or "not valid JSON")
            for tc in ai.invalid_tool_calls
        ]
        for name, args, call_id, broken in calls:
            record = ToolCall(name=name, args=args)
            try:
                if broken:
                    get_spec(name)
                    raise ValueError(f"the arguments are not valid JSON ({broken})")
                result = run_tool(name, dict(args))
            except Exception as exc:  # noqa: BLE001 - every tool failure goes back to the model once
                record.error = getattr(exc, "message", None) or str(exc)
                errors.append(record.error)
                content = prompts.TOOL_ERROR[run.lang].format(name=name, message=record.error)
            else:
                data = result.model_dump(mode="json")
                record.result = data
                run.results.append({"arguments": args, **data})
                run.tool_citations.extend(result.citations)
                content = json.dumps(data, ensure_ascii=False)
            run.calls.append(record)
            run.messages.append(ToolMessage(content=content, tool_call_id=call_id or name, name=name))
        if errors:
            run.error_rounds += 1
            if run.error_rounds > 1:
                raise _Fallback("tool_args", message="; ".join(errors))

    # ------------------------------------------------------------ model calls within the time budget

    def _tools_model(self) -> Any:
        with self._lock:
            if self._bound is None:
                from tools.langchain import as_langchain_tools

                self._bound = self.model.bind_tools(as_langchain_tools())
            return self._bound

    @staticmethod
    def _executor() -> ThreadPoolExecutor:
        global _POOL
        with _POOL_LOCK:
            if _POOL is None:  # created on first use, shared by every answerer in the process
                _POOL = ThreadPoolExecutor(max_workers=8, thread_name_prefix="llm")
            return _POOL

    def _call(self, runnable: Any, messages: list[BaseMessage], run: _Run) -> AIMessage:
        remaining = run.deadline - time.monotonic()
        if remaining <= 0:
            raise _Fallback("timeout")
        future = self._executor().submit(self._invoke, runnable, list(messages))
        try:
            return future.result(timeout=remaining)
        except FutureTimeout:
            future.cancel()
            raise _Fallback("timeout") from None
        except Exception as exc:  # noqa: BLE001 - connection errors, 4xx/5xx, bad responses: answer without the model
            if isinstance(exc, TimeoutError) or "timeout" in type(exc).__name__.lower():
                raise _Fallback("timeout") from exc
            raise _Fallback("error", reason=_reason(exc)) from exc

    def _invoke(self, runnable: Any, messages: list[BaseMessage]) -> AIMessage:
        if not self.stream:
            return runnable.invoke(messages)
        total = None
        for chunk in runnable.stream(messages):
            total = chunk if total is None else total + chunk
        if total is None:
            return AIMessage(content="")
        message = message_chunk_to_message(total)
        return message if isinstance(message, AIMessage) else AIMessage(content=str(message.content))


def _text(message: BaseMessage) -> str:
    content = message.content
    if not isinstance(content, str):
        content = "".join(
            b if isinstance(b, str) else str(b.get("text", "")) for b in content if isinstance(b, (str, dict))
        )
    return _THINK.sub("", content).strip()


def _reason(exc: Exception) -> str:
    status = getattr(exc, "status_code", None) or getattr(getattr(exc, "response", None), "status_code", None)
    if status:
        return f"HTTP {status}"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text[:120]}" if text else type(exc).__name__
