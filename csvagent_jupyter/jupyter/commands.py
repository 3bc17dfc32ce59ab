"""``%csv`` subcommands: one small function each, behind a dispatch table.

Each parses its own arguments and calls the Agent; what it returns is displayed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from IPython.core.error import UsageError

from .state import get_agent
from .tasks import ProgressBar, run_with_progress

# IPython prints exactly UsageError (not subclasses) as one line without a traceback, and
# the cell still fails: that is what every error of the magics should look like.
CSVAgentUsageError = UsageError


def _parser(name: str) -> argparse.ArgumentParser:
    return argparse.ArgumentParser(prog=f"%csv {name}", add_help=False, exit_on_error=False)


def _parse(parser: argparse.ArgumentParser, args: list[str]) -> argparse.Namespace:
    try:
        parsed, extra = parser.parse_known_args(args)
    except argparse.ArgumentError as exc:
        raise CSVAgentUsageError(f"{parser.prog}: {exc}. See %csv help.") from None
    if extra:
        raise CSVAgentUsageError(f"{parser.prog}: unexpected {' '.join(extra)!r}. See %csv help.")
    return parsed


def _table(rows: list[dict[str, Any]], empty: str) -> Any:
    import pandas as pd  # here, not at import: loading the extension stays light

    return pd.DataFrame(rows) if rows else empty


# -- files --------------------------------------------------------------------------------------
def cmd_load(args: list[str]) -> Any:
    parser = _parser("load")
    parser.add_argument("path")
    parser.add_argument("--name")
    parser.add_argument("--wait", action="store_true")
    parser.add_argument("--skip-bad-lines", action="store_true")
    options = _parse(parser, args)
    agent = get_agent()
    if options.wait:
        return agent.load(
            options.path, name=options.name, skip_bad_lines=options.skip_bad_lines or None
        )
    from IPython.display import display

    bar = ProgressBar(options.name or options.path)
    display(bar.widget)

    def work(progress: Callable[..., None]) -> Any:
        return agent.load(
            options.path,
            name=options.name,
            on_progress=progress,
            skip_bad_lines=options.skip_bad_lines or None,
        )

    result = run_with_progress(work, bar.update)
    return None if not hasattr(result, "id") else result


def cmd_files(args: list[str]) -> Any:
    _parse(_parser("files"), args)
    rows = [
        {
            "name": f.name,
            "status": f.status,
            "rows": f.rows,
            "columns": len(f.columns),
            "id": f.id,
            "loaded": f.created_at,
            "error": f.error,
        }
        for f in get_agent().files()
    ]
    return _table(rows, "No file is loaded yet. Use %csv load PATH.")


def cmd_use(args: list[str]) -> Any:
    parser = _parser("use")
    parser.add_argument("name")
    return get_agent().use(_parse(parser, args).name)


def cmd_info(args: list[str]) -> Any:
    parser = _parser("info")
    parser.add_argument("name", nargs="?")
    info = get_agent().file(_parse(parser, args).name)
    rows = [
        {
            "column": c.name,
            "type": c.type,
            "missing": c.nulls,
            "distinct": c.distinct,
            "min": c.min,
            "max": c.max,
            "mean": c.mean,
            "top values": ", ".join(f"{v} ({n})" for v, n in c.top_values[:3]),
        }
        for c in info.profile.column_profiles
    ]
    return _table(rows, f"{info.name} has no columns.")


# -- conversation ------------------------------------------------------------------------------
def cmd_history(args: list[str]) -> Any:
    parser = _parser("history")
    parser.add_argument("-n", type=int, default=20)
    parser.add_argument("--session")
    options = _parse(parser, args)
    rows = [
        {
            "id": q.id,
            "question": q.question,
            "status": q.status,
            "planner": q.planner,
            "model": q.model,
            "cached": q.cached,
            "seconds": q.execution_time,
            "summary": q.summary or q.error,
            "at": q.created_at,
        }
        for q in get_agent().history(session=options.session, limit=options.n)
    ]
    return _table(rows, "No question asked yet. Use %%ask.")


def cmd_sessions(args: list[str]) -> Any:
    _parse(_parser("sessions"), args)
    rows = [
        {
            "id": s.id,
            "file": s.file_id,
            "questions": s.turns,
            "started": s.created_at,
            "updated": s.updated_at,
        }
        for s in get_agent().sessions()
    ]
    return _table(rows, "No session yet.")


def cmd_session(args: list[str]) -> Any:
    parser = _parser("session")
    parser.add_argument("action", choices=["new", "resume"])
    parser.add_argument("id", nargs="?")
    options = _parse(parser, args)
    agent = get_agent()
    if options.action == "new":
        return agent.session()
    if not options.id:
        raise CSVAgentUsageError("%csv session resume needs a session id (see %csv sessions).")
    return agent.session(resume=options.id)


def cmd_model(args: list[str]) -> Any:
    parser = _parser("model")
    parser.add_argument("name", nargs="?")
    options = _parse(parser, args)
    agent = get_agent()
    if options.name:
        agent.use_model(options.name)
    return f"Questions are planned by: {agent.model_name}"


def cmd_status(args: list[str]) -> Any:
    parser = _parser("status")
    parser.add_argument("job", nargs="?")
    options = _parse(parser, args)
    agent = get_agent()
    jobs = [agent.store.get_job(options.job)] if options.job else agent.store.list_jobs(limit=20)
    rows = [
        {
            "id": j.id,
            "type": j.job_type,
            "status": j.status,
            "progress": j.progress,
            "subject": j.subject_id,
            "created": j.created_at,
            "completed": j.completed_at,
            "error": j.error_message,
        }
        for j in jobs
        if j is not None
    ]
    return _table(rows, f"No job {options.job!r}." if options.job else "No job yet.")


def cmd_replay(args: list[str]) -> Any:
    parser = _parser("replay")
    parser.add_argument("query_id")
    return get_agent().replay(_parse(parser, args).query_id)


def cmd_preview(args: list[str]) -> Any:
    if not args:
        raise CSVAgentUsageError(
            "%csv preview needs a question: %csv preview average sales by region"
        )
    return get_agent().preview(" ".join(args))


def cmd_panel(args: list[str]) -> Any:
    parser = _parser("panel")
    parser.add_argument("--side", action="store_true")
    from .panel import panel

    return panel(side=_parse(parser, args).side)


def cmd_help(args: list[str]) -> Any:
    return HELP


COMMANDS: dict[str, Callable[[list[str]], Any]] = {
    "load": cmd_load,
    "files": cmd_files,
    "use": cmd_use,
    "info": cmd_info,
    "history": cmd_history,
    "sessions": cmd_sessions,
    "session": cmd_session,
    "model": cmd_model,
    "status": cmd_status,
    "replay": cmd_replay,
    "preview": cmd_preview,
    "panel": cmd_panel,
    "help": cmd_help,
}

HELP = """%csv subcommands:
  load PATH [--name N] [--wait] [--skip-bad-lines]   load a CSV (in the background, with progress)
  files                                              the loaded files
  use NAME                                           ask questions about this file by default
  info [NAME]                                        the profile of a file, a row per column
  history [-n N] [--session ID]                      the query log
  sessions | session new | session resume ID         conversations
  model [provider:model | offline]                   show or choose the planner
  status [JOB]                                       background jobs and their progress
  replay QUERY_ID                                    re-run a logged plan, without any model
  preview QUESTION                                   exactly what would be sent to a model
  panel [--side]                                     the upload and chat panel
  help                                               this text
Ask with %%ask (cell) or %ask (line); %%ask? lists its options."""
