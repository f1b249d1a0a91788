"""Policy parameters as data: every number and date a calculator uses, with the quote it comes from.

Each document may have `<manifest stem>.params.toml` beside its manifest (`corpus/<id>.params.toml`).
Every parameter names its clause (relative to the document: "2.3.2", "bijlage-1/1.4") and the verbatim
quote it comes from; loading checks that the quote stands in that clause and states the value
(`assistant.ingest.quotes`), and fails with the parameter's name and the missing quote otherwise.

Reading a parameter:

    from assistant.ingest.params import policy
    p = policy().params(year)                     # a policy year, a document id ("wv<year>"), or None: current
    p.postcode.threshold_row(contract_year)      # the 2.3.2 row: .existing, .new, .cite() -> Citation
    p.waardemodel.limit_eur.value                # the number, with .cite() -> the quote it comes from
    policy().postcode_row(contract_year)         # (row, the document that defines it), across documents

`policy()` loads the configured corpus once (cached per corpus directory and file stamps); `load_corpus`
attaches the same `PolicySet` as `Corpus.policy`. Nothing is read at import.
"""

from __future__ import annotations

import threading
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, PrivateAttr, ValidationError

from assistant.domain import Citation, Document, collapse_ws
from assistant.errors import ConfigError, InvalidInput, NotFound
from assistant.ingest.param_types import (
    AdditionalPurchase,
    Cooperative,
    Deadlines,
    Dementia,
    Exclusion,
    Limit,
    NewProvider,
    ParamModel,
    Postcode,
    PostcodeRow,
    Source,
    Staffel,
    Subcontracting,
    Waardemodel,
)

if TYPE_CHECKING:  # pragma: no cover
    from assistant.ingest.corpus import Corpus

PARAMS_SUFFIX = ".params.toml"


class PolicyParams(ParamModel):
    """The parameters of one document. Sections the document does not define are None."""

    postcode: Postcode | None = None
    staffel: Staffel | None = None
    additional_purchase: AdditionalPurchase | None = None
    new_provider: NewProvider | None = None
    subcontracting: Subcontracting | None = None
    cooperative: Cooperative | None = None
    dementia: Dementia | None = None
    waardemodel: Waardemodel | None = None
    exclusion: Exclusion | None = None
    deadlines: Deadlines | None = None
    _document: Document | None = PrivateAttr(None)
    _set: PolicySet | None = PrivateAttr(None)
    _cache: dict[str, Any] = PrivateAttr(default_factory=dict)  # per-document objects built from these (models)

    @property
    def document(self) -> Document:
        assert self._document is not None, "PolicyParams not loaded through load_policy"
        return self._document

    @property
    def doc(self) -> str:
        return self.document.id

    @property
    def year(self) -> int:
        return self.document.year

    @property
    def policy_set(self) -> PolicySet:
        assert self._set is not None, "PolicyParams not loaded through load_policy"
        return self._set

    @property
    def cache(self) -> dict[str, Any]:
        return self._cache

    def section(self, name: str) -> Any:
        """The section, or `InvalidInput` naming the documents that do define it (never another year's values)."""
        value = getattr(self, name, None)
        if value is None:
            having = [f"{p.doc} ({p.year})" for p in self.policy_set.documents if getattr(p, name, None) is not None]
            raise InvalidInput(
                f"the {self.year} policy ({self.doc}) defines no {name.replace('_', ' ')} parameters; "
                f"documents that do: {', '.join(having) or 'none'}",
                details={"allowed": [p.year for p in self.policy_set.documents if getattr(p, name, None) is not None]},
            )
        return value

    def sources(self) -> list[tuple[str, Source]]:
        """Every quote of this document with its parameter name (e.g. `postcode.thresholds[0]`)."""
        return list(_walk(self, ""))


def _walk(model: BaseModel, prefix: str):
    for name in type(model).model_fields:
        value = getattr(model, name)
        path = f"{prefix}{name}"
        if isinstance(value, Source):
            yield path, value
        if isinstance(value, BaseModel):
            yield from _walk(value, path + ".")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, Source):
                    yield f"{path}[{i}]", item
                if isinstance(item, BaseModel):
                    yield from _walk(item, f"{path}[{i}].")
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, Source):
                    yield f"{path}.{key}", item


