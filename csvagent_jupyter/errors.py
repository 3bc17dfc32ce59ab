"""The project's error tree.

Every error an analyst can meet is one of these, with a message that says what is
wrong, where, and what to do. The Python API raises them; the magics show the
message without a traceback.

    CSVAgentError
    ├── ConfigurationError       a setting has an unusable value
    ├── LoadError                a CSV could not be loaded
    │   ├── FileMissingError
    │   ├── EmptyFileError
    │   ├── NotTextError         binary content, or bytes no encoding explains
    │   ├── FileTooLargeError
    │   ├── HeaderError
    │   └── RaggedRowsError      rows with more fields than the header
    ├── UnknownFileError         a file name or id that is not loaded
    ├── PlanError                a plan that does not fit the data
    │   ├── UnknownColumnError
    │   └── TypeMismatchError
    └── QuestionError            a question that cannot be answered
"""

from __future__ import annotations


class CSVAgentError(Exception):
    """Base of every error the project raises on purpose."""


class ConfigurationError(CSVAgentError):
    """A setting (environment variable, argument, ``%config``) has an unusable value."""


class LoadError(CSVAgentError):
    """A CSV file could not be loaded; the message names the file and the fix."""

    def __init__(self, message: str, *, filename: str = "", line: int | None = None) -> None:
        super().__init__(message)
        self.filename = filename
        self.line = line


class FileMissingError(LoadError):
    """The path does not exist or is not a regular file."""


class EmptyFileError(LoadError):
    """The file has no bytes, or a header and no rows."""


class NotTextError(LoadError):
    """The file is binary, or no supported text encoding decodes it."""


class FileTooLargeError(LoadError):
    """The file is larger than the configured limit."""


class HeaderError(LoadError):
    """The header row is missing or unusable."""


class RaggedRowsError(LoadError):
    """Some rows have more fields than the header."""

    def __init__(self, message: str, *, filename: str = "", lines: list[int]) -> None:
        super().__init__(message, filename=filename, line=lines[0] if lines else None)
        self.lines = lines


class UnknownFileError(CSVAgentError):
    """A file name or id that is not among the loaded files."""


class PlanError(CSVAgentError):
    """A plan that cannot run on this file: the message explains why in the data's terms."""


class UnknownColumnError(PlanError):
    """A plan names a column the file does not have."""

    def __init__(self, message: str, *, column: str, suggestions: list[str]) -> None:
        super().__init__(message)
        self.column = column
        self.suggestions = suggestions


class TypeMismatchError(PlanError):
    """A plan applies an operation to a column of the wrong type (mean of text, …)."""


class QuestionError(CSVAgentError):
    """A question that the planner cannot turn into a plan."""

    def __init__(self, message: str, *, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []
