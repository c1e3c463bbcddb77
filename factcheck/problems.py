"""Problems found in the input files, and the error for input that cannot be read at all."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Position:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass(frozen=True)
class Problem:
    """One thing wrong with claims.yaml or a source, located in a file."""

    file: str
    line: int
    column: int
    severity: str  # "error" | "warning"
    code: str  # stable, kebab-case: scripts may match on it
    message: str
    claim: str | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)


class InputError(Exception):
    """Input that cannot be read at all: the CLI prints it on one line and exits 2."""

    def __init__(self, file: str, message: str, line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.message = " ".join(message.split())  # always one line
        where = f"{file}:{line}" if line is not None else file
        super().__init__(f"{where}: {self.message}")
