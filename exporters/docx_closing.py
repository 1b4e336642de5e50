"""What follows the body (GB/T 9704 7.3.4, 7.3.5): 附件说明 and 落款 (署名 over 成文日期)."""

from __future__ import annotations

import re

from lxml import etree

from exporters.docx_xml import TAB, element, paragraph, set_properties

BODY = "GWBody"
CHAR = 320  # twips of one 16 pt character, off the grid: the unit of "空N字"
CELL = 316  # twips of one character cell of the 28-per-line grid (156 mm / 28)
# Indents on the grid in cells: Word reads *Chars (exact); LibreOffice rounds twips up to the
# next whole cell, so the twips stay a point short of the cell edge.
NOTE_LEFT, NAMES_AT, NUMBERED_NAMES_AT = 2, 5, 7  # 左空二字; after "附件："; after "附件：1."
DATE_RIGHT = 4 * CHAR  # 成文日期 右空四字
_FINAL_PUNCTUATION = re.compile(r"[。，、；：,.;:！!？?\s]+$")


def closing(attachments: list[str], signature: str, day: str) -> list[etree._Element]:
    """The paragraphs after the body: a blank line, the 附件说明; a blank line, 署名 and 成文日期."""
    paragraphs: list[etree._Element] = []
    if attachments:
        paragraphs.append(paragraph(BODY))
        paragraphs.extend(attachment_note(attachments))
    if signature or day:
        paragraphs.append(paragraph(BODY))
        paragraphs.extend(signature_lines(signature, day))
    return paragraphs


def attachment_note(names: list[str]) -> list[etree._Element]:
    """"附件：名称" for one attachment; "附件：1.名称" / "2.名称" for several, numbers under each
    other and wrapped lines aligned with the names; no punctuation after a name."""
    names = [_FINAL_PUNCTUATION.sub("", name) for name in names]
    if len(names) == 1:
        p = paragraph(BODY, f"附件：{names[0]}")
        set_properties(p, _indent(NAMES_AT, NOTE_LEFT))
        return [p]
    lines = []
    for n, name in enumerate(names, start=1):
        text = f"附件：{n}.{TAB}{name}" if n == 1 else f"{TAB}{n}.{TAB}{name}"
        p = paragraph(BODY, text)
        tabs = element("tabs")
        for position in (NAMES_AT, NUMBERED_NAMES_AT):
            tabs.append(element("tab", val="left", pos=str(_twips(position))))
        set_properties(p, tabs, _indent(NUMBERED_NAMES_AT, NOTE_LEFT))
        lines.append(p)
    return lines


def signature_lines(signature: str, day: str) -> list[etree._Element]:
    """成文日期 right-aligned four characters from the margin; 署名 centred over it (GB/T 9704
    7.3.5.1), never past the right margin."""
    lines = []
    if signature:
        offset = (text_width(day) - text_width(signature)) / 2 if day else 0
        lines.append(_right_aligned(signature, max(0, round(DATE_RIGHT + offset * CHAR))))
    if day:
        lines.append(_right_aligned(day, DATE_RIGHT))
    return lines


def text_width(text: str) -> float:
    """Width in 16 pt characters: Chinese characters 1, Arabic numerals and Latin letters ½."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def _right_aligned(text: str, right: int) -> etree._Element:
    p = paragraph(BODY, text)
    # Off the character grid: the grid would give "2022" three cells and "10" two, and the
    # signature could no longer be centred over the date by counting characters.
    # No automatic space between Chinese characters and numerals either (Word and LibreOffice
    # add a quarter of a character there).
    set_properties(p, element("snapToGrid", val="0"), element("autoSpaceDE", val="0"),
                   element("autoSpaceDN", val="0"),
                   element("ind", rightChars=str(round(right * 100 / CHAR)), right=str(right),
                           firstLineChars="0", firstLine="0"), element("jc", val="right"))
    return p


def _indent(left: int, first: int) -> etree._Element:
    """Wrapped lines at `left` cells, the first line at `first` cells. Word reads the *Chars
    values (the style's firstLineChars would win over a plain hanging), LibreOffice the twips."""
    return element("ind", leftChars=str(left * 100), left=str(_twips(left)),
                   hangingChars=str((left - first) * 100),
                   hanging=str(_twips(left) - _twips(first)))


def _twips(cells: int) -> int:
    return cells * CELL - 20
