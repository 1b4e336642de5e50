"""The finance forms' subcommands: score a 项目支出/部门整体 form and print the JSON contract."""

from __future__ import annotations

import argparse
from typing import Any

from cli.commands import pick_assessment, print_json
from cli.opened import opened_services
from model.scoring.form import FormScore


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
    with opened_services(args.db) as services:
        assessment_id = pick_assessment(services, args.assessment)
        result = services.finance.score(assessment_id)
    print_json(score_json(result))
    return 0
