"""Exceptions.  Bad *data* never raises: it becomes a ``Finding`` or a ``PageProblem``.

Only programmer and configuration errors raise, and each carries the structured fields its
message is built from (file, key path, line), so callers never parse a message.
"""

from __future__ import annotations

from collections.abc import Sequence


class HycheckError(Exception):
    """Base of every hycheck exception.  ``exit_code`` is what the CLI exits with."""

    exit_code: int = 2


class ExpectationError(HycheckError, ValueError):
    """A broken expectation file: raised at load time, naming the file and the key path."""

    def __init__(
        self,
        file: str,
        key: str,
        problem: str,
        allowed: Sequence[str] = (),
        hint: str = "",
    ) -> None:
        self.file = file
        self.key = key
        self.problem = problem
        self.allowed = tuple(allowed)
        self.hint = hint
        where = f"{file}: {key}" if key else file
        message = f"{where}: {problem}"
        if hint:
            message += f"; {hint}"
        if self.allowed:
            message += f". Allowed: {', '.join(self.allowed)}"
        super().__init__(message)


class PageError(HycheckError):
    """A page that cannot be read at all (missing, unreadable, undecodable)."""

    def __init__(self, page: str, problem: str, line: int = 0) -> None:
        self.page = page
        self.line = line
        self.problem = problem
        where = f"{page}:{line}" if line else page
        super().__init__(f"{where}: {problem}")


class ReportError(HycheckError, ValueError):
    """A saved JSON report that does not follow the contract: names the file and the key."""

    def __init__(self, source: str, key: str, problem: str) -> None:
        self.source = source
        self.key = key
        self.problem = problem
        super().__init__(f"{source}: {key}: {problem}" if key else f"{source}: {problem}")


class CLIError(HycheckError):
    """A usage error: bad arguments or an unwritable output.  Exits 2."""
