"""Cell values as text, deterministically: 2.0 → "2", a date → "2017年12月31日"."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        day = f"{value.year}年{value.month}月{value.day}日"
        return day if value.time() == time(0, 0) else f"{day} {value:%H:%M}"
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n")


def is_percent_format(number_format: str | None) -> bool:
    """A number format that shows the value × 100 with a % ("0%", "0.00%"; not a quoted "%")."""
    if not number_format or "%" not in number_format:
        return False
    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format)  # quoted text, escapes, [colours]
    return "%" in bare


def formatted_text(value: object, number_format: str | None) -> str:
    """The cell's text as Excel shows its number: 0.98 under "0%" is "98%" (what the clerk typed)."""
    if isinstance(value, int | float) and not isinstance(value, bool) \
            and is_percent_format(number_format):
        shown = f"{round(value * 100, 6):.6f}".rstrip("0").rstrip(".")
        return f"{'0' if shown == '-0' else shown}%"
    return cell_text(value)


def header_key(text: str) -> str:
    """A header word as compared: full-width folded, every space removed ("序 号" → "序号")."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if not ch.isspace()).strip("*＊:：")


EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# C0 controls except tab and line feed, DEL, and C1 controls: invisible, and refused by XML.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def decode_excel_escapes(text: str) -> str:
    """Excel writes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x…):
    decode them in one pass, as Excel does."""
    return EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def clean_text(text: str) -> tuple[str, int]:
    """A cell's text as imported, and how many control characters were dropped: control
    characters removed, text laid out vertically (one character per line) joined."""
    cleaned, dropped = CONTROL.subn("", text)
    lines = cleaned.split("\n")
    if len(lines) >= 2 and all(len(line.strip()) <= 1 for line in lines):
        cleaned = "".join(line.strip() for line in lines)
    return cleaned, dropped
