"""Template files (a jxls/Jinja/mail-merge template, not a filled table): their placeholders found."""

from __future__ import annotations

import re
from pathlib import Path

from importers.errors import ImportFileError, where
from importers.grid import Grid, cell_name

MARKUP = re.compile(r"\$\{[^}]{1,200}\}|<\s*/?\s*jx:[^>]{0,200}>|\{\{[^}]{1,200}\}\}|\{%.{0,200}%\}|"
                    r"«[^»]{1,40}»")  # ${data.x}, <jx:forEach>, {{name}}, {% for %}, «合并域»
BRACKETED = re.compile(r"^\s*[\[【][^\]】]{1,12}[\]】]\s*$")  # "[姓名]" standing for a value
JXLS = re.compile(r"<\s*/?\s*jx:")
MIN_MARKS = 2  # placeholders in a few cells make a form to fill in; one may be real text


def template_marks(grid: Grid) -> list[str]:
    """The cells of a sheet that are placeholders ("B3 ${data.name}"), or [] for a filled sheet:
    a jxls tag anywhere, or placeholders filling most of the rows they are in (one odd "${x}"
    or "«名称»" a clerk typed is text)."""
    marked: dict[int, list[str]] = {}
    tags = False
    for (row, column), text in sorted(grid.values.items()):
        if MARKUP.search(text) or BRACKETED.match(text):
            marked.setdefault(row, []).append(f"{cell_name(row, column)}“{text.strip()[:30]}”")
            tags = tags or bool(JXLS.search(text))
    cells = [c for found in marked.values() for c in found]
    if tags:
        return cells
    filled = sum(1 for (row, _c) in grid.values if row in marked)
    if len(cells) >= MIN_MARKS and len(cells) * 2 >= filled:
        return cells
    return []


def refuse_templates(path: Path, grids: list[Grid]) -> None:
    """A template is refused as one: its placeholders are not items."""
    for grid in grids:
        marks = template_marks(grid)
        if marks:
            shown = "、".join(marks[:3]) + ("等" if len(marks) > 3 else "")
            raise ImportFileError(
                f"{where(path, grid.title)}是模板文件，不是填好的表格：单元格 {shown} 是待填的占位符"
                "（如 ${…}、<jx:…>、{{…}}、[姓名]）。请导入用它生成、已填好数据的表格。")
