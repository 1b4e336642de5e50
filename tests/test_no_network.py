"""The CLI's whole batch workflow runs in a process where any network connection raises."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.importers import workbooks

ROOT = Path(__file__).resolve().parents[1]
GUARD = '''
import socket

class NetworkUsed(RuntimeError):
    pass

def _refuse(*args, **kwargs):
    raise NetworkUsed(f"network access attempted: {args!r}")

socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.socket.sendto = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
'''

EVERY_COMMAND = """
import json, sys
import main

commands = json.loads(sys.argv[1])
for command in commands:
    code = main.main(command)
    if code != 0:
        sys.exit(f"{command}: exit {code}")
print(f"{len(commands)} commands ran")
"""


@pytest.fixture
def offline_env(tmp_path: Path) -> dict[str, str]:
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    return {**os.environ, "PYTHONPATH": str(guard), "ZICHA_DATA_DIR": str(tmp_path / "data"),
            "QT_QPA_PLATFORM": "offscreen"}


def test_the_guard_really_refuses(offline_env: dict[str, str]) -> None:
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(("
                            "'127.0.0.1', 9))"], env=offline_env, capture_output=True, text=True)
    assert probe.returncode != 0 and "network access attempted" in probe.stderr


def test_every_command_works_offline(offline_env: dict[str, str], tmp_path: Path) -> None:
    db, out = str(tmp_path / "a.db"), tmp_path
    table = workbooks.clerk_task_table(tmp_path / "任务.xlsx")
    evidence = tmp_path / "材料.pdf"
    evidence.write_bytes(b"%PDF offline")
    commands = [
        ["demo", "--db", db],
        ["import-xlsx", str(table), "--db", db],
        ["attach", "--db", db, "--item", "1", str(evidence)],
        ["export-docx", "--db", db, "--out", str(out / "r.docx"), "--attach-table",
         "--evidence-refs"],
        ["export-xlsx", "--db", db, "--layout", "selfcheck", "--out", str(out / "t1.xlsx")],
        ["export-xlsx", "--db", db, "--layout", "tasks", "--out", str(out / "t2.xlsx")],
        ["export-evidence", "--db", db, "--out", str(out / "e.zip")],
        ["pack", "--db", db, "--out", str(out / "p.zip")],
        ["unpack", str(out / "p.zip"), "--to", str(out / "unpacked")],
        ["check", "--db", db],
        ["backup", "--db", db],
        ["info", "--db", db],
        ["--db", db, "--screenshot", str(out / "s.png")],
    ]
    # one guarded process runs them all, one after the other, as main.py runs each (starting
    # an interpreter per command cost seconds of CPU and tested nothing more)
    done = subprocess.run([sys.executable, "-c", EVERY_COMMAND, json.dumps(commands)], cwd=ROOT,
                          env=offline_env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.splitlines()[-1] == f"{len(commands)} commands ran", done.stdout[-3000:]
