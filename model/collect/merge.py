"""Collect (汇总): three-way merge of returned workbooks, per field, in one transaction.

base = the value handed out, mine = the database now, theirs = the workbook. Only theirs changed →
applied; only mine changed → kept; both changed differently → a conflict (kept as mine unless
prefer="theirs" or the clerk resolved it). Files are merged in the order given, so the same
workbook twice changes nothing the second time.

The base moves forward: after a collect, each field's value taken (or kept) is the base on the
database's side and what the department sent the base on its side, so a re-sent workbook applies
only what the department changed since, and a conflict once resolved is not asked again (one
left open, with no choice and no --prefer, is asked again).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from model.collect.fields import FILL_CODES, default_of, label_of, valid_status
from model.collect.handout import item_value
from model.collect.matching import BookRefused, Matched, Matcher
from model.collect.records import (
    BaseMove,
    CollectResult,
    FieldChange,
    NewRow,
    Rejection,
    ReturnedBook,
    ReturnedRow,
)
from model.collect.vocabulary import EVIDENCE_NOTE, EVIDENCE_NOTE_TITLE
from model.errors import ValidationError
from model.framework.assessments import display_title
from model.schema import CheckItem, Dimension, Evidence, HandoutItem, HandoutReturn, utcnow
from model.storage.db import Database
from model.vocabulary import STATUS_NAMES as STATUSES

PREFERENCES = ("mine", "theirs")
Resolutions = dict[tuple[int, str], str]  # (item id, field) → the value the clerk chose


class _Rollback(Exception):  # noqa: N818 — control flow: leave the transaction without writing
    pass


@dataclass
class CollectOptions:
    prefer: str | None = None
    dry_run: bool = False
    resolutions: Resolutions = field(default_factory=dict)
    add_new: list[NewRow] = field(default_factory=list)  # new rows the clerk accepted
    backup: Callable[[], Path] | None = None  # called before anything is written
    assessment_id: int | None = None  # when set, a workbook of another assessment is refused


@dataclass
class _BookPlan:
    book: ReturnedBook
    matched: Matched
    changes: list[_Field]
    new_rows: list[NewRow]


@dataclass
class _Field:
    item: CheckItem
    code: str
    base: str  # the database's side: the value handed out, or taken/kept at the last collect
    their_base: str  # the department's side: handed out, or what it sent at the last collect
    theirs: str
    handed: HandoutItem | None  # the row's hand-out record (moved forward), None when not kept


def collect(database: Database, books: list[ReturnedBook], options: CollectOptions,
            now: datetime | None = None) -> CollectResult:
    """Merge books; nothing is written on dry_run or when any book is rejected. A trial run
    first: the backup is made only when something will be written (a repeat writes nothing)."""
    if options.prefer not in (None, *PREFERENCES):
        raise ValidationError(f"--prefer 只能是 mine 或 theirs，不是“{options.prefer}”。")
    now = now or utcnow()
    trial = _run(database, books, options, now, write=False)
    if options.dry_run or trial.rejected or not trial.written:
        trial.written = False
        return trial
    backup = options.backup() if options.backup is not None else None
    result = _run(database, books, options, now, write=True)
    result.backup = backup
    return result


def _run(database: Database, books: list[ReturnedBook], options: CollectOptions,
         now: datetime, *, write: bool) -> CollectResult:
    """One transaction over every book; result.written tells whether it had anything to write."""
    result = CollectResult(files=len(books))
    try:
        with database.transaction() as session:
            matcher = Matcher(session)
            for book in books:
                try:
                    plan = _plan(matcher, book)
                    _check_assessment(plan, options.assessment_id)
                except BookRefused as exc:
                    result.rejected.append(Rejection(book.file.name, str(exc)))
                    continue
                applied_before, moved_before = len(result.applied), len(result.moves)
                _apply(session, plan, options, result)
                changed = (len(result.applied) > applied_before
                           or len(result.moves) > moved_before)
                if _record_return(session, plan, result, now, changed=changed):
                    result.written = True
                result.written = result.written or len(result.moves) > moved_before
            _add_new_rows(session, options.add_new, result)
            result.written = result.written or bool(result.applied or result.created)
            if not write or result.rejected:
                raise _Rollback
            session.flush()
    except _Rollback:
        pass
    return result


def revert(database: Database, changes: list[FieldChange], created: list[int],
           returns: list[int] | None = None, moves: list[BaseMove] | None = None) -> None:
    """Undo a collect: the fields back to mine, the items it added and the returns it noted
    removed, the bases it moved forward put back (one transaction)."""
    with database.transaction() as session:
        for return_id in returns or ():
            noted = session.get(HandoutReturn, return_id)
            if noted is not None:
                session.delete(noted)
        for change in changes:
            item = session.get(CheckItem, change.item_id)
            if item is not None:
                _set(session, item, change.field, change.mine)
        for move in reversed(moves or []):
            _move_to(session, move, move.before)
        for item_id in created:
            item = session.get(CheckItem, item_id)
            if item is not None:
                session.execute(delete(HandoutItem).where(HandoutItem.item_uid == item.uid,
                                                          HandoutItem.added_row.is_not(None)))
                session.delete(item)


def reapply(database: Database, changes: list[FieldChange], rows: list[NewRow],
            moves: list[BaseMove] | None = None) -> list[int]:
    """Redo a collect: its field changes (the values in theirs), the new rows it added and the
    bases it moved; returns the ids of the items added again."""
    result = CollectResult()
    with database.transaction() as session:
        for change in changes:
            item = session.get(CheckItem, change.item_id)
            if item is not None:
                _set(session, item, change.field, change.theirs)
        for move in moves or []:
            _move_to(session, move, move.after)
        _add_new_rows(session, rows, result)
    return result.created


def _move_to(session: Session, move: BaseMove, state: tuple[str | None, str | None]) -> None:
    handed = session.get(HandoutItem, move.handout_item_id)
    if handed is not None:
        _set_bases(handed, move.field, *state)


def _bases(handed: HandoutItem | None) -> tuple[dict[str, str], dict[str, str]]:
    """The row's two bases by field (what is not a JSON object of texts reads as none)."""
    if handed is None:
        return {}, {}
    return _json_texts(handed.base), _json_texts(handed.returned)


