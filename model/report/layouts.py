"""Table formats (表样) as data: the column plans in resources/layouts/*.json, loaded and typed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import resources
from model.errors import ValidationError
from model.report.records import EXTRA_PREFIX
from model.vocabulary import ANNUAL, EXPORTABLE_FIELDS, MAX_DIMENSION_DEPTH, PERIODS

PAPER_SIZES = {"A4": 9, "A3": 8}  # Excel's paperSize codes
PERIOD_LABELS = dict(zip(PERIODS, ("", "一季度", "二季度", "三季度", "四季度"), strict=True))


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    variants: tuple[str, ...]
    width: float
    merge: str = ""  # "vertical": equal consecutive values merge over their items
    within: str = ""  # merge only inside the same value of this other field
    align: str = "left"


@dataclass(frozen=True)
class Layout:
    name: str
    label: str
    title: str  # a pattern: {table_title} {unit} {year} {period_label} {total}
    columns: tuple[Column, ...]
    fonts: dict[str, tuple[str, float]]
    print: dict[str, Any]
    sheet: str = ""  # the sheet's name in a workbook (else the layout's name)

    @property
    def sheet_title(self) -> str:
        return (self.sheet or self.name)[:31]  # Excel's limit for a sheet name

    def format_title(self, *, table_title: str, unit: str, year: int, period: str,
                     total: int) -> str:
        return self.title.format(table_title=table_title, unit=unit, year=year, total=total,
                                 period_label=PERIOD_LABELS.get(period, ""))

    def headers(self, period: str = ANNUAL) -> list[str]:
        label = PERIOD_LABELS.get(period, "")
        return [c.header.replace("{period_label}", label) for c in self.columns]


def layout_names() -> list[str]:
    return sorted(p.stem for p in resources.path("layouts").glob("*.json"))


# Every key a layout file may hold, and the values a few of them take: a typo is refused at load,
# never silently ignored.
LAYOUT_KEYS = {"name", "label", "title", "sheet", "columns", "fonts", "print"}
COLUMN_KEYS = {"field", "header", "variants", "width", "merge", "within", "align"}
PRINT_KEYS = {"paper", "orientation", "fit_width", "repeat_title_rows", "center"}
CHOICES = {"merge": ("", "vertical"), "align": ("left", "center", "right"),
           "paper": tuple(PAPER_SIZES), "orientation": ("landscape", "portrait")}
FONT_KEYS = {"title", "header", "body"}


def layout_field_known(field: str) -> bool:
    """A column's field: an item field of the vocabulary, 序号, a dimension level or an extra."""
    return (field in EXPORTABLE_FIELDS or field == "seq" or field.startswith(EXTRA_PREFIX)
            or field in {f"dimension_{n}" for n in range(1, MAX_DIMENSION_DEPTH + 1)})


def load_layout(name: str) -> Layout:
    if name not in layout_names():
        raise ValidationError(f"未知的表样“{name}”，可选：{'、'.join(layout_names())}。")
    data = resources.read_json(f"layouts/{name}.json")
    validate_layout(data, f"表样文件“{name}.json”")
    columns = tuple(Column(field=c["field"], header=c["header"], variants=tuple(c["variants"]),
                           width=float(c["width"]), merge=c.get("merge", ""),
                           within=c.get("within", ""), align=c.get("align", "left"))
                    for c in data["columns"])
    fonts = {key: (value[0], float(value[1])) for key, value in data["fonts"].items()}
    return Layout(name=data["name"], label=data["label"], title=data["title"], columns=columns,
                  fonts=fonts, print=data["print"], sheet=data.get("sheet", ""))


def validate_layout(data: dict[str, Any], where: str) -> None:
    """Refuses unknown keys, unknown fields and values a writer could not honour."""
    def refuse(message: str) -> None:
        raise ValidationError(f"{where}：{message}")

    def only(keys: set[str], allowed: set[str], what: str) -> None:
        if keys - allowed:
            refuse(f"{what}有未知的键 {'、'.join(sorted(keys - allowed))}")

    only(set(data), LAYOUT_KEYS, "")
    only(set(data.get("print", {})), PRINT_KEYS, "print ")
    only(set(data.get("fonts", {})), FONT_KEYS, "fonts ")
    fields = [c.get("field", "") for c in data.get("columns", [])]
    for column in data.get("columns", []):
        only(set(column), COLUMN_KEYS, f"列“{column.get('header', '')}”")
        if not layout_field_known(column.get("field", "")):
            refuse(f"列“{column.get('header', '')}”的字段“{column.get('field', '')}”未知")
        if column.get("within") and column["within"] not in fields:
            refuse(f"列“{column['header']}”的 within 指向表中没有的字段“{column['within']}”")
    for key, allowed in CHOICES.items():
        for holder in (data.get("print", {}), *data.get("columns", [])):
            if key in holder and holder[key] not in allowed:
                refuse(f"{key} 应为 {'、'.join(map(str, allowed))} 之一，而不是“{holder[key]}”")
