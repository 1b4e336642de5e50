"""Plain records of hand-out workbooks (what is written, what comes back) and of a collect's result."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class HandoutRow:
    uid: str
    seq: int
    path: tuple[str, ...]
    content: str
    values: dict[str, str]  # fill field code → value handed out (the merge base)


@dataclass(frozen=True)
class HandoutBook:
    """One department's workbook, before it is written."""

    assessment_uid: str
    assessment_title: str
    unit: str
    department: str  # "" for items without a 责任处室
    handed_out_at: datetime
    deadline: str
    return_to: str
    fields: tuple[str, ...]
    statuses: tuple[str, ...]  # the status drop-down's choices
    rows: tuple[HandoutRow, ...]


@dataclass(frozen=True)
class ReturnedRow:
    sheet_row: int
    uid: str  # "" when the row has none (added by the department, or the key column was lost)
    seq: str
    path: str
    content: str
    values: dict[str, str]  # only the fill fields the workbook still has


@dataclass(frozen=True)
class BaseRow:
    uid: str
    seq: str
    content: str
    values: dict[str, str]


@dataclass
class ReturnedBook:
    """What a returned workbook holds, read and checked; base is None when the hidden sheet is gone."""

    file: Path
    assessment_uid: str | None
    assessment_title: str
    department: str
    handed_out_at: datetime | None
    fields: tuple[str, ...]
    rows: list[ReturnedRow]
    base: list[BaseRow] | None


@dataclass(frozen=True)
class FieldChange:
    item_id: int
    seq: int
    field: str
    base: str
    mine: str
    theirs: str
    file: str


@dataclass(frozen=True)
class NewRow:
    file: str
    row: int
    path: str
    dimension_id: int | None
    content: str
    values: dict[str, str]
    department: str
    handout_id: int | None = None  # the hand-out it came back in: once added, not offered again


@dataclass(frozen=True)
class MissingRow:
    file: str
    item_id: int | None
    seq: str
    content: str
    reason: str


@dataclass(frozen=True)
class RejectedRow:
    """A row not collected: its key was handed out to another department, or its visible
    自查内容 no longer matches its key's item (a swapped key)."""

    file: str
    row: int
    seq: str
    content: str
    reason: str


@dataclass(frozen=True)
class BaseMove:
    """One field of one handed-out row moved forward by a collect (undo puts it back)."""

    handout_item_id: int
    field: str
    before: tuple[str | None, str | None]  # (base, returned); None: none recorded
    after: tuple[str, str]


@dataclass(frozen=True)
class Rejection:
    file: str
    reason: str


@dataclass
class CollectResult:
    files: int = 0
    applied: list[FieldChange] = field(default_factory=list)
    unchanged: int = 0
    conflicts: list[FieldChange] = field(default_factory=list)
    new_rows: list[NewRow] = field(default_factory=list)
    missing_rows: list[MissingRow] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    rejected_rows: list[RejectedRow] = field(default_factory=list)
    moves: list[BaseMove] = field(default_factory=list)  # the bases moved forward (for undo)
    written: bool = False
    backup: Path | None = None
    created: list[int] = field(default_factory=list)  # ids of the new items the clerk accepted
    returns: list[int] = field(default_factory=list)  # ids of the returns noted (汇总进度)

    def as_json(self) -> dict[str, object]:
        """The CLI's contract: these key names are stable."""
        return {
            "files": self.files,
            "applied": [{"item": c.item_id, "field": c.field} for c in self.applied],
            "unchanged": self.unchanged,
            "conflicts": [{"item": c.item_id, "field": c.field, "base": c.base, "mine": c.mine,
                           "theirs": c.theirs} for c in self.conflicts],
            "new_rows": [{"file": r.file, "row": r.row, "dimension": r.path,
                          "content": r.content} for r in self.new_rows],
            "missing_rows": [{"file": r.file, "item": r.item_id, "seq": r.seq,
                              "content": r.content, "reason": r.reason}
                             for r in self.missing_rows],
            "rejected": [{"file": r.file, "reason": r.reason} for r in self.rejected],
            "rejected_rows": [{"file": r.file, "row": r.row, "seq": r.seq, "content": r.content,
                               "reason": r.reason} for r in self.rejected_rows],
        }
