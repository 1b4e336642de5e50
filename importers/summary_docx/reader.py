"""A Word file's body as plain paragraphs (text, style, look, list number), tables included."""

from __future__ import annotations

import contextlib
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from importers.errors import ImportFileError, where
from importers.summary_docx.convert import CONVERTED_SUFFIXES, converted_docx
from importers.summary_docx.numbering import Numbering, W, parse_numbering
from importers.xlsx_safety import MAX_ENTRIES, MAX_RATIO, MAX_TOTAL_UNCOMPRESSED, _check_prolog

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_PARAGRAPHS = 50_000
RED = ("FF0000", "C00000", "E60012", "FF0101", "DA251D", "EE0000", "CC0000", "E00000")
HEADING_NAMES = ("heading ", "标题 ", "heading", "标题")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph as the reader sees it."""

    index: int  # its place in the document, from 1
    text: str  # the typed text, with Word's list number (if any) in front
    number: str  # the list number Word prints ("" when typed or none)
    style: str  # the paragraph style's name
    heading_level: int | None  # from a heading style or an outline level (1 = top)
    bold: bool  # every letter bold
    centered: bool
    right: bool
    red: bool  # printed in red (a 红头)
    size: float | None  # the largest font size in points
    in_table: bool


def read_paragraphs(path: Path, cancelled: Callable[[], bool] | None = None) -> list[Paragraph]:
    """Every paragraph of a .docx (or of a .doc/.wps/.rtf/.odt through a converter)."""
    path = Path(path)
    if path.is_dir():
        raise ImportFileError(f"“{path.name}”是文件夹，请选择 Word 文件。")
    if not path.is_file():
        raise ImportFileError(f"{where(path)}不存在。")
    with open(path, "rb") as handle:
        head = handle.read(8)
    if not head:
        raise ImportFileError(f"{where(path)}是空文件。")
    if path.suffix.lower() in CONVERTED_SUFFIXES or head.startswith((OLE2_SIGNATURE, b"{\\rtf")):
        with tempfile.TemporaryDirectory(prefix="zicha-summary-") as work:
            return _read_docx(converted_docx(path, Path(work), cancelled), path)
    if not head.startswith(b"PK"):
        raise ImportFileError(f"{where(path)}不是 Word 文档（.docx/.doc），可能是改了扩展名的其他文件。")
    return _read_docx(path, path)


def _read_docx(docx_path: Path, shown: Path) -> list[Paragraph]:
    import docx

    _check_package(docx_path, shown)
    try:
        with zipfile.ZipFile(docx_path) as package:
            numbering_xml = package.read("word/numbering.xml") if \
                "word/numbering.xml" in package.namelist() else None
        document = docx.Document(str(docx_path))
    except ImportFileError:
        raise
    except Exception as exc:  # python-docx and zipfile raise many kinds on a damaged file
        raise ImportFileError(f"{where(shown)}不是可读取的 Word 文档（{type(exc).__name__}），"
                              "请在 Word/WPS 中打开后另存为 .docx 再导入。") from exc
    numbering = parse_numbering(numbering_xml)
    styles = _style_facts(document)
    found: list[Paragraph] = []
    for element, in_table in _body_paragraphs(document.element.body):
        if len(found) >= MAX_PARAGRAPHS:
            raise ImportFileError(f"{where(shown)}段落过多（超过 {MAX_PARAGRAPHS} 段），不像工作总结。")
        found.append(_paragraph(element, in_table, len(found) + 1, numbering, styles))
    return found


def _check_package(path: Path, shown: Path) -> None:
    try:
        with zipfile.ZipFile(path) as package:
            entries = package.infolist()
            names = {e.filename for e in entries}
            if len(entries) > MAX_ENTRIES or "word/document.xml" not in names:
                raise ImportFileError(f"{where(shown)}不是 Word 文档（缺少正文部件），"
                                      "可能是改了扩展名的其他文件。")
            total = 0
            for entry in entries:
                total += entry.file_size
                ratio = entry.file_size / max(entry.compress_size, 1)
                if total > MAX_TOTAL_UNCOMPRESSED or (entry.file_size > 1024 * 1024 and ratio > MAX_RATIO):
                    raise ImportFileError(f"{where(shown)}解压后异常巨大，疑似“压缩炸弹”，已拒绝。")
            for entry in entries:
                if entry.filename.endswith((".xml", ".rels")):
                    _check_prolog(shown, package, entry)
    except zipfile.BadZipFile as exc:
        raise ImportFileError(f"{where(shown)}已损坏或不完整，请重新保存或重新拷贝。") from exc


def _body_paragraphs(body: Any) -> Any:
    """(w:p, in a table) in reading order; a table's cells row by row."""
    for child in body.iterchildren():
        if child.tag == f"{W}p":
            yield child, False
        elif child.tag == f"{W}tbl":
            for p in child.iter(f"{W}p"):
                yield p, True
        elif child.tag == f"{W}sdt":  # content controls hold paragraphs too
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _body_paragraphs(content)


