"""Which chat model to use, and building it through LangChain.

Choice, strongest first: an explicit ``Agent(model=...)`` (a ``provider:model`` string,
``"offline"``, or a LangChain chat model object) > ``CSVAGENT_MODEL`` > ``openai:gpt-4o-mini``
when ``OPENAI_API_KEY`` is set > the offline planner. LangChain and its provider packages
are imported here, only when a model is actually used.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from typing import Any

from ..errors import CSVAgentError
from ..settings import Settings

DEFAULT_OPENAI_MODEL = "openai:gpt-4o-mini"
OFFLINE = "offline"


class ModelError(CSVAgentError):
    """The model could not be used: missing key, network, rate limit, bad output."""


def resolve_model_name(explicit: str | None, settings: Settings) -> str:
    """The model to use, as ``provider:model`` or ``"offline"``."""
    if explicit:
        return explicit
    if settings.model:
        return settings.model
    if settings.openai_base_url:
        return "openai:local"
    if os.environ.get("OPENAI_API_KEY"):
        return DEFAULT_OPENAI_MODEL
    return OFFLINE


def build_chat_model(name: str, settings: Settings) -> Any:
    """A LangChain chat model for ``name`` (``provider:model``), with no retries of its own:
    failures come back to us at once, to be explained and answered offline where possible."""
    provider, _, model = name.partition(":")
    if not model:
        provider, model = "openai", name
    if provider == "openai":
        key_variable = settings.openai_api_key_env
        api_key = os.environ.get(key_variable)
        if settings.openai_base_url:
            from langchain_openai import ChatOpenAI
            from pydantic import SecretStr

            return ChatOpenAI(
                model=model,
                base_url=settings.openai_base_url,
                api_key=SecretStr(api_key or "not-needed"),  # local servers usually ignore it
                timeout=settings.model_timeout,
                max_retries=0,
            )
        if not api_key:
            raise ModelError(
                f"No OpenAI API key: {key_variable} is not set. Set it, point "
                "CSVAGENT_OPENAI_BASE_URL at a local OpenAI-compatible server, or use "
                "the offline planner (CSVAGENT_MODEL=offline)."
            )
    from langchain.chat_models import init_chat_model

    try:
        return init_chat_model(f"{provider}:{model}", timeout=settings.model_timeout, max_retries=0)
    except ImportError as exc:
        raise ModelError(
            f"The model {name!r} needs a LangChain provider package that is not installed ({exc}). "
            f"Install it (e.g. pip install langchain-{provider}) or use another model."
        ) from None
    except Exception as exc:  # bad names, missing credentials of other providers
        raise ModelError(f"The model {name!r} could not be set up: {exc}") from None


class CallLimiter:
    """At most ``per_minute`` model calls in any sliding minute, for this agent."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._calls: deque[float] = deque()
        self._lock = threading.Lock()

    def acquire(self) -> None:
        with self._lock:
            now = time.monotonic()
            while self._calls and now - self._calls[0] >= 60:
                self._calls.popleft()
            if len(self._calls) >= self.per_minute:
                wait = 60 - (now - self._calls[0])
                raise ModelError(
                    f"The limit of {self.per_minute} model calls a minute is reached; try again in "
                    f"{wait:.0f} s (the limit is CSVAGENT_MODEL_CALLS_PER_MINUTE)."
                )
            self._calls.append(now)


def explain_model_failure(exc: BaseException) -> str:
    """A model call's failure in the analyst's words; never the raw response body."""
    name = type(exc).__name__
    status = getattr(exc, "status_code", None)
    if status == 401 or name == "AuthenticationError":
        return "The model service rejected the API key (401). Check the key, or use the offline planner."
    if status == 403 or name == "PermissionDeniedError":
        return "The model service refused access to this model (403)."
    if status == 429 or name == "RateLimitError":
        return "The model service is rate-limiting requests (429); wait a little and ask again."
    if "Timeout" in name or isinstance(exc, TimeoutError):
        return "The model did not answer in time."
    if "Connect" in name or isinstance(exc, ConnectionError):
        return "The model service could not be reached (network error)."
    if isinstance(status, int) and status >= 500:
        return f"The model service failed ({status}); try again later."
    if isinstance(status, int):
        return f"The model service returned an error ({status})."
    if name in (
        "JSONDecodeError",
        "APIResponseValidationError",
        "OutputParserException",
        "ValidationError",
    ):
        return "The model's reply could not be read (malformed output)."
    return f"The model call failed ({name})."
