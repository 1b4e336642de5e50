"""A real PostgreSQL server with password logins (scram-sha-256), started once for the server
tests (as test_postgresql.py starts its own), and an empty database on it per test."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

SUPERUSER, SUPER_PASSWORD = "zicha_owner", "Ow9-geheim-Passwort-7"


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _pg_bin() -> Path | None:
    base = Path("/usr/lib/postgresql")
    versions = sorted(base.glob("*/bin/initdb")) if base.exists() else []
    return versions[-1].parent if versions else None


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class PgServer:
    """A running server: host/port, its folder, its bin/ and how to stop and start it."""

    def __init__(self, pg: Path, folder: Path) -> None:
        self.pg, self.folder, self.data = pg, folder, folder / "data"
        self.host, self.port = "127.0.0.1", _free_port()

    def url(self, database: str, login: str = SUPERUSER) -> str:
        return f"postgresql+psycopg://{login}@{self.host}:{self.port}/{database}"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(_as_server_user([str(self.pg / "pg_ctl"), "-D", str(self.data), "-o", options,
                                        "-l", str(self.folder / "log"), "-w", "start"]),
                       check=True, capture_output=True, timeout=120)

    def stop(self) -> None:
        subprocess.run(_as_server_user([str(self.pg / "pg_ctl"), "-D", str(self.data), "-m", "fast",
                                        "stop"]), capture_output=True, timeout=60)

    def create_database(self) -> str:
        import psycopg

        name = f"s_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(host=self.host, port=self.port, user=SUPERUSER, dbname="postgres",
                             password=SUPER_PASSWORD, autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0")
        return name

    def sql(self, database: str, login: str, password: str, statement: str,
            params: tuple = ()) -> list[tuple]:
        """One statement as login through psycopg (plain SQL, as psql would send it)."""
        import psycopg

        with psycopg.connect(host=self.host, port=self.port, user=login, dbname=database,
                             password=password, autocommit=True) as connection:
            cursor = connection.execute(statement, params)  # type: ignore[arg-type]
            return cursor.fetchall() if cursor.description else []


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    pg = _pg_bin()
    if pg is None or (os.geteuid() == 0 and shutil.which("runuser") is None):
        if os.environ.get("CI"):
            pytest.fail("CI must install postgresql (see dev.sh)")
        pytest.skip("PostgreSQL is not installed")
    folder = Path(tempfile.mkdtemp(prefix="zicha-pgs-"))
    pwfile = folder / "pw"
    pwfile.write_text(SUPER_PASSWORD + "\n", encoding="utf-8")
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        shutil.chown(pwfile, "postgres")
    server = PgServer(pg, folder)
    subprocess.run(_as_server_user([str(pg / "initdb"), "-D", str(server.data), "-A", "scram-sha-256",
                                    "-U", SUPERUSER, "--pwfile", str(pwfile), "-E", "UTF8"]),
                   check=True, capture_output=True, timeout=120)
    pwfile.unlink()
    server.start()
    try:
        yield server
    finally:
        subprocess.run(_as_server_user([str(pg / "pg_ctl"), "-D", str(server.data), "-m", "immediate",
                                        "stop"]), capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def empty_db(pg_server: PgServer) -> str:
    """The name of a new, empty database on the server."""
    return pg_server.create_database()


@pytest.fixture
def owner_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a CLI run as the server's owner: the password only in PGPASSWORD."""
    return {**os.environ, "PGPASSWORD": SUPER_PASSWORD, "ZICHA_DATA_DIR": str(tmp_path / "data"),
            "HOME": str(tmp_path / "home")}
