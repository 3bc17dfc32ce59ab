"""``%csv`` subcommands: one small function each, behind a dispatch table.

Each parses its own arguments and calls the Agent; what it returns is displayed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from IPython.core.error import UsageError

from .state import get_agent, get_loads

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


class Text(str):
    """A message that displays as text, not as a quoted string with literal ``\\n``."""

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


def _table(rows: list[dict[str, Any]], empty: str) -> Any:
    import pandas as pd  # here, not at import: loading the extension stays light

    return pd.DataFrame(rows) if rows else Text(empty)


# -- files --------------------------------------------------------------------------------------
def cmd_load(args: list[str]) -> Any:
    parser = _parser("load")
    parser.add_argument("path")
    parser.add_argument("--name")
    parser.add_argument("--wait", action="store_true")
    parser.add_argument("--skip-bad-lines", action="store_true")
    options = _parse(parser, args)
    agent = get_agent()
    skip = options.skip_bad_lines or None
    if options.wait:
        get_loads().forget_intent()
        return agent.load(options.path, name=options.name, skip_bad_lines=skip)
    started = get_loads().start(agent, options.path, name=options.name, skip_bad_lines=skip)
    return started if hasattr(started, "id") else None  # a background load shows its bar only


def cmd_files(args: list[str]) -> Any:
    """Loaded files first, then loads in progress, then failed loads; the file in use marked."""
    import pandas as pd

    _parse(_parser("files"), args)
    agent = get_agent()
    loads = get_loads()
    pending = loads.intended  # a load still running (or failed) decides the file in use
    newest_first = agent.files()
    in_use = (
        agent.current_file_id
        if pending is None
        else next(
            (f.id for f in newest_first if f.name == pending.name and f.status != "completed"),
            None,
        )
    )
    order = {"completed": 0, "processing": 1, "error": 2}
    files = sorted(newest_first, key=lambda f: order.get(f.status, 1))
    rows = [
        {
            "in use": "●" if f.id == in_use else "",
            "name": f.name,
            "status": {"error": "FAILED", "processing": "loading"}.get(f.status, f.status),
            "rows": f.rows,
            "columns": len(f.columns) if f.status == "completed" else None,
            "error": f.error or "",
            "id": f.id,
            "loaded": f.created_at,
        }
        for f in files
    ]
    if not rows:
        return Text("No file is loaded yet. Use %csv load PATH.")
    table = pd.DataFrame(rows)
    table["rows"] = table["rows"].astype("Int64")
    table["columns"] = table["columns"].astype("Int64")
    return table


def cmd_use(args: list[str]) -> Any:
    parser = _parser("use")
    parser.add_argument("name")
    name = _parse(parser, args).name
    loads = get_loads()
    ref = loads.file_for(get_agent(), name)
    info = get_agent().use(ref)
    loads.forget_intent()
    return Text(f"Questions now go to {info.name} ({info.rows:,} rows).")


def cmd_drop(args: list[str]) -> Any:
    parser = _parser("drop")
    parser.add_argument("name")
    name = _parse(parser, args).name
    if get_loads().status_of(name) == "loading":
        raise CSVAgentUsageError(f"{name} is still loading; drop it once the load has finished.")
    info = get_agent().drop(name)
    return Text(f"Dropped {info.name}: it is no longer among the files, and its cache is gone.")


def cmd_info(args: list[str]) -> Any:
    parser = _parser("info")
    parser.add_argument("name", nargs="?")
    ref = get_loads().file_for(get_agent(), _parse(parser, args).name)
    # the table shows exact counts: a large file's background profile is waited for
    info = get_agent().wait_profiled(ref)
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
    agent = get_agent()
    names = {f.id: f.name for f in agent.files()}
    rows = [
        {
            "id": q.id,
            "file": names.get(q.file_id or "", ""),
            "question": q.question,
            "status": q.status,
            "planner": q.planner,
            "model": q.model,
            "cached": q.cached,
            "seconds": q.execution_time,
            "summary": q.summary or q.error,
            "at": q.created_at,
        }
        for q in agent.history(session=options.session, limit=options.n)
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
        return agent.session(file=get_loads().file_for(agent, None))
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
    return Text(f"Questions are planned by: {agent.model_name}")


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
    query_id = _parse(parser, args).query_id
    agent = get_agent()
    ids = (
        [query_id]
        if agent.store.get_query(query_id)
        else agent.store.query_ids_starting_with(query_id)
    )
    if len(ids) != 1:
        found = "no query" if not ids else f"more than one query ({len(ids)}) whose id starts with"
        raise CSVAgentUsageError(f"There is {found} {query_id!r}; %csv history lists them.")
    return agent.replay(ids[0])


def cmd_preview(args: list[str]) -> Any:
    if not args:
        raise CSVAgentUsageError(
            "%csv preview needs a question: %csv preview average sales by region"
        )
    agent = get_agent()
    return agent.preview(" ".join(args), file=get_loads().file_for(agent, None))


def cmd_panel(args: list[str]) -> Any:
    parser = _parser("panel")
    parser.add_argument("--side", action="store_true")
    from .panel import panel

    return panel(side=_parse(parser, args).side)


def cmd_help(args: list[str]) -> Any:
    return Text(HELP)


COMMANDS: dict[str, Callable[[list[str]], Any]] = {
    "load": cmd_load,
    "files": cmd_files,
    "use": cmd_use,
    "drop": cmd_drop,
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
  drop NAME                                          forget a file (and its cache)
  info [NAME]                                        the profile of a file, a row per column
  history [-n N] [--session ID]                      the query log
  sessions | session new | session resume ID         conversations
  model [provider:model | offline]                   show or choose the planner
  status [JOB]                                       background jobs and their progress
  replay QUERY_ID                                    re-run a logged plan (an id prefix will do)
  preview QUESTION                                   exactly what would be sent to a model
  panel [--side]                                     the upload and chat panel
  help                                               this text
Ask with %%ask (cell) or %ask (line); %%ask? lists its options.
Settings: %config CSVAgent shows them, e.g. %config CSVAgent.autolimit = 50."""
