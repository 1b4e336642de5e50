"""Budget-plan sheets (预算表, 计划表, 申报表, 绩效目标表) beside a clerk's item table: a table of
amounts or of indicators under a plan's name, not items; `--sheet all` leaves them out, naming why."""

from __future__ import annotations

import re

from importers.cell_text import header_key
from importers.column_profile import profiles
from importers.grid import Grid
from importers.header_finder import HeaderPlan

# A plan's name, in the sheet's name or its title ("2024年部门预算", "项目资金计划表", "绩效目标申报表").
PLAN_NAME = re.compile(r"预算|计划表|资金计划|用款计划|采购计划|申报|目标表|经费|资金|执行监控|支出明细")
AMOUNT_HEADER = re.compile(r"预算|金额|万元|资金|经费|拨款|[（(]元[)）]|单价|数额|执行数|支出|合计")
INDICATOR_HEADER = re.compile(r"[一二三]级指标|指标值|指标名称")
# A column of what was done: an item table (a 工作计划 with 完成情况 is the clerk's table).
ITEM_FIELDS = ("result", "status", "progress_q1", "progress_q2", "progress_q3", "progress_q4")


def plan_reason(grid: Grid, plan: HeaderPlan, title: str) -> str:
    """Why a sheet's table is a budget plan and not items ("" when it holds items): a plan's
    name, columns of amounts (or of indicators), and no column of what was done."""
    name = f"{grid.title} {title}"
    word = PLAN_NAME.search(name)
    if word is None or any(c.field in ITEM_FIELDS for c in plan.columns):
        return ""
    indicators = [c.header for c in plan.columns if INDICATOR_HEADER.search(header_key(c.header))]
    if len(indicators) >= 2:
        return (f"是{word.group(0)}类的绩效指标表（“{'、'.join(indicators[:3])}”列），"
                "不是事项表格")
    data = profiles(grid, plan.first_data_row, [c.index for c in plan.columns])
    amounts = [c.header for c in plan.columns if AMOUNT_HEADER.search(header_key(c.header))
               and data[c.index].numeric]
    if amounts:
        return f"是{word.group(0)}类的表（金额列“{'、'.join(amounts[:3])}”），不是事项表格"
    return ""
