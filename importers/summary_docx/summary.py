"""A Word summary read whole: front matter, outline, back matter, placeholders flagged, matches to
the items of an assessment; the dry run's JSON and what the import stores (plain data)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from importers.errors import ImportFileError, where
from importers.summary_docx.markers import placeholders
from importers.summary_docx.matching import ItemText, Match, match_items
from importers.summary_docx.matter import EDITED_BY, Matter, date_of, split_back, split_front
from importers.summary_docx.outline import Section, build_outline
from importers.summary_docx.reader import Paragraph, read_paragraphs
from importers.title import YEAR, period_of
from model.framework.summary_import import SummaryData

PROBLEMS = re.compile(r"问题|不足|短板|差距|困难|教训")
PLANS = re.compile(r"下一步|打算|计划|思路|展望|明年|今后|来年|\d{4}\s*年(?:工作|重点)")
STANDALONE = re.compile(r"^(?:存在的?问题|问题(?:和|与|及)不足|下一步|今后|明年"
                        r"|\d{4}\s*年(?:工作)?(?:打算|计划))")
OVERVIEW = re.compile(r"^(?:总体情况|基本情况|总体概况|工作概况)$")


@dataclass
class SummaryRead:
    """Everything read from one file; nothing written."""

    file: Path
    title: str
    unit: str
    year: int | None
    period: str
    outline: list[Section]
    front: list[Matter]
    back: list[Matter]
    warnings: list[str] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)

    def preview(self) -> dict[str, object]:
        """The dry run's JSON (a contract: these key names stay)."""
        return {"title": self.title, "unit": self.unit, "year": self.year,
                "outline": [s.as_json() for s in self.outline],
                "front": [m.as_json() for m in self.front],
                "back": [m.as_json() for m in self.back],
                "matches": [m.as_json() for m in self.matches],
                "warnings": list(self.warnings)}

    def narrative_only(self) -> frozenset[int]:
        """The sections under a top heading that no item reports on: 总体情况, the problems and
        next year's plans (indexes into outline)."""
        found: set[int] = set()
        only = False
        for index, section in enumerate(self.outline):
            if section.level <= 1:
                only = section.level == 0 or bool(OVERVIEW.match(section.heading)) or bool(
                    PROBLEMS.search(section.heading) or PLANS.search(section.heading))
            if only:
                found.add(index)
        return frozenset(found)

    def data(self, accepted: list[Match] | None = None) -> SummaryData:
        """What the import stores: the accepted matches (every one when None) as their items'
        落实情况, the rest of the body as narrative, the title and the 落款."""
        matches = self.matches if accepted is None else accepted
        results: dict[int, list[str]] = {}
        for match in matches:
            results.setdefault(match.item, []).append(match.paragraph)
        return SummaryData(unit=self.unit, year=self.year, period=self.period,
                           report_title=self.title, signature=self.signature(),
                           signature_date=self.signature_date(), narrative=self.narrative(matches),
                           results={k: "\n".join(v) for k, v in results.items()})

    def require_body(self) -> None:
        """Refuse to import a file without a body (a blank template, or placeholders only)."""
        if not any(s.paragraphs or s.heading for s in self.outline):
            raise ImportFileError(f"{where(self.file)}没有可导入的正文" + (
                "（只有模板占位内容，请填写后再导入）。" if self.warnings else "。"))

    def signature(self) -> str:
        names = [m.text for m in self.back if m.kind == "署名" and not placeholders(m.text)]
        return re.sub(r"\s+", "", names[-1]) if names else ""

    def signature_date(self) -> str:
        return date_of([m for m in self.back if not placeholders(m.text)])

    def narrative(self, accepted: list[Match] | None = None) -> dict[str, str]:
        """The body as the assessment's narrative sections, the accepted matches left out: a top
        heading about problems → problems, about next year → plans, the rest → overview (its
        sub-headings kept as lines with their markers)."""
        taken = {(m.section, m.index) for m in (accepted if accepted is not None else self.matches)}
        texts: dict[str, list[str]] = {"overview": [], "problems": [], "plans": []}
        key = top_key = "overview"
        switched_at = 0  # the level of a lower heading that began the problems or the plans
        for s_index, section in enumerate(self.outline):
            own = _section_key(section.heading)
            if section.level == 1:
                key = top_key = own or "overview"
                switched_at = 0
            elif section.level and switched_at and section.level <= switched_at:
                key, switched_at = top_key, 0
            if section.level > 1 and own and STANDALONE.match(section.heading):
                key, switched_at = own, section.level  # "下一步工作" under another heading
            lines = [section.paragraphs[i] for i in range(len(section.paragraphs))
                     if (s_index, i) not in taken]
            heading_shown = (section.level > 1 and switched_at != section.level) or (
                section.level == 1 and key == "overview" and not OVERVIEW.match(section.heading))
            if section.heading and heading_shown:
                texts[key].append(section.marker + section.heading if section.marker != "【】"
                                  else f"【{section.heading}】")
            texts[key].extend(lines)
        return {k: "\n".join(v) for k, v in texts.items() if v}


