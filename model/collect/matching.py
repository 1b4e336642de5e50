"""Map a returned workbook's rows to the database's items: by stable key, else by 序号 + content."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from model.collect.handout import PATH_SEPARATOR, dimension_paths, evidence_notes
from model.collect.records import BaseRow, MissingRow, ReturnedBook, ReturnedRow
from model.schema import Assessment, CheckItem, Handout, HandoutItem


class BookRefused(Exception):  # noqa: N818 — reads as what happened
    """The workbook cannot be collected; the reason names file, sheet, row or field."""


@dataclass
class AssessmentItems:
    """One assessment's items as the merge sees them (loaded once per collect)."""

    assessment: Assessment
    by_uid: dict[str, CheckItem]
    seq: dict[int, int]  # item id → 序号 in table order
    notes: dict[int, str]
    paths: dict[str, int]  # "a / b" → dimension id


@dataclass
class Matched:
    items: AssessmentItems
    pairs: list[tuple[ReturnedRow, CheckItem]] = field(default_factory=list)
    unmatched: list[ReturnedRow] = field(default_factory=list)
    missing: list[MissingRow] = field(default_factory=list)
    base: list[BaseRow] | None = None  # the values handed out: the hidden sheet's, else recorded
    department: str = ""
    handed_out_at: datetime | None = None


