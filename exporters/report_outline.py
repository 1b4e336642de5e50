"""The work summary's outline: which paragraphs, in which official style, in which order."""

from __future__ import annotations

from dataclasses import dataclass

from exporters.numbering import demote_marks, mark, numbered, short_heading, strip_mark
from exporters.xmltext import TextCleaner
from model.report.records import Report, ReportDimension, ReportItem

TITLE, H1, H2, H3, H4, BODY = "title", "h1", "h2", "h3", "h4", "body"
HEADING_STYLES = {1: H1, 2: H2, 3: H3, 4: H4}
MAIN_SECTION = "主要做法和工作成效"


@dataclass(frozen=True)
class Block:
    style: str
    text: str


def outline(report: Report, clean: TextCleaner, *, evidence_refs: bool = False) -> list[Block]:
    """Title, then 一、总体情况 / 二、主要做法和工作成效 / 三、存在问题及改进措施, empty ones left out."""
    blocks = [Block(TITLE, clean(report.title, "标题"))]
    sections: list[tuple[str, list[Block]]] = []
    overview = _paragraphs(report.sections.get("overview", ""), clean, "总体情况")
    if overview:
        sections.append((report.section_title("overview"), overview))
    keep = _kept_items(report, clean)
    main = _dimensions(report.dimensions, clean, _Context(keep, evidence_refs,
                                                         report.options.demote_numbering))
    if main:
        sections.append((MAIN_SECTION, main))
    problems = _paragraphs(report.sections.get("problems", ""), clean, "存在问题及改进措施")
    plans = _paragraphs(report.sections.get("plans", ""), clean, "下一步工作打算")
    if problems:
        sections.append((report.section_title("problems"), problems + plans))
    elif plans:
        sections.append((report.section_title("plans"), plans))
    for n, (heading, content) in enumerate(sections, start=1):
        blocks.append(Block(H1, mark(1, n) + heading))
        blocks.extend(content)
    return blocks


@dataclass(frozen=True)
class _Context:
    keep: frozenset[int]  # ids of the items the summary shows
    refs: bool  # cite evidence numbers
    demote: bool  # "1." in a body under a "1." heading becomes "（1）"


def _kept_items(report: Report, clean: TextCleaner) -> frozenset[int]:
    """Every item, unless the clerk chose to omit those without 落实情况: then say which."""
    if not report.options.omit_unfinished:
        return frozenset(item.id for item in report.items)
    omitted = [item for item in report.items if not item.result.strip()]
    if omitted:
        clean.warnings.append("未写入工作总结的事项（没有落实情况）："
                              + "、".join(f"第{item.seq}项" for item in omitted) + "。")
    return frozenset(item.id for item in report.items if item.result.strip())


def _paragraphs(text: str, clean: TextCleaner, where: str) -> list[Block]:
    return [Block(BODY, line.strip()) for line in clean(text, where).split("\n") if line.strip()]


def _has_content(dimension: ReportDimension, keep: frozenset[int]) -> bool:
    return any(i.id in keep for i in dimension.items) or any(
        _has_content(c, keep) for c in dimension.children)


def _dimensions(tops: tuple[ReportDimension, ...], clean: TextCleaner,
                context: _Context) -> list[Block]:
    blocks: list[Block] = []
    for n, top in enumerate((t for t in tops if _has_content(t, context.keep)), start=1):
        blocks.append(Block(H2, numbered(2, n, clean(top.heading, f"考评维度“{top.name}”"))))
        blocks.extend(_entries(top, 3, clean, context))
    return blocks


def _entries(dimension: ReportDimension, level: int, clean: TextCleaner,
             context: _Context) -> list[Block]:
    """A dimension's own items, then its sub-dimensions, numbered together at this level."""
    entries: list[ReportItem | ReportDimension] = [
        i for i in dimension.items if i.id in context.keep]
    entries += [c for c in dimension.children if _has_content(c, context.keep)]
    blocks: list[Block] = []
    for n, entry in enumerate(entries, start=1):
        if isinstance(entry, ReportDimension):
            heading = clean(entry.heading, f"考评维度“{entry.name}”")
            blocks.append(_heading(level, n, heading))
            blocks.extend(_entries(entry, level + 1, clean, context))
        else:
            blocks.extend(_item(entry, level, n, clean, context))
    return blocks


def _heading(level: int, n: int, text: str) -> Block:
    if level in HEADING_STYLES:
        return Block(HEADING_STYLES[level], numbered(level, n, text))
    return Block(BODY, strip_mark(text))  # deeper than （1）: the official format has no level


def _item(item: ReportItem, level: int, n: int, clean: TextCleaner,
          context: _Context) -> list[Block]:
    heading = short_heading(clean(item.content, f"第{item.seq}项（自查内容）"))
    body = _paragraphs(item.result, clean, f"第{item.seq}项（落实情况）")
    if context.demote and level == 3 and heading:
        body = [Block(BODY, demote_marks(b.text)) for b in body]
    numbers = [number for number, _e in item.numbered_evidence()] if context.refs else []
    if numbers and body:  # "（见附件3-1、3-2）" closes the item's last paragraph
        cited = "、".join([numbers[0], *(n.removeprefix("附件") for n in numbers[1:])])
        body[-1] = Block(BODY, f"{body[-1].text}（见{cited}）")
    return ([_heading(level, n, heading)] if heading else []) + body
