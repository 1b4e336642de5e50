"""Opening a server database as a clerk would: the password never in argv nor shown anywhere,
the demo on the server, a foreign database refused untouched, concurrent first opens."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.cli_runs import run_main
from tests.model.storage.conftest import SUPER_PASSWORD, SUPERUSER, PgServer

ROOT = Path(__file__).resolve().parents[3]
MAIN = [sys.executable, str(ROOT / "main.py")]


def run(args: list[str], env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess:
    return run_main(args, env, stdin)


def test_demo_goes_onto_the_server_and_the_password_never_shows(
        pg_server: PgServer, empty_db: str, owner_env: dict[str, str], tmp_path: Path) -> None:
    url = pg_server.url(empty_db)
    made = run(["demo", "--db", url], owner_env)
    assert made.returncode == 0, made.stderr
    assert url in made.stdout
    info = run(["info", "--db", url], owner_env)
    assert info.returncode == 0, info.stderr
    assert json.loads(info.stdout)["assessments"][0]["items"] == 40
    # nothing local named after the URL: the demo is on the server
    assert not any("127.0.0.1" in p.name for p in tmp_path.rglob("*"))
    again = run(["demo", "--db", url], owner_env)
    assert again.returncode == 2 and "已有自评" in again.stderr


def test_a_password_on_the_command_line_is_refused_masked(
        pg_server: PgServer, empty_db: str, owner_env: dict[str, str]) -> None:
    url = pg_server.url(empty_db).replace(f"{SUPERUSER}@", f"{SUPERUSER}:{SUPER_PASSWORD}@")
    refused = run(["info", "--db", url], owner_env)
    assert refused.returncode == 2 and "密码不能写在命令行" in refused.stderr
    assert SUPER_PASSWORD not in refused.stderr + refused.stdout and "***" in refused.stderr


def test_the_password_is_read_from_stdin_when_not_a_terminal(
        pg_server: PgServer, empty_db: str, owner_env: dict[str, str]) -> None:
    env = {k: v for k, v in owner_env.items() if k != "PGPASSWORD"}
    done = run(["info", "--db", pg_server.url(empty_db)], env, stdin=SUPER_PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    wrong = run(["info", "--db", pg_server.url(empty_db)], env, stdin="falsch\n")
    assert wrong.returncode == 2 and "无法连接数据库" in wrong.stderr
    assert "falsch" not in wrong.stderr


def test_a_foreign_database_is_refused_untouched(
        pg_server: PgServer, empty_db: str, owner_env: dict[str, str]) -> None:
    pg_server.sql(empty_db, SUPERUSER, SUPER_PASSWORD, "CREATE TABLE customers (id int)")
    for command in (["info"], ["demo"]):
        refused = run([*command, "--db", pg_server.url(empty_db)], owner_env)
        assert refused.returncode == 2 and "不是本程序的数据库" in refused.stderr, refused.stderr
    tables = pg_server.sql(empty_db, SUPERUSER, SUPER_PASSWORD,
                           "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    assert tables == [("customers",)]


def test_three_first_opens_at_once_all_succeed(
        pg_server: PgServer, empty_db: str, owner_env: dict[str, str]) -> None:
    url = pg_server.url(empty_db)
    started = [subprocess.Popen([*MAIN, "info", "--db", url], env=owner_env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for _ in range(3)]
    results = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in started]
    for process in started:
        for stream in (process.stdout, process.stderr):
            if stream:
                stream.close()
    assert [code for code, _ in results] == [0, 0, 0], results


def test_the_password_comes_from_a_pgpass_file(
        pg_server: PgServer, empty_db: str, owner_env: dict[str, str], tmp_path: Path) -> None:
    pgpass = tmp_path / ".pgpass"
    pgpass.write_text(f"{pg_server.host}:{pg_server.port}:*:{SUPERUSER}:{SUPER_PASSWORD}\n",
                      encoding="utf-8")
    pgpass.chmod(0o600)
    env = {k: v for k, v in owner_env.items() if k != "PGPASSWORD"}
    done = run(["info", "--db", pg_server.url(empty_db)], {**env, "PGPASSFILE": str(pgpass)})
    assert done.returncode == 0, done.stderr
