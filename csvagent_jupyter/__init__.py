"""csvagent-jupyter: ask plain-English questions about CSV files, in Jupyter or any Python.

Importing the package is cheap: pandas, SQLAlchemy, LangChain and matplotlib load
only when the names that need them are first used.
"""

from __future__ import annotations

import logging
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

# The library convention: our records go nowhere until the application configures logging
# (logging.basicConfig(), or a handler on "csvagent_jupyter"), so a notebook shows no traceback.
logging.getLogger("csvagent_jupyter").addHandler(logging.NullHandler())

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
    "current_agent",
    "load_ipython_extension",
    "panel",
    "unload_ipython_extension",
    "wait_for_jobs",
]


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext csvagent_jupyter``: registers %%ask, %ask and %csv. Kept light: nothing
    heavy is imported until the first question."""
    from .jupyter.extension import load

    load(ipython)


def unload_ipython_extension(ipython: Any) -> None:
    """``%unload_ext csvagent_jupyter``: removes the magics and the settings object."""
    from .jupyter.extension import unload

    unload(ipython)


def panel(side: bool = False) -> Any:
    """The upload and chat panel (``side=True`` opens it in a JupyterLab side area)."""
    from .jupyter.panel import panel as make_panel

    return make_panel(side=side)


def current_agent() -> Any:
    """The notebook's Agent: the one the magics and the panel use (made on first use)."""
    from .jupyter.state import get_agent

    return get_agent()


async def wait_for_jobs() -> None:
    """``await csvagent_jupyter.wait_for_jobs()``: until background loads and questions finish."""
    from .jupyter.tasks import wait_for_jobs as wait

    await wait()


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        module_name, attribute = _LAZY[name]
        value = getattr(import_module(f".{module_name}", __name__), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
