"""What the lines above a table say: its title, the unit, the year and the period."""

from __future__ import annotations

import re
from dataclasses import dataclass

from importers.grid import Grid
from model.vocabulary import ANNUAL, PERIODS

YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
QUARTER = re.compile(r"第?([一二三四1-4])季度")
QUARTERS = {**dict(zip("一二三四", PERIODS[1:], strict=True)), **dict(zip("1234", PERIODS[1:], strict=True))}
ATTACHMENT = re.compile(r"^附件\s*\d*\s*[:：]?\s*")
UNIT_LABELS = ("填报单位", "单位名称", "实施单位", "部门名称", "主管部门", "单位")
LABEL = re.compile(r"^\s*(" + "|".join(UNIT_LABELS) + r")\s*[(（]?[盖章公]*[)）]?\s*[:：]?\s*(.*)$")


DATE_BLANK = re.compile(r"^[\s年月日_＿.\-/]*$")  # "年  月  日" left to fill in


@dataclass(frozen=True)
class TitleFacts:
    title: str
    unit: str
    year: int | None
    period: str
    unit_source: str = ""  # where the unit was read ("标题", "第 3 行“填报单位”", "文件名")
    year_source: str = ""


def title_facts(grid: Grid, header_row: int, file_name: str = "") -> TitleFacts:
    """The title, and the unit and year from the title, the lines under it ("（2019年度）",
    填报单位/主管部门/实施单位 lines) or the file name, each with where it was found."""
    title = _title(grid, header_row)
    match = YEAR.search(title)
    unit = ATTACHMENT.sub("", title[:match.start()]).strip(" ：:（(") if match else ""
    unit_source = "标题" if unit else ""
    if not unit:
        unit, unit_source = _labelled_unit(grid, header_row)
    year, year_source = (int(match.group(1)), "标题") if match else _year_below(grid, header_row)
    if year is None and (found := YEAR.search(file_name)):
        year, year_source = int(found.group(1)), "文件名"
    return TitleFacts(title=title, unit=unit, year=year, period=period_of(title),
                      unit_source=unit_source, year_source=year_source)


def _year_below(grid: Grid, header_row: int) -> tuple[int | None, str]:
    """A year on a line above the header besides the title ("（2019年度）", "填报时间：2023年")."""
    for row in range(1, header_row):
        for column in range(1, grid.max_col + 1):
            if match := YEAR.search(grid.text(row, column)):
                return int(match.group(1)), f"第 {row} 行"
    return None, ""


def period_of(text: str) -> str:
    quarter = QUARTER.search(text)
    return QUARTERS[quarter.group(1)] if quarter else ANNUAL


def _title(grid: Grid, header_row: int) -> str:
    """The first text above the header that is not an attachment mark ("附件1")."""
    for row in range(1, header_row):
        for column in range(1, grid.max_col + 1):
            text = re.sub(r"\s+", "", grid.text(row, column))
            if text and ATTACHMENT.sub("", text):
                return ATTACHMENT.sub("", text)
    return ""


def _labelled_unit(grid: Grid, header_row: int) -> tuple[str, str]:
    """"填报单位：办公室", or a label cell with the name in a cell to its right (never a date
    left blank, "年  月  日", nor another label), and where it was found."""
    found: dict[str, tuple[str, str]] = {}
    for row in range(1, header_row):
        for column in range(1, grid.max_col + 1):
            match = LABEL.match(grid.text(row, column))
            if not match:
                continue
            value = match.group(2).strip() or next(
                (grid.text(row, c).strip() for c in range(column + 1, grid.max_col + 1)
                 if grid.text(row, c).strip()), "")
            if DATE_BLANK.match(value) or LABEL.match(value) or value.endswith((":", "：")):
                continue
            found.setdefault(match.group(1), (value, f"第 {row} 行“{match.group(1)}”"))
    return next((found[label] for label in UNIT_LABELS if found.get(label)), ("", ""))
