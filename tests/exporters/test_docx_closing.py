"""The summary ready to sign: 附件说明, 落款, run fonts, page-number options, landscape tables,
demoted numbering, merges restarted per page — read back, and rendered by LibreOffice."""

from __future__ import annotations

import itertools
import re
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from exporters.docx_report import export_docx
from model.framework.bulk import create_assessment_tree
from model.report.build import report_of
from model.report.layouts import load_layout
from model.report.options import official_date
from model.services import Services
from tests.exporters.rendering import pdf_lines, pdf_words, render_pdf

PAGE_WIDTH, LEFT_MARGIN, RIGHT_MARGIN, CHAR = 595.3, 1587 / 20, 1474 / 20, 16.0
TABLE_TITLE = "北京市卫生健康委员会2021年度日常履职考核事项完成情况自查表"


def paragraphs(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in Document(str(path)).paragraphs]


@pytest.fixture
def small(services: Services) -> tuple[Services, int]:
    a = services.assessments.create("某区卫生健康委员会", 2023, report_title="某区2023年度工作总结")
    top = services.dimensions.create(a.id, "依法行政")
    services.items.create(top.id, content="严格行政执法", result="1.检查120次；2.立案5件。",
                          status="已完成")
    return services, a.id


def test_signature_and_date_end_the_body(small: tuple[Services, int], tmp_path: Path) -> None:
    services, a = small
    out = tmp_path / "r.docx"
    export_docx(report_of(services.db, a), out)
    document = Document(str(out))
    *_, blank, signature, day = document.paragraphs
    assert (blank.text, signature.text, day.text) == ("", "某区卫生健康委员会",
                                                      official_date(date.today()))
    for p in (signature, day):
        assert p._p.pPr.find(qn("w:jc")).get(qn("w:val")) == "right"
        assert p._p.pPr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "0"
    assert day._p.pPr.find(qn("w:ind")).get(qn("w:right")) == "1280"  # 右空四字
    # centred over the date: "2023年9月5日"-like dates are narrower than this 9-character name
    assert int(signature._p.pPr.find(qn("w:ind")).get(qn("w:right"))) < 1280


def test_signature_and_date_are_editable_and_can_be_turned_off(
        small: tuple[Services, int], tmp_path: Path) -> None:
    services, a = small
    services.assessments.update(a, signature="某区卫健委办公室", signature_date="2024-01-05")
    assert services.assessments.get(a).signature_date == "2024年1月5日"
    out = tmp_path / "r.docx"
    export_docx(report_of(services.db, a), out)
    assert [t for _s, t in paragraphs(out)][-2:] == ["某区卫健委办公室", "2024年1月5日"]
    services.assessments.update(a, show_signature=False)
    export_docx(report_of(services.db, a), out)
    assert [t for _s, t in paragraphs(out)][-2:] == ["", "2024年1月5日"]
    services.assessments.update(a, show_date=False)
    export_docx(report_of(services.db, a), out)
    assert paragraphs(out)[-1] == ("正文", "（1）检查120次；（2）立案5件。")


def test_demoted_numbering_leaves_the_stored_text(small: tuple[Services, int],
                                                  tmp_path: Path) -> None:
    services, a = small
    out = tmp_path / "r.docx"
    export_docx(report_of(services.db, a), out)
    assert ("正文", "（1）检查120次；（2）立案5件。") in paragraphs(out)
    assert services.items.list(a)[0].result == "1.检查120次；2.立案5件。"
    services.assessments.update(a, demote_numbering=False)
    export_docx(report_of(services.db, a), out)
    assert ("正文", "1.检查120次；2.立案5件。") in paragraphs(out)


