"""Every file a command reads is checked to be a regular file before it is opened (issue 27): a
FIFO (which would block forever), a device (which would never end) or a folder is refused at
once, exit 2, naming the file and the reason; nothing is written."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

import main
from tests.db_templates import copy_template
from tests.importers.workbooks import simple_selfcheck

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev are POSIX")


class HungError(Exception):
    pass


def _hung(_signal: int, _frame: object) -> None:
    raise HungError("blocked on a read")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """The command in this process, stopped by an alarm if it blocks (as it did on a FIFO)."""
    def run(*args: str) -> tuple[int, str, str]:
        previous = signal.signal(signal.SIGALRM, _hung)
        signal.alarm(20)
        try:
            code = main.main(list(args))
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
        captured = capsys.readouterr()
        return code, captured.out, captured.err
    return run


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "a.db"
    copy_template("demo", path)  # what create_demo_database makes, migrated once per session
    return path


def strange(tmp_path: Path, kind: str) -> Path:
    if kind == "fifo":
        path = tmp_path / "交回.xlsx"
        os.mkfifo(path)
        return path
    if kind == "device":
        return Path("/dev/zero")  # reads without end
    path = tmp_path / "文件夹.xlsx"
    path.mkdir()
    return path


REASONS = {"fifo": "管道", "device": "设备", "folder": "文件夹"}
COMMANDS = {
    "collect": lambda f, db: ["collect", str(f), "--db", str(db)],
    "collect --dry-run": lambda f, db: ["collect", str(f), "--db", str(db), "--dry-run"],
    "import-xlsx": lambda f, db: ["import-xlsx", str(f), "--db", str(db)],
    "import-xlsx --dry-run": lambda f, db: ["import-xlsx", str(f), "--db", str(db), "--dry-run"],
    "attach": lambda f, db: ["attach", "--db", str(db), "--item", "1", str(f)],
    "restore": lambda f, db: ["restore", str(f), "--db", str(db)],
    "unpack": lambda f, db: ["unpack", str(f), "--to", str(db.parent / "new")],
}


@pytest.mark.parametrize("kind", sorted(REASONS))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_refused_at_once(cli, tmp_path: Path, db: Path, command: str, kind: str) -> None:
    if command == "attach" and kind == "folder":
        pytest.skip("a folder given to attach stands for its files (documented)")
    source = strange(tmp_path, kind)
    before = db.read_bytes()
    code, out, err = cli(*COMMANDS[command](source, db))
    assert code == 2, (out, err)
    err = err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert REASONS[kind] in err and source.name in err, err
    assert db.read_bytes() == before
    assert not (tmp_path / "new").exists()


def test_a_good_file_beside_a_fifo_is_not_collected_either(cli, tmp_path: Path, db: Path) -> None:
    fifo = strange(tmp_path, "fifo")
    table = simple_selfcheck(tmp_path / "t.xlsx")
    code, _out, err = cli("collect", str(table), str(fifo), "--db", str(db))
    assert code == 2 and "管道" in err, err
