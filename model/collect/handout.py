"""Build the hand-out books of an assessment (one per 责任处室) and record that they went out."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.collect.fields import FILL_CODES
from model.collect.records import HandoutBook, HandoutRow
from model.collect.vocabulary import EVIDENCE_NOTE, EVIDENCE_NOTE_TITLE, UNASSIGNED
from model.errors import ValidationError
from model.framework.assessments import display_title
from model.framework.rows import get_row
from model.framework.tree import dimension_order
from model.schema import (
    Assessment,
    CheckItem,
    Dimension,
    Evidence,
    Handout,
    HandoutItem,
    utcnow,
)
from model.storage.db import Database
from model.vocabulary import STATUS_NAMES as STATUSES

PATH_SEPARATOR = " / "


def build_handout(database: Database, assessment_id: int, *, departments: list[str] | None = None,
                  deadline: str = "", return_to: str = "",
                  now: datetime | None = None) -> list[HandoutBook]:
    """One book per department (items without one under UNASSIGNED), rows in table order."""
    now = now or utcnow()
    with database.transaction() as session:
        assessment = get_row(session, Assessment, assessment_id)
        grouped: dict[str, list[HandoutRow]] = defaultdict(list)
        for department, row in _rows(session, assessment_id):
            grouped[department].append(row)
        wanted = _wanted(departments, grouped)
        return [HandoutBook(
            assessment_uid=assessment.uid, assessment_title=display_title(assessment),
            unit=assessment.unit_name, department=department, handed_out_at=now,
            deadline=deadline, return_to=return_to, fields=FILL_CODES, statuses=STATUSES,
            rows=tuple(grouped[department])) for department in wanted]


def department_name(department: str) -> str:
    return department or UNASSIGNED


def record_handout(database: Database, assessment_id: int, books: list[HandoutBook],
                   file_names: list[str]) -> None:
    """Remember what went out (the 汇总进度 panel reads it) and each row's values handed out
    (the merge base should the hidden sheet be deleted); one transaction."""
    with database.transaction() as session:
        for book, name in zip(books, file_names, strict=True):
            handout = Handout(assessment_id=assessment_id, department=book.department,
                              file_name=name, deadline=book.deadline, items=len(book.rows),
                              handed_out_at=book.handed_out_at)
            session.add(handout)
            session.flush()
            session.add_all(HandoutItem(
                handout_id=handout.id, item_uid=row.uid, seq=row.seq, content=row.content,
                base=json.dumps(row.values, ensure_ascii=False)) for row in book.rows)


def _wanted(departments: list[str] | None, grouped: dict[str, list[HandoutRow]]) -> list[str]:
    available = sorted(grouped, key=lambda d: (d == "", d))
    if not departments:
        return available
    wanted = []
    for name in departments:
        key = "" if name == UNASSIGNED else name.strip()
        if key not in grouped:
            known = "、".join(department_name(d) for d in available) or "（无）"
            raise ValidationError(f"没有责任处室为“{name}”的自查事项；可选：{known}。")
        if key not in wanted:
            wanted.append(key)
    return wanted


def dimension_paths(session: Session, assessment_id: int) -> dict[int, tuple[str, ...]]:
    dims = session.scalars(select(Dimension).where(Dimension.assessment_id == assessment_id)).all()
    paths: dict[int, tuple[str, ...]] = {}
    for dim, _level in dimension_order(dims):
        parent = paths.get(dim.parent_id, ()) if dim.parent_id else ()
        paths[dim.id] = (*parent, dim.name)
    return paths


def evidence_notes(session: Session, assessment_id: int) -> dict[int, str]:
    """item id → the note of its department-filled evidence row (the evidence_note field)."""
    query = (select(Evidence.item_id, Evidence.note)
             .join(CheckItem, CheckItem.id == Evidence.item_id)
             .where(CheckItem.assessment_id == assessment_id,
                    Evidence.title == EVIDENCE_NOTE_TITLE, Evidence.file_sha256.is_(None))
             .order_by(Evidence.id.desc()))  # the oldest row wins when there are several
    return dict(session.execute(query).all())


def item_value(item: CheckItem, code: str, notes: dict[int, str]) -> str:
    if code == EVIDENCE_NOTE:
        return notes.get(item.id, "")
    value = getattr(item, code)
    return "" if value is None else str(value)


def _rows(session: Session, assessment_id: int) -> list[tuple[str, HandoutRow]]:
    paths = dimension_paths(session, assessment_id)
    order = {dim_id: index for index, dim_id in enumerate(paths)}
    items = session.scalars(select(CheckItem).where(CheckItem.assessment_id == assessment_id)).all()
    items = sorted(items, key=lambda i: (order.get(i.dimension_id, 0), i.position, i.id))
    notes = evidence_notes(session, assessment_id)
    return [(item.department.strip(), HandoutRow(
        uid=item.uid, seq=seq, path=paths.get(item.dimension_id, ()), content=item.content,
        values={code: item_value(item, code, notes) for code in FILL_CODES}))
        for seq, item in enumerate(items, start=1)]
