"""The Word work summary: official page setup, styles and fonts, numbering, safety, rendering."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from exporters.docx_report import export_docx
from exporters.errors import ExportCancelled, ExportError
from model.report.build import report_of
from model.report.layouts import load_layout
from model.services import Services
from tests.exporters.rendering import page_count, pdf_lines, printed_rows, render_pdf

FOOTER_TOP = 750  # pt: below the type area (842 − 35 mm ≈ 743 pt)
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def demo_docx(demo: Services, demo_id: int, tmp_path: Path) -> Path:
    out = tmp_path / "总结.docx"
    export_docx(report_of(demo.db, demo_id), out, table_layout=load_layout("selfcheck"))
    return out


def test_page_setup_and_grid(demo_docx: Path) -> None:
    document = Document(str(demo_docx))
    [section] = document.sections
    assert (section.page_width, section.page_height) == (Mm(210), Mm(297)) or (
        abs(section.page_width.mm - 210) < 0.1 and abs(section.page_height.mm - 297) < 0.1)
    margins = [section.top_margin.mm, section.bottom_margin.mm, section.left_margin.mm,
               section.right_margin.mm]
    assert [round(m) for m in margins] == [37, 35, 28, 26]
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars"
    assert grid.get(qn("w:linePitch")) == "579"
    # 28 characters of 16 pt across the 156 mm type area: pitch = 16 pt + charSpace / 4096
    pitch = 16 + int(grid.get(qn("w:charSpace"))) / 4096
    assert int(Mm(156).pt // pitch) == 28
    assert int(Mm(225).pt * 20 // 579) == 22
    assert document.settings.odd_and_even_pages_header_footer


def test_styles_carry_east_asian_fonts(demo_docx: Path) -> None:
    document = Document(str(demo_docx))
    expected = {"公文标题": ("方正小标宋简体", 22), "一级标题": ("黑体", 16),
                "二级标题": ("楷体_GB2312", 16), "三级标题": ("仿宋_GB2312", 16),
                "正文": ("仿宋_GB2312", 16), "附件标题": ("黑体", 16), "表格文字": ("仿宋_GB2312", 12)}
    for name, (font, size) in expected.items():
        style = document.styles[name]
        fonts = style.element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == font, name
        assert fonts.get(qn("w:ascii")) == "Times New Roman", name
        assert style.font.size.pt == size, name
    assert document.styles["三级标题"].font.bold
    body = document.styles["正文"].element.pPr
    assert body.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"
    with zipfile.ZipFile(demo_docx) as package:
        names = package.namelist()
        styles_xml = package.read("word/styles.xml").decode()
    assert not any("theme" in n for n in names)  # no theme fonts to override ours
    assert "Theme" not in styles_xml and 'w:eastAsia="zh-CN"' in styles_xml
    assert '<w:widowControl w:val="0"/>' in styles_xml


def test_footers_number_odd_right_even_left(demo_docx: Path) -> None:
    section = Document(str(demo_docx)).sections[0]
    odd, even = section.footer, section.even_page_footer
    for footer, alignment, side in ((odd, "right", "w:right"), (even, "left", "w:left")):
        p = footer.paragraphs[0]
        assert p.style.name == "页码"
        assert p._p.pPr.find(qn("w:jc")).get(qn("w:val")) == alignment
        assert p._p.pPr.find(qn("w:ind")).get(qn(side)) == "280"  # one 14 pt character
        xml = p._p.xml
        assert "PAGE" in xml and "— " in xml and " —" in xml
    assert Document(str(demo_docx)).styles["页码"].font.size.pt == 14


def test_outline_of_the_demo(demo_docx: Path) -> None:
    paragraphs = [(p.style.name, p.text) for p in Document(str(demo_docx)).paragraphs]
    headings = [(s, t) for s, t in paragraphs if s in ("一级标题", "二级标题")]
    assert paragraphs[0] == ("公文标题", "北京市卫生健康委员会2021年度工作总结")
    assert headings == [
        ("一级标题", "一、总体情况"), ("一级标题", "二、主要做法和工作成效"),
        ("二级标题", "（一）强化责任担当，全面高效履职"), ("二级标题", "（二）全面提升"),
        ("二级标题", "（三）全面优化"), ("一级标题", "三、存在问题及改进措施")]
    third = [t for s, t in paragraphs if s == "三级标题"]
    assert third[0] == "1.落实习近平总书记指示批示"
    assert "22.坚持依法行政，规范行政行为" in third
    assert ("四级标题", "（1）行政执法规范与效能") in paragraphs
    assert ("附件标题", "附件") in paragraphs


def test_attached_table_repeats_header_and_merges_dimensions(demo_docx: Path) -> None:
    document = Document(str(demo_docx))
    [table] = document.tables
    rows = table._tbl.tr_lst
    assert rows[0].trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[0].cells] == ["考评维度", "考评内容", "自查内容", "落实情况"]
    assert len(rows) == 41
    first_column = [r.tc_lst[0].tcPr.find(qn("w:vMerge")) for r in rows[1:]]
    restarts = [i for i, m in enumerate(first_column)
                if m is not None and m.get(qn("w:val")) == "restart"]
    # 全面依法 (24 rows), 全面提升 (15); 全面优化 has a single row. Merges restart at page-sized
    # blocks, each with its label, so that every printed page shows one.
    assert restarts[0] == 0 and 24 in restarts and len(restarts) > 2
    labels = [rows[1 + i].tc_lst[0].xpath("string(.)") for i in restarts]
    assert set(labels) == {"全面依法", "全面提升"}
    assert first_column[39] is None  # 全面优化: one row, no merge


def test_numbering_is_not_doubled_and_every_item_is_kept(
        services: Services, tmp_path: Path) -> None:
    a = services.assessments.create("某区卫健委", 2023, report_title="某区卫健委2023年度工作总结")
    top = services.dimensions.create(a.id, "依法行政", report_heading="（一）坚持依法行政")
    services.items.create(top.id, content="1.严格行政执法。全年检查", result="完成检查120次。")
    services.items.create(top.id, content="无结果的事项", result="")
    empty = services.dimensions.create(a.id, "空维度")
    services.items.create(empty.id, content="也没有结果")
    services.narrative.set_text(a.id, "problems", "共{任务总数}项，完成{已完成数}项，完成率{完成率}。")
    services.assessments.update(a.id, show_signature=False, show_date=False)
    out = tmp_path / "r.docx"
    export_docx(report_of(services.db, a.id), out)
    texts = [(p.style.name, p.text) for p in Document(str(out)).paragraphs]
    assert texts == [
        ("公文标题", "某区卫健委2023年度工作总结"),
        ("一级标题", "一、主要做法和工作成效"),
        ("二级标题", "（一）坚持依法行政"),
        ("三级标题", "1.严格行政执法"),
        ("正文", "完成检查120次。"),
        ("三级标题", "2.无结果的事项"),  # kept: numbering does not shift
        ("二级标题", "（二）空维度"),
        ("三级标题", "1.也没有结果"),
        ("一级标题", "二、存在问题及改进措施"),
        ("正文", "共3项，完成0项，完成率0%。"),
    ]
    services.assessments.update(a.id, omit_unfinished=True)
    result = export_docx(report_of(services.db, a.id), out)
    texts = [(p.style.name, p.text) for p in Document(str(out)).paragraphs]
    assert ("三级标题", "2.无结果的事项") not in texts and ("二级标题", "（二）空维度") not in texts
    assert result.warnings == ["未写入工作总结的事项（没有落实情况）：第2项、第3项。"]


def test_characters_xml_cannot_hold_are_removed_and_reported(
        services: Services, tmp_path: Path) -> None:
    a = services.assessments.create("单位", 2023)
    top = services.dimensions.create(a.id, "维度")
    item = services.items.create(top.id, content="事项")
    # The services clean text as it is written; a database from an older version (or from
    # outside) can still hold control characters: the exporter removes and reports them.
    with services.db.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE check_item SET result = ? WHERE id = ?",
                                   ("含\x00控制\x07字符\ufffe", item.id))
    result = export_docx(report_of(services.db, a.id), tmp_path / "r.docx")
    assert "含控制字符" in [p.text for p in Document(str(tmp_path / "r.docx")).paragraphs]
    assert result.warnings == ["第1项（落实情况）：删除了 3 个无法写入文件的控制字符。"]


def test_cancel_and_failure_leave_the_old_file(demo: Services, demo_id: int, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    out.write_bytes(b"old report")
    with pytest.raises(ExportCancelled):
        export_docx(report_of(demo.db, demo_id), out, progress=lambda done, total: done < 10)
    assert out.read_bytes() == b"old report"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")]


def test_read_only_folder_gives_a_message(demo: Services, demo_id: int, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        # root writes through permissions: /proc refuses new files to everyone
        target_folder = folder if not _writable(folder) else Path("/proc")
        with pytest.raises(ExportError, match="只读或没有权限"):
            export_docx(report_of(demo.db, demo_id), target_folder / "r.docx")
    finally:
        folder.chmod(0o755)


def test_target_that_cannot_be_replaced_keeps_old_content(
        demo: Services, demo_id: int, tmp_path: Path) -> None:
    target = tmp_path / "r.docx"
    target.mkdir()  # something in the way that a file cannot replace (like a locked file)
    (target / "keep").write_text("x")
    with pytest.raises(ExportError, match="原文件未改动"):
        export_docx(report_of(demo.db, demo_id), target)
    assert (target / "keep").read_text() == "x"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")]


def _writable(folder: Path) -> bool:
    try:
        (folder / "probe").write_text("x")
    except OSError:
        return False
    (folder / "probe").unlink()
    return True


# --- rendered by LibreOffice -------------------------------------------------------------------

def test_rendered_demo_pages(rendered_demo_report: tuple[Path, Path]) -> None:
    pdf = rendered_demo_report[1]  # the demo_docx export, dated, rendered once per session
    lines = pdf_lines(pdf)
    pages = page_count(pdf)
    footers = [line for line in lines if line.top > FOOTER_TOP]
    numbers = [re.sub(r"\s", "", f.text) for f in footers]
    assert numbers[:3] == ["—1—", "—2—", "—3—"]
    assert len(numbers) == pages
    odd = [f.left for f in footers if f.page % 2 == 1]
    even = [f.left for f in footers if f.page % 2 == 0]
    assert min(odd) > 400 and max(even) < 150  # right on odd pages, left on even pages
    attachment_page = next(line.page for line in lines if line.text == "附件")
    body_per_page = [len(printed_rows(lines, p, above=FOOTER_TOP)) for p in range(1, attachment_page)]
    assert max(body_per_page) <= 22  # the report's text sits on the 22-line grid
    table_pages = range(attachment_page + 1, pages + 1)
    assert all(any("考评维度" in line.text for line in lines if line.page == p) for p in table_pages)
    assert any("全面依法" in line.text for line in lines if line.page == attachment_page)
    text = "".join(re.sub(r"\s", "", line.text) for line in lines)
    order = ["一、总体情况", "二、主要做法和工作成效", "（一）强化责任担当，全面高效履职",
             "（二）全面提升", "（三）全面优化", "三、存在问题及改进措施", "附件"]
    positions = [text.find(heading) for heading in order]
    assert -1 not in positions and positions == sorted(positions)


def test_full_body_pages_have_22_lines_of_28_characters(services: Services, tmp_path: Path) -> None:
    a = services.assessments.create("单位", 2023, report_title="长文测试")
    sentence = "深入推进依法行政加快实现基本建成法治政府目标" * 3
    services.narrative.set_text(a.id, "overview", "\n".join([sentence * 4] * 12))
    out = tmp_path / "long.docx"
    export_docx(report_of(services.db, a.id), out)
    lines = pdf_lines(render_pdf(out, tmp_path))
    pages = max(line.page for line in lines)
    assert pages >= 3
    for page in range(2, pages):  # pages in the middle are full body pages
        body = printed_rows(lines, page, above=FOOTER_TOP)
        assert len(body) == 22, f"page {page}"
        full = [len(CJK.findall(row)) for row in body]
        assert max(full) == 28, f"page {page}: {full}"