def read_summary(path: Path, *, unit: str | None = None, year: int | None = None,
                 items: list[ItemText] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> SummaryRead:
    """The file read and checked (refused with a clear message when it holds no body);
    cancelled() may stop a .doc's conversion (ImportCancelled)."""
    path = Path(path)
    paragraphs = read_paragraphs(path, cancelled)
    text_paragraphs = [p for p in paragraphs if not p.in_table]
    front, start = split_front(paragraphs)
    back, end = split_back(paragraphs, start)
    body = [p for p in paragraphs[start:end] if not p.in_table]
    warnings: list[str] = []
    if len(body) < end - start:
        warnings.append("文中的表格未作为正文导入。")
    kept = _without_placeholders(body, warnings)
    for m in front + back:
        found = placeholders(m.text)
        if found:
            warnings.append(f"{m.kind}“{_short(m.text)}”含占位符“{found[0]}”，未导入。")
    if any("占位符" in w for w in warnings):
        warnings.insert(0, f"“{path.name}”像是模板或草稿：含有未填写的占位符，这些段落未导入。")
    outline = build_outline(kept)
    title = next((m.text for m in front if m.kind == "标题"), "")
    if not title and text_paragraphs:
        title = ""
    found_year = YEAR.search(title)
    unit_line = next((m.text for m in front if m.kind == "单位"), "")
    title_unit = title[:found_year.start()].strip() if found_year else ""
    title_unit = re.sub(r"^关于", "", title_unit)
    read = SummaryRead(
        file=path, title=title if not placeholders(title) else "",
        unit=(unit or title_unit or unit_line or _edited_by(front) or _signed(back)).strip(),
        year=year if year is not None else (int(found_year.group(1)) if found_year else
                                            _period_year(front)),
        period=period_of(title), outline=outline, front=front, back=back, warnings=warnings)
    read.matches = match_items(outline, items or [], skip=read.narrative_only())
    return read


def _without_placeholders(body: list[Paragraph], warnings: list[str]) -> list[Paragraph]:
    kept = []
    for p in body:
        found = placeholders(p.text)
        if found:
            warnings.append(f"第 {p.index} 段含占位符“{found[0]}”（“{_short(p.text)}”），未导入。")
        else:
            kept.append(p)
    return kept


def _section_key(heading: str) -> str | None:
    """problems or plans when a heading names them ("存在问题及下一步打算": problems, which the
    report prints with the plans), else None."""
    if PROBLEMS.search(heading):
        return "problems"
    return "plans" if PLANS.search(heading) else None


def _edited_by(front: list[Matter]) -> str:
    """"市卫生健康委办公室编 2017年10月2日—10月15日": the unit that edited a 简报."""
    for m in front:
        found = EDITED_BY.match(m.text) if m.kind == "编发" and not placeholders(m.text) else None
        if found:
            return found.group("who")
    return ""


def _period_year(front: list[Matter]) -> int | None:
    """The year of the period a 简报 covers ("2017年10月2日—10月15日")."""
    for m in front:
        found = YEAR.search(m.text) if m.kind == "时间" else None
        if found:
            return int(found.group(1))
    return None


def _signed(back: list[Matter]) -> str:
    names = [m.text for m in back if m.kind == "署名" and not placeholders(m.text)]
    return names[0] if names else ""


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 30 else text[:29] + "…"