class Matcher:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._loaded: dict[int, AssessmentItems] = {}

    def load(self, assessment: Assessment) -> AssessmentItems:
        if assessment.id not in self._loaded:
            self._loaded[assessment.id] = _load(self.session, assessment)
        return self._loaded[assessment.id]

    def match(self, book: ReturnedBook) -> Matched:
        if book.assessment_uid is None:
            return self._match_without_keys(book)
        assessment = self.session.scalar(select(Assessment).where(
            Assessment.uid == book.assessment_uid))
        if assessment is None:
            raise BookRefused(
                f"该工作簿属于另一个自评或另一个数据库（“{book.assessment_title}”），"
                "本数据库中没有它的事项，未汇总。")
        return self._match_with_keys(book, self.load(assessment))

    def _match_with_keys(self, book: ReturnedBook, items: AssessmentItems) -> Matched:
        matched = Matched(items, base=book.base, department=book.department,
                          handed_out_at=book.handed_out_at)
        seen: set[str] = set()
        base_uids = {row.uid for row in book.base or ()}
        for row in book.rows:
            item = items.by_uid.get(row.uid) if row.uid else None
            if item is not None and row.uid not in seen:
                seen.add(row.uid)
                matched.pairs.append((row, item))
            elif row.uid and row.uid in base_uids and row.uid not in seen:
                seen.add(row.uid)
                matched.missing.append(MissingRow(book.file.name, None, row.seq, row.content,
                                                  "数据库中已删除该事项，未汇总此行"))
            elif row.uid and row.uid not in seen and self._elsewhere(row.uid):
                raise BookRefused(f"第 {row.sheet_row} 行的事项属于另一个自评，工作簿可能被拼接过，未汇总。")
            else:
                matched.unmatched.append(row)
        _deleted_rows(matched, book, seen)
        return matched

    def _elsewhere(self, uid: str) -> bool:
        return self.session.scalar(select(CheckItem.id).where(CheckItem.uid == uid)) is not None

    def _match_without_keys(self, book: ReturnedBook) -> Matched:
        """The hidden sheet is gone: rows with a key column still match by key (a key this database
        does not know refuses the book); rows without any key by 序号 + content, where exactly one
        item fits. All must belong to one assessment."""
        by_content: dict[str, list[CheckItem]] = defaultdict(list)
        keyed = [row for row in book.rows if row.uid]
        uid_items = {item.uid: item for item in self.session.scalars(select(CheckItem).where(
            CheckItem.uid.in_([row.uid for row in keyed])))} if keyed else {}
        contents = {row.content.strip() for row in book.rows if row.content.strip()}
        for candidate in self.session.scalars(select(CheckItem).where(CheckItem.content.in_(contents))):
            by_content[candidate.content.strip()].append(candidate)
        unknown = [row for row in keyed if row.uid not in uid_items]
        if unknown:
            rows = "、".join(str(row.sheet_row) for row in unknown[:5])
            more = f"等 {len(unknown)} 行" if len(unknown) > 5 else ""
            raise BookRefused(
                f"工作簿“{book.file.name}”的隐藏“分发信息”工作表已被删除，且第 {rows} 行{more}的编号"
                "不是本数据库中的事项（可能是另一个数据库分发的填报表），无法确定归属，未汇总。")
        found: list[tuple[ReturnedRow, CheckItem | None]] = []
        for row in book.rows:
            item = uid_items.get(row.uid) if row.uid else None
            if item is None:  # only rows without any key: 序号 + content
                item = self._by_seq_and_content(row, by_content[row.content.strip()])
            found.append((row, item))
        assessment_ids = {item.assessment_id for _row, item in found if item is not None}
        if len(assessment_ids) != 1:
            reason = ("没有一行能与本数据库中的事项对应" if not assessment_ids
                      else "各行对应到了不同的自评")
            raise BookRefused(f"隐藏的“分发信息”工作表已被删除，且{reason}，无法确定归属，未汇总。")
        items = self.load(self.session.get_one(Assessment, assessment_ids.pop()))
        matched = Matched(items)
        seen: set[int] = set()
        for row, item in found:
            if item is None or item.id in seen:
                matched.unmatched.append(row)
            else:
                seen.add(item.id)
                matched.pairs.append((row, item))
        self._recorded_base(matched)
        _deleted_rows(matched, book, {item.uid for _row, item in matched.pairs})
        return matched

    def _recorded_base(self, matched: Matched) -> None:
        """The hand-out this book came from, as recorded when it was written: the one of this
        assessment holding most of the rows matched (the latest on a tie). None recorded (handed
        out before the record was kept): no base, the fields' defaults stand in for it."""
        uids = [item.uid for _row, item in matched.pairs]
        if not uids:
            return
        counts = self.session.execute(
            select(Handout.id, Handout.department, Handout.handed_out_at)
            .join(HandoutItem, HandoutItem.handout_id == Handout.id)
            .where(Handout.assessment_id == matched.items.assessment.id,
                   HandoutItem.item_uid.in_(uids))
            .add_columns(func.count(HandoutItem.id))
            .group_by(Handout.id, Handout.department, Handout.handed_out_at)).all()
        if not counts:
            return
        handout_id, department, handed_out_at, _n = max(
            counts, key=lambda r: (r[3], r[2], r[0]))
        rows = self.session.scalars(select(HandoutItem).where(
            HandoutItem.handout_id == handout_id).order_by(HandoutItem.seq)).all()
        matched.base = [BaseRow(row.item_uid, str(row.seq), row.content, json.loads(row.base))
                        for row in rows]
        matched.department = department
        matched.handed_out_at = handed_out_at

    def _by_seq_and_content(self, row: ReturnedRow, candidates: list[CheckItem]) -> CheckItem | None:
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        same_seq = [c for c in candidates
                    if str(self.load(self.session.get_one(Assessment, c.assessment_id)).seq[c.id])
                    == row.seq.strip()]
        if len(same_seq) == 1:
            return same_seq[0]
        raise BookRefused(
            f"隐藏的“分发信息”工作表已被删除，第 {row.sheet_row} 行（序号 {row.seq}）的内容与"
            f"数据库中 {len(candidates)} 个事项相同，无法唯一对应，未汇总。")


def _deleted_rows(matched: Matched, book: ReturnedBook, seen: set[str]) -> None:
    """Rows handed out that the workbook no longer holds (the database's items are kept)."""
    items = matched.items
    for base in matched.base or ():
        if base.uid not in seen:
            item = items.by_uid.get(base.uid)
            matched.missing.append(MissingRow(
                book.file.name, item.id if item else None,
                str(items.seq[item.id]) if item else base.seq,
                item.content if item else base.content,
                "工作簿中删除了此行，数据库中的事项未删除"))


def _load(session: Session, assessment: Assessment) -> AssessmentItems:
    items = session.scalars(select(CheckItem).where(
        CheckItem.assessment_id == assessment.id)).all()
    paths = dimension_paths(session, assessment.id)
    order = {dim_id: index for index, dim_id in enumerate(paths)}
    ordered = sorted(items, key=lambda i: (order.get(i.dimension_id, 0), i.position, i.id))
    return AssessmentItems(
        assessment=assessment, by_uid={item.uid: item for item in items},
        seq={item.id: n for n, item in enumerate(ordered, start=1)},
        notes=evidence_notes(session, assessment.id),
        paths={PATH_SEPARATOR.join(path): dim_id for dim_id, path in paths.items()})
