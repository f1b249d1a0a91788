"""The one entry point for answering: `Assistant.ask(question, conversation_id=None, year=None) -> Answer`.

(Work in progress: routing/composition land in the grounded-answers issue. The signature is stable.)
"""

from __future__ import annotations

import time

from assistant.config import Settings
from assistant.domain import Answer, RetrievedRef, SearchHit
from assistant.errors import InvalidInput
from assistant.retrieve.index import Index, open_index


class Assistant:
    """Holds the index and answers questions. Build one per process with `Assistant.create()`."""

    def __init__(self, settings: Settings, index: Index) -> None:
        self.settings = settings
        self.index = index
        self.corpus = index.corpus

    @classmethod
    def create(cls, settings: Settings | None = None, rebuild: bool = False, progress: bool = False) -> Assistant:
        settings = settings or Settings.from_env()
        return cls(settings, open_index(settings, rebuild=rebuild, progress=progress))

    def check_question(self, question: str) -> str:
        if not isinstance(question, str) or not question.strip():
            raise InvalidInput("the question is empty; type a question about the purchasing policy")
        if len(question) > self.settings.max_question_chars:
            raise InvalidInput(
                f"the question is {len(question)} characters; the maximum is {self.settings.max_question_chars}"
            )
        return question.strip()

    def search(self, query: str, k: int = 5, year: int | None = None) -> list[SearchHit]:
        query = self.check_question(query)
        if not 1 <= k <= 50:
            raise InvalidInput(f"k must be between 1 and 50, got {k}")
        self.corpus.check_year(year)
        return self.index.retriever.search(query, k=k, year=year)

    def ask(self, question: str, conversation_id: str | None = None, year: int | None = None) -> Answer:
        started = time.perf_counter()
        question = self.check_question(question)
        self.corpus.check_year(year)
        hits = self.index.retriever.search(question, k=5, year=year)
        return Answer(
            answer="(placeholder)",
            retrieved=[RetrievedRef(clause_id=h.passage.clause_id, passage_id=h.passage.id, text=h.passage.text, score=h.score) for h in hits],
            latency_ms=round((time.perf_counter() - started) * 1000, 1),
            conversation_id=conversation_id,
        )
