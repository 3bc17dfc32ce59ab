"""``CSVAgent``: the user settings as traitlets, so ``%config CSVAgent.model = "..."`` works.

Every trait defaults to what the environment says (``Settings.from_env``), so the
environment and ``%config`` set the same things; ``%config`` wins.
"""

from __future__ import annotations

from typing import Any

from traitlets import Bool, Int, TraitError, Unicode, observe, validate
from traitlets.config import Configurable

from ..settings import Settings


def _env() -> Settings:
    return Settings.from_env()


class CSVAgent(Configurable):
    """csvagent-jupyter settings (see also the CSVAGENT_* environment variables)."""

    model = Unicode(
        None,
        allow_none=True,
        config=True,
        help='The planner: "provider:model" (e.g. "openai:gpt-4o-mini") or "offline". '
        "Default: CSVAGENT_MODEL, then OpenAI when OPENAI_API_KEY is set, else offline.",
    )
    database_url = Unicode(
        None, allow_none=True, config=True, help="SQLAlchemy URL of the database."
    )
    data_dir = Unicode(
        None, allow_none=True, config=True, help="Folder for the database, cache and uploads."
    )
    max_file_bytes = Int(None, allow_none=True, config=True, help="Largest CSV accepted, in bytes.")
    schema_only = Bool(
        None, allow_none=True, config=True, help="Send a model column names and types only."
    )
    openai_base_url = Unicode(
        None,
        allow_none=True,
        config=True,
        help="An OpenAI-compatible server (Ollama, vLLM, llama.cpp).",
    )
    show_traceback = Bool(
        False, config=True, help="Show the full traceback of errors (for debugging)."
    )
    autolimit = Int(
        20, config=True, help="Rows of a table shown in the notebook (the value keeps all)."
    )

    @validate("autolimit")
    def _valid_autolimit(self, proposal: dict[str, Any]) -> int:
        if proposal["value"] < 1:
            raise TraitError("CSVAgent.autolimit must be at least 1.")
        return int(proposal["value"])

    @observe("autolimit")
    def _autolimit_changed(self, change: dict[str, Any]) -> None:
        from ..analysis import result

        result.SHOWN_ROWS = change["new"]

    def in_effect(self) -> dict[str, Any]:
        """The values the agent uses now: a trait left at None means "from the environment"."""
        from .state import get_agent

        agent = get_agent()
        settings = agent.settings
        return {
            "model": agent.model_name,
            "database_url": settings.resolved_database_url,
            "data_dir": str(settings.data_dir),
            "max_file_bytes": settings.max_file_bytes,
            "schema_only": settings.schema_only,
            "openai_base_url": settings.openai_base_url,
        }

    @classmethod
    def class_get_trait_help(cls, trait: Any, inst: Any = None, helptext: str | None = None) -> str:
        """``%config CSVAgent`` prints this per trait: show the value in effect, not "None"."""
        text = super().class_get_trait_help(trait, inst, helptext)
        if inst is None or getattr(inst, trait.name) is not None:
            return text
        value = inst.in_effect().get(trait.name)
        if value is None:
            return text
        return text.replace("Current: None", f"Current: {value!r} (from the environment)")

    def settings(self) -> Settings:
        """The environment's settings with the values set here on top."""
        overrides: dict[str, Any] = {
            "model": self.model,
            "database_url": self.database_url,
            "data_dir": self.data_dir,
            "max_file_bytes": self.max_file_bytes,
            "schema_only": self.schema_only,
            "openai_base_url": self.openai_base_url,
        }
        return Settings.from_env(**overrides)

    @observe(
        "database_url", "data_dir", "max_file_bytes", "schema_only", "openai_base_url", "model"
    )
    def _settings_changed(self, change: dict[str, Any]) -> None:
        from .state import reset_agent

        reset_agent(keep_model=change["name"] == "model")
