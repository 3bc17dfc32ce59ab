"""Register and remove the extension: the magics and the ``CSVAgent`` configurable."""

from __future__ import annotations

from typing import Any

from .config import CSVAgent
from .magics import CSVAgentMagics
from .state import reset_agent, set_config

_registered: dict[int, tuple[CSVAgent, CSVAgentMagics]] = {}


def load(ipython: Any) -> None:
    if id(ipython) in _registered:
        return
    config = CSVAgent(parent=ipython)
    ipython.configurables.append(config)
    set_config(config)
    magics = CSVAgentMagics(ipython, config)
    ipython.register_magics(magics)
    _registered[id(ipython)] = (config, magics)


def unload(ipython: Any) -> None:
    entry = _registered.pop(id(ipython), None)
    if entry is None:
        return
    config, magics = entry
    for kind, names in magics.magics.items():
        table = ipython.magics_manager.magics[kind]
        for name in names:
            table.pop(name, None)
    ipython.magics_manager.registry.pop(type(magics).__name__, None)
    if config in ipython.configurables:
        ipython.configurables.remove(config)
    reset_agent()
    set_config(None)
