"""The CLI's subcommands; each prints its result and returns an exit code."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cli.opened import opened_database, opened_services
from model.errors import NotFoundError
from model.opening import create_demo_database, open_services
from model.records import AssessmentSummary
from model.report.service import ReportService
from model.storage.backups import make_backup, restore
from model.storage.db import Database
from model.storage.revisions import head_revision
from model.storage.targets import refuse_live_target
from model.storage.urls import is_url, mask_url

if TYPE_CHECKING:  # the services (and the ORM) load only for the commands that open them
    from model.services import Services


def print_json(value: Any) -> None:
    """value as JSON, never NaN/Infinity (not JSON): the last guard, as inputs refuse them."""
    json.dump(_finite(value), sys.stdout, ensure_ascii=False, indent=2, allow_nan=False)
    sys.stdout.write("\n")


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(v) for key, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def cmd_demo(args: argparse.Namespace) -> int:
    services = create_demo_database(args.db)
    summary = services.assessments.list()[0]
    services.close()
    print(f"已创建演示数据库：{mask_url(str(args.db))}（{summary.title}，{summary.items} 项）")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    with opened_database(args.db) as database:
        print_json({
            "schema": head_revision(),
            "assessments": [
                {"id": s.id, "title": s.title, "unit": s.unit, "year": s.year,
                 "dimensions": s.dimensions, "items": s.items, "evidence": s.evidence}
                for s in summaries(database)
            ],
        })
    return 0


def summaries(database: Database) -> list[AssessmentSummary]:
    """What services.assessments.list() gives, read without the ORM (services.report's reads over
    a database opened without the services)."""
    return ReportService(database).summaries()


def cmd_items(args: argparse.Namespace) -> int:
    with opened_services(args.db) as services:
        assessment_id = pick_assessment(services, args.assessment)
        dims = {d.id: d for d in services.dimensions.list(assessment_id)}

        def path_of(dimension_id: int | None) -> list[str]:
            names: list[str] = []
            while dimension_id is not None:
                names.insert(0, dims[dimension_id].name)
                dimension_id = dims[dimension_id].parent_id
            return names

        print_json([
            {"id": i.id, "seq": i.seq, "dimension": path_of(i.dimension_id),
             "content": i.content, "status": i.status}
            for i in services.items.list(assessment_id)
        ])
    return 0


def pick_assessment(services: Services, assessment_id: int | None) -> int:
    """The assessment a command works on: the one named, or the first one listed."""
    return _picked(services.report.summaries(), assessment_id)


def pick_assessment_in(database: Database, assessment_id: int | None) -> int:
    """pick_assessment for a command that opened only the database."""
    return _picked(summaries(database), assessment_id)


def _picked(listed: list[AssessmentSummary], assessment_id: int | None) -> int:
    if assessment_id is None:
        if not listed:
            raise NotFoundError("数据库中还没有自评。")
        return listed[0].id
    if all(s.id != assessment_id for s in listed):
        raise NotFoundError(f"自评（编号 {assessment_id}）不存在。")
    return assessment_id


def cmd_backup(args: argparse.Namespace) -> int:
    if is_url(str(args.db)):
        from cli.server import backup_server_command

        return backup_server_command(args)
    out = Path(args.out) if args.out else None
    if out is not None:
        refuse_live_target(out, Path(args.db))  # before anything is opened or written
    open_services(args.db).close()  # refuses what is not (yet) our database, upgrades an old one
    out = make_backup(Path(args.db), reason="manual", out=out)
    print(f"已备份：{out}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    if is_url(str(args.db)):
        from cli.server import restore_server_command

        return restore_server_command(args)
    result = restore(Path(args.backup), Path(args.db))
    open_services(args.db).close()  # an older backup is upgraded to this version's schema
    if result.damaged:
        where = f"（原文件已损坏或无法备份，已原样移到 {result.previous}）"
    elif result.previous:
        where = f"（恢复前的状态已备份到 {result.previous}）"
    else:
        where = ""
    print(f"已从备份恢复：{args.backup}{where}")
    return 0
