"""What a write changed (no Qt), as Anki's OpChanges: flags a panel looks at, which rows, and the
rows as stored now, so that no panel reads them again."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from model.records import AssessmentRecord, DimensionRecord, ItemRecord, NarrativeRecord

T = TypeVar("T")
R = TypeVar("R", ItemRecord, DimensionRecord, AssessmentRecord, NarrativeRecord)
Stored = ItemRecord | DimensionRecord | AssessmentRecord | NarrativeRecord


@dataclass(frozen=True)
class Changes:
    """Each flag is the set of what changed (empty: nothing of that kind), so it is both the
    flag a panel tests and the ids it refreshes."""

    items: frozenset[int] = frozenset()  # items whose own fields changed
    fields: frozenset[str] = frozenset()  # which item fields ("status": the completion counts;
    # none named with items: any of them, as another window's edit is seen)
    dimensions: frozenset[int] = frozenset()  # dimensions renamed or re-headed
    evidence: frozenset[int] = frozenset()  # items whose evidence (list or a row) changed
    narrative: frozenset[str] = frozenset()  # narrative sections rewritten, by key
    assessment: frozenset[int] = frozenset()  # assessments whose own fields changed (title…)
    finance: frozenset[int] = frozenset()  # assessments whose finance form texts or funds changed
    structure: bool = False  # rows created, deleted or moved: the framework tree is read again
    assessments: bool = False  # assessments created or deleted: the list of them is read again
    select: tuple[str, int] | None = None  # the row to show afterwards ("item", "dimension",
    # "assessment"); None: keep the place (a deleted row's neighbour)
    stored: tuple[Stored, ...] = field(default=(), compare=False)  # the rows as stored now

    def __bool__(self) -> bool:
        return bool(self.items or self.dimensions or self.evidence or self.narrative
                    or self.assessment or self.finance or self.structure or self.assessments)

    def __or__(self, other: Changes) -> Changes:
        """Both writes' changes (a later row as stored wins)."""
        return Changes(self.items | other.items, self.fields | other.fields,
                       self.dimensions | other.dimensions, self.evidence | other.evidence,
                       self.narrative | other.narrative, self.assessment | other.assessment,
                       self.finance | other.finance, self.structure or other.structure,
                       self.assessments or other.assessments, other.select or self.select,
                       self.stored + other.stored)

    def records(self, kind: type[R]) -> list[R]:
        """The stored rows of one kind, the last stored of each row only."""
        last: dict[object, R] = {}
        for record in self.stored:
            if isinstance(record, kind):
                last[getattr(record, "key", None) if isinstance(record, NarrativeRecord)
                     else record.id] = record
        return list(last.values())

    # --- what each write kind changes -------------------------------------------------------
    @staticmethod
    def of_item(record: ItemRecord, *fields: str) -> Changes:
        return Changes(items=frozenset({record.id}), fields=frozenset(fields), stored=(record,))

    @staticmethod
    def of_items(records: list[ItemRecord], *fields: str) -> Changes:
        return Changes(items=frozenset(r.id for r in records), fields=frozenset(fields),
                       stored=tuple(records))

    @staticmethod
    def of_dimension(record: DimensionRecord) -> Changes:
        return Changes(dimensions=frozenset({record.id}), stored=(record,))

    @staticmethod
    def of_assessment(record: AssessmentRecord) -> Changes:
        return Changes(assessment=frozenset({record.id}), stored=(record,))

    @staticmethod
    def of_narrative(record: NarrativeRecord) -> Changes:
        return Changes(narrative=frozenset({record.key}), stored=(record,))

    @staticmethod
    def of_evidence(item_id: int) -> Changes:
        return Changes(evidence=frozenset({item_id}))

    @staticmethod
    def of_finance(assessment_id: int) -> Changes:
        return Changes(finance=frozenset({assessment_id}))

    @staticmethod
    def of_structure(select: tuple[str, int] | None = None) -> Changes:
        return Changes(structure=True, select=select)

    @staticmethod
    def of_assessments(select: int | None) -> Changes:
        return Changes(assessments=True, select=("assessment", select) if select else None)


NOTHING = Changes()


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """A write's result and what it changed."""

    result: T
    changes: Changes
