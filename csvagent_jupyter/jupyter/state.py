"""The one Agent of a notebook, created on first use from the current settings."""

from __future__ import annotations

import threading
from typing import Any

_lock = threading.Lock()
_agent: Any = None
_config: Any = None
_loads: Any = None


def get_loads() -> Any:
    """The notebook's background loads (see loads.py), made on first use."""
    global _loads
    with _lock:
        if _loads is None:
            from .loads import Loads

            _loads = Loads()
        return _loads


def set_config(config: Any) -> None:
    global _config
    _config = config


def get_agent() -> Any:
    """The notebook's Agent (made from ``%config CSVAgent`` and the environment on first use)."""
    global _agent
    with _lock:
        if _agent is None:
            from ..agent import Agent

            settings = _config.settings() if _config is not None else None
            _agent = Agent(settings=settings)
        return _agent


def reset_agent(*, keep_model: bool = False) -> None:
    """Settings changed: a model change is applied in place; anything else makes a new Agent."""
    global _agent, _loads
    with _lock:
        if _agent is None:
            return
        if keep_model and _config is not None:
            _agent.settings = _config.settings()
            _agent.use_model(_config.model)
            return
        _agent.close()
        _agent = None
        _loads = None