@dataclass(frozen=True)
class _Style:
    name: str
    heading: int | None
    num: tuple[str, int] | None
    bold: bool


def _style_facts(document: Any) -> dict[str, _Style]:
    """Per style id: its name, heading level, list and boldness (through its based-on chain)."""
    raw: dict[str, Any] = {}
    for element in document.styles.element.iter(f"{W}style"):
        raw[element.get(f"{W}styleId") or ""] = element
    facts: dict[str, _Style] = {}

    def fact(style_id: str, depth: int = 0) -> _Style:
        if style_id in facts:
            return facts[style_id]
        element = raw.get(style_id)
        if element is None or depth > 10:
            return _Style("", None, None, False)
        based = element.find(f"{W}basedOn")
        parent = fact(based.get(f"{W}val") or "", depth + 1) if based is not None else None
        name_el = element.find(f"{W}name")
        name = (name_el.get(f"{W}val") or "") if name_el is not None else style_id
        heading = _heading_of_name(name)
        ppr = element.find(f"{W}pPr")
        if heading is None and ppr is not None:
            heading = _outline_level(ppr)
        num = _num_of(ppr) if ppr is not None else None
        rpr = element.find(f"{W}rPr")
        bold = _on(rpr.find(f"{W}b")) if rpr is not None and rpr.find(f"{W}b") is not None else (
            parent.bold if parent else False)
        made = _Style(name, heading if heading is not None else (parent.heading if parent else None),
                      num or (parent.num if parent else None), bold)
        facts[style_id] = made
        return made

    for style_id in raw:
        fact(style_id)
    return facts


def _heading_of_name(name: str) -> int | None:
    lowered = name.lower().strip()
    for prefix in HEADING_NAMES:
        rest = lowered[len(prefix):].strip()
        if lowered.startswith(prefix) and rest.isdigit() and 1 <= int(rest) <= 9:
            return int(rest)
    return None


def _outline_level(ppr: Any) -> int | None:
    level = ppr.find(f"{W}outlineLvl")
    if level is None:
        return None
    try:
        value = int(level.get(f"{W}val") or "9")
    except ValueError:
        return None
    return value + 1 if 0 <= value < 9 else None


def _num_of(ppr: Any) -> tuple[str, int] | None:
    num_pr = ppr.find(f"{W}numPr")
    if num_pr is None:
        return None
    num_id = num_pr.find(f"{W}numId")
    ilvl = num_pr.find(f"{W}ilvl")
    if num_id is None:
        return None
    try:
        level = int(ilvl.get(f"{W}val") or "0") if ilvl is not None else 0
    except ValueError:
        level = 0
    return num_id.get(f"{W}val") or "0", level


def _on(element: Any) -> bool:
    return (element.get(f"{W}val") or "true").lower() not in ("0", "false", "off", "none")


def _paragraph(p: Any, in_table: bool, index: int, numbering: Numbering,
               styles: dict[str, _Style]) -> Paragraph:
    ppr = p.find(f"{W}pPr")
    style_el = ppr.find(f"{W}pStyle") if ppr is not None else None
    style = styles.get(style_el.get(f"{W}val") or "" if style_el is not None else "Normal") or \
        styles.get("a") or _Style("", None, None, False)
    heading = (_outline_level(ppr) if ppr is not None else None) or style.heading
    num = (_num_of(ppr) if ppr is not None else None) or style.num
    text, bold, red, size = _runs(p, style.bold)
    number = numbering.label(*num) if num else ""
    jc = ppr.find(f"{W}jc") if ppr is not None else None
    align = (jc.get(f"{W}val") or "") if jc is not None else ""
    return Paragraph(index=index, text=(number + text) if text.strip() else text, number=number,
                     style=style.name, heading_level=heading, bold=bold, centered=align == "center",
                     right=align in ("right", "end"), red=red, size=size, in_table=in_table)


def _runs(p: Any, style_bold: bool) -> tuple[str, bool, bool, float | None]:
    """The paragraph's text; whether every letter is bold; whether any is red; the largest size."""
    parts: list[str] = []
    bold_all, any_text, red = True, False, False
    size: float | None = None
    for run in p.iter(f"{W}r"):
        rpr = run.find(f"{W}rPr")
        text = "".join(
            (t.text or "") if t.tag == f"{W}t" else "\t" if t.tag == f"{W}tab" else
            "\n" if t.tag in (f"{W}br", f"{W}cr") else "" for t in run)
        if not text:
            continue
        parts.append(text)
        if text.strip():
            any_text = True
            b = rpr.find(f"{W}b") if rpr is not None else None
            if not (_on(b) if b is not None else style_bold):
                bold_all = False
        if rpr is not None:
            color = rpr.find(f"{W}color")
            if color is not None and (color.get(f"{W}val") or "").upper() in RED:
                red = True
            sz = rpr.find(f"{W}sz")
            if sz is not None:
                with contextlib.suppress(ValueError):
                    size = max(size or 0.0, int(sz.get(f"{W}val") or "0") / 2)
    return "".join(parts), bold_all and any_text, red, size
