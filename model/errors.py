"""Typed errors the model raises; each carries a message a clerk can read (Chinese)."""

from __future__ import annotations


class ModelError(Exception):
    """A refusal or bad input the user can act on; the CLI maps it to exit code 2."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(ModelError):
    """The row asked for does not exist (deleted meanwhile, or a wrong id); table and row_id
    say which row, so a window can name it as the clerk sees it."""

    def __init__(self, message: str, *, table: str = "", row_id: int | None = None) -> None:
        super().__init__(message)
        self.table = table
        self.row_id = row_id


class ValidationError(ModelError):
    """A value the domain does not accept (empty name, too deep, bad status…)."""


class ConflictError(ModelError):
    """A stale write: the row was changed by someone else since it was read."""

    def __init__(self, message: str, *, table: str = "", row_id: int | None = None) -> None:
        super().__init__(message)
        self.table = table
        self.row_id = row_id


class FieldChangedError(ConflictError):
    """One field no longer holds what the writer saw (someone else changed it meanwhile);
    current is what it holds now. Nothing was written."""

    def __init__(self, message: str, *, table: str, row_id: int, field: str, expected: object,
                 current: object) -> None:
        super().__init__(message, table=table, row_id=row_id)
        self.field = field
        self.expected = expected
        self.current = current


class DatabaseRefusedError(ModelError):
    """The database file cannot be opened safely (newer schema, not ours, on a share)."""


class EvidenceFileError(ModelError):
    """An evidence file cannot be stored or is missing/corrupt in the store."""


class ServerError(ModelError):
    """The database server refused a write (no right) or the connection to it was lost."""


class DiskError(ServerError):
    """The database file could not be read or written (a disk I/O error, a full disk, a lock held
    too long): like a lost server, what was typed stays and is saved at the next try."""
