"""export-docx --attach-table of a finance assessment: its scored 绩效自评表 as the Word 附件."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

import resources
from exporters.docx_report import export_docx
from model.finance.service import FinanceService
from model.report.build import report_of
from model.services import Services
from model.storage.migrate import open_sqlite
from tests.db_templates import migrated
from tests.exporters.rendering import pdf_words, render_pdf
from tests.test_cli import run_here as run

A4_LANDSCAPE_WIDTH_PT = 842


def texts(table) -> list[list[str]]:
    """Each row's cells as Word shows them (a cell spanning columns once)."""
    return [[tc.xpath("string(.)") for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


def test_cli_attaches_the_scored_project_form(tmp_path: Path) -> None:
    db, out = tmp_path / "f.db", tmp_path / "总结.docx"
    database = open_sqlite(migrated(db))
    assessment_id = FinanceService(database).create(resources.demo_project_form())
    score = FinanceService(database).score(assessment_id)
    database.dispose()
    done = run("export-docx", "--db", str(db), "--out", str(out), "--attach-table",
               data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    document = Document(str(out))
    paragraphs = [p.text for p in document.paragraphs]
    assert "附件：项目支出绩效自评表（2023年度）" in paragraphs  # the 附件说明 names the form
    assert paragraphs[paragraphs.index("附件") + 1] == "项目支出绩效自评表（2023年度）"
    top, indicators = document.tables
    top_rows, rows = texts(top), texts(indicators)
    assert top_rows[:3] == [["项目名称", "基层医疗卫生机构能力提升项目"], ["主管部门", "某市卫生健康委员会"],
                            ["实施单位", "某市基层卫生服务中心"]]
    assert top_rows[4] == ["", "年度资金总额", "500", "480", "456", "10", "95.00%", "9.5"]
    assert top_rows[3][0] == "项目资金（万元）" and top_rows[-2][1:] == ["预期目标", "实际完成情况"]
    assert rows[0] == ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                       "偏差原因分析及改进措施"]
    trainees = next(r for r in rows if r[2] == "乡村医生培训人次")
    assert trainees[3:7] == ["≥300人次", "280人次", "10", "9.33"]
    assert trainees[7].startswith("部分乡村医生因疫情防控")
    # the same engine as `score`: each indicator's score and the total, not computed again
    engine = {s.source.name: s.score for s in score.indicators}
    assert all(float(r[6]) == engine[r[2]] for r in rows[1:-1] if r[6] not in ("", "—"))
    assert rows[-1] == ["总分", "100", f"{score.total:g}", f"自评等级：{score.rating}"]
    assert (score.total, score.rating) == (96.83, "优")
    for table in (top, indicators):  # the width for Word (tblW) and for WPS (gridCol) agree
        grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert len(grid) == 8
        assert int(table._tbl.tblPr.find(qn("w:tblW")).get(qn("w:w"))) == sum(grid)
    header_row = indicators._tbl.tr_lst[0]
    assert header_row.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    # more than four columns: the attachment's section is landscape
    assert document.sections[-1].page_width > document.sections[-1].page_height
    assert document.sections[0].page_width < document.sections[0].page_height


def test_department_form_and_rendered_attachment_page(services: Services, tmp_path: Path) -> None:
    data = resources.demo_project_form()
    data["assessment"]["kind"] = "部门整体"
    data["form"]["layout"] = "department"
    finance = services.finance
    assessment_id = finance.create(data)
    sheet = finance.form_sheet(assessment_id)
    out = tmp_path / "dept.docx"
    export_docx(report_of(services.db, assessment_id), out, form=sheet)
    top, indicators = Document(str(out)).tables
    assert texts(top)[0] == ["部门（单位）名称", "某市卫生健康委员会"]
    assert texts(indicators)[0][3:5] == ["年度指标值（A）", "全年实际值（B）"]
    pdf = render_pdf(out, tmp_path)
    words = pdf_words(pdf)
    first = min(w.page for w in words if w.text == "附件")
    attached = [w for w in words if w.page >= first]
    printed = "".join(w.text for w in attached)
    assert "部门整体支出绩效自评表" in printed
    assert f"{sheet.score.total:g}" in printed and f"自评等级：{sheet.score.rating}" in printed
    assert max(w.right for w in attached) < A4_LANDSCAPE_WIDTH_PT - 56  # inside the margins
    assert finance.form_sheet(services.assessments.create("某区卫健委", 2023).id) is None
