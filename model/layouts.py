"""Table formats (表样) as data: the column plans in resources/layouts/*.json, loaded and typed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import resources
from model.errors import ValidationError

PERIOD_LABELS = {"年度": "", "第一季度": "一季度", "第二季度": "二季度", "第三季度": "三季度",
                 "第四季度": "四季度"}


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

    def format_title(self, *, table_title: str, unit: str, year: int, period: str,
                     total: int) -> str:
        return self.title.format(table_title=table_title, unit=unit, year=year, total=total,
                                 period_label=PERIOD_LABELS.get(period, ""))

    def headers(self, period: str = "年度") -> list[str]:
        label = PERIOD_LABELS.get(period, "")
        return [c.header.replace("{period_label}", label) for c in self.columns]


def layout_names() -> list[str]:
    return sorted(p.stem for p in resources.path("layouts").glob("*.json"))


def load_layout(name: str) -> Layout:
    if name not in layout_names():
        raise ValidationError(f"未知的表样“{name}”，可选：{'、'.join(layout_names())}。")
    data = resources.read_json(f"layouts/{name}.json")
    columns = tuple(Column(field=c["field"], header=c["header"], variants=tuple(c["variants"]),
                           width=float(c["width"]), merge=c.get("merge", ""),
                           within=c.get("within", ""), align=c.get("align", "left"))
                    for c in data["columns"])
    fonts = {key: (value[0], float(value[1])) for key, value in data["fonts"].items()}
    return Layout(name=data["name"], label=data["label"], title=data["title"], columns=columns,
                  fonts=fonts, print=data["print"])
