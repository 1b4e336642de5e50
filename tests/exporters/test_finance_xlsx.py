"""The finance forms' official xlsx: read back cell by cell, and rendered once (one page wide)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import resources
from exporters.errors import ExportError
from exporters.finance_xlsx import export_finance_xlsx
from model.finance.layouts import load_finance_layout
from model.finance.records import FinanceSheet
from model.services import Services
from tests.exporters.rendering import page_count, pdf_words, render_pdf

A4_PORTRAIT_WIDTH_PT = 595


def make_sheet(services: Services, layout: str) -> FinanceSheet:
    data = resources.demo_project_form()
    data["form"]["layout"] = layout
    if layout == "department":
        data["assessment"]["kind"] = "部门整体"
    data["form"]["conclusion"] = "项目总体完成较好。"
    data["form"]["project_leader"] = "张三"
    finance = services.finance
    return finance.sheet(finance.create(data))


def texts(sheet) -> list[list[str]]:
    return [[str(c) if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)]


def test_national_form_reads_back_as_the_official_table(services: Services, tmp_path: Path) -> None:
    out = tmp_path / "project.xlsx"
    export_finance_xlsx(make_sheet(services, "project"), load_finance_layout("project"), out)
    sheet = openpyxl.load_workbook(out).active
    rows = texts(sheet)
    assert rows[0][0] == "项目支出绩效自评表" and rows[1][0] == "（2023年度）"
    assert rows[2][:2] == ["项目名称", "基层医疗卫生机构能力提升项目"]
    header = next(i for i, r in enumerate(rows) if r[0] == "一级指标")
    assert header + 1 <= 13  # the header block sits above row 12–13, the indicators below
    assert rows[header] == ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                            "偏差原因分析及改进措施"]
    assert rows[header + 2][2:7] == ["乡村医生培训人次", "≥300人次", "280人次", "10", "9.33"]
    total = next(r for r in rows if r[0] == "总分")
    assert total[5:8] == ["100", "96.83", "自评等级：优"]
    funds = next(r for r in rows if r[1] == "年度资金总额")
    assert funds[2:8] == ["500", "480", "456", "10", "95.00%", "9.5"]
    merged = {str(m) for m in sheet.merged_cells.ranges}
    assert f"A{header + 2}:A{header + 6}" in merged  # 产出指标 over its five indicators
    assert f"B{header + 2}:B{header + 3}" in merged  # 数量指标 over its two
    assert "A1:H1" in merged
    assert sheet.page_setup.orientation == "portrait" and int(sheet.page_setup.paperSize) == 9
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_area.endswith(f"$H${len(rows)}")
    assert sheet["A1"].font.name == "方正小标宋简体" and sheet["A1"].font.sz == 16
    assert sheet.cell(row=header + 1, column=1).border.left.style == "thin"


def test_a_layout_of_the_other_kind_is_refused(services: Services, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    with pytest.raises(ExportError, match="部门整体"):
        export_finance_xlsx(make_sheet(services, "project"), load_finance_layout("department"), out)
    assert not out.exists()


def test_sichuan_form_renders_one_page_wide_with_readable_headers(services: Services,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "sichuan.xlsx"
    export_finance_xlsx(make_sheet(services, "project-sichuan"),
                        load_finance_layout("project-sichuan"), out)
    rows = texts(openpyxl.load_workbook(out).active)
    header = next(r for r in rows if r[0] == "一级指标")
    assert header[3:7] == ["指标性质", "指标值", "度量单位", "完成值"]
    assert next(r for r in rows if r[2] == "乡村医生培训人次")[3:7] == ["≥", "300", "人次", "280"]
    pdf = render_pdf(out, tmp_path)
    assert page_count(pdf) == 1
    words = pdf_words(pdf)
    assert max(w.right for w in words) < A4_PORTRAIT_WIDTH_PT
    printed = "".join(w.text for w in words)
    for text in ("项目支出绩效自评表", "510000_0013zp", "未完成原因分析", "评价结论", "项目负责人：张三"):
        assert text in printed
