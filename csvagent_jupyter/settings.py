"""Settings in one place, read from the environment.

The Jupyter front end mirrors these as traitlets (so ``%config`` works); everything
below it takes a :class:`Settings` value, so a plain script and a notebook resolve
the same names the same way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import ConfigurationError

ENV_PREFIX = "CSVAGENT_"
DEFAULT_MAX_FILE_BYTES = 2 * 1024**3


def _default_data_dir() -> Path:
    # platformdirs is imported here, not at module import, to keep `import csvagent_jupyter` light.
    import platformdirs

    return Path(platformdirs.user_data_dir("csvagent-jupyter", appauthor=False))


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(ENV_PREFIX + name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        raise ConfigurationError(
            f"{ENV_PREFIX}{name}={raw!r} is not a whole number; set it to, e.g., {default}."
        ) from None
    if value <= 0:
        raise ConfigurationError(f"{ENV_PREFIX}{name} must be positive, got {value}.")
    return value


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(ENV_PREFIX + name)
    if raw is None or raw.strip() == "":
        return default
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ConfigurationError(f"{ENV_PREFIX}{name}={raw!r} is not a yes/no value (use 1 or 0).")


@dataclass(frozen=True)
class Settings:
    """Everything a user may configure. Environment variable names are ``CSVAGENT_`` + upper."""

    data_dir: Path = field(default_factory=_default_data_dir)
    database_url: str | None = None  # None: a SQLite file in data_dir
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    skip_bad_lines: bool = False
    answer_cache: bool = True
    max_question_chars: int = 2000
    model: str | None = None  # "provider:model" or "offline"
    openai_base_url: str | None = None  # an OpenAI-compatible server (Ollama, vLLM, llama.cpp)
    openai_api_key_env: str = "OPENAI_API_KEY"  # the variable that holds the key for it
    schema_only: bool = False  # privacy: send the model column names and types, no values
    model_calls_per_minute: int = 30
    max_tool_rounds: int = 6
    model_timeout: float = 60.0
    context_chars: int = 4000  # the conversation sent with a follow-up, at most

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from the environment, then explicit overrides (arguments beat the environment)."""
        data_dir_env = os.environ.get(ENV_PREFIX + "DATA_DIR")
        base = cls(
            data_dir=Path(data_dir_env).expanduser() if data_dir_env else _default_data_dir(),
            database_url=os.environ.get(ENV_PREFIX + "DATABASE_URL") or None,
            max_file_bytes=_env_int("MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES),
            skip_bad_lines=_env_bool("SKIP_BAD_LINES", False),
            answer_cache=_env_bool("ANSWER_CACHE", True),
            max_question_chars=_env_int("MAX_QUESTION_CHARS", 2000),
            model=os.environ.get(ENV_PREFIX + "MODEL") or None,
            openai_base_url=os.environ.get(ENV_PREFIX + "OPENAI_BASE_URL") or None,
            openai_api_key_env=os.environ.get(ENV_PREFIX + "OPENAI_API_KEY_ENV")
            or "OPENAI_API_KEY",
            schema_only=_env_bool("SCHEMA_ONLY", False),
            model_calls_per_minute=_env_int("MODEL_CALLS_PER_MINUTE", 30),
            max_tool_rounds=_env_int("MAX_TOOL_ROUNDS", 6),
            model_timeout=float(_env_int("MODEL_TIMEOUT", 60)),
        )
        # Any: each value is a field's, typed by the caller (Agent's keyword arguments, traitlets)
        given: dict[str, Any] = {
            key: value for key, value in overrides.items() if value is not None
        }
        if "data_dir" in given:
            given["data_dir"] = Path(str(given["data_dir"])).expanduser()
        return replace(base, **given)

    @property
    def resolved_database_url(self) -> str:
        """The URL to connect to: the configured one, or SQLite in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'csvagent.sqlite3'}"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"
