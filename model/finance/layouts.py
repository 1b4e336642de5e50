"""The finance forms' variants (national, Sichuan, department) as data: resources/layouts/finance/."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import resources
from model.errors import ValidationError

if TYPE_CHECKING:  # the scoring loads with a layout, not for the layouts' names (the CLI's parser)
    from model.scoring.form import ScoringRules

FINANCE_DIR = "layouts/finance"
FINANCE_KINDS = ("项目支出", "部门整体")
KINDS = ("自查", "任务", *FINANCE_KINDS)


@dataclass(frozen=True)
class FinanceLayout:
    name: str
    kind: str
    label: str
    title: str
    subtitle: str
    report_code: str
    header_fields: tuple[tuple[str, str], ...]
    fund_rows: tuple[str, ...]
    fund_block: str
    fund_columns: tuple[str, ...]
    goal_block: str
    goal_columns: tuple[str, str]
    indicator_block: str
    indicator_columns: tuple[str, ...]
    indicator_groups: tuple[tuple[str, tuple[str, ...]], ...]  # 一级 → its 二级指标, for a blank form
    closing_texts: tuple[tuple[str, str], ...]
    signatures: tuple[tuple[str, str], ...]
    rules: ScoringRules
    widths: tuple[float, ...]
    fonts: dict[str, tuple[str, float]]
    print: dict[str, Any]


def finance_layout_names() -> list[str]:
    return sorted(p.stem for p in resources.path(FINANCE_DIR).glob("*.json"))


def default_layout_for(kind: str) -> str:
    return "department" if kind == "部门整体" else "project"


def load_finance_layout(name: str) -> FinanceLayout:
    from model.scoring.form import ScoringRules, TextLimit

    if name not in finance_layout_names():
        raise ValidationError(f"未知的绩效自评表样“{name}”，可选：{'、'.join(finance_layout_names())}。")
    data = resources.read_json(f"{FINANCE_DIR}/{name}.json")
    rules = data["rules"]
    pairs = lambda key: tuple((a, b) for a, b in data[key])  # noqa: E731
    return FinanceLayout(
        name=data["name"], kind=data["kind"], label=data["label"], title=data["title"],
        subtitle=data["subtitle"], report_code=data.get("report_code", ""),
        header_fields=pairs("header_fields"), fund_rows=tuple(data["fund_rows"]),
        fund_block=data["fund_block"], fund_columns=tuple(data["fund_columns"]),
        goal_block=data["goal_block"], goal_columns=tuple(data["goal_columns"]),
        indicator_block=data["indicator_block"], indicator_columns=tuple(data["indicator_columns"]),
        indicator_groups=tuple((level1, tuple(level2s)) for level1, level2s in data["indicator_groups"]),
        closing_texts=pairs("closing_texts"), signatures=pairs("signatures"),
        rules=ScoringRules(
            weights=tuple((name, float(points)) for name, points in rules["weights"]),
            execution_points=float(rules["execution_points"]),
            execution_base=rules["execution_base"],
            reason_below_rate=rules["reason_below_rate"],
            limits=tuple(TextLimit(f, label, int(n)) for f, label, n in rules["limits"])),
        widths=tuple(float(w) for w in data["widths"]),
        fonts={key: (value[0], float(value[1])) for key, value in data["fonts"].items()},
        print=data["print"])


# Column headers → what they hold. Checked in order, first keyword found wins; used by the
# exporter (the layouts' own headers) and the importer (real forms' headers vary).
FUND_KEYWORDS = (("原因", "reason"), ("执行率", "rate"), ("得分", "score"), ("分值", "points"),
                 ("权重", "points"), ("年初", "budget_initial"), ("调整", "budget_adjusted"),
                 ("全年预算", "budget_adjusted"), ("执行数", "spent"))
INDICATOR_KEYWORDS = (("一级", "level1"), ("二级", "level2"), ("三级", "name"),
                      ("指标性质", "direction"), ("度量单位", "unit"), ("计量单位", "unit"),
                      ("原因", "reason"), ("得分", "score"), ("分值", "points"), ("权重", "points"),
                      ("实际", "actual"), ("完成值", "actual"), ("指标值", "target"))


def column_key(header: str, keywords: tuple[tuple[str, str], ...]) -> str:
    """What a column holds, from its header ("全年执行数（B）" → "spent"); "" when unknown."""
    text = "".join(str(header or "").split())
    return next((key for word, key in keywords if word in text), "")