class PolicySet:
    """The parameters of every document of one corpus. `params(year or doc id)`; `current` is the current policy."""

    def __init__(self, documents: list[PolicyParams]) -> None:
        self.documents = sorted(documents, key=lambda p: (p.year, p.doc))
        for p in self.documents:
            p._set = self

    @property
    def current(self) -> PolicyParams:
        current = [p for p in self.documents if p.document.status == "current"]
        return max(current or self.documents, key=lambda p: p.year)

    @property
    def years(self) -> list[int]:
        return sorted({p.year for p in self.documents})

    def params(self, key: int | str | None = None) -> PolicyParams:
        """The parameters of the document for a policy year (int) or a document id (str); None: the current one."""
        if key is None:
            return self.current
        found = [p for p in self.documents if (p.year == key if isinstance(key, int) else p.doc == key)]
        if not found:
            valid = ", ".join(f"{p.doc} ({p.year})" for p in self.documents)
            raise NotFound(f"no policy document for {key!r}; valid: {valid}", details={"allowed": self.years})
        return max(found, key=lambda p: p.document.status == "current")

    def document_for(self, year: int) -> PolicyParams | None:
        return next((p for p in reversed(self.documents) if p.year == year), None)

    # ------------------------------------------------------------ rules that span documents

    def postcode_row(self, year: int) -> tuple[PostcodeRow, PolicyParams]:
        """The 2.3.2 threshold row for a contract year: from that year's own document when it states one,
        else from the latest document that does."""
        rows = self.postcode_rows()
        if year not in rows:
            raise InvalidInput(f"contract_year: no postcode threshold for {year}; known: {sorted(rows)}")
        return rows[year]

    def postcode_rows(self) -> dict[int, tuple[PostcodeRow, PolicyParams]]:
        rows = [(row.year, row, p) for p in self.documents for row in (p.postcode.thresholds if p.postcode else [])]
        return self._by_year(rows)

    def subcontracting_limits(self) -> dict[int, tuple[Limit, PolicyParams]]:
        """Subcontracting limits by the year they take effect (a limit holds until the next one)."""
        rows = [
            (limit.from_year or p.year, limit, p)
            for p in self.documents
            for limit in (p.subcontracting.limits if p.subcontracting else [])
        ]
        return self._by_year(rows)

    @staticmethod
    def _by_year(rows: list[tuple[int, Any, PolicyParams]]) -> dict[int, tuple[Any, PolicyParams]]:
        """One row per year: the one stated by that year's own document, else by the newest document stating it."""
        best: dict[int, tuple[Any, PolicyParams]] = {}
        for year, row, p in rows:
            held = best.get(year)
            rank = (p.year == year, p.year)
            if held is None or rank > (held[1].year == year, held[1].year):
                best[year] = (row, p)
        return dict(sorted(best.items()))


# ---------------------------------------------------------------- loading and checking


def params_path(manifest: Path) -> Path:
    return manifest.with_name(manifest.name.removesuffix(".toml") + PARAMS_SUFFIX)


def read_params(path: Path) -> PolicyParams:
    """Parse one parameter file (no corpus check yet); a file that does not exist gives empty parameters."""
    if not path.is_file():
        return PolicyParams()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"parameter file {path.name} is not valid TOML: {exc}") from None
    try:
        return PolicyParams.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in err["loc"])
        raise ConfigError(f"parameter file {path.name}: {where}: {err['msg']}") from None


def resolve(params: PolicyParams, document: Document, corpus: Corpus, file_name: str) -> PolicyParams:
    """Check every quote against its clause and the values it must state; attach the citations."""
    params._document = document
    for name, source in params.sources():
        clause_id = f"{document.id}/{source.clause}"
        clause = corpus.clause_by_id.get(clause_id)
        if clause is None:
            raise ConfigError(f"{file_name}: parameter {name}: clause {clause_id} is not in the corpus")
        if not corpus.quote_in_clause(source.quote, clause_id):
            raise ConfigError(f"{file_name}: parameter {name}: quote not found in {clause_id}: «{source.quote}»")
        missing = source.problems()
        if missing:
            raise ConfigError(
                f"{file_name}: parameter {name}: the quote does not state {', '.join(missing)}: «{source.quote}»"
            )
        source._citation = Citation(
            clause_id=clause_id,
            doc=clause.doc,
            year=clause.year,
            section=clause.section,
            title=clause.title,
            quote=collapse_ws(source.quote),
        )
    for d in params.deadlines.items if params.deadlines else []:
        missing = d.problems()
        if missing:
            quotes = " / ".join(f"«{s.quote}»" for s in d.sources)
            raise ConfigError(
                f"{file_name}: parameter deadlines.{d.id}: no quote states {', '.join(missing)}: {quotes}"
            )
    return params


def load_policy(corpus: Corpus, manifests: dict[str, Path]) -> PolicySet:
    """The parameters of every document in `corpus` (`manifests`: doc id -> manifest path), checked."""
    documents = []
    for doc in corpus.documents:
        path = params_path(manifests[doc.id])
        documents.append(resolve(read_params(path), doc, corpus, path.name))
    policy_set = PolicySet(documents)
    _check_exclusion_grounds(policy_set)
    return policy_set


def _check_exclusion_grounds(policy_set: PolicySet) -> None:
    codes = [set(p.exclusion.grounds) for p in policy_set.documents if p.exclusion]
    if codes and any(c != codes[0] for c in codes):
        raise ConfigError("exclusion.grounds: every document must name the same grounds (the calculator's fields)")


# ---------------------------------------------------------------- the configured corpus, loaded once

_CACHE: dict[Path, tuple[tuple, PolicySet]] = {}
_LOCK = threading.Lock()


def corpus_stamp(directory: Path) -> tuple:
    """What a change of the corpus would change: names, sizes and modification times of its files."""
    files = sorted(p for p in Path(directory).iterdir() if p.suffix in (".toml", ".txt"))
    return tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in files)


def remember(directory: Path, stamp: tuple, policy_set: PolicySet) -> None:
    with _LOCK:
        _CACHE[Path(directory).resolve()] = (stamp, policy_set)


def policy(corpus_dir: Path | str | None = None) -> PolicySet:
    """The parameters of the corpus in `corpus_dir` (default: the configured corpus), loaded and checked once."""
    if corpus_dir is None:
        from assistant.config import Settings

        corpus_dir = Settings.from_env().corpus_dir
    directory = Path(corpus_dir).resolve()
    stamp = corpus_stamp(directory)
    with _LOCK:
        cached = _CACHE.get(directory)
    if cached and cached[0] == stamp:
        return cached[1]
    from assistant.ingest.corpus import load_corpus

    return load_corpus(directory).policy
