"""What a change notification says (no Qt here): what changed, and who started it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from model.records import AssessmentRecord, DimensionRecord, ItemRecord, NarrativeRecord

# item, dimension, assessment, narrative: one row's fields (the record as stored now);
# structure: rows created, deleted or moved (the tree changed); evidence: one item's list.
ChangeKind = Literal["item", "dimension", "assessment", "narrative", "structure", "evidence"]
# edit: a panel, menu or toolbar action, as the clerk did it (a command's first run);
# undo, redo: the undo stack ran a command again; collect: returned workbooks were merged;
# refresh: another window or program committed it (gui/live_refresh.py).
Origin = Literal["edit", "undo", "redo", "collect", "refresh"]

R = TypeVar("R", ItemRecord, DimensionRecord, AssessmentRecord, NarrativeRecord, None)


@dataclass(frozen=True)
class Change(Generic[R]):
    kind: ChangeKind
    origin: Origin
    record: R  # item, dimension, assessment, narrative: the row as stored now; else None
    row_kind: str = ""  # structure: the kind of row to select, "item" or "dimension"
    row_id: int = 0  # structure: the row to select (0: keep the place); evidence: the item

    @staticmethod
    def structure(row_kind: str, row_id: int, origin: Origin) -> Change[None]:
        return Change("structure", origin, None, row_kind, row_id)

    @staticmethod
    def evidence(item_id: int, origin: Origin) -> Change[None]:
        return Change("evidence", origin, None, row_id=item_id)
