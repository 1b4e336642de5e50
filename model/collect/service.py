"""services.collect: hand-out (分发) to departments, its progress, and collect (汇总)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from model.collect.folder import prepare_folder
from model.collect.handout import build_handout, record_handout
from model.collect.merge import CollectOptions, collect, reapply, revert
from model.collect.progress import DepartmentProgress, handout_progress
from model.collect.records import (
    BaseMove,
    CollectResult,
    FieldChange,
    HandoutBook,
    NewRow,
    ReturnedBook,
)
from model.storage.db import Database


class CollectService:
    """The hand-out and collect functions of model/collect/ over one open database."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def handout(self, assessment_id: int, *, departments: list[str] | None = None,
                deadline: str = "", return_to: str = "",
                now: datetime | None = None) -> list[HandoutBook]:
        """One book per department, rows in table order (nothing is written)."""
        return build_handout(self._db, assessment_id, departments=departments,
                             deadline=deadline, return_to=return_to, now=now)

    def prepare_folder(self, out: Path, names: list[str], *, replace: bool = False) -> Path:
        """out checked against this database's own files, refused while it holds one of names."""
        return prepare_folder(out, self._db.sqlite_path, names, replace=replace)

    def record_handout(self, assessment_id: int, books: list[HandoutBook],
                       file_names: list[str]) -> None:
        record_handout(self._db, assessment_id, books, file_names)

    def progress(self, assessment_id: int) -> list[DepartmentProgress]:
        """The 汇总进度 panel's rows: each department's hand-outs and returns."""
        return handout_progress(self._db, assessment_id)

    def merge(self, books: list[ReturnedBook], options: CollectOptions,
              now: datetime | None = None) -> CollectResult:
        """The three-way merge of returned books (nothing written on a dry run or a refusal)."""
        return collect(self._db, books, options, now)

    def revert(self, changes: list[FieldChange], created: list[int],
               returns: list[int] | None = None, moves: list[BaseMove] | None = None) -> None:
        """Undo a merge: fields back to mine, its added items and noted returns removed."""
        revert(self._db, changes, created, returns, moves)

    def reapply(self, changes: list[FieldChange], rows: list[NewRow],
                moves: list[BaseMove] | None = None) -> list[int]:
        """Redo a merge; the ids of the items added again."""
        return reapply(self._db, changes, rows, moves)
