"""``Agent``: the one object a user needs. Loads files, answers questions, keeps the record.

Everything here works in a plain Python script; the Jupyter front ends call these
methods and only add display and progress widgets.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import CSVAgentError, LoadError, QuestionError, UnknownFileError
from .events import ProgressCallback, ProgressReporter
from .loading.background import background
from .loading.cache import FrameCache
from .loading.loader import FileInfo, Loader
from .persistence import Database, Store
from .persistence.models import Query
from .questions import cache_key, clean_question, related_examples, suggested_questions
from .settings import Settings

log = logging.getLogger("csvagent_jupyter")

FRAMES_IN_MEMORY = 4
CONTEXT_TURNS = 5  # previous turns a follow-up (and the cache key) takes into account
RESULTS_IN_MEMORY = 64


@dataclass(frozen=True)
class SessionInfo:
    id: str
    file_id: str | None
    created_at: datetime
    updated_at: datetime
    turns: int

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """One line in a notebook (``%csv session new``), not the dataclass's field list."""
        printer.text(f"Session {self.id} ({self.turns} question{'s' if self.turns != 1 else ''}).")


@dataclass(frozen=True)
class QueryRecord:
    """One line of the query log."""

    id: str
    session_id: str | None
    question: str
    status: str
    planner: str | None
    model: str | None
    summary: str | None
    error: str | None
    execution_time: float | None
    cached: bool
    created_at: datetime
    file_id: str | None = None

    @classmethod
    def from_row(cls, row: Query) -> QueryRecord:
        return cls(
            id=row.id,
            session_id=row.session_id,
            question=row.query_text,
            status=row.status,
            planner=row.planner,
            model=row.model,
            summary=(row.result or {}).get("summary"),
            error=row.error_message,
            execution_time=row.execution_time,
            cached=row.cached,
            created_at=row.created_at,
            file_id=row.file_id,
        )


