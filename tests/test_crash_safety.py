"""Killed at random moments (SIGKILL, ≥ 20 times), the database stays sound and keeps every edit
the process reported as committed."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from model.opening import create_demo_database

ROOT = Path(__file__).resolve().parents[1]
CHILD = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from model.storage.migrate import open_sqlite
from model.services import Services
services = Services.over(open_sqlite(Path({db!r})))
items = [i.id for i in services.items.list(1)]
start = {start}
for n in range(start, start + 2000):
    item = items[n % len(items)]
    if n % 10 == 9:
        services.evidence.add_note(item, f"note {{n}}")
    else:
        services.items.update(item, None, result=f"edit {{n}}")
    print(f"committed {{n}} {{item}}", flush=True)
"""
KILLS = 20


def test_sigkill_never_loses_a_committed_edit(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    create_demo_database(db).close()
    rng = random.Random(2024)
    reported: dict[int, int] = {}  # item id -> last edit number reported as committed
    notes: set[int] = set()
    start, verified = 0, 0
    for _kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD.format(root=str(ROOT), db=str(db), start=start)],
            stdout=subprocess.PIPE, text=True, env={**os.environ})
        wanted = rng.randint(5, 120)
        last = start
        for _ in range(wanted):
            line = child.stdout.readline()
            match = re.match(r"committed (\d+) (\d+)", line)
            assert match, line
            n, item = int(match.group(1)), int(match.group(2))
            if n % 10 == 9:
                notes.add(n)
            else:
                reported[item] = n
            last = n
        child.send_signal(signal.SIGKILL)  # mid-write, most likely
        child.wait()
        child.stdout.close()
        verified += _verify(db, reported, notes)
        start = last + 1000  # numbers of the next run never collide with an unreported one
    assert verified >= KILLS * 5


def _verify(db: Path, reported: dict[int, int], notes: set[int]) -> int:
    connection = sqlite3.connect(db)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        results = dict(connection.execute("SELECT id, result FROM check_item"))
        for item, n in reported.items():
            stored = int(results[item].split()[1])
            assert stored >= n, f"item {item}: edit {n} was reported committed, found {stored}"
        titles = {row[0] for row in connection.execute("SELECT title FROM evidence")}
        assert {f"note {n}" for n in notes} <= titles
    finally:
        connection.close()
    return len(reported) + len(notes)
