"""Shared fixtures: a real SQLite file per test, PostgreSQL when CSVAGENT_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell

from csvagent_jupyter import Agent

# Generated code calls plt.show(); tests render off-screen.
os.environ.setdefault("MPLBACKEND", "Agg")

DATA = Path(__file__).parent / "data"
POSTGRES_URL = os.environ.get("CSVAGENT_TEST_POSTGRES_URL")


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's own settings or writes to their data directory."""
    for name in list(os.environ):
        if name.startswith("CSVAGENT_") and name != "CSVAGENT_TEST_POSTGRES_URL":
            monkeypatch.delenv(name)
    monkeypatch.setenv("CSVAGENT_DATA_DIR", str(tmp_path / "default-data"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "agent-data"


@pytest.fixture
def agent(data_dir: Path) -> Iterator[Agent]:
    with Agent(data_dir=data_dir) as instance:
        yield instance


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine

    from csvagent_jupyter.persistence.models import Base

    engine = create_engine(url)
    Base.metadata.drop_all(engine)
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same persistence tests against a SQLite file and a real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite3'}"
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must run the PostgreSQL tests: CSVAGENT_TEST_POSTGRES_URL is not set")
        pytest.skip("no PostgreSQL server: set CSVAGENT_TEST_POSTGRES_URL to run these")
    _reset_postgres(POSTGRES_URL)
    return POSTGRES_URL


@pytest.fixture
def any_db_agent(database_url: str, data_dir: Path) -> Iterator[Agent]:
    with Agent(database_url=database_url, data_dir=data_dir) as instance:
        yield instance


@pytest.fixture
def ip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[InteractiveShell]:
    """A real IPython shell with the extension loaded, its data in the test's folder."""
    monkeypatch.setenv("CSVAGENT_DATA_DIR", str(tmp_path / "nb-data"))
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    shell = InteractiveShell.instance()
    shell.run_line_magic("load_ext", "csvagent_jupyter")
    yield shell
    shell.run_line_magic("unload_ext", "csvagent_jupyter")
    InteractiveShell.clear_instance()


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The background phase of a load waits for this event before it starts, so that a test
    sees the load's state while the phase is still pending."""
    import csvagent_jupyter.loading.loader as loader_module

    release = threading.Event()
    real = loader_module.refine

    def waiting(*args: object, **kwargs: object) -> object:
        release.wait(60)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader_module, "refine", waiting)
    yield release
    release.set()
