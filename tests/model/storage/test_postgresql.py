"""The storage layer opens a server URL too: a real PostgreSQL server, started by the test, runs the
migrations and the services (edits, undo data, search, the report) and the CLI against it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

import resources
from model.errors import ConflictError, DatabaseRefusedError
from model.framework.bulk import create_assessment_tree
from model.opening import open_services
from model.report.build import report_of
from model.search.find_index import FindIndex
from model.services import Services
from model.storage.migrate import open_url
from model.storage.revisions import head_revision
from model.storage.urls import is_url

BIN = Path("/usr/lib/postgresql")
ROOT = Path(__file__).resolve().parents[3]
PORT = 55400 + os.getpid() % 500


def _pg_bin() -> Path | None:
    versions = sorted(BIN.glob("*/bin/initdb")) if BIN.exists() else []
    return versions[-1].parent if versions else None


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: CI runs as root, so the server runs as 'postgres'."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    pg = _pg_bin()
    if pg is None or (os.geteuid() == 0 and shutil.which("runuser") is None):
        if os.environ.get("CI"):
            pytest.fail("CI must install postgresql (see dev.sh)")
        pytest.skip("PostgreSQL is not installed")
    # Not under pytest's tmp folder: that one is private to root, and the server runs as postgres.
    folder = Path(tempfile.mkdtemp(prefix="zicha-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data = folder / "data"
    subprocess.run(_as_server_user([str(pg / "initdb"), "-D", str(data), "-A", "trust", "-U", "zicha",
                                    "-E", "UTF8"]), check=True, capture_output=True, timeout=120)
    options = f"-p {PORT} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(_as_server_user([str(pg / "pg_ctl"), "-D", str(data), "-o", options, "-l",
                                    str(folder / "log"), "-w", "start"]),
                   check=True, capture_output=True, timeout=120)
    try:
        yield f"postgresql+psycopg://zicha@127.0.0.1:{PORT}"
    finally:
        subprocess.run(_as_server_user([str(pg / "pg_ctl"), "-D", str(data), "-m", "immediate",
                                        "stop"]), capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def url(server: str) -> str:
    name = f"t_{uuid.uuid4().hex[:10]}"
    engine = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0"))
    engine.dispose()
    return f"{server}/{name}"


def test_a_server_database_is_migrated_and_serves_the_domain(url: str, tmp_path: Path) -> None:
    services = Services.over(open_url(url, tmp_path / "files"))
    try:
        create_assessment_tree(services.db, resources.demo_assessment())
        assessment_id = services.assessments.list()[0].id
        items = services.items.list(assessment_id)
        assert len(items) == 40 and [i.seq for i in items] == list(range(1, 41))
        first = services.items.update(items[0].id, items[0].version, result="服务器上的新结果",
                                      status="不适用")
        with pytest.raises(ConflictError):  # another client's stale version is refused
            services.items.update(first.id, items[0].version, result="旧版本")
        assert services.search.item_ids(assessment_id, "新结果") == {first.id}
        deleted = services.items.delete(items[1].id)
        services.items.restore(deleted)
        assert [i.id for i in services.items.list(assessment_id)] == [i.id for i in items]
        report = report_of(services.db, assessment_id)
        assert (report.counts.done, report.counts.total) == (39, 39)
        unread, whole = FindIndex(services.db, assessment_id), FindIndex(services.db, assessment_id)
        whole.finish()  # a find before the index is read asks the server (strpos, %s parameters)
        for query, status in (("新结果", ""), ("疫", ""), ("卫生", "已完成"), ("", "不适用")):
            asked, known = unread.find(query, status), whole.find(query, status)
            assert asked.ids == known.ids, query
            assert (asked.count, asked.per_dimension) == (known.count, known.per_dimension), query
        with services.db.engine.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() \
                == head_revision()
    finally:
        services.close()


def test_the_cli_works_on_a_url_and_hides_the_password(url: str, tmp_path: Path) -> None:
    services = open_services(url)
    create_assessment_tree(services.db, resources.demo_assessment())
    services.close()
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    main = [sys.executable, str(ROOT / "main.py")]
    out = tmp_path / "总结.docx"
    done = subprocess.run([*main, "export-docx", "--db", url, "--out", str(out)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 5000
    wrong = url.replace("zicha@", "zicha:geheim@").rsplit(":", 1)[0] + ":1/none"
    refused = subprocess.run([*main, "info", "--db", wrong], env=env, capture_output=True,
                             text=True, timeout=60)
    assert refused.returncode == 2 and "无法连接数据库" in refused.stderr
    assert "geheim" not in refused.stderr and "***" in refused.stderr


def test_urls_and_paths_are_told_apart() -> None:
    assert is_url("postgresql+psycopg://u@h/db") and is_url("sqlite:///x.db")
    assert not is_url(r"C:\数据\自评.db") and not is_url("/home/u/自评.db")


def test_a_newer_server_schema_is_refused(url: str, tmp_path: Path) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)"))
        connection.execute(text("INSERT INTO alembic_version VALUES ('9999')"))
    engine.dispose()
    with pytest.raises(DatabaseRefusedError, match="更新版本"):
        open_url(url, tmp_path / "files")
