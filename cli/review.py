"""The review (体检) subcommand: the problems a reader would find, as JSON."""

from __future__ import annotations

import argparse

from cli.commands import pick_assessment, print_json
from cli.opened import opened_services
from model.report.review import counts, review


def cmd_review(args: argparse.Namespace) -> int:
    with opened_services(args.db) as services:
        problems = review(services, pick_assessment(services, args.assessment))
    print_json({"problems": [p.as_json() for p in problems], "counts": counts(problems)})
    return 0
