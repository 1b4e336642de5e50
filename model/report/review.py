"""The content review (体检) before export: what a reader of the summary or table would find wrong."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Protocol

from sqlalchemy import func, select

from model.framework.assessments import AssessmentService
from model.report.build import report_of
from model.report.layouts import Layout, layout_names, load_layout
from model.report.records import Report, ReportDimension, ReportItem
from model.schema import CheckItem, Evidence
from model.storage.db import Database
from model.text.metrics import EXCEL_CELL_LIMIT, MAX_ROW_HEIGHT, row_height, wrapped_lines
from model.vocabulary import DONE_STATUSES as DONE
from model.vocabulary import NOT_STARTED, UNFINISHED, is_applicable

KINDS = ("empty_result", "status_mismatch", "no_evidence", "reason_missing", "number_mismatch",
         "duplicate", "too_long", "copied_from_last_year")
COPIED = 0.9  # this year's 落实情况 at least this alike last year's reads as copied
# Counts a narrative states about the items: "共41项", "21项市级绩效任务全部完成", "完成21项".
_TOTAL = re.compile(r"共(?:有|计)?(\d+)项")
_ALL_DONE = re.compile(r"(\d+)项[^，。；,;！!]{0,20}?全部(?:完成|落实)")
_DONE = re.compile(r"(?<![未无])(?:已)?完成(?:了)?(\d+)项")
_SENTENCE = re.compile(r"(?<=[。；;！!？?\n])")
_NOT_PUNCT = re.compile(r"[\s，。、；：,.;:！!？?“”\"'（）()]")


class Sources(Protocol):
    """What the review reads: the database and its assessments (model.services.Services has both)."""

    @property
    def db(self) -> Database: ...

    @property
    def assessments(self) -> AssessmentService: ...


@dataclass(frozen=True)
class Problem:
    kind: str
    item: int | None  # the item's id; None for the narrative
    seq: int | None
    dimension: tuple[str, ...]  # the item's dimension path (empty for the narrative)
    message: str
    section: str = ""  # the narrative section a number problem sits in (its key)

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind, "item": self.item, "seq": self.seq,
                "dimension": list(self.dimension), "message": self.message}


def review(services: Sources, assessment_id: int) -> list[Problem]:
    """Every problem of one assessment, items in table order, then the narrative's numbers."""
    assessment = services.assessments.get(assessment_id)
    report = report_of(services.db, assessment_id)
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
    if (item.status == UNFINISHED or below) and not item.deviation_reason.strip():
        why = f"状态为“{UNFINISHED}”" if item.status == UNFINISHED else (
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


@dataclass(frozen=True)
class _Scope:
    """What a sentence's count may talk about: the whole table or one dimension's items."""
    name: str  # "全表" or the dimension's name
    sizes: frozenset[int]  # its item counts: all, and those that apply
    done: int
    applicable: int
def _copied(services: Sources, assessment_id: int) -> list[Problem]:
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
    """Counts stated in the narrative that differ from the table's. A count is compared with the
    items of the scope its sentence talks about: the whole table, or a dimension whose items it
    counts ("21项市级绩效任务全部完成" may count one dimension's tasks); a mismatch names both."""
    whole = _scope_of("全表", report.items)
    dimensions = _dimension_scopes(report.dimensions)
    found: list[Problem] = []
    for key, text in report.sections.items():
        where = report.section_title(key)
        for sentence in _SENTENCE.split(text):
            found += [replace(p, section=key)
                      for p in _sentence_problems(where, sentence, [whole, *dimensions])]
    return found


def _sentence_problems(where: str, sentence: str, scopes: list[_Scope]) -> list[Problem]:
    found: list[Problem] = []
    for match in _TOTAL.finditer(sentence):
        stated = int(match.group(1))
        if not any(stated in s.sizes for s in scopes):
            found.append(_narrative(where, match.group(0), _actual(scopes, "total", stated)))
    for match in _ALL_DONE.finditer(sentence):
        stated = int(match.group(1))
        if not any(stated == s.done == s.applicable for s in scopes):
            found.append(_narrative(where, match.group(0), _actual(scopes, "all_done", stated)))
    for match in _DONE.finditer(sentence):
        if not any(int(match.group(1)) == s.done for s in scopes):
            found.append(_narrative(where, match.group(0), _actual(scopes, "done", None)))
    return found


def _actual(scopes: list[_Scope], what: str, stated: int | None) -> str:
    """What the table says, for the scope the sentence talks about: the one with as many items
    as it states ("21项…全部完成" while one of 全面依法's 21 is 推进中), else the whole table."""
    scope = next((s for s in scopes if stated in s.sizes), scopes[0])
    others = "及各考评维度" if len(scopes) > 1 else ""
    if what == "total":
        return f"{scope.name}{others}的项数均不是此数；{scope.name}共 {max(scope.sizes)} 项"
    if what == "all_done":
        return f"{scope.name}共 {scope.applicable} 项，已完成 {scope.done} 项"
    return f"{scope.name}已完成 {scope.done} 项"


def _scope_of(name: str, items: tuple[ReportItem, ...] | list[ReportItem]) -> _Scope:
    applicable = [i for i in items if is_applicable(i.status)]
    sizes = {len(items), len(applicable)}
    return _Scope(name, frozenset(sizes), sum(i.status in DONE for i in applicable),
                  len(applicable))


def _dimension_scopes(dimensions: tuple[ReportDimension, ...]) -> list[_Scope]:
    scopes: list[_Scope] = []
    for dimension in dimensions:
        items = _items_under(dimension)
        if dimension.items:  # its own items, and with its sub-dimensions' when it has any
            scopes.append(_scope_of(dimension.name, dimension.items))
        if len(items) > len(dimension.items):
            scopes.append(_scope_of(dimension.name, items))
        scopes += _dimension_scopes(dimension.children)
    return scopes


def _items_under(dimension: ReportDimension) -> list[ReportItem]:
    return [*dimension.items, *(i for c in dimension.children for i in _items_under(c))]


def _narrative(where: str, stated: str, actual: str) -> Problem:
    return Problem("number_mismatch", None, None, (),
                   f"{where}：文中“{stated}”与表格不符（{actual}）。")


def _evidence_counts(services: Sources, assessment_id: int) -> dict[int, int]:
    with services.db.transaction() as session:
        return dict(session.execute(
            select(Evidence.item_id, func.count()).join(CheckItem, CheckItem.id == Evidence.item_id)
            .where(CheckItem.assessment_id == assessment_id).group_by(Evidence.item_id)).all())
