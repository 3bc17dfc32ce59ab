"""``%%ask``, ``%ask`` and ``%csv``: parse the line, call the Agent, return what displays.

The cell body of ``%%ask`` is the question and is never parsed for options. Errors
show one line and fail the cell (so "run all" and nbval stop); ``%config
CSVAgent.show_traceback = True`` shows the full traceback instead.
"""

from __future__ import annotations

import logging
import shlex
from typing import Any, NoReturn

from IPython.core.magic import Magics, line_cell_magic, line_magic, magics_class
from IPython.core.magic_arguments import argument, magic_arguments, parse_argstring

from ..errors import CSVAgentError
from .commands import COMMANDS, HELP, CSVAgentUsageError, Text
from .state import get_agent, get_loads

log = logging.getLogger("csvagent_jupyter")


def _fail(exc: BaseException, show_traceback: bool) -> NoReturn:
    if show_traceback:
        raise exc
    if isinstance(exc, CSVAgentUsageError):
        raise exc
    if isinstance(exc, CSVAgentError):
        raise CSVAgentUsageError(str(exc)) from None
    # An internal error: the log has the traceback; the cell shows one line and fails.
    log.error("internal error in a csvagent magic", exc_info=exc)
    raise CSVAgentUsageError(
        f"Internal error ({type(exc).__name__}: {exc}). The traceback is in the log; "
        "%config CSVAgent.show_traceback = True shows it here."
    ) from None


def failure_message(result: Any) -> str:
    """A failed question's reason, then the suggested questions one per line, ready to copy."""
    message = result.summary
    if result.suggestions:
        lines = "\n".join(f"  %ask {s}" for s in result.suggestions)
        message += f"\nTry one of these:\n{lines}"
    return message


@magics_class
class CSVAgentMagics(Magics):
    def __init__(self, shell: Any, config: Any) -> None:
        super().__init__(shell)
        self.csv_config = config

    @magic_arguments()
    @argument("-f", "--file", help="Which loaded file (name or id); default: the file in use.")
    @argument("-o", "--output", help="Store the answer's value in this variable.")
    @argument("-s", "--session", help="The conversation to ask in (see %%csv sessions).")
    @argument("-m", "--model", help='The planner for this question: "provider:model" or "offline".')
    @argument("--chart", action="store_true", help="Answer with a chart.")
    @argument("--table", action="store_true", help="Answer with a table, without a chart.")
    @argument("--code", action="store_true", help="Also put the pandas code into the next cell.")
    @argument("question", nargs="*", help="%%ask only: the question (for %%%%ask, the cell body).")
    @line_cell_magic
    def ask(self, line: str, cell: str | None = None) -> Any:
        """Ask a question about a loaded CSV file; the answer displays as a table, chart or value.

        %%ask [options]        the cell body is the question
        %ask [options] QUESTION
        """
        options = parse_argstring(self.ask, line)
        question = cell if cell is not None else " ".join(options.question)
        if cell is not None and options.question:
            raise CSVAgentUsageError(
                "With %%ask the question is the cell body; put only options on the first line."
            )
        if not question.strip():
            raise CSVAgentUsageError("Ask a question: %ask average revenue by region")
        try:
            agent = get_agent()
            file = get_loads().file_for(agent, options.file)
            result = agent.ask(question, file=file, session=options.session, model=options.model)
            if result.ok and (options.chart or options.table):
                result = self._force_form(agent, result, chart=options.chart)
        except Exception as exc:
            _fail(exc, self.csv_config.show_traceback)
        if result.kind == "error":
            raise CSVAgentUsageError(failure_message(result))
        assert self.shell is not None  # IPython gives every registered Magics its shell
        if options.output:
            self.shell.user_ns[options.output] = result.value
        if options.code:
            self.shell.set_next_input(result.code, replace=False)
        return result

    @staticmethod
    def _force_form(agent: Any, result: Any, *, chart: bool) -> Any:
        from ..analysis.plan import ChartSpec

        plan = result.plan
        if chart and plan.chart is None:
            updated = plan.model_copy(
                update={"chart": ChartSpec(kind="bar"), "answer_column": None}
            )
        elif not chart and (plan.chart is not None or plan.answer_column):
            updated = plan.model_copy(
                update={"chart": None, "answer_column": None, "answer": "table"}
            )
        else:
            return result
        return agent.run(updated, file=result.file_id, question=result.question or "")

    @line_magic
    def csv(self, line: str) -> Any:
        """Files, sessions, history, model and status; %csv help lists the subcommands."""
        try:
            words = shlex.split(line)
        except ValueError as exc:
            raise CSVAgentUsageError(f"%csv: {exc}") from None
        if not words:
            return Text(HELP)
        command = COMMANDS.get(words[0])
        if command is None:
            raise CSVAgentUsageError(f"%csv has no subcommand {words[0]!r}.\n{HELP}")
        try:
            return command(words[1:])
        except Exception as exc:
            _fail(exc, self.csv_config.show_traceback)
