"""The review (体检) subcommand: the problems a reader would find, as JSON."""

from __future__ import annotations

import argparse

from cli.commands import pick_assessment, print_json
from cli.opened import opened_services


def cmd_review(args: argparse.Namespace) -> int:
    with opened_services(args.db) as services:
        problems = services.review.problems(pick_assessment(services, args.assessment))
        counts = services.review.counts(problems)
    print_json({"problems": [p.as_json() for p in problems], "counts": counts})
    return 0