def _json_texts(text: str | None) -> dict[str, str]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, str)}


def _set_bases(handed: HandoutItem, code: str, base: str | None, returned: str | None) -> None:
    """None: the field has no such base (the default stands in)."""
    bases, sent = _bases(handed)
    for values, value in ((bases, base), (sent, returned)):
        if value is None:
            values.pop(code, None)
        else:
            values[code] = value
    handed.base = json.dumps(bases, ensure_ascii=False)
    handed.returned = json.dumps(sent, ensure_ascii=False) if sent else None


def _plan(matcher: Matcher, book: ReturnedBook) -> _BookPlan:
    matched = matcher.match(book)
    recorded = matched.recorded or {}
    fields = [code for code in book.fields if code in FILL_CODES]
    changes = []
    for row, item in matched.pairs:
        handed = recorded.get(item.uid)
        handed_out, sent = _bases(handed)  # none recorded: the fields' defaults
        for code in fields:
            if code not in row.values:
                continue
            base = _norm(handed_out.get(code, default_of(code)))
            their_base = _norm(sent.get(code, base))
            changes.append(_Field(item, code, base, their_base,
                                  _theirs(row, code, their_base, book), handed))
    new_rows = _new_rows(book, matched)
    return _BookPlan(book, matched, changes, new_rows)


def _check_assessment(plan: _BookPlan, wanted: int | None) -> None:
    found = plan.matched.items.assessment
    if wanted is not None and found.id != wanted:
        raise BookRefused(f"该工作簿属于另一个自评（“{display_title(found)}”，编号 {found.id}），"
                          "不是当前自评的填报表，未汇总。")


def _theirs(row: ReturnedRow, code: str, handed: str, book: ReturnedBook) -> str:
    text = _norm(row.values[code])
    if code == "status":
        if text == "":
            return handed  # a cleared drop-down is not a choice
        if not valid_status(text):
            raise BookRefused(f"第 {row.sheet_row} 行“{label_of(code)}”为“{text}”，应为"
                              f"{'、'.join(STATUSES)}之一，未汇总。")
    return text


def _apply(session: Session, plan: _BookPlan, options: CollectOptions,
           result: CollectResult) -> None:
    name = plan.book.file.name
    notes = plan.matched.items.notes
    seq = plan.matched.items.seq
    for f in plan.changes:
        item, code, base, theirs = f.item, f.code, f.base, f.theirs
        mine = _norm(item_value(item, code, notes))  # earlier books may have changed it
        change = FieldChange(item.id, seq.get(item.id, 0), code, base, mine, theirs, name)
        if theirs == f.their_base:  # the department has not changed it since: nothing to do
            result.unchanged += 1
            continue
        chosen = options.resolutions.get((item.id, code))
        if theirs == mine or (mine == base and chosen is None):
            if theirs != mine:
                result.applied.append(change)
                _set(session, item, code, theirs, notes)
            else:
                result.unchanged += 1
            _move(session, f, theirs, result)
            continue
        if mine != base:
            result.conflicts.append(change)
            if chosen is None and options.prefer is not None:
                chosen = theirs if options.prefer == "theirs" else mine
        if chosen is None:
            continue  # left open: asked again at the next collect
        chosen = _norm(chosen)
        if chosen != mine:
            result.applied.append(FieldChange(item.id, change.seq, code, base, mine, chosen, name))
            _set(session, item, code, chosen, notes)
        _move(session, f, chosen, result)
    result.new_rows.extend(plan.new_rows)
    result.missing_rows.extend(plan.matched.missing)
    result.rejected_rows.extend(plan.matched.rejected)


