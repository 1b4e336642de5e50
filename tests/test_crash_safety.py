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
# One process imports the app once; each run to be killed is a process forked from it (its own
# pid, connections and file handles, opened after the fork), so twenty kills do not pay twenty
# interpreters' start. The run prints its pid, then a line per committed edit; its parent says
# "reaped" once it is dead, and then reads the next run's first edit number.
ZYGOTE = """
import os, sys
sys.path.insert(0, {root!r})
from pathlib import Path
from model.storage.migrate import open_sqlite
from model.services import Services

def run(start):
    services = Services.over(open_sqlite(Path({db!r})))
    items = [i.id for i in services.items.list(1)]
    for n in range(start, start + 2000):
        item = items[n % len(items)]
        if n % 10 == 9:
            services.evidence.add_note(item, f"note {{n}}")
        else:
            services.items.update(item, None, result=f"edit {{n}}")
        print(f"committed {{n}} {{item}}", flush=True)

for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        print(f"pid {{os.getpid()}}", flush=True)
        run(int(line))
        os._exit(0)
    os.waitpid(pid, 0)
    print("reaped", flush=True)
"""
KILLS = 20


def test_sigkill_never_loses_a_committed_edit(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    create_demo_database(db).close()
    rng = random.Random(2024)
    reported: dict[int, int] = {}  # item id -> last edit number reported as committed
    notes: set[int] = set()
    start, verified = 0, 0
    zygote = subprocess.Popen([sys.executable, "-c", ZYGOTE.format(root=str(ROOT), db=str(db))],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              env={**os.environ})
    assert zygote.stdin is not None and zygote.stdout is not None
    try:
        for _kill in range(KILLS):
            zygote.stdin.write(f"{start}\n")
            zygote.stdin.flush()
            first = zygote.stdout.readline()
            assert first.startswith("pid "), first
            wanted = rng.randint(5, 120)
            last = start
            for _ in range(wanted):
                line = zygote.stdout.readline()
                match = re.match(r"committed (\d+) (\d+)", line)
                assert match, line
                n, item = int(match.group(1)), int(match.group(2))
                if n % 10 == 9:
                    notes.add(n)
                else:
                    reported[item] = n
                last = n
            os.kill(int(first.split()[1]), signal.SIGKILL)  # mid-write, most likely
            while (line := zygote.stdout.readline()) != "reaped\n":  # what it printed before
                assert line.startswith("committed"), line
            verified += _verify(db, reported, notes)
            start = last + 1000  # numbers of the next run never collide with an unreported one
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=60)
        zygote.stdout.close()
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
