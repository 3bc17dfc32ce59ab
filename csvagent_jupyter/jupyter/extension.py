"""Register and remove the extension: the magics and the ``CSVAgent`` configurable."""

from __future__ import annotations

import sys
from typing import Any

from .config import CSVAgent
from .magics import CSVAgentMagics
from .state import reset_agent, set_config
from .transform import ask_question_marks

_registered: dict[int, tuple[CSVAgent, CSVAgentMagics]] = {}


def load(ipython: Any) -> None:
    if id(ipython) in _registered:
        return
    config = CSVAgent(parent=ipython)
    ipython.configurables.append(config)
    set_config(config)
    if config.autolimit != CSVAgent.autolimit.default_value:  # set before the extension loaded
        config._autolimit_changed({"new": config.autolimit})
    magics = CSVAgentMagics(ipython, config)
    ipython.register_magics(magics)
    if ask_question_marks not in ipython.input_transformers_cleanup:
        ipython.input_transformers_cleanup.append(ask_question_marks)
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
    if ask_question_marks in ipython.input_transformers_cleanup:
        ipython.input_transformers_cleanup.remove(ask_question_marks)
    if config in ipython.configurables:
        ipython.configurables.remove(config)
    reset_agent()
    set_config(None)
    if "csvagent_jupyter.analysis.result" in sys.modules:  # the extension set its display limit
        from ..analysis import result

        result.SHOWN_ROWS = CSVAgent.autolimit.default_value