def _move(session: Session, f: _Field, value: str, result: CollectResult) -> None:
    """The field's bases move forward: the database's to value, the department's to theirs."""
    handed = f.handed
    if handed is None:
        return
    bases, sent = _bases(handed)
    before = (bases.get(f.code), sent.get(f.code))
    if (bases.get(f.code, default_of(f.code)), before[1]) == (value, f.theirs):
        return
    _set_bases(handed, f.code, value, f.theirs)
    result.moves.append(BaseMove(handed.id, f.code, before, (value, f.theirs)))


def _new_rows(book: ReturnedBook, matched: Matched) -> list[NewRow]:
    """Rows the department added: offered under the row's dimension (or the one above it)."""
    rows = []
    by_row = {row.sheet_row: item.dimension_id for row, item in matched.pairs}
    for row in matched.unmatched:
        if not row.content.strip():
            continue
        dimension_id = matched.items.paths.get(row.path.strip()) or _dimension_above(
            row.sheet_row, by_row)
        values = {code: _norm(value) for code, value in row.values.items()
                  if code in FILL_CODES and code != EVIDENCE_NOTE and _norm(value)}
        if values.get("status") and not valid_status(values["status"]):
            values.pop("status")
        rows.append(NewRow(book.file.name, row.sheet_row, row.path.strip(), dimension_id,
                           row.content.strip(), values, matched.department,
                           matched.handout.id if matched.handout is not None else None))
    return rows


def _dimension_above(sheet_row: int, by_row: dict[int, int]) -> int | None:
    above = [r for r in by_row if r < sheet_row]
    if above:
        return by_row[max(above)]
    return by_row[min(by_row)] if by_row else None


def _add_new_rows(session: Session, rows: list[NewRow], result: CollectResult) -> None:
    for row in rows:
        if row.dimension_id is None:
            raise ValidationError(f"文件“{row.file}”第 {row.row} 行：找不到所属维度“{row.path}”。")
        position = session.scalar(select(func.count()).where(
            CheckItem.dimension_id == row.dimension_id)) or 0
        dimension = session.get(Dimension, row.dimension_id)
        if dimension is None:
            raise ValidationError(f"文件“{row.file}”第 {row.row} 行：所属维度已被删除。")
        item = CheckItem(assessment_id=dimension.assessment_id,
                         dimension_id=row.dimension_id, position=position,
                         content=row.content, department=row.department, **row.values)
        session.add(item)
        session.flush()
        result.created.append(item.id)
        if row.handout_id is not None:  # a re-sent workbook's row is this item from now on
            values = json.dumps(row.values, ensure_ascii=False)
            session.add(HandoutItem(handout_id=row.handout_id, item_uid=item.uid, seq=0,
                                    content=row.content, base=values, returned=values,
                                    added_row=row.row))
            session.flush()


def _set(session: Session, item: CheckItem, code: str, value: str,
         notes: dict[int, str] | None = None) -> None:
    if code == EVIDENCE_NOTE and notes is not None:
        notes[item.id] = value  # later books compare with what this one wrote
    if code != EVIDENCE_NOTE:
        setattr(item, code, value)
        return
    row = session.scalar(select(Evidence).where(
        Evidence.item_id == item.id, Evidence.title == EVIDENCE_NOTE_TITLE,
        Evidence.file_sha256.is_(None)).order_by(Evidence.id))
    if row is None and value:
        position = session.scalar(select(func.count()).where(Evidence.item_id == item.id)) or 0
        session.add(Evidence(item_id=item.id, position=position, title=EVIDENCE_NOTE_TITLE,
                             note=value))
    elif row is not None and value:
        row.note = value
    elif row is not None:
        session.delete(row)
    session.flush()


def _record_return(session: Session, plan: _BookPlan, result: CollectResult, now: datetime,
                   *, changed: bool) -> bool:
    """Note the return for the 汇总进度 panel; a repeat that changed nothing is not noted again."""
    name = plan.book.file.name
    department = plan.matched.department
    handed_out_at = plan.matched.handed_out_at
    seen = session.scalar(select(HandoutReturn.id).where(
        HandoutReturn.assessment_id == plan.matched.items.assessment.id,
        HandoutReturn.department == department,
        HandoutReturn.handed_out_at.is_(None) if handed_out_at is None
        else HandoutReturn.handed_out_at == handed_out_at).limit(1))
    if seen is not None and not changed:
        return False
    noted = HandoutReturn(
        assessment_id=plan.matched.items.assessment.id, department=department,
        file_name=name, handed_out_at=handed_out_at, returned_at=now,
        applied=sum(1 for c in result.applied if c.file == name),
        conflicts=sum(1 for c in result.conflicts if c.file == name),
        new_rows=len(plan.new_rows), missing_rows=len(plan.matched.missing),
        missing=json.dumps([{"seq": m.seq, "content": m.content} for m in plan.matched.missing],
                           ensure_ascii=False))
    session.add(noted)
    session.flush()
    result.returns.append(noted.id)
    return True


def _norm(text: str) -> str:
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