class Agent:
    """Load CSV files and ask questions about them.

    >>> agent = Agent()                       # doctest: +SKIP
    >>> info = agent.load("sales.csv")        # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        database_url: str | None = None,
        data_dir: str | Path | None = None,
        max_file_bytes: int | None = None,
        skip_bad_lines: bool | None = None,
        model: Any = None,
        settings: Settings | None = None,
    ) -> None:
        self.settings = settings or Settings.from_env(
            database_url=database_url,
            data_dir=data_dir,
            max_file_bytes=max_file_bytes,
            skip_bad_lines=skip_bad_lines,
        )
        self.settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.database = Database(self.settings.resolved_database_url)
        self.store = Store(self.database)
        self.cache = FrameCache(self.settings.cache_dir)
        self._loader = Loader(self.settings, self.store, self.cache)
        self._frames: OrderedDict[str, pd.DataFrame] = OrderedDict()
        self._frames_lock = threading.Lock()
        self._current_file_id: str | None = None
        self._sessions_by_file: dict[str, str] = {}
        self._indexes: dict[tuple[str, bool], Any] = {}  # by file id and profile exactness
        self._profiling: list[Future[Any]] = []  # background phases of this agent's loads
        # what those loads returned, by File id, while their background phase runs
        self._loaded: dict[str, tuple[Future[Any], FileInfo]] = {}
        self._results: OrderedDict[str, Any] = OrderedDict()
        self._chat_model: Any = None
        self._limiter: Any = None
        self.use_model(model)

    # -- files -----------------------------------------------------------------------------
    def load(
        self,
        source: str | Path | bytes,
        *,
        name: str | None = None,
        on_progress: ProgressCallback | None = None,
        skip_bad_lines: bool | None = None,
        use: bool = True,
    ) -> FileInfo:
        """Load a CSV from a path or from bytes; it becomes the file in use (unless ``use=False``:
        a notebook's background load decides that itself, since several may finish in any order).

        Raises a :class:`~csvagent_jupyter.errors.LoadError` subclass whose message says
        what is wrong and what to do; the failure is recorded as a File with status error.

        Returns once the table is parsed and its numbers typed: questions can be asked from
        then on. On a large file, the typing of text columns (events with
        ``data["phase"] == "typing"``; anything that reads the table or its profile waits
        for it, see ``loading/deferred.py``), then the exact distinct counts, the check for
        short rows and the cache write go on in the background (``info.profiled`` is False
        until then; events with ``data["phase"] == "profile"`` follow them);
        :meth:`wait_profiled` waits for them.
        """
        loaded = self._loader.load(
            source, name=name, on_progress=on_progress, skip_bad_lines=skip_bad_lines
        )
        if loaded.profiling is not None:
            self._profiling = [f for f in self._profiling if not f.done()] + [loaded.profiling]
            self._loaded = {k: v for k, v in self._loaded.items() if not v[0].done()}
            self._loaded[loaded.info.id] = (loaded.profiling, loaded.info)
        if loaded.frame is not None:
            self._remember_frame(loaded.info.id, loaded.frame)
        elif loaded.typed is not None:  # kept once typed (until then, frame() waits for it)
            file_id = loaded.info.id

            def remember(typed: Future[pd.DataFrame]) -> None:
                if typed.exception() is None:
                    self._remember_frame(file_id, typed.result())

            loaded.typed.add_done_callback(remember)
        if use:
            self._current_file_id = loaded.info.id
        return loaded.info

    def wait_profiled(self, ref: str | None = None, *, timeout: float | None = None) -> FileInfo:
        """The file (the one in use by default) once its exact profile is stored.

        A load returns before the exact distinct counts of a large file are known; this
        waits for its background phase, or finishes it here when the process that loaded
        the file ended first. Raises ``TimeoutError`` after ``timeout`` seconds.
        """
        known = self._current_file_id if ref is None else ref
        pending = background.future_of(known) if known is not None else None
        if pending is not None:
            # the File is read once, after its background phase: a read beside it competes
            # with it for the interpreter (measured on 10k x 100: 3-8 ms of the wait)
            if pending.exception(timeout=timeout) is not None:
                log.info("%s keeps its provisional profile", known)
                return self.file(known)
            loaded = self._loaded.pop(known or "", None)
            if loaded is not None and loaded[0] is pending and loaded[1].typed:
                # this agent's own load: its File row as the load left it, with the profile
                # its background phase just stored (and returned), without reading it back
                # (2 ms of a 10k x 100 load's wait, the row read and its profile validated)
                return replace(loaded[1], stored_profile=pending.result(), profile_due=None)
            return self.file(known)
        info = self._file(ref, settle=False)  # a short table's outline: waited for below
        # a background phase still running is waited for even when its profile is stored
        # already: it has its completion to report
        future = background.future_of(info.id)
        if future is None and info.stored_profile is not None and info.stored_profile.exact:
            return info
        if future is None:
            row = self.store.get_file(info.id)
            assert row is not None
            future = self._loader.refine_stored(row, self.frame(info.id))
        # waits; a failure was logged by the background thread, and the provisional profile
        # (exact types and ranges, estimated counts) stands
        if future.exception(timeout=timeout) is not None:
            log.info("%s keeps its provisional profile", info.name)
        return self.file(info.id)

    def drop(self, ref: str) -> FileInfo:
        """Forget a file (loaded or failed): its record, its table in memory and, unless another
        record has the same content, its cache. Questions asked about it stay in the log."""
        row = self.store.get_file(ref)
        if row is None:
            candidates = self.store.list_files()
            matches = [r for r in candidates if r.id.startswith(ref)] or [
                r for r in candidates if ref in (r.original_filename, r.filename)
            ]
            if not matches:
                names = ", ".join(sorted({r.original_filename for r in candidates})) or "none"
                raise UnknownFileError(f"No file is called {ref!r}. Files: {names}.")
            row = matches[0]
        pending = background.future_of(row.id)
        if pending is not None:  # its profile would be written to a deleted row
            pending.exception()
        info = FileInfo.from_row(row)
        self.store.delete_file(row.id)
        with self._frames_lock:
            self._frames.pop(row.id, None)
        self._loaded.pop(row.id, None)
        self._indexes = {key: i for key, i in self._indexes.items() if key[0] != row.id}
        self._sessions_by_file.pop(row.id, None)
        if self._current_file_id == row.id:
            self._current_file_id = None
        if row.content_hash and self.store.find_completed_file(row.content_hash) is None:
            self.cache.wait(row.content_hash)
            self.cache.path_for(row.content_hash).unlink(missing_ok=True)
        return info

    @property
    def current_file_id(self) -> str | None:
        """The id of the file questions go to by default (None until one is loaded or chosen)."""
        return self._current_file_id

    def files(self, *, include_failed: bool = True) -> list[FileInfo]:
        """Loaded files, newest first (failed loads too, unless ``include_failed=False``)."""
        rows = self.store.list_files(status=None if include_failed else "completed")
        return [FileInfo.from_row(row) for row in rows]

    def file(self, ref: str | None = None) -> FileInfo:
        """A completed file by id, id prefix or name; the file in use when ``ref`` is None.

        A file whose text columns are still being typed is returned once they are (about a
        tenth of a second on a million rows): everything that reads a table or its profile
        comes through here, so no question sees it half typed. A short table is returned
        with its exact profile, which its load leaves to the background (milliseconds, see
        ``loading/outline.py``), and so is a large one, which its typing profiles once
        typed. A file whose typing failed raises a
        :class:`~csvagent_jupyter.errors.LoadError` that says why."""
        return self._file(ref)

    def _file(self, ref: str | None = None, *, settle: bool = True) -> FileInfo:
        """:meth:`file`; ``settle=False`` does not wait for a short table's exact profile
        (the typed table needs none: see :meth:`frame`)."""
        if ref is None:
            if self._current_file_id is None:
                completed = self.store.list_files(status="completed")
                if not completed:
                    raise UnknownFileError(
                        "No file is loaded yet. Load one with agent.load('data.csv')."
                    )
                self._current_file_id = completed[0].id
            ref = self._current_file_id
        row = self.store.get_file(ref)
        if row is not None and row.status == "error" and row.id == ref:
            # failed after its load returned (its text columns could not be typed)
            raise LoadError(row.error_message or f"{row.original_filename} failed to load.")
        if row is None or row.status != "completed":
            candidates = self.store.list_files(status="completed")
            matches = [r for r in candidates if r.id.startswith(ref)] or [
                r for r in candidates if ref in (r.original_filename, r.filename)
            ]
            if not matches:
                names = sorted({r.original_filename for r in candidates})
                hint = f" Loaded files: {', '.join(names)}." if names else " No file is loaded yet."
                raise UnknownFileError(f"No loaded file is called {ref!r}.{hint}")
            row = matches[0]
        info = FileInfo.from_row(row)
        if not info.typed:
            info = FileInfo.from_row(row := self._loader.wait_typed(row))
        if settle and info.stored_profile is not None and info.stored_profile.outline:
            # the exact profile of a short table, due within milliseconds, or of a large one
            # its typing is computing (loading/outline.py)
            info = FileInfo.from_row(self._loader.settle_outline(row))
        return info

    def use(self, ref: str) -> FileInfo:
        """Make a loaded file the one questions go to by default."""
        info = self.file(ref)
        self._current_file_id = info.id
        return info

    def frame(self, ref: str | None = None) -> pd.DataFrame:
        """The typed table of a loaded file (kept in memory for the most recent few): waits
        for its typing, never for its profile.

        A table in memory under the id asked for (or the file in use) is this agent's
        typed table, given as it is: its File row is read only when the table is not at
        hand. The read (and its profile's validation) cost 2-6 ms on 10k x 100, competing
        for the interpreter with the background profile that runs right after a load."""
        known = self._current_file_id if ref is None else ref
        if known is not None:
            with self._frames_lock:
                frame = self._frames.get(known)
                if frame is not None:
                    self._frames.move_to_end(known)
                    return frame
        info = self._file(ref, settle=False)
        with self._frames_lock:
            frame = self._frames.get(info.id)
            if frame is not None:
                self._frames.move_to_end(info.id)
                return frame
        row = self.store.get_file(info.id)
        assert row is not None
        frame = self._loader.read_frame(row)
        self._remember_frame(info.id, frame)
        return frame

    def _remember_frame(self, file_id: str, frame: pd.DataFrame) -> None:
        with self._frames_lock:
            self._frames[file_id] = frame
            self._frames.move_to_end(file_id)
            while len(self._frames) > FRAMES_IN_MEMORY:
                self._frames.popitem(last=False)

    # -- model ---------------------------------------------------------------------------
    def use_model(self, model: Any = None) -> str:
        """Choose the planner: a ``provider:model`` string, ``"offline"``, a LangChain chat model,
        or None for the environment's choice (CSVAGENT_MODEL, then OpenAI when OPENAI_API_KEY
        is set, else offline). Nothing is imported or contacted until a question needs it."""
        from .planning.models import resolve_model_name

        if model is not None and not isinstance(model, str):
            self._chat_model = model
            self.model_name = getattr(model, "model_name", None) or type(model).__name__
        else:
            self._chat_model = None
            self.model_name = resolve_model_name(model, self.settings)
        return self.model_name

    @property
    def uses_model(self) -> bool:
        return self.model_name != "offline"

    def _planner(self) -> Any:
        from .planning.llm import LLMPlanner
        from .planning.models import CallLimiter, build_chat_model

        if self._chat_model is None:
            self._chat_model = build_chat_model(self.model_name, self.settings)
        if self._limiter is None:
            self._limiter = CallLimiter(self.settings.model_calls_per_minute)
        return LLMPlanner(self._chat_model, self.model_name, self.settings, self._limiter)

    def preview(self, question: str, *, file: str | None = None, session: str | None = None) -> Any:
        """Exactly what would be sent to a model for ``question``, without sending anything."""
        from .analysis.tools import TableContext
        from .planning.llm import LLMPlanner, build_messages
        from .planning.models import CallLimiter

        info = self.file(file)
        text = clean_question(question, self.settings.max_question_chars)
        frame = self.frame(info.id)
        session_id = session or self._default_session(info.id)
        messages = build_messages(
            text,
            profile=info.ready_profile,
            frame=frame,
            index=self._index(info.id, frame, info),
            conversation=self._context(session_id),
            settings=self.settings,
        )
        context = TableContext(
            frame, info.ready_profile, str(info.path), schema_only=self.settings.schema_only
        )
        # a preview calls no model: no chat model, and a limiter of its own that is never used
        planner = LLMPlanner(
            None, self.model_name, self.settings, CallLimiter(self.settings.model_calls_per_minute)
        )
        return planner.preview(messages, context)

    # -- questions -------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        *,
        file: str | None = None,
        session: str | None = None,
        model: Any = None,
        on_progress: ProgressCallback | None = None,
    ) -> Any:
        """Answer a question about a loaded file; returns a :class:`Result`, never raises for
        an unanswerable question (``kind == "error"`` says why and suggests what would work).

        ``model`` uses another planner for this one question ("offline", "provider:model").
        """
        if model is not None:
            saved = (self.model_name, self._chat_model)
            self.use_model(model)
            try:
                return self.ask(question, file=file, session=session, on_progress=on_progress)
            finally:
                self.model_name, self._chat_model = saved
        from .analysis.result import Result

        started = time.perf_counter()
        if file is None and session is not None:
            file = self._followup_file(session, question)
        info = self.file(file)
        session_id = session or self._default_session(info.id)
        job = self.store.add_job("query_processing")
        reporter = ProgressReporter(
            job_id=job.id, subject_id=None, kind="query", callback=on_progress
        )
        try:
            text = clean_question(question, self.settings.max_question_chars)
        except QuestionError as exc:
            text = " ".join(str(question).split())[: self.settings.max_question_chars]
            result = Result(
                kind="error", value=None, summary=str(exc), error=str(exc), question=text
            )
            return self._record(result, info, session_id, job.id, reporter, started, key=None)
        context = self._context(session_id)
        key = cache_key(info.content_hash, text, self.model_name, context)
        cached = self._cached_answer(key, info, text)
        if cached is not None:
            return self._record(cached, info, session_id, job.id, reporter, started, key=key)
        reporter.progress(0.1, "planning")
        try:
            result = self._answer(text, info, context)
        except CSVAgentError as exc:
            suggestions = getattr(exc, "suggestions", None) or self._answerable(
                related_examples(
                    text,
                    suggested_questions(info.ready_profile),
                    [c.name for c in info.ready_profile.column_profiles],
                ),
                info,
            )
            result = Result(
                kind="error", value=None, summary=str(exc), error=str(exc), suggestions=suggestions
            )
        except Exception:
            log.exception("unexpected error answering %r", text)
            message = (
                "Something went wrong while answering; the details are in the log. Try rephrasing."
            )
            result = Result(
                kind="error",
                value=None,
                summary=message,
                error=message,
                suggestions=suggested_questions(info.ready_profile),
            )
        result.question = text
        return self._record(result, info, session_id, job.id, reporter, started, key=key)

    def _answer(self, question: str, info: FileInfo, context: list[dict[str, Any]]) -> Any:
        if not self.uses_model:
            return self._answer_offline(question, info, context)
        from .planning.models import ModelError

        try:
            return self._answer_with_model(question, info, context)
        except ModelError as failure:
            reason = str(failure)
        try:
            result = self._answer_offline(question, info, context)
        except CSVAgentError as offline_failure:
            raise QuestionError(
                f"{reason} The offline planner could not answer either: {offline_failure}"
            ) from None
        result.planner = "offline (fallback)"
        result.notes.append(reason)
        result.summary = f"{reason} Answered by the offline planner instead: {result.summary}"
        return result

    def _answer_with_model(
        self, question: str, info: FileInfo, context: list[dict[str, Any]]
    ) -> Any:
        from .analysis.run import run_plan
        from .analysis.tools import TableContext
        from .planning.llm import build_messages

        frame = self.frame(info.id)
        planner = self._planner()
        messages = build_messages(
            question,
            profile=info.ready_profile,
            frame=frame,
            index=self._index(info.id, frame, info),
            conversation=context,
            settings=self.settings,
        )
        table = TableContext(
            frame, info.ready_profile, str(info.path), schema_only=self.settings.schema_only
        )
        planned = planner.plan(messages, table)
        result = run_plan(planned.plan, frame, info.ready_profile, info.path)
        result.planner, result.model = "llm", self.model_name
        result.usage = {
            **planned.usage,
            "model_calls": planned.model_calls,
            "tools": planned.tool_calls,
        }
        return result

    def _answer_offline(self, question: str, info: FileInfo, context: list[dict[str, Any]]) -> Any:
        from .analysis.plan import read_plan
        from .analysis.run import answer_key, run_plan
        from .planning.followups import apply_followup, is_followup
        from .planning.offline import OfflinePlanner

        if not info.profiled:  # its readings depend on exact distinct counts
            info = self.wait_profiled(info.id)
        frame = self.frame(info.id)
        index = self._index(info.id, frame, info)
        previous = next((turn["plan"] for turn in reversed(context) if turn.get("plan")), None)
        # A question that is complete on its own is never merged into the previous one: the
        # follow-up reading is tried only when the question alone is not understood.
        try:
            planner = OfflinePlanner(
                index, lambda plan: answer_key(plan, frame, info.ready_profile)
            )
            plan = planner.plan(question)
        except QuestionError:
            followup = None
            if previous is not None and is_followup(question):
                followup = apply_followup(question, read_plan(previous), index)
            if followup is None:
                raise
            plan = followup
        result = run_plan(plan, frame, info.ready_profile, info.path)
        result.planner = "offline"
        return result

    def _answerable(self, questions: list[str], info: FileInfo) -> list[str]:
        """The questions of ``questions`` the offline planner reads without asking back: the
        fallback suggestions are built from the profile alone ("average Seed by Organisation"
        over a Seed of numbers and "—"), and one that asks back again helps nobody."""
        from .planning.offline import OfflinePlanner

        try:
            frame = self.frame(info.id)
            planner = OfflinePlanner(self._index(info.id, frame, info))
        except CSVAgentError:
            return questions
        kept = []
        for question in questions:
            try:
                planner.plan(question, suggest=False)
            except CSVAgentError:
                continue
            kept.append(question)
        return kept

    def _index(self, file_id: str, frame: pd.DataFrame, info: FileInfo) -> Any:
        from .planning.schema_index import SchemaIndex

        key = (file_id, info.profiled)
        index = self._indexes.get(key)
        if index is None:
            index = SchemaIndex.build(frame, info.ready_profile, name=info.name)
            self._indexes[key] = index
            if info.profiled:  # the index built on the provisional profile is done with
                self._indexes.pop((file_id, False), None)
        return index

    def _cached_answer(self, key: str, info: FileInfo, question: str) -> Any:
        """An earlier answer to the same question on the same content and context, re-used."""
        if not self.settings.answer_cache:
            return None
        from dataclasses import replace

        from .analysis.plan import read_plan
        from .analysis.run import run_plan

        hit = self._results.get(key)
        if hit is not None:
            self._results.move_to_end(key)
            return replace(hit, cached=True, query_id=None)
        row = self.store.find_cached_query(key)
        if row is None or not row.plan:
            return None
        # Across processes the plan is cached, and re-run: cheap, and always on current data.
        result = run_plan(read_plan(row.plan), self.frame(info.id), info.ready_profile, info.path)
        result.planner, result.model, result.cached, result.question = (
            row.planner,
            row.model,
            True,
            question,
        )
        return result

    def _record(
        self,
        result: Any,
        info: FileInfo,
        session_id: str,
        job_id: str,
        reporter: ProgressReporter,
        started: float,
        *,
        key: str | None,
    ) -> Any:
        result.file_id = info.id
        if not result.cached:
            result.execution_time = time.perf_counter() - started
        status = "completed" if result.ok else "error"
        plan = result.plan.model_dump(mode="json") if result.plan is not None else None
        row = self.store.record_query(
            turn={
                "question": result.question,
                "plan": plan,
                "summary": result.summary,
                "status": status,
                "file_id": info.id,
            },
            job_id=job_id,
            job_status="completed" if result.ok else "failed",
            session_id=session_id,
            file_id=info.id,
            query_text=result.question or "",
            result=result.to_dict(),
            plan=plan,
            planner=result.planner,
            model=result.model,
            cached=result.cached,
            cache_key=key if result.ok else None,
            usage=result.usage or None,
            execution_time=result.execution_time,
            status=status,
            error_message=result.error,
        )
        result.query_id = row.id
        reporter.subject_id = row.id
        if result.ok:
            reporter.complete(result.summary, query_id=row.id)
            if key is not None and not result.cached:
                self._results[key] = result
                while len(self._results) > RESULTS_IN_MEMORY:
                    self._results.popitem(last=False)
        else:
            reporter.error(result.summary, query_id=row.id)
        return result

    def _followup_file(self, session_id: str, question: str) -> str | None:
        """A follow-up ("only for 2023") goes to the file of the session's previous question."""
        from .planning.followups import is_followup

        row = self.store.get_session(session_id)
        if row is None or not is_followup(question):
            return None
        turns = [t for t in row.conversation_history if t.get("status") == "completed"]
        return turns[-1].get("file_id") if turns else None

    def _context(self, session_id: str) -> list[dict[str, Any]]:
        row = self.store.get_session(session_id)
        if row is None:
            return []
        turns = [t for t in row.conversation_history if t.get("status") == "completed"]
        return [
            {"question": t["question"], "plan": t["plan"], "summary": t.get("summary")}
            for t in turns[-CONTEXT_TURNS:]
        ]

    # -- sessions and history -----------------------------------------------------------
    def _default_session(self, file_id: str) -> str:
        session_id = self._sessions_by_file.get(file_id)
        if session_id is None or self.store.get_session(session_id) is None:
            session_id = self.store.add_session(file_id=file_id).id
            self._sessions_by_file[file_id] = session_id
        return session_id

    def session(self, *, file: str | None = None, resume: str | None = None) -> SessionInfo:
        """A new conversation about ``file`` (the file in use by default), or an earlier one resumed.

        Questions asked without ``session=`` go to the newest session of their file.
        """
        if resume is not None:
            row = self.store.get_session(resume)
            if row is None:
                raise CSVAgentError(f"There is no session {resume!r}; agent.sessions() lists them.")
        else:
            info = self.file(file)
            row = self.store.add_session(file_id=info.id)
        if row.file_id:
            self._sessions_by_file[row.file_id] = row.id
            self._current_file_id = row.file_id
        return self._session_info(row)

    def sessions(self) -> list[SessionInfo]:
        return [self._session_info(row) for row in self.store.list_sessions()]

    @staticmethod
    def _session_info(row: Any) -> SessionInfo:
        return SessionInfo(
            row.id, row.file_id, row.created_at, row.updated_at, len(row.conversation_history)
        )

    def history(self, *, session: str | None = None, limit: int = 100) -> list[QueryRecord]:
        """The query log, oldest first: of one session, or of everything."""
        return [
            QueryRecord.from_row(row)
            for row in self.store.list_queries(session_id=session, limit=limit)
        ]

    def run(
        self, plan: Any, *, file: str | None = None, session: str | None = None, question: str = ""
    ) -> Any:
        """Run a Plan you wrote or changed (validated first); logged like a question."""
        from .analysis.plan import Plan
        from .analysis.run import run_plan

        info = self.file(file)
        started = time.perf_counter()
        plan = plan if isinstance(plan, Plan) else Plan.model_validate(plan)
        result = run_plan(plan, self.frame(info.id), info.ready_profile, info.path)
        result.planner, result.question = "plan", question or "(plan)"
        job = self.store.add_job("query_processing")
        reporter = ProgressReporter(job_id=job.id, subject_id=None, kind="query", callback=None)
        session_id = session or self._default_session(info.id)
        return self._record(result, info, session_id, job.id, reporter, started, key=None)

    def replay(self, query_id: str) -> Any:
        """Re-run a logged plan on the same file, with no planner involved; logged as a new query.

        ``query_id`` may be any unique prefix of the id."""
        from .analysis.plan import read_plan
        from .analysis.run import run_plan

        row = self.store.get_query(query_id)
        if row is None:
            ids = self.store.query_ids_starting_with(query_id)
            if len(ids) != 1:
                found = "no query" if not ids else f"{len(ids)} queries whose id starts with"
                raise CSVAgentError(f"There is {found} {query_id!r}; agent.history() lists them.")
            row = self.store.get_query(ids[0])
            assert row is not None
        if not row.plan or not row.file_id:
            raise CSVAgentError(
                f"Query {query_id} has no plan to replay (it failed: {row.error_message})."
            )
        info = self.file(row.file_id)
        started = time.perf_counter()
        result = run_plan(read_plan(row.plan), self.frame(info.id), info.ready_profile, info.path)
        result.planner, result.model, result.question = "replay", row.model, row.query_text
        job = self.store.add_job("query_processing")
        reporter = ProgressReporter(job_id=job.id, subject_id=None, kind="query", callback=None)
        session_id = row.session_id or self._default_session(info.id)
        return self._record(result, info, session_id, job.id, reporter, started, key=None)

    def close(self) -> None:
        """Finish pending background profiles and cache writes; release the database."""
        for future in self._profiling:
            future.exception()  # a failed profile was logged; the provisional one stands
        self._profiling.clear()
        self.cache.close()
        self.database.dispose()

    def __enter__(self) -> Agent:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
