"""Every key a layout declares changes the written table: within, print.paper,
print.repeat_title_rows, the sheet name and any item field as a column."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl

from exporters.xlsx_table import export_xlsx
from model.report.build import report_of
from model.report.layouts import Column, load_layout
from model.services import Services


def _export(demo: Services, demo_id: int, layout, tmp_path: Path):
    out = tmp_path / "t.xlsx"
    export_xlsx(report_of(demo.db, demo_id), layout, out)
    return openpyxl.load_workbook(out).worksheets[0]


def test_within_breaks_a_merge_where_the_other_field_changes(demo: Services, demo_id: int,
                                                              tmp_path: Path) -> None:
    items = report_of(demo.db, demo_id).items
    # two neighbours in different top dimensions share a department: merged only without `within`
    at = next(n for n in range(len(items) - 1) if items[n].path[0] != items[n + 1].path[0])
    for item in items[at:at + 2]:
        demo.items.update(item.id, department="办公室")
    base = load_layout("selfcheck")
    department = Column(field="department", header="责任处室", variants=("责任处室",), width=10,
                        merge="vertical")
    plain = _export(demo, demo_id, replace(base, columns=(*base.columns, department)), tmp_path)
    within = _export(demo, demo_id, replace(base, columns=(*base.columns, replace(
        department, within="dimension_1"))), tmp_path)
    row = next(c.row for c in plain["C"] if c.value == items[at].content)  # the first of the two

    def joined(sheet) -> bool:
        return any(r.min_col == 5 and r.min_row <= row and row + 1 <= r.max_row
                   for r in sheet.merged_cells.ranges)

    assert joined(plain) and not joined(within)


def test_paper_repeat_rows_sheet_name_and_indicator_columns(demo: Services, demo_id: int,
                                                           tmp_path: Path) -> None:
    first = demo.items.list(demo_id)[0]
    demo.items.update(first.id, indicator_target="≥50个")
    base = load_layout("tasks")
    indicator = Column(field="indicator_target", header="年度指标值", variants=(), width=10)
    layout = replace(base, columns=(*base.columns, indicator), sheet="我的表",
                     print={**base.print, "paper": "A3", "repeat_title_rows": False})
    sheet = _export(demo, demo_id, layout, tmp_path)
    assert sheet.title == "我的表" and sheet.page_setup.paperSize == 8
    assert not sheet.print_title_rows
    header_row = next(r for r in sheet.iter_rows(values_only=True) if "年度指标值" in r)
    column = header_row.index("年度指标值")
    assert "≥50个" in [r[column] for r in sheet.iter_rows(values_only=True)]
    default = _export(demo, demo_id, base, tmp_path)
    assert default.page_setup.paperSize == 9 and default.print_title_rows
