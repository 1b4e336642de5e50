"""The content review (体检) before export: what a reader of the summary or table would find wrong."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select

from model.layouts import Layout, layout_names, load_layout
from model.report import build_report
from model.report_records import Report, ReportItem
from model.schema import CheckItem, Evidence
from model.services import Services
from model.text_metrics import EXCEL_CELL_LIMIT, MAX_ROW_HEIGHT, row_height, wrapped_lines
from model.vocabulary import DONE_STATUSES as DONE
from model.vocabulary import NOT_STARTED, is_applicable

KINDS = ("empty_result", "status_mismatch", "no_evidence", "reason_missing", "number_mismatch",
         "duplicate", "too_long", "copied_from_last_year")
COPIED = 0.9  # this year's 落实情况 at least this alike last year's reads as copied
# Counts a narrative states about the items: "共41项", "21项市级绩效任务全部完成", "完成21项".
_TOTAL = re.compile(r"共(?:有|计)?(\d+)项")
_ALL_DONE = re.compile(r"(\d+)项[^，。；,;！!]{0,20}?全部(?:完成|落实)")
_DONE = re.compile(r"(?<![未无])(?:已)?完成(?:了)?(\d+)项")
_NOT_PUNCT = re.compile(r"[\s，。、；：,.;:！!？?“”\"'（）()]")


@dataclass(frozen=True)
class Problem:
    kind: str
    item: int | None  # the item's id; None for the narrative
    seq: int | None
    dimension: tuple[str, ...]  # the item's dimension path (empty for the narrative)
    message: str

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind, "item": self.item, "seq": self.seq,
                "dimension": list(self.dimension), "message": self.message}


def review(services: Services, assessment_id: int) -> list[Problem]:
    """Every problem of one assessment, items in table order, then the narrative's numbers."""
    assessment = services.assessments.get(assessment_id)
    report = build_report(services, assessment_id)
    evidence = _evidence_counts(services, assessment_id) if assessment.requires_evidence else None
    layouts = [load_layout(name) for name in layout_names()]
    problems: list[Problem] = []
    first_of: dict[str, ReportItem] = {}
    for item in report.items:
        problems += _item_problems(item, evidence, assessment.uses_scores)
        problems += _too_long(item, layouts)
        key = _NOT_PUNCT.sub("", item.content)
        if key and key in first_of:
            problems.append(_problem("duplicate", item, f"自查内容与第{first_of[key].seq}项相同。"))
        first_of.setdefault(key, item)
    return problems + _copied(services, assessment_id) + _numbers(report)


def counts(problems: list[Problem]) -> dict[str, int]:
    """Problems per kind, every kind named (0 when none), in KINDS order."""
    found = Counter(p.kind for p in problems)
    return {kind: found[kind] for kind in KINDS}


def _problem(kind: str, item: ReportItem, message: str) -> Problem:
    return Problem(kind, item.id, item.seq, item.path, f"第{item.seq}项：{message}")


def _item_problems(item: ReportItem, evidence: dict[int, int] | None,
                   uses_scores: bool) -> list[Problem]:
    found: list[Problem] = []
    has_result = bool(item.result.strip())
    if not is_applicable(item.status):
        return found
    if not has_result:
        found.append(_problem("empty_result", item, "没有填写落实情况。"))
        if item.status in DONE:
            found.append(_problem("status_mismatch", item, f"状态为“{item.status}”，但没有落实情况。"))
    elif item.status == NOT_STARTED:
        found.append(_problem("status_mismatch", item, "已填写落实情况，但状态仍为“未开始”。"))
    if evidence is not None and item.status in DONE and not evidence.get(item.id):
        found.append(_problem("no_evidence", item, f"状态为“{item.status}”，但没有证明材料。"))
    below = uses_scores and item.score is not None and item.score_max is not None and (
        item.score < item.score_max)
    if (item.status == "未完成" or below) and not item.deviation_reason.strip():
        why = "状态为“未完成”" if item.status == "未完成" else (
            f"得分 {item.score:g} 低于分值 {item.score_max:g}")
        found.append(_problem("reason_missing", item, f"{why}，但没有填写原因及改进措施。"))
    return found


def _too_long(item: ReportItem, layouts: list[Layout]) -> list[Problem]:
    """A text Excel cannot hold, or one taller than Excel's highest row (cut off when printed);
    one problem per field, naming the first table format it does not fit."""
    found: dict[str, Problem] = {}
    for layout in layouts:
        size = layout.fonts["body"][1]
        for column, header in zip(layout.columns, layout.headers(), strict=True):
            if column.field.startswith("dimension_") or column.field in ("seq", *found):
                continue
            text = item.field(column.field)
            if len(text) > EXCEL_CELL_LIMIT:
                message = f"“{header}”有 {len(text)} 个字符，超过 Excel 单元格上限 {EXCEL_CELL_LIMIT}。"
            elif row_height(wrapped_lines(text, column.width), size) > MAX_ROW_HEIGHT:
                message = (f"“{header}”在{layout.label.split('（')[0]}中超过 Excel 的最大行高，"
                           "打印时末尾会被截断，请精简或分段。")
            else:
                continue
            found[column.field] = _problem("too_long", item, message)
    return list(found.values())


def _copied(services: Services, assessment_id: int) -> list[Problem]:
    """Items whose 落实情况 is last year's, word for word or nearly (the reviewer's first question)."""
    from model.year_compare.compare import compare
    from model.year_compare.previous import previous_assessment

    last_id = previous_assessment(services.db, assessment_id)
    if last_id is None:
        return []
    year = services.assessments.get(last_id).year
    found: list[Problem] = []
    for pair in compare(services.db, assessment_id, last_id).pairs:
        if pair.last is None or pair.this is None or not pair.this.result.strip():
            continue
        score = pair.similarity or 0.0
        if score >= COPIED:
            how = "与上年相同" if pair.unchanged else f"与上年几乎相同（相似度 {score:.0%}）"
            where = f"{year}年第{pair.last.seq}项" if pair.last.id > 0 else f"{year}年工作总结"
            found.append(_problem("copied_from_last_year", pair.this,
                                  f"落实情况{how}（{where}），请写明今年的进展。"))
    return found


def _numbers(report: Report) -> list[Problem]:
    """Counts stated in the narrative that differ from the table's."""
    total, done = len(report.items), report.counts.done
    applicable = report.counts.total
    found: list[Problem] = []
    for key, text in report.sections.items():
        where = report.section_title(key)
        for match in _TOTAL.finditer(text):
            if int(match.group(1)) not in (total, applicable):
                found.append(_narrative(where, match.group(0), f"表中共 {total} 项"))
        for match in _ALL_DONE.finditer(text):
            if int(match.group(1)) != done or done != applicable:
                found.append(_narrative(where, match.group(0),
                                        f"表中共 {applicable} 项，已完成 {done} 项"))
        for match in _DONE.finditer(text):
            if int(match.group(1)) != done:
                found.append(_narrative(where, match.group(0), f"表中已完成 {done} 项"))
    return found


def _narrative(where: str, stated: str, actual: str) -> Problem:
    return Problem("number_mismatch", None, None, (),
                   f"{where}：文中“{stated}”与表格不符（{actual}）。")


def _evidence_counts(services: Services, assessment_id: int) -> dict[int, int]:
    with services.db.transaction() as session:
        return dict(session.execute(
            select(Evidence.item_id, func.count()).join(CheckItem, CheckItem.id == Evidence.item_id)
            .where(CheckItem.assessment_id == assessment_id).group_by(Evidence.item_id)).all())