def test_attachment_note_for_one_and_for_several(demo: Services, demo_id: int,
                                                  tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    export_docx(report_of(demo.db, demo_id), out, table_layout=load_layout("selfcheck"))
    texts = [t for _s, t in paragraphs(out)]
    note = texts.index(f"附件：{TABLE_TITLE}")
    assert texts[note - 1] == "" and texts[note + 1] == ""  # 正文下空一行; 落款 after a blank line
    assert texts[note + 2] == "北京市卫生健康委员会"
    item = demo.items.list(demo_id)[0]
    demo.evidence.add_note(item.id, "市委督查室反馈意见")
    export_docx(report_of(demo.db, demo_id, with_evidence=True), out,
                table_layout=load_layout("selfcheck"), evidence_refs=True)
    document = Document(str(out))
    texts = [p.text for p in document.paragraphs]
    first = texts.index(f"附件：1.\t{TABLE_TITLE}")
    assert texts[first + 1] == "\t2.\t证明材料清单"
    ind = document.paragraphs[first]._p.pPr.find(qn("w:ind"))
    assert (ind.get(qn("w:leftChars")), ind.get(qn("w:hangingChars"))) == ("700", "500")
    assert [t for t in texts if t.startswith("附件") and len(t) <= 3] == ["附件1", "附件2"]


def test_every_run_carries_its_style_fonts(demo: Services, demo_id: int, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    export_docx(report_of(demo.db, demo_id), out, table_layout=load_layout("selfcheck"))
    document = Document(str(out))
    expected = {"公文标题": ("方正小标宋简体", "44"), "一级标题": ("黑体", "32"),
                "二级标题": ("楷体_GB2312", "32"), "三级标题": ("仿宋_GB2312", "32"),
                "正文": ("仿宋_GB2312", "32"), "附件标题": ("黑体", "32")}
    seen = set()
    for p in document.paragraphs:
        for run in p.runs:
            fonts = run._r.rPr.find(qn("w:rFonts"))
            if p.style.name in expected:
                seen.add(p.style.name)
                assert (fonts.get(qn("w:eastAsia")), run._r.rPr.find(qn("w:sz")).get(qn("w:val"))
                        ) == expected[p.style.name], p.text
                assert fonts.get(qn("w:ascii")) == "Times New Roman"
    assert seen == set(expected)
    assert all(run.bold for p in document.paragraphs if p.style.name == "三级标题"
               for run in p.runs)
    cell = document.tables[0].rows[1].cells[3].paragraphs[0].runs[0]
    assert cell._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_wide_table_in_a_landscape_section_with_both_widths(
        demo: Services, demo_id: int, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    export_docx(report_of(demo.db, demo_id), out, table_layout=load_layout("tasks"))
    document = Document(str(out))
    portrait, landscape = document.sections
    assert portrait.page_width < portrait.page_height
    assert landscape.page_width > landscape.page_height
    assert landscape.orientation == 1  # WD_ORIENT.LANDSCAPE
    tbl = document.tables[0]._tbl
    grid = [int(g.get(qn("w:w"))) for g in tbl.tblGrid.findall(qn("w:gridCol"))]
    width = int(tbl.tblPr.find(qn("w:tblW")).get(qn("w:w")))
    assert len(grid) == 5 and sum(grid) == width
    assert width > 12700  # 225 mm of landscape type area, not the portrait 156 mm
    heading = document.paragraphs[[p.text for p in document.paragraphs].index("附件")]
    assert heading._p.pPr.find(qn("w:pageBreakBefore")).get(qn("w:val")) == "0"
    narrow = tmp_path / "narrow.docx"
    export_docx(report_of(demo.db, demo_id), narrow, table_layout=load_layout("selfcheck"))
    assert len(Document(str(narrow)).sections) == 1  # four columns stay portrait


def test_page_number_options(small: tuple[Services, int], demo: Services, demo_id: int,
                             tmp_path: Path) -> None:
    services, a = small
    one_page = tmp_path / "one.docx"
    export_docx(report_of(services.db, a), one_page)
    footer = Document(str(one_page)).sections[0].footer
    assert "PAGE" not in footer._element.xml  # no number on a one-page document
    demo.assessments.update(demo_id, page_numbers="居中")
    centred = tmp_path / "centred.docx"
    export_docx(report_of(demo.db, demo_id), centred)
    document = Document(str(centred))
    assert not document.settings.odd_and_even_pages_header_footer
    p = document.sections[0].footer.paragraphs[0]._p
    assert p.pPr.find(qn("w:jc")).get(qn("w:val")) == "center" and "PAGE" in p.xml
    lines = pdf_lines(render_pdf(centred, tmp_path))
    numbers = [line for line in lines if line.top > 750]
    assert len(numbers) >= 10
    middle = (LEFT_MARGIN + PAGE_WIDTH - RIGHT_MARGIN) / 2
    assert all(abs((n.left + n.right) / 2 - middle) < 3 for n in numbers)


def test_many_items_restart_merges_at_each_block(services: Services, tmp_path: Path) -> None:
    a = create_assessment_tree(services.db, {  # one transaction, not 300
        "assessment": {"unit_name": "单位", "year": 2023},
        "dimensions": [{"name": "全面依法", "items": [
            {"content": f"事项{n}", "result": "完成。", "status": "已完成"} for n in range(300)]}]})
    out = tmp_path / "r.docx"
    export_docx(report_of(services.db, a), out, table_layout=load_layout("selfcheck"))
    rows = Document(str(out)).tables[0]._tbl.tr_lst[1:]
    marks = [r.tc_lst[0].tcPr.find(qn("w:vMerge")) for r in rows]
    restarts = [i for i, m in enumerate(marks) if m is not None and m.get(qn("w:val")) == "restart"]
    assert restarts[0] == 0 and max(b - a for a, b in itertools.pairwise(restarts)) <= 40
    assert all(rows[i].tc_lst[0].xpath("string(.)") == "全面依法" for i in restarts)


# --- rendered by LibreOffice -------------------------------------------------------------------

def test_rendered_closing_and_every_item(rendered_demo_report: tuple[Path, Path]) -> None:
    out, pdf = rendered_demo_report  # the demo dated 2022年1月10日, with the 自查表 attached
    lines = pdf_lines(pdf)
    text = "".join(re.sub(r"\s", "", line.text) for line in lines)
    headings = [p for s, p in paragraphs(out) if s in ("三级标题", "四级标题")]
    assert len(headings) >= 40  # every item has its heading (and sub-dimensions theirs)
    assert all(re.sub(r"\s", "", h) in text for h in headings)
    [signature] = [line for line in lines if line.text == "北京市卫生健康委员会"]
    [day] = [line for line in lines if re.sub(r"\s", "", line.text) == "2022年1月10日"]
    assert day.page == signature.page and 0 < day.top - signature.top < 40  # the next line
    # 成文日期右空四字
    assert abs(day.right - (PAGE_WIDTH - RIGHT_MARGIN - 4 * CHAR)) < 3
    # 署名 centred over the date; the test fonts' Latin digits are wider than Times New Roman's
    # (10 pt instead of 8), which moves the date's centre by at most half a character here.
    assert abs((signature.left + signature.right) / 2 - (day.left + day.right) / 2) < CHAR
    [note] = [line for line in lines if line.text.startswith("附件：")]
    assert note.page == day.page and note.top < signature.top
    assert abs(note.left - (LEFT_MARGIN + 2 * CHAR)) < 3  # 左空二字
    wrapped = next(line for line in lines if line.page == note.page and line.top > note.top)
    name_start = next(w for w in pdf_words(pdf) if w.page == note.page and w.top == note.top)
    assert abs(wrapped.left - (name_start.left + 3 * CHAR)) < 4  # aligned after "附件："


def test_rendered_table_shows_a_label_on_every_page(
        rendered_demo_report: tuple[Path, Path]) -> None:
    pdf = rendered_demo_report[1]  # the demo's summary with the 自查表 attached
    words = pdf_words(pdf)
    first = next(w.page for w in words if w.text == "附件")
    last = max(w.page for w in words)
    for page in range(first, last + 1):
        labels = [w for w in words if w.page == page and w.text in ("全面依法", "全面提升", "全面优化")
                  and w.left < 160]
        assert labels, f"page {page} has no 考评维度 label"
