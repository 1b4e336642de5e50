"""The finance forms' subcommands: score a 项目支出/部门整体 form and print the JSON contract."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cli.commands import pick_assessment, print_json
from exporters.finance_xlsx import export_finance_xlsx
from importers.finance_xlsx import read_finance_form
from importers.store import store_finance_form
from model.errors import ValidationError
from model.finance import FinanceService
from model.finance_layouts import load_finance_layout
from model.scoring.form import FormScore
from model.storage.opening import open_services


def score_json(result: FormScore) -> dict[str, Any]:
    """The `score` command's JSON (a contract: these key names stay)."""
    execution = result.execution
    return {
        "kind": result.kind,
        "execution": {"budget": execution.budget, "spent": execution.spent, "rate": execution.rate,
                      "points": execution.points, "score": execution.score},
        "indicators": [
            {"level1": s.source.level1, "level2": s.source.level2, "name": s.source.name,
             "direction": s.direction, "target": s.target, "actual": s.actual, "unit": s.unit,
             "points": s.points, "score": s.score if s.source.applicable else None,
             "needs_reason": s.needs_reason, "reason": s.source.reason}
            for s in result.indicators],
        "total": result.total,
        "rating": result.rating,
        "problems": [{"indicator": p.indicator, "message": p.message} for p in result.problems],
    }


def cmd_score(args: argparse.Namespace) -> int:
    services = open_services(args.db)
    try:
        assessment_id = pick_assessment(services, args.assessment)
        result = FinanceService(services.db).score(assessment_id)
    finally:
        services.close()
    print_json(score_json(result))
    return 0


def export_finance(args: argparse.Namespace) -> int:
    """export-xlsx --layout project | project-sichuan | department."""
    layout = load_finance_layout(args.layout)
    services = open_services(args.db)
    try:
        sheet = FinanceService(services.db).sheet(pick_assessment(services, args.assessment))
    finally:
        services.close()
    result = export_finance_xlsx(sheet, layout, Path(args.out))
    for warning in result.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    print(f"已导出：{result.path}")
    return 0


def import_finance(args: argparse.Namespace) -> int:
    """import-xlsx of a 项目支出/部门整体绩效自评表: always a new assessment, every value kept."""
    if args.into is not None:
        raise ValidationError("绩效自评表只能导入为新的自评，请去掉 --into。")
    form = read_finance_form(Path(args.file))  # everything is checked before writing
    services = open_services(args.db, create=True)
    try:
        assessment_id, result = store_finance_form(services, form)
    finally:
        services.close()
    for warning in form.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    for problem in result.problems:
        print(f"注意：{problem.indicator}：{problem.message}", file=sys.stderr)
    print(f"已导入：工作表“{form.sheet}”（{form.data['assessment']['kind']}绩效自评表，表样 "
          f"{form.layout}），{len(form.data['indicators'])} 项绩效指标 → 自评编号 {assessment_id}，"
          f"总分 {result.total:g}（{result.rating}）")
    return 0
