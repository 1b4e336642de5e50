"""Cell values as text, deterministically: 2.0 → "2", a date → "2017年12月31日"."""

from __future__ import annotations

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


def header_key(text: str) -> str:
    """A header word as compared: full-width folded, every space removed ("序 号" → "序号")."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if not ch.isspace()).strip("*＊:：")
