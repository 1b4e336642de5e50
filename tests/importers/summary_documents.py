"""Word summaries made the way clerks make them, from the seeds' texts: typed markers, Word's
automatic numbering (real numbering.xml definitions), heading styles, a 红头 and a 落款."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Pt, RGBColor

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LEVEL_PATTERNS = (
    (1, re.compile(r"^([一二三四五六七八九十]+、)")),
    (2, re.compile(r"^(（[一二三四五六七八九十]+）)")),
    (3, re.compile(r"^(\d+\.)(?!\d)")),
    (4, re.compile(r"^(（\d+）)")),
)
# Word's own list: 一、 / （一） / 1. / （1）, as a clerk's "多级列表" defines it.
NUMBERING = f"""<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="90">
<w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
</w:abstractNum>"""
NUM = f'<w:num xmlns:w="{W_NS}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def seed_lines(name: str) -> list[str]:
    """A seed's non-empty lines (its first line is the title in 000 and 003)."""
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def level_of(line: str) -> tuple[int, str] | None:
    for level, pattern in LEVEL_PATTERNS:
        found = pattern.match(line)
        if found:
            return level, found.group(1)
    return None


def _title(document: Document, text: str) -> None:
    p = document.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(text)
    run.bold = True
    run.font.size = Pt(22)


def _red_head(document: Document, head: str, doc_no: str) -> None:
    p = document.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(head)
    run.font.color.rgb = RGBColor(0xFF, 0, 0)
    run.font.size = Pt(36)
    document.add_paragraph(doc_no).alignment = WD_ALIGN_PARAGRAPH.CENTER


def _closing(document: Document, signature: str, day: str, attachments: list[str]) -> None:
    document.add_paragraph("")
    for n, name in enumerate(attachments, start=1):
        document.add_paragraph((f"附件：{n}." if n == 1 else f"      {n}.") + name)
    for text in (signature, day):
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT


def typed_docx(path: Path, title: str, lines: list[str], *, red_head: str = "", doc_no: str = "",
               signature: str = "", day: str = "", attachments: list[str] | None = None,
               cc: str = "") -> Path:
    """Every marker typed, one paragraph per line (as the seed's text holds them)."""
    document = Document()
    if red_head:
        _red_head(document, red_head, doc_no)
    _title(document, title)
    for line in lines:
        document.add_paragraph(line)
    if signature or day:
        _closing(document, signature, day, attachments or [])
    if cc:
        document.add_paragraph(cc)
    document.save(str(path))
    return path


def numbered_docx(path: Path, title: str, lines: list[str], *, red_head: str = "",
                  doc_no: str = "", signature: str = "", day: str = "") -> Path:
    """Headings numbered by Word (the numbers are not in the text), the body typed."""
    document = Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(parse_xml(NUM))
    if red_head:
        _red_head(document, red_head, doc_no)
    _title(document, title)
    for line in lines:
        found = level_of(line)
        if found is None:
            document.add_paragraph(line)
            continue
        level, marker = found
        p = document.add_paragraph(line[len(marker):])
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level - 1}"/><w:numId w:val="90"/></w:numPr>'))
    if signature or day:
        _closing(document, signature, day, [])
    document.save(str(path))
    return path


def styled_docx(path: Path, title: str, lines: list[str]) -> Path:
    """Headings in Word's heading styles (标题 1…3), their typed markers dropped."""
    document = Document()
    document.add_heading(title, level=0)
    for line in lines:
        found = level_of(line)
        if found is None or found[0] > 3:
            document.add_paragraph(line)
        else:
            document.add_heading(line[len(found[1]):], level=found[0])
    document.save(str(path))
    return path


def as_doc(docx_path: Path, *more: Path) -> Path:
    """The same document(s) as Word 97 .doc, saved by LibreOffice (one run for all)."""
    subprocess.run(["soffice", "--headless", "--convert-to", "doc", "--outdir",
                    str(docx_path.parent), str(docx_path), *map(str, more)], check=True,
                   capture_output=True, timeout=180)
    return docx_path.with_suffix(".doc")


def briefing_docx(path: Path) -> Path:
    """A 简报: red masthead, 期号, "XX编 period" line, 【…】 sections, a bold one-line heading, a
    sentence split over two paragraphs, a picture placeholder, 报送, a 审核/编辑 table, 承办人."""
    document = Document()
    p = document.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run("卫生健康工作简报")
    run.font.color.rgb = RGBColor(0xFF, 0, 0)
    run.font.size = Pt(36)
    document.add_paragraph("第12期").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("市卫生健康委办公室编        2017年10月2日—10月15日")
    document.add_paragraph("【市区交通运行监测】")
    document.add_paragraph("本期监测期间，全市道路交通运行平稳，早晚高峰平均拥堵指数为5.2，同比下降3%。")
    document.add_paragraph("【医疗服务保障】")
    document.add_paragraph("一是加强院前急救。急救呼叫满足率达到97%。二是优化预约挂号，预约就诊率达到85%。")
    document.add_paragraph().add_run("下一步工作").bold = True
    document.add_paragraph("继续做好监测工作，按时报送")
    document.add_paragraph("相关信息。")
    document.add_paragraph("（插入2-3张现场图）")
    document.add_paragraph("报送：市政府办公厅。")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "审核：张三"
    table.cell(0, 1).text = "编辑：李四"
    document.add_paragraph("承办人：王五    联系电话：12345678")
    document.save(str(path))
    return path
