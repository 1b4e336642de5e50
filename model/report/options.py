"""The work summary's 落款 and export options, declared once each (like Picard's options): an
assessment's columns, its record's fields, their rules, what a new year keeps and the assessment
editor's widgets are all built from REPORT_OPTIONS."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from model.errors import ValidationError
from model.format_options import QT_TRANSLATE_NOOP

# odd right / even left (GB/T 9704), or centred
PAGE_NUMBER_STYLES = (QT_TRANSLATE_NOOP("Choice", "单双页"), QT_TRANSLATE_NOOP("Choice", "居中"))
OptionKind = Literal["text", "date", "flag", "choice"]
LABEL_CONTEXT = "ReportOption"  # the translation context of the labels (marked below)


@dataclass(frozen=True)
class ReportOption:
    """One option of an assessment's summary."""

    code: str  # the column, the record's field and the update's key
    label: str  # the editor's text: a check box's own, else its row's caption
    kind: OptionKind  # text: String(200), stripped; date: 成文日期 (String(20)); flag; choice
    default: str | bool
    caption: str = ""  # a check box's row caption ("" for none)
    hint: str = ""  # a text's placeholder
    shows: str = ""  # a flag saying whether another option is printed: edited right after it
    carried: bool = True  # a copy into a new year keeps it
    choices: tuple[str, ...] = ()

    @property
    def python_type(self) -> str:
        return "bool" if self.kind == "flag" else "str"


# In the order of their columns.
REPORT_OPTIONS = (
    ReportOption("signature", QT_TRANSLATE_NOOP("ReportOption", "署名"), "text", "",
                 hint=QT_TRANSLATE_NOOP("ReportOption", "留空则为单位名称")),
    ReportOption("signature_date", QT_TRANSLATE_NOOP("ReportOption", "成文日期"), "date", "",
                 hint=QT_TRANSLATE_NOOP("ReportOption", "留空则为导出当天，如 2022年1月10日"),
                 carried=False),  # a new year's summary is signed on its own day
    ReportOption("show_signature", QT_TRANSLATE_NOOP("ReportOption", "打印署名"), "flag", True,
                 shows="signature"),
    ReportOption("show_date", QT_TRANSLATE_NOOP("ReportOption", "打印成文日期"), "flag", True,
                 shows="signature_date"),
    ReportOption("omit_unfinished", QT_TRANSLATE_NOOP("ReportOption", "不写入没有落实情况的事项"),
                 "flag", False, caption=QT_TRANSLATE_NOOP("ReportOption", "工作总结")),
    ReportOption("demote_numbering", QT_TRANSLATE_NOOP("ReportOption", "正文中的“1.”改为“（1）”"),
                 "flag", True),
    ReportOption("page_numbers", QT_TRANSLATE_NOOP("ReportOption", "页码"), "choice",
                 PAGE_NUMBER_STYLES[0], choices=PAGE_NUMBER_STYLES),
    ReportOption("requires_evidence", QT_TRANSLATE_NOOP("ReportOption", "已完成的事项须有证明材料"),
                 "flag", False, caption=QT_TRANSLATE_NOOP("ReportOption", "体检")),
)
OPTIONS_BY_CODE = {o.code: o for o in REPORT_OPTIONS}
REPORT_OPTION_FIELDS = tuple(o.code for o in REPORT_OPTIONS)
FLAG_OPTIONS = tuple(o.code for o in REPORT_OPTIONS if o.kind == "flag")
CARRIED_OPTIONS = tuple(o.code for o in REPORT_OPTIONS if o.carried)
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
    for option in (OPTIONS_BY_CODE[code] for code in clean.keys() & OPTIONS_BY_CODE.keys()):
        value = clean[option.code]
        if option.kind == "text":
            clean[option.code] = str(value or "").strip()
        elif option.kind == "date":
            clean[option.code] = normalise_date(str(value or ""))
        elif option.kind == "flag":
            clean[option.code] = bool(value)
        elif value not in option.choices:
            raise ValidationError(
                f"{option.label}样式“{value}”无效，可选：{'、'.join(option.choices)}。")
    return clean


@dataclass(frozen=True)
class ReportOptions:
    """What the Word exporter needs to know beyond the content."""

    signature: str = ""  # 署名; "" for none
    signature_date: str = ""  # 成文日期; "" for none
    omit_unfinished: bool = False
    demote_numbering: bool = True
    page_numbers: str = PAGE_NUMBER_STYLES[0]
