"""delete-assessment: take a whole assessment away (a wrong import), after a verified backup."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.opened import opened_services
from model.errors import NotFoundError
from model.framework.assessment_removal import assessment_size, delete_assessment
from model.storage.backups import make_backup


def cmd_delete_assessment(args: argparse.Namespace) -> int:
    with opened_services(args.db) as services:
        if all(a.id != args.assessment for a in services.assessments.list()):
            raise NotFoundError(f"自评（编号 {args.assessment}）不存在，未删除任何内容。")
        size = assessment_size(services.db, args.assessment)
        backup = make_backup(Path(args.db), reason="before-delete")  # verified before it counts
        delete_assessment(services.db, args.assessment)
    print(f"已删除自评 {args.assessment}“{size.title}”：{size.dimensions} 个维度，{size.items} 项，"
          f"{size.evidence} 份证明材料；删除前的备份：{backup}（可用 restore 恢复）")
    return 0
