"""compare: this year's items beside last year's, as JSON."""

from __future__ import annotations

import argparse

from cli.commands import pick_assessment, print_json
from cli.opened import opened_services
from model.errors import NotFoundError


def cmd_compare(args: argparse.Namespace) -> int:
    with opened_services(args.db) as services:
        this_id = pick_assessment(services, args.assessment)
        last_id = pick_assessment(services, args.with_id) if args.with_id is not None else \
            services.year_compare.previous(this_id)
        if last_id is None:
            raise NotFoundError(f"没有找到自评（编号 {this_id}）上一年度的自评，"
                                "请用 --with 指定要比较的自评。")
        print_json(services.year_compare.compare(this_id, last_id).as_json())
    return 0
