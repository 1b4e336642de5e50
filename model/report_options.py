"""The work summary's 落款 and export options: their allowed values and defaults, declared once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from model.errors import ValidationError

PAGE_NUMBER_STYLES = ("单双页", "居中")  # odd right / even left (GB/T 9704), or centred
_DATE = re.compile(r"^\s*(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})\s*日?\s*$")


def official_date(day: date) -> str:
    """成文日期 in Arabic numerals without leading zeros (GB/T 9704 7.3.5.1): 2022年1月10日."""
    return f"{day.year}年{day.month}月{day.day}日"


def normalise_date(text: str) -> str:
    """"2022-01-10", "2022.1.10" or "2022年01月10日" → "2022年1月10日"; "" stays "" (today)."""
    if not (text or "").strip():
        return ""
    match = _DATE.match(text)
    try:
        if match is None:
            raise ValueError
        return official_date(date(*(int(g) for g in match.groups())))
    except ValueError as exc:
        raise ValidationError(f"成文日期“{text}”无法识别，请写成“2022年1月10日”。") from exc


def validated_options(values: dict[str, object]) -> dict[str, object]:
    """The option fields of an assessment update, checked and normalised."""
    clean = dict(values)
    if "signature" in clean:
        clean["signature"] = str(clean["signature"] or "").strip()
    if "signature_date" in clean:
        clean["signature_date"] = normalise_date(str(clean["signature_date"] or ""))
    if "page_numbers" in clean and clean["page_numbers"] not in PAGE_NUMBER_STYLES:
        raise ValidationError(
            f"页码样式“{clean['page_numbers']}”无效，可选：{'、'.join(PAGE_NUMBER_STYLES)}。")
    for key in ("show_signature", "show_date", "omit_unfinished", "demote_numbering",
                "requires_evidence"):
        if key in clean:
            clean[key] = bool(clean[key])
    return clean


@dataclass(frozen=True)
class ReportOptions:
    """What the Word exporter needs to know beyond the content."""

    signature: str = ""  # 署名; "" for none
    signature_date: str = ""  # 成文日期; "" for none
    omit_unfinished: bool = False
    demote_numbering: bool = True
    page_numbers: str = PAGE_NUMBER_STYLES[0]
