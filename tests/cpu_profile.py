"""CPU time (user + sys, this process and its finished children: the CLI, workers, LibreOffice)
per test file, for measuring the suite: `pytest -p tests.cpu_profile`, written as JSON to the
file named by ZICHA_CPU_PROFILE (default cpu_profile.json), the costliest first."""

from __future__ import annotations

import json
import os
import resource
from collections import defaultdict
from collections.abc import Iterator

import pytest

_per_file: dict[str, float] = defaultdict(float)
_per_test: dict[str, float] = {}


def _cpu() -> float:
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    before = _cpu()
    yield
    spent = _cpu() - before
    _per_file[item.nodeid.split("::")[0]] += spent
    _per_test[item.nodeid] = spent


def pytest_sessionfinish(session: pytest.Session) -> None:
    files = dict(sorted(_per_file.items(), key=lambda kv: -kv[1]))
    tests = dict(sorted(_per_test.items(), key=lambda kv: -kv[1]))
    report = {"total_in_tests": round(sum(files.values()), 1), "whole_process": round(_cpu(), 1),
              "files": {k: round(v, 2) for k, v in files.items()},
              "tests": {k: round(v, 2) for k, v in tests.items()}}
    with open(os.environ.get("ZICHA_CPU_PROFILE", "cpu_profile.json"), "w", encoding="utf-8") as out:
        json.dump(report, out, ensure_ascii=False, indent=1)
