"""The command line as scripts use it: real processes, exit codes, JSON, Chinese messages."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from model.storage.revisions import head_revision
from tests.cli_runs import run_main
from tests.db_templates import copy_template

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ZICHA_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120, check=False)


def run_here(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """run's answer from main() in this process (this file's own tests keep real processes)."""
    return run_main(list(args), {**os.environ, "ZICHA_DATA_DIR": str(data_dir)})


def test_demo_then_info_and_items(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    made = run("demo", "--db", str(db), data_dir=tmp_path)
    assert made.returncode == 0, made.stderr
    info = run("info", "--db", str(db), data_dir=tmp_path)
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    [assessment] = data["assessments"]
    assert data["schema"] == head_revision()  # read from the migration scripts
    assert assessment["items"] == 40 and assessment["dimensions"] == 8
    assert assessment["title"] == "北京市卫生健康委员会2021年度日常履职考核事项完成情况自查表"
    items = json.loads(run("items", "--db", str(db), data_dir=tmp_path).stdout)
    assert [i["seq"] for i in items] == list(range(1, 41))
    assert items[21]["dimension"] == ["全面依法", "法治政府建设"]
    assert items[21]["content"] == "行政执法规范与效能"
    assert {i["status"] for i in items} == {"已完成"}


def test_demo_refuses_an_existing_file(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    db.write_bytes(b"precious")
    result = run("demo", "--db", str(db), data_dir=tmp_path)
    assert result.returncode == 2
    assert "已存在" in result.stderr and "Traceback" not in result.stderr
    assert db.read_bytes() == b"precious"


def test_unknown_revision_exits_2_and_leaves_the_file(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    copy_template("demo", db)  # what `demo` makes, migrated once per session
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'abc123unknown'")
    connection.close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    result = run("info", "--db", str(db), data_dir=tmp_path)
    assert result.returncode == 2
    assert "更新版本" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_bad_arguments_and_missing_database(tmp_path: Path) -> None:
    bad = run("items", "--db", str(tmp_path / "a.db"), "--assessment", "x", data_dir=tmp_path)
    assert bad.returncode == 2 and "参数有误" in bad.stderr
    missing = run("info", "--db", str(tmp_path / "none.db"), data_dir=tmp_path)
    assert missing.returncode == 2 and "不存在" in missing.stderr
    assert not (tmp_path / "none.db").exists()


def test_unknown_assessment_is_reported(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    copy_template("demo", db)  # what `demo` makes, migrated once per session
    result = run("items", "--db", str(db), "--assessment", "99", data_dir=tmp_path)
    assert result.returncode == 2 and "99" in result.stderr


def test_unexpected_error_is_logged_not_shown(tmp_path: Path) -> None:
    # A directory where the database file should be: SQLite fails in a way no check foresaw.
    db = tmp_path / "dir.db"
    db.mkdir()
    result = run("info", "--db", str(db), data_dir=tmp_path)
    assert result.returncode in (1, 2)
    assert "Traceback" not in result.stderr
    if result.returncode == 1:
        assert "Traceback" in (tmp_path / "error.log").read_text(encoding="utf-8")


def test_db_before_or_after_the_command_and_help_in_chinese(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    assert run("--db", str(db), "demo", data_dir=tmp_path).returncode == 0
    before = run("--db", str(db), "info", data_dir=tmp_path)
    after = run("info", "--db", str(db), data_dir=tmp_path)
    assert before.returncode == after.returncode == 0 and before.stdout == after.stdout
    missing = run("info", data_dir=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr.strip() == "命令行参数有误：缺少 --db 数据库文件（用 --help 查看用法）"
    helped = run("export-xlsx", "--help", data_dir=tmp_path)
    assert helped.stdout.startswith("用法：main.py export-xlsx")
    for english in ("usage:", "options:", "show this help", "positional arguments"):
        assert english not in helped.stdout
    wrong = run("export-xlsx", "--db", str(db), "--layout", "x", "--out", "o.xlsx",
                data_dir=tmp_path)
    assert wrong.returncode == 2 and "无效的选项 'x'" in wrong.stderr
    assert len(wrong.stderr.strip().splitlines()) == 1


def loaded_packages(*args: str, data_dir: Path) -> set[str]:
    """The top-level packages a command imports, from -X importtime."""
    env = {**os.environ, "ZICHA_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-X", "importtime", str(ROOT / "main.py"), *args],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
                          check=True)
    names = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()
             if line.startswith("import time:")}
    return {n.split(".")[0] for n in names}


def test_each_command_imports_only_what_it_needs(tmp_path: Path) -> None:
    """A fast start (issue 13): Word, Excel, SQLAlchemy, Alembic and Qt load only when used (an
    SQLite file is read with sqlite3 when nothing is written)."""
    db = tmp_path / "a.db"
    copy_template("demo", db)  # what `demo` makes, migrated once per session
    heavy = {"alembic", "openpyxl", "docx", "docxtpl", "PySide6", "sqlalchemy"}
    assert loaded_packages("info", "--db", str(db), data_dir=tmp_path) & heavy == set()
    word = loaded_packages("export-docx", "--db", str(db), "--out", str(tmp_path / "a.docx"),
                           data_dir=tmp_path)
    assert word & heavy == {"docx"}
    excel = loaded_packages("export-xlsx", "--db", str(db), "--out", str(tmp_path / "a.xlsx"),
                            data_dir=tmp_path)
    assert excel & heavy == {"openpyxl"}


def test_exports_show_progress_on_a_terminal_only(monkeypatch) -> None:
    import io

    from cli.exports import TerminalProgress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for stream, expected in ((Terminal(), "\r  0%\r 50%\r100%\r    \r"), (io.StringIO(), "")):
        monkeypatch.setattr(sys, "stderr", stream)
        progress = TerminalProgress()
        assert all(progress(done, 4) for done in (0, 2, 2, 4))  # never cancels: Ctrl+C does
        assert stream.getvalue() == expected
