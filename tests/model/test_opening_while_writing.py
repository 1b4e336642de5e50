"""Opening a database while another process writes to it: two real processes, each opening the
database the way the CLI and the window do (model.opening.open_services), adding one to a fund
amount and closing, again and again. No write is lost: every value is written exactly once.

(Before the fix, an open that found no -wal/-shm beside the file removed the empty pair its
read-only look had left, even when the other process had opened the database meanwhile: the two
then wrote into different WAL files, each saw only its own writes, and one's were lost.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import resources
from model.opening import open_services
from tests.db_templates import empty_services

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 40  # per process; the old defect lost several writes in every run of this size

WORKER = """
import json, sys
from model.errors import ConflictError
from model.opening import open_services

path, fund, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()
written = []
for _ in range(rounds):
    services = open_services(path)  # the whole opening path, every round
    try:
        while True:  # read, add one, write only if nobody wrote in between; else read again
            seen = next(f for f in services.finance.funds(1) if f.id == fund).spent
            try:
                services.finance_fields.set_fund(fund, "spent", seen + 1, expected=seen)
                written.append(int(seen) + 1)
                break
            except ConflictError:
                pass
    finally:
        services.close()
print(json.dumps(written))
"""


def test_opening_while_another_process_writes_loses_no_write(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    services = empty_services(path)
    assessment = services.finance.create(resources.demo_project_form())
    assert assessment == 1
    fund = services.finance.funds(assessment)[0].id
    services.finance.update_fund(fund, spent=0)
    services.close()  # the last connection: no -wal/-shm beside the file, as after a day's work
    workers = [subprocess.Popen(
        [sys.executable, "-c", WORKER, str(path), str(fund), str(ROUNDS)], cwd=ROOT,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)]
    for worker in workers:  # both interpreters started, then both open and write at once
        assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    outputs = [worker.communicate(timeout=120) for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], outputs
    written = sorted(value for out, _ in outputs for value in json.loads(out))
    # a value written twice is an update the other process never saw
    assert written == list(range(1, 2 * ROUNDS + 1)), outputs
    services = open_services(str(path))
    try:
        assert services.finance.funds(assessment)[0].spent == 2 * ROUNDS
    finally:
        services.close()
