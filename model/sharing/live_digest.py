"""What a window shows of one assessment, reduced to row versions: two digests taken before and
after someone else's commit say which rows to read again (and whether the tree changed)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from model.edits.changes import Changes
from model.records import AssessmentRecord, DimensionRecord, ItemRecord, NarrativeRecord
from model.storage.change_feed import ChangeFeed, change_feed_for
from model.storage.db import Database, fetch_all


@dataclass(frozen=True)
class Digest:
    assessments: tuple[tuple[int, int], ...] = ()  # (id, version) of every assessment
    assessment_id: int | None = None
    # id → (version, parent, position); items: (version, dimension, position)
    dimensions: dict[int, tuple[int, int | None, int]] = field(default_factory=dict)
    items: dict[int, tuple[int, int, int]] = field(default_factory=dict)
    narrative: dict[str, int] = field(default_factory=dict)  # key → version
    evidence: dict[int, tuple[int, int]] = field(default_factory=dict)  # id → (item, version)
    finance: tuple[Any, ...] = ()  # the finance form's rows as stored (they carry no version)


@dataclass(frozen=True)
class Difference:
    """What changed between two digests of the same assessment."""

    assessments: bool = False  # an assessment was added, removed or edited (titles, kinds)
    assessment: bool = False  # the shown assessment's own fields
    gone: bool = False  # the shown assessment no longer exists
    structure: bool = False  # rows created, deleted or moved: the tree is read again
    dimensions: tuple[int, ...] = ()  # edited in place
    items: tuple[int, ...] = ()
    narrative: tuple[str, ...] = ()
    evidence_items: tuple[int, ...] = ()  # items whose evidence list changed
    finance: bool = False

    @property
    def anything(self) -> bool:
        return bool(self.assessments or self.assessment or self.gone or self.structure
                    or self.dimensions or self.items or self.narrative or self.evidence_items
                    or self.finance)


def change_feed(database: Database) -> ChangeFeed:
    """What a window polls to learn that anyone committed (model/storage/change_feed.py)."""
    return change_feed_for(database)


def digest(database: Database, assessment_id: int | None) -> Digest:
    """The versions of every row the window shows, read in one snapshot."""
    with database.read() as connection:
        assessments = tuple(sorted(fetch_all(connection, "SELECT id, version FROM assessment")))
        if assessment_id is None or assessment_id not in dict(assessments):
            return Digest(assessments, assessment_id)
        where = f"assessment_id = {int(assessment_id)}"
        dimensions = {r[0]: (r[1], r[2], r[3]) for r in fetch_all(
            connection, f"SELECT id, version, parent_id, position FROM dimension WHERE {where}")}
        items = {r[0]: (r[1], r[2], r[3]) for r in fetch_all(
            connection, f"SELECT id, version, dimension_id, position FROM check_item WHERE {where}")}
        narrative = {r[0]: r[1] for r in fetch_all(
            connection, f"SELECT key, version FROM narrative_section WHERE {where}")}
        evidence = {r[0]: (r[1], r[2]) for r in fetch_all(
            connection, "SELECT evidence.id, evidence.item_id, evidence.version FROM evidence "
                        f"JOIN check_item ON check_item.id = evidence.item_id WHERE check_item.{where}")}
        finance = tuple(
            tuple(map(repr, row)) for table in ("finance_form", "finance_fund")
            for row in sorted(fetch_all(connection, f"SELECT * FROM {table} WHERE {where}"), key=repr))
    return Digest(assessments, assessment_id, dimensions, items, narrative, evidence, finance)


def difference(before: Digest, after: Digest) -> Difference:
    """What to read again to show after when before is shown."""
    shown = after.assessment_id
    if shown != before.assessment_id:
        return Difference(assessments=True, structure=True)
    versions = dict(after.assessments)
    gone = shown is not None and shown not in versions
    same_list = [a for a, _v in before.assessments] == [a for a, _v in after.assessments]
    assessment = shown is not None and not gone and dict(before.assessments).get(shown) != versions.get(shown)
    others = {a: v for a, v in before.assessments if a != shown} != \
        {a: v for a, v in after.assessments if a != shown}
    structure = (before.dimensions.keys() != after.dimensions.keys()
                 or before.items.keys() != after.items.keys()
                 or any(before.dimensions[d][1:] != v[1:] for d, v in after.dimensions.items())
                 or any(before.items[i][1:] != v[1:] for i, v in after.items.items()))
    dimensions = tuple(d for d, v in after.dimensions.items()
                       if d in before.dimensions and before.dimensions[d][0] != v[0])
    items = tuple(i for i, v in after.items.items() if i in before.items and before.items[i][0] != v[0])
    narrative = tuple(k for k, v in after.narrative.items() if before.narrative.get(k) != v)
    evidence_items = tuple(sorted(
        {after.evidence[e][0] for e in after.evidence if before.evidence.get(e) != after.evidence[e]}
        | {before.evidence[e][0] for e in before.evidence if e not in after.evidence}))
    return Difference(assessments=not same_list or others or assessment, assessment=assessment,
                      gone=gone, structure=structure, dimensions=dimensions, items=items,
                      narrative=narrative, evidence_items=evidence_items,
                      finance=before.finance != after.finance)




def with_shown(before: Digest, changes: Changes) -> Digest:
    """before, with the rows the window's own write stored (and now shows) at their new versions:
    the next look reads only what others committed (a later commit by another has a higher
    version still, so it is never hidden)."""
    shown = before.assessment_id
    if shown is None:
        return before
    items = {r.id: (r.version, r.dimension_id, r.position) for r in changes.records(ItemRecord)
             if r.assessment_id == shown and r.id in before.items}
    dimensions = {r.id: (r.version, r.parent_id, r.position)
                  for r in changes.records(DimensionRecord)
                  if r.assessment_id == shown and r.id in before.dimensions}
    narrative = {r.key: r.version for r in changes.records(NarrativeRecord)
                 if r.assessment_id == shown and r.key in before.narrative}
    versions = dict(before.assessments)
    assessments = {r.id: r.version for r in changes.records(AssessmentRecord) if r.id in versions}
    if not (items or dimensions or narrative or assessments):
        return before
    return replace(before, items={**before.items, **items},
                   dimensions={**before.dimensions, **dimensions},
                   narrative={**before.narrative, **narrative},
                   assessments=tuple(sorted({**versions, **assessments}.items())))


def with_tree(before: Digest, dimensions: list[DimensionRecord], items: list[ItemRecord]) -> Digest:
    """before, with the framework as the window read it again itself (every dimension and item of
    the assessment shown): what another commits later differs from it and still shows."""
    shown = before.assessment_id
    if shown is None or any(d.assessment_id != shown for d in dimensions) \
            or any(i.assessment_id != shown for i in items):
        return before
    return replace(before, dimensions={d.id: (d.version, d.parent_id, d.position) for d in dimensions},
                   items={i.id: (i.version, i.dimension_id, i.position) for i in items})
