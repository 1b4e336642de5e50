"""Map a returned workbook's rows to the database's items: by stable key, else by 序号 + content."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from model.collect.handout import (
    PATH_SEPARATOR,
    department_name,
    dimension_paths,
    evidence_notes,
)
from model.collect.records import MissingRow, RejectedRow, ReturnedBook, ReturnedRow
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
    rejected: list[RejectedRow] = field(default_factory=list)
    handout: Handout | None = None  # the hand-out record this book came from (the authority)
    recorded: dict[str, HandoutItem] | None = None  # item uid → as handed out; None: not recorded
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
        """Rows by key. Which hand-out the book is, and so which keys it may carry and the base,
        come from the database's record, never from the workbook's hidden sheet."""
        matched = Matched(items)
        self._recorded(matched, [row.uid for row in book.rows if row.uid], book)
        found: list[tuple[ReturnedRow, CheckItem | None]] = []
        for row in book.rows:
            item = items.by_uid.get(row.uid) if row.uid else None
            if row.uid and item is None and self._elsewhere(row.uid):
                raise BookRefused(f"第 {row.sheet_row} 行的事项属于另一个自评，工作簿可能被拼接过，未汇总。")
            found.append((row, item))
        self._classify(matched, book, found)
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
        same_content = CheckItem.__table__.c.content.in_(contents)
        for candidate in self.session.scalars(select(CheckItem).where(same_content)):
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
        self._recorded(matched, [item.uid for _row, item in found if item is not None], book)
        self._classify(matched, book, found)
        return matched

    def _recorded(self, matched: Matched, uids: list[str], book: ReturnedBook) -> None:
        """The hand-out this book came from, as the database recorded it: the record its hidden
        sheet names (department and time), when there is one; else the one of this assessment
        holding most of the book's rows (the latest on a tie). The record, never the sheet, says
        which keys the book may carry and what was handed out. None recorded (handed out before
        the record was kept): no base, the fields' defaults stand in."""
        assessment_id = matched.items.assessment.id
        named = [h for h in self.session.scalars(select(Handout).where(
            Handout.assessment_id == assessment_id, Handout.department == book.department))
            if _same_time(h.handed_out_at, book.handed_out_at)] if book.handed_out_at else []
        handout = max(named, key=lambda h: h.id) if named else None
        if handout is None and uids:
            counts = self.session.execute(
                select(Handout.id, Handout.handed_out_at, func.count(HandoutItem.id))
                .join(HandoutItem, HandoutItem.handout_id == Handout.id)
                .where(Handout.assessment_id == assessment_id, HandoutItem.item_uid.in_(uids))
                .group_by(Handout.id, Handout.handed_out_at)).all()
            if counts:
                best = max(counts, key=lambda r: (r[2], r[1], r[0]))
                handout = self.session.get_one(Handout, best[0])
        if handout is None:
            matched.department, matched.handed_out_at = book.department, book.handed_out_at
            return
        matched.handout = handout
        matched.department, matched.handed_out_at = handout.department, handout.handed_out_at
        recorded = {row.item_uid: row for row in self.session.scalars(
            select(HandoutItem).where(HandoutItem.handout_id == handout.id)
            .order_by(HandoutItem.seq, HandoutItem.id))}
        matched.recorded = recorded or None  # handed out before 0010: its rows were not kept

    def _classify(self, matched: Matched, book: ReturnedBook,
                  found: list[tuple[ReturnedRow, CheckItem | None]]) -> None:
        """Each row: collected (paired with its item), reported (rejected, or its item deleted),
        or offered as a new row. A key is accepted only from the hand-out it went out in."""
        recorded = matched.recorded
        added = {content_key(row.content): row for row in (recorded or {}).values()
                 if row.added_row is not None}
        seen: set[str] = set()
        name = book.file.name
        for row, item in found:
            if item is None and not row.uid and content_key(row.content) in added:
                item = matched.items.by_uid.get(added[content_key(row.content)].item_uid)
            if item is None:
                if row.uid and recorded and row.uid in recorded and row.uid not in seen:
                    seen.add(row.uid)
                    matched.missing.append(MissingRow(name, None, row.seq, row.content,
                                                      "数据库中已删除该事项，未汇总此行"))
                else:
                    matched.unmatched.append(row)
                continue
            if item.uid in seen:
                matched.unmatched.append(row)
                continue
            seen.add(item.uid)
            if recorded is not None and item.uid not in recorded:
                matched.rejected.append(RejectedRow(
                    name, row.sheet_row, row.seq, row.content, self._not_handed_out(matched, item)))
            elif row.uid and not _same_content(row.content, item, recorded):
                matched.rejected.append(RejectedRow(
                    name, row.sheet_row, row.seq, row.content,
                    f"该行的自查内容与其编号对应的事项（第 {matched.items.seq[item.id]} 项"
                    f"“{_short(item.content)}”）不一致，编号可能被调换，未汇总此行"))
            else:
                matched.pairs.append((row, item))
        _deleted_rows(matched, book, seen)

    def _not_handed_out(self, matched: Matched, item: CheckItem) -> str:
        department = self.session.scalar(
            select(Handout.department).join(HandoutItem, HandoutItem.handout_id == Handout.id)
            .where(Handout.assessment_id == matched.items.assessment.id,
                   HandoutItem.item_uid == item.uid)
            .order_by(Handout.handed_out_at.desc(), Handout.id.desc()).limit(1))
        whose = f"分发给了“{department_name(department)}”" if department is not None else "未分发过"
        return (f"该事项不在分发给“{department_name(matched.department)}”的填报表中（{whose}），"
                "只接受分发给本处室的事项，未汇总此行")

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


def _same_time(recorded: datetime, written: datetime | None) -> bool:
    """The hidden sheet writes the hand-out time to the second."""
    return written is not None and recorded.replace(microsecond=0) == written.replace(microsecond=0)


def content_key(text: str) -> str:
    """Text compared without spaces, line breaks or control characters (Excel and WPS rewrap)."""
    return "".join(ch for ch in (text or "") if ch.isprintable() and not ch.isspace())


def _same_content(content: str, item: CheckItem, recorded: dict[str, HandoutItem] | None) -> bool:
    """The visible 自查内容 is the item's now or as it was handed out."""
    key = content_key(content)
    handed = recorded.get(item.uid) if recorded else None
    return key in (content_key(item.content), content_key(handed.content) if handed else None)


def _short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def _deleted_rows(matched: Matched, book: ReturnedBook, seen: set[str]) -> None:
    """Rows handed out that the workbook no longer holds (the database's items are kept)."""
    items = matched.items
    for uid, handed in (matched.recorded or {}).items():
        if uid not in seen:
            item = items.by_uid.get(uid)
            matched.missing.append(MissingRow(
                book.file.name, item.id if item else None,
                str(items.seq[item.id]) if item else str(handed.seq),
                item.content if item else handed.content,
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
