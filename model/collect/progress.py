"""汇总进度: per department, when its workbook went out and came back, what it changed, what is left."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from model.collect.vocabulary import UNASSIGNED
from model.schema import CheckItem, Handout, HandoutReturn
from model.storage.db import Database


@dataclass(frozen=True)
class DepartmentProgress:
    department: str  # as shown: UNASSIGNED for items without one
    items: int
    handed_out_at: datetime | None
    returned_at: datetime | None
    changed: int  # fields applied from its returns since the last hand-out
    conflicts: int  # conflicts in its latest return
    outstanding: int  # its items whose 落实情况 is still empty
    missing: tuple[tuple[str, str], ...] = ()  # (序号, 自查内容) its latest return no longer held


def handout_progress(database: Database, assessment_id: int) -> list[DepartmentProgress]:
    with database.transaction() as session:
        item = CheckItem.__table__.c
        items: dict[str, int] = dict(session.execute(
            select(item.department, func.count()).where(
                item.assessment_id == assessment_id).group_by(item.department)).all())
        empty: dict[str, int] = dict(session.execute(
            select(item.department, func.count()).where(
                item.assessment_id == assessment_id, item.result == "")
            .group_by(item.department)).all())
        handouts = session.scalars(select(Handout).where(
            Handout.assessment_id == assessment_id).order_by(Handout.handed_out_at)).all()
        returns = session.scalars(select(HandoutReturn).where(
            HandoutReturn.assessment_id == assessment_id).order_by(HandoutReturn.returned_at)).all()
    last_out = {h.department: h.handed_out_at for h in handouts}
    rows = []
    for department in sorted(set(items) | set(last_out), key=lambda d: (d == "", d)):
        since = last_out.get(department)
        mine = [r for r in returns if r.department == department
                and (since is None or r.returned_at >= since)]
        rows.append(DepartmentProgress(
            department=department or UNASSIGNED, items=items.get(department, 0),
            handed_out_at=since, returned_at=mine[-1].returned_at if mine else None,
            changed=sum(r.applied for r in mine), conflicts=mine[-1].conflicts if mine else 0,
            outstanding=empty.get(department, 0),
            missing=_missing(mine[-1].missing) if mine else ()))
    return rows


def _missing(text: str) -> tuple[tuple[str, str], ...]:
    try:
        rows = json.loads(text or "[]")
        return tuple((str(row.get("seq", "")), str(row.get("content", ""))) for row in rows)
    except (ValueError, AttributeError, TypeError):
        return ()
