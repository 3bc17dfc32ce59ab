"""Persistence: SQLAlchemy models, the database, and the store that reads and writes rows."""

from .database import Database
from .models import SCHEMA_VERSION, File, Job, Query, Session
from .store import Store

__all__ = ["SCHEMA_VERSION", "Database", "File", "Job", "Query", "Session", "Store"]
