"""Evidence in the server database, seen from another PC; backup → restore and SQLite ↔
PostgreSQL copies, compared row by row; check finds a damaged file on the server."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

from model.services import Services
from model.storage.db import Database
from model.storage.opening import open_database
from model.storage.transfer import tables
from tests.cli_runs import run_main
from tests.model.storage.conftest import SUPER_PASSWORD, SUPERUSER, PgServer

ROOT = Path(__file__).resolve().parents[3]
MAIN = [sys.executable, str(ROOT / "main.py")]


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    done = run_main(args, env)
    assert SUPER_PASSWORD not in done.stdout + done.stderr
    return done


def pc(tmp_path: Path, name: str) -> dict[str, str]:
    """The environment of one PC: its own data folder (cache), the password only in PGPASSWORD."""
    return {**os.environ, "PGPASSWORD": SUPER_PASSWORD, "ZICHA_DATA_DIR": str(tmp_path / name)}


def content(db: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (audit included), by primary key."""
    with_password = db.replace(f"{SUPERUSER}@", f"{SUPERUSER}:{SUPER_PASSWORD}@")
    database: Database = open_database(with_password)
    try:
        with database.engine.connect() as connection:
            return {t.name: [tuple(r) for r in connection.execute(
                t.select().order_by(*t.primary_key.columns))] for t in tables()}
    finally:
        database.dispose()


def test_evidence_backup_restore_and_copies(pg_server: PgServer, tmp_path: Path) -> None:
    url = pg_server.url(pg_server.create_database())
    first, second = pc(tmp_path, "pc1"), pc(tmp_path, "pc2")
    assert run(["demo", "--db", url], first).returncode == 0
    services = Services.over(open_database(url.replace(f"{SUPERUSER}@", f"{SUPERUSER}:{SUPER_PASSWORD}@")))
    try:  # a dimension moved under one made after it: copies put parents first all the same
        assessment = services.assessments.list()[0].id
        second_level = next(d for d in services.dimensions.list(assessment) if d.level == 2)
        newer = services.dimensions.create(assessment, "后建的维度")
        services.dimensions.move(second_level.id, newer.id, 0)
    finally:
        services.close()
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(os.urandom(3 * 1024 * 1024 + 17))  # more than one chunk
    attached = run(["attach", "--db", url, "--item", "1", str(scan), str(scan)], first)
    assert attached.returncode == 0, attached.stderr
    stored = pg_server.sql(url.rsplit("/", 1)[1], SUPERUSER, SUPER_PASSWORD,
                           "SELECT count(*), sum(size) FROM evidence_file")[0]
    assert stored == (1, scan.stat().st_size)  # deduplicated, on the server
    # another PC sees the file: check and the evidence package work there
    checked = run(["check", "--db", url], second)
    assert checked.returncode == 0 and "服务器上的1 个" in checked.stdout, checked.stdout + checked.stderr
    package = tmp_path / "证明材料.zip"
    exported = run(["export-evidence", "--db", url, "--out", str(package)], second)
    assert exported.returncode == 0, exported.stderr
    with zipfile.ZipFile(package) as opened:
        assert scan.read_bytes() in [opened.read(n) for n in opened.namelist()]
    packed = run(["pack", "--db", url, "--out", str(tmp_path / "交接.zip")], second)
    assert packed.returncode == 0, packed.stderr

    # backup → the server changes → restore: the content is the backup's again
    before = content(url)
    backup = tmp_path / "备份.db"
    done = run(["backup", "--db", url, "--out", str(backup)], second)
    assert done.returncode == 0, done.stderr
    assert run(["check", "--db", str(backup)], pc(tmp_path, "pc3")).returncode == 0
    database = url.rsplit("/", 1)[1]
    pg_server.sql(database, SUPERUSER, SUPER_PASSWORD, "UPDATE check_item SET result = '改过' WHERE id = 2")
    pg_server.sql(database, SUPERUSER, SUPER_PASSWORD, "DELETE FROM check_item WHERE id = 3")
    restored = run(["restore", str(backup), "--db", url], first)
    assert restored.returncode == 0, restored.stderr
    assert content(url) == before

    # SQLite ↔ PostgreSQL: server → file → another server database, nothing lost
    file_copy = tmp_path / "副本.db"
    copied = run(["copy", "--from", url, "--to", str(file_copy)], first)
    assert copied.returncode == 0, copied.stderr
    other = pg_server.url(pg_server.create_database())
    back = run(["copy", "--from", str(file_copy), "--to", other], second)
    assert back.returncode == 0, back.stderr
    assert content(other) == before
    assert run(["check", "--db", other], second).returncode == 0
    again = run(["copy", "--from", str(file_copy), "--to", other], second)
    assert again.returncode == 2 and "已有自评" in again.stderr

    # a damaged chunk on the server is found by check
    pg_server.sql(database, SUPERUSER, SUPER_PASSWORD, "UPDATE evidence_chunk SET data = 'x' WHERE n = 1")
    damaged = run(["check", "--db", url], second)
    assert damaged.returncode == 2 and "不符" in damaged.stdout
