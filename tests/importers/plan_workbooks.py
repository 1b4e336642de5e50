"""A workbook as a department keeps it: its item table between a budget plan and a 绩效目标申报表."""

from __future__ import annotations

from pathlib import Path

import openpyxl


def tasks_with_plans(path: Path) -> Path:
    """预算 (amounts), 工作任务 (the items, with a 合计 row and a note) and 绩效目标申报表
    (indicators); the budget comes first and names another unit and year."""
    book = openpyxl.Workbook()
    budget = book.active
    budget.title = "2023年预算"
    budget.append(["市财政局2023年部门预算表"])
    budget.append(["项目名称", "预算金额（万元）", "资金来源", "支出科目"])
    for n in range(1, 7):
        budget.append([f"专项经费项目{n}", 100 * n, "一般公共预算", "2010101"])
    tasks = book.create_sheet("工作任务")
    tasks.append(["市卫生健康委2024年重点工作任务"])
    tasks.append(["序号", "工作任务", "责任处室", "完成情况"])
    for n, (task, office, result) in enumerate((
            ("完成年度预算编制。", "财务处", "已完成。"),
            ("开展专项督查。", "办公室", "已督查 12 次。"),
            ("推进信息化建设。", "信息中心", "系统已上线。")), 1):
        tasks.append([n, task, office, result])
    tasks.append(["合计", "3 项", None, None])
    tasks.append(["注：完成情况由各处室填写。"])
    target = book.create_sheet("绩效目标申报表")
    target.append(["市卫生健康委2024年项目绩效目标申报表"])
    target.append(["一级指标", "二级指标", "三级指标", "指标值"])
    for name, value in (("培训人次", "≥500人次"), ("合格率", "≥95%"), ("完成时间", "12月底前"),
                        ("满意度", "≥90%")):
        target.append(["产出指标", "数量指标", name, value])
    book.save(path)
    return path
