"""csvagent-jupyter: ask plain-English questions about CSV files, in Jupyter or any Python.

Importing the package is cheap: pandas, SQLAlchemy, LangChain and matplotlib load
only when the names that need them are first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    CSVAgentError,
    LoadError,
    PlanError,
    QuestionError,
    UnknownColumnError,
    UnknownFileError,
)

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .agent import Agent
    from .loading.loader import FileInfo

_LAZY = {
    "Agent": ("agent", "Agent"),
    "FileInfo": ("loading.loader", "FileInfo"),
}

__all__ = [
    "Agent",
    "CSVAgentError",
    "FileInfo",
    "LoadError",
    "PlanError",
    "QuestionError",
    "UnknownColumnError",
    "UnknownFileError",
    "__version__",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        module_name, attribute = _LAZY[name]
        value = getattr(import_module(f".{module_name}", __name__), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
