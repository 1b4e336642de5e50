"""The Excel tables: layout, merges, row heights, print setup, statistics, limits, rendering."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import openpyxl
import pytest

from exporters.errors import ExportError
from exporters.xlsx_table import export_xlsx
from model.report.build import report_of
from model.report.layouts import load_layout
from model.services import Services
from model.text.metrics import wrapped_lines
from tests.exporters.rendering import page_count, pdf_lines, pdf_words, render_pdf


@pytest.fixture(params=["selfcheck", "tasks"])
def exported(request: pytest.FixtureRequest, demo: Services, demo_id: int, tmp_path: Path):
    out = tmp_path / f"{request.param}.xlsx"
    export_xlsx(report_of(demo.db, demo_id), load_layout(request.param), out)
    return request.param, openpyxl.load_workbook(out), out


def test_title_header_and_columns(exported) -> None:
    layout_name, workbook, _ = exported
    sheet = workbook.worksheets[0]
    layout = load_layout(layout_name)
    assert "A1:" + chr(ord("A") + len(layout.columns) - 1) + "1" in {
        str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A1"].value.startswith("北京市卫生健康委员会2021")
    assert [c.value for c in sheet[2]] == layout.headers()
    assert sheet.max_row == 2 + 40
    for index, column in enumerate(layout.columns):
        assert sheet.column_dimensions[chr(ord("A") + index)].width == column.width
    assert sheet["A3"].font.name == "仿宋_GB2312" and sheet["A2"].font.name == "黑体"
    assert sheet["A3"].border.left.style == "thin" and sheet["D3"].alignment.wrap_text


def test_dimension_cells_merge_over_their_items(exported) -> None:
    layout_name, workbook, _ = exported
    sheet = workbook.worksheets[0]
    merges = {str(r) for r in sheet.merged_cells.ranges}
    breaks = {b.id + 1 for b in sheet.row_breaks.brk}  # first rows of pages 2, 3…
    assert breaks

    def parts(column: str, first: int, last: int) -> set[str]:
        """A merge over first..last, cut where a printed page starts."""
        cuts = [first, *sorted(b for b in breaks if first < b <= last), last + 1]
        return {f"{column}{a}:{column}{b - 1}" for a, b in itertools.pairwise(cuts)
                if b - 1 > a}

    if layout_name == "selfcheck":
        assert parts("A", 3, 26) | parts("A", 27, 41) | parts("B", 24, 26) <= merges
        assert not any(m.startswith("B3:") for m in merges)  # items straight under 全面依法
        labels = {sheet.cell(b, 1).value for b in breaks}
        assert labels <= {"全面依法", "全面提升", "全面优化"}  # each page opens with its label
    else:
        assert parts("B", 3, 26) | parts("B", 27, 41) <= merges
        assert [sheet.cell(r, 1).value for r in (3, 4, 42)] == ["1", "2", "40"]


def test_rows_are_tall_enough_for_their_text(exported) -> None:
    layout_name, workbook, _ = exported
    sheet = workbook.worksheets[0]
    layout = load_layout(layout_name)
    body_size = layout.fonts["body"][1]
    for row in range(3, sheet.max_row + 1):
        for index, column in enumerate(layout.columns):
            text = sheet.cell(row, index + 1).value or ""
            if column.merge:
                continue
            needed = wrapped_lines(text, column.width) * body_size * 1.3
            assert sheet.row_dimensions[row].height >= needed, (row, index)
    merged_column = next(i for i, c in enumerate(layout.columns) if c.merge)
    for merge in sheet.merged_cells.ranges:
        if merge.min_row < 3 or merge.min_col != merged_column + 1:
            continue
        rows = range(merge.min_row, merge.max_row + 1)
        total = sum(sheet.row_dimensions[r].height for r in rows)
        text = sheet.cell(merge.min_row, merge.min_col).value
        assert total >= wrapped_lines(text, layout.columns[merged_column].width) * body_size * 1.3


def test_print_setup(exported) -> None:
    _, workbook, _ = exported
    sheet = workbook.worksheets[0]
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    # scaled to the width by hand: "fit to page" would make Excel ignore the row breaks
    assert not sheet.sheet_properties.pageSetUpPr or not sheet.sheet_properties.pageSetUpPr.fitToPage
    assert 40 <= int(sheet.page_setup.scale) <= 100 and sheet.row_breaks.brk
    margins = sheet.page_margins
    assert margins.bottom - margins.footer >= 0.5  # room for "第 N 页，共 M 页"
    assert sheet.print_title_rows == "$1:$2"
    assert sheet.print_options.horizontalCentered
    assert sheet.freeze_panes == "A3"


def test_statistics_sheet(exported) -> None:
    _, workbook, _ = exported
    stats = workbook["统计"]
    rows = {r[0]: r for r in stats.iter_rows(values_only=True) if r and r[0]}
    assert rows["全面依法"][1] == 24 and rows["全面提升"][1] == 15 and rows["全面优化"][1] == 1
    assert rows["合计"][1] == 40 and rows["合计"][2] == 40
    assert rows["完成率"][1] == "100%"


def test_oversized_text_is_refused_with_the_item_named(services: Services, tmp_path: Path) -> None:
    a = services.assessments.create("单位", 2023)
    dim = services.dimensions.create(a.id, "维度")
    services.items.create(dim.id, content="正常")
    services.items.create(dim.id, content="过长", result="字" * 32_768)
    out = tmp_path / "t.xlsx"
    with pytest.raises(ExportError, match="第2项的“落实情况”有 32768 个字符"):
        export_xlsx(report_of(services.db, a.id), load_layout("selfcheck"), out)
    assert not out.exists()


def test_formula_like_text_stays_text(services: Services, tmp_path: Path) -> None:
    a = services.assessments.create("单位", 2023)
    dim = services.dimensions.create(a.id, "维度")
    services.items.create(dim.id, content="=SUM(A1:A3)", result="=1+1")
    out = tmp_path / "t.xlsx"
    export_xlsx(report_of(services.db, a.id), load_layout("selfcheck"), out)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert (sheet["C3"].value, sheet["C3"].data_type) == ("=SUM(A1:A3)", "s")


def test_rendered_table_cuts_nothing_and_repeats_headers(
        demo: Services, demo_id: int, rendered_demo_selfcheck: tuple[Path, Path]) -> None:
    report = report_of(demo.db, demo_id)  # what the shared render was exported from
    pdf = rendered_demo_selfcheck[1]
    lines = pdf_lines(pdf)
    stats_page = next(line.page for line in lines if "事项数" in line.text)  # sheet 统计 comes last
    assert stats_page >= 3
    for page in range(1, stats_page):
        text = "".join(line.text for line in lines if line.page == page)
        assert "考评维度" in text and "落实情况" in text, f"header missing on page {page}"
        assert "日常履职考核事项完成情况自查表" in text, f"title missing on page {page}"
    # Read each printed column top to bottom across the pages: every item's text is there whole.
    layout = load_layout("selfcheck")
    headers = layout.headers()
    starts = column_starts(lines, headers, [c.width for c in layout.columns])
    columns: list[str] = ["", "", "", ""]
    body = [w for w in pdf_words(pdf) if w.page < stats_page and w.top > header_bottom(lines)]
    for word in sorted(body, key=lambda w: (w.page, round(w.top), w.left)):
        if word.text.startswith("第") and "页" in word.text:
            continue
        index = max(i for i, start in enumerate(starts) if start <= word.left + 3)
        columns[index] += word.text
    for item in report.items:
        assert re.sub(r"\s", "", item.content) in columns[2], item.content[:20]
        assert re.sub(r"\s", "", item.result) in columns[3], item.result[:20]


def header_bottom(lines) -> float:
    return max(x.top for x in lines if x.text == "落实情况" and x.page == 1) + 1


def column_starts(lines, headers: list[str], widths: list[float]) -> list[float]:
    """Left edges of the printed columns, from where the centred headers are and the widths."""
    centres = [next((x.left + x.right) / 2 for x in lines if x.text == h) for h in headers]
    edges = [sum(widths[:i]) for i in range(len(widths))]
    mids = [e + w / 2 for e, w in zip(edges, widths, strict=True)]
    scale = (centres[-1] - centres[0]) / (mids[-1] - mids[0])
    offset = centres[0] - scale * mids[0]
    return [offset + scale * e for e in edges]


@pytest.mark.parametrize("layout_name", ["selfcheck", "tasks"])
def test_rendered_pages_each_show_a_label_and_a_whole_footer(
        layout_name: str, demo: Services, demo_id: int, tmp_path: Path,
        rendered_demo_selfcheck: tuple[Path, Path]) -> None:
    if layout_name == "selfcheck":  # the render the test above reads too
        pdf = rendered_demo_selfcheck[1]
    else:
        out = tmp_path / f"{layout_name}.xlsx"
        export_xlsx(report_of(demo.db, demo_id), load_layout(layout_name), out)
        pdf = render_pdf(out, tmp_path)
    lines, words, pages = pdf_lines(pdf), pdf_words(pdf), page_count(pdf)
    stats_page = next(line.page for line in lines if "事项数" in line.text)
    header = "考评维度" if layout_name == "selfcheck" else "主要职责"
    for page in range(1, stats_page):
        column = next(w for w in words if w.page == page and w.text == header)
        top = max(w.top for w in words if w.page == page and w.text == header)
        labels = [w for w in words if w.page == page and w.top > top + 5 and
                  w.left < column.right + 20 and w.right > column.left - 20 and
                  w.text in ("全面依法", "全面提升", "全面优化")]
        assert labels, f"{layout_name}: page {page} shows no label in its first column"
        footer = "".join(line.text for line in lines if line.page == page and line.top > 500)
        assert re.sub(r"\s", "", footer).endswith(f"第{page}页，共{pages}页"), footer
    # the 统计 sheet: one page, every status column on it, the rule whole, and its own footer
    assert stats_page == pages, "the statistics sheet ran onto a second page"
    stats = "".join(line.text for line in lines if line.page == stats_page)
    assert all(status in stats for status in ("已完成", "推进中", "未开始", "未完成", "不适用"))
    assert "（已完成+超额完成）÷（事项数−不适用）" in stats.replace(" ", "")
    footer = "".join(line.text for line in lines if line.page == stats_page and line.top > 500)
    assert re.sub(r"\s", "", footer).endswith(f"第{pages}页，共{pages}页"), footer
