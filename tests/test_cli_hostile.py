"""The exit-code contract under hostile and unlucky input (issue 12): every command either does
its work (0) or refuses with one Chinese line (2), never a traceback (1); a refusal leaves the
disk as it was; the clerk's own files (decoys) are never changed and never leave in an output."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import main
from model.storage.examine import examine
from tests.db_templates import copy_template
from tests.importers.workbooks import simple_selfcheck
from tests.model.storage.crafted import (
    DAMAGE_KINDS,
    assert_decoys_untouched,
    damage,
    decoys,
    sha256,
    tree_state,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def run(*args: str | Path) -> tuple[int, str, str]:
        code = main.main([str(a) for a in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err
    return run


def refused(result: tuple[int, str, str], *words: str) -> None:
    code, _out, err = result
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err


@pytest.fixture
def db(tmp_path: Path, cli) -> Path:
    path = tmp_path / "work" / "2024.db"
    copy_template("demo", path)  # what `demo` makes, migrated once per session
    evidence = tmp_path / "材料.pdf"
    evidence.write_bytes(b"%PDF-1.4 evidence " * 20)
    assert cli("attach", "--db", path, "--item", "1", evidence)[0] == 0
    return path


@pytest.fixture
def good_backup(db: Path, tmp_path: Path, cli) -> Path:
    out = tmp_path / "good-backup.db"
    assert cli("backup", "--db", db, "--out", out)[0] == 0
    return out


# --- 13: a damaged database can always be checked, restored and salvaged ---------------------

@pytest.mark.parametrize("kind", DAMAGE_KINDS)
def test_corruption_matrix(cli, db: Path, good_backup: Path, tmp_path: Path, kind: str) -> None:
    broken = damage(db, tmp_path / "work" / "broken.db", kind)
    shutil.copytree(Path(f"{db}.files"), Path(f"{broken}.files"))
    damaged_bytes = broken.read_bytes()

    code, _out, err = cli("info", "--db", broken)
    assert code in (0, 2) and "Traceback" not in err  # a damaged index still lists
    if code == 2:
        refused((code, _out, err), "损坏")
    refused(cli("check", "--db", broken), "损坏", "broken.db")
    code, _out, err = cli("export-docx", "--db", broken, "--out", tmp_path / "r.docx")
    assert code in (0, 2), err
    if code == 2:
        refused((code, _out, err), "损坏")
        assert not (tmp_path / "r.docx").exists()

    salvaged = tmp_path / "salvaged.db"
    code, out, err = cli("check", "--db", broken, "--salvage", "--out", salvaged)
    assert code == 0, err
    assert cli("check", "--db", salvaged)[0] == 0
    with sqlite3.connect(salvaged) as connection:
        items = connection.execute("SELECT count(*) FROM check_item").fetchone()[0]
    connection.close()
    assert (items == 40) if kind == "damaged index" else (0 < items < 40)
    assert broken.read_bytes() == damaged_bytes  # salvage never writes to the damaged file

    code, out, err = cli("restore", good_backup, "--db", broken)
    assert code == 0, err
    assert cli("check", "--db", broken)[0] == 0
    # the damaged file is set aside byte for byte, not copied by the backup API
    [aside] = [p for p in broken.parent.glob("broken.db.damaged-*")
               if not p.name.endswith(("-wal", "-shm"))]
    assert aside.read_bytes() == damaged_bytes and "已原样移到" in out


def test_restore_over_a_hostile_schema_sets_it_aside(cli, db: Path, good_backup: Path,
                                                     tmp_path: Path) -> None:
    from tests.model.storage.crafted import hostile_schema

    hostile = hostile_schema(db, tmp_path / "work" / "hostile.db", "trigger deleting items")
    shutil.copytree(Path(f"{db}.files"), Path(f"{hostile}.files"))
    hostile_bytes = hostile.read_bytes()
    assert cli("restore", good_backup, "--db", hostile)[0] == 0
    assert cli("check", "--db", hostile)[0] == 0
    [aside] = [p for p in hostile.parent.glob("hostile.db.damaged-*")
               if not p.name.endswith(("-wal", "-shm"))]
    assert aside.read_bytes() == hostile_bytes


def test_a_failed_daily_backup_never_blocks_nor_counts(cli, db: Path, tmp_path: Path,
                                                       isolated_data_dir: Path) -> None:
    broken = damage(db, tmp_path / "work" / "index.db", "damaged index")
    code, out, err = cli("info", "--db", broken)
    assert code == 0 and "自动备份未完成" in err
    assert json.loads(out)["assessments"][0]["items"] == 40
    backups = [p for p in (isolated_data_dir / "backups").rglob("*") if "index" in p.name]
    assert all(p.suffix != ".db" and not p.name.startswith(".~") for p in backups if p.is_file())


def test_backup_over_an_existing_file_from_a_damaged_source_keeps_it(
        cli, db: Path, good_backup: Path, tmp_path: Path) -> None:
    broken = damage(db, tmp_path / "work" / "broken.db", "zeroed page")
    before = sha256(good_backup)
    refused(cli("backup", "--db", broken, "--out", good_backup), "损坏")
    assert sha256(good_backup) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".~")) == []


# --- 7: --out never names the live database ----------------------------------------------------

@pytest.mark.parametrize("command", ["export-docx", "export-xlsx", "export-evidence", "pack",
                                     "backup"])
@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", ".files", ".files/x.zip"])
def test_out_naming_the_live_database_is_refused(cli, db: Path, command: str, suffix: str) -> None:
    before = tree_state(db.parent)
    refused(cli(command, "--db", db, "--out", f"{db}{suffix}"), "正在使用的数据库")
    assert tree_state(db.parent) == before


# --- 8: restore validates the backup before touching the live file ------------------------------

def _foreign(path: Path) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE other (x)")
    connection.close()
    return path


def _newer(path: Path, source: Path) -> Path:
    shutil.copyfile(source, path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff'")
    connection.close()
    return path


@pytest.mark.parametrize("kind", ["newer", "foreign", "empty file", "schema-less", "trigger"])
def test_restore_refuses_a_bad_backup_before_touching_anything(
        cli, db: Path, good_backup: Path, tmp_path: Path, isolated_data_dir: Path,
        kind: str) -> None:
    bad = tmp_path / f"{kind}.db"
    if kind == "newer":
        _newer(bad, good_backup)
    elif kind == "foreign":
        _foreign(bad)
    elif kind == "empty file":
        bad.write_bytes(b"")
    elif kind == "schema-less":
        sqlite3.connect(bad).execute("PRAGMA user_version = 7").connection.close()
    else:
        shutil.copyfile(good_backup, bad)
        with sqlite3.connect(bad) as connection:
            connection.execute("CREATE TRIGGER t AFTER INSERT ON evidence BEGIN "
                               "DELETE FROM check_item; END")
        connection.close()
    before = tree_state(db.parent)
    backups_before = tree_state(isolated_data_dir / "backups")
    code, _out, err = cli("restore", bad, "--db", db)
    refused((code, _out, err), "未恢复")
    assert tree_state(db.parent) == before
    assert tree_state(isolated_data_dir / "backups") == backups_before


# --- 10: backups are kept per database path ----------------------------------------------------

def test_same_names_in_different_folders_keep_their_own_backups(cli, tmp_path: Path,
                                                                 isolated_data_dir: Path) -> None:
    older, newer = tmp_path / "2023" / "自评.db", tmp_path / "2024" / "自评.db"
    for path in (older, newer):
        path.parent.mkdir()
        assert cli("demo", "--db", path)[0] == 0
        assert cli("backup", "--db", path)[0] == 0
    folders = sorted(p for p in (isolated_data_dir / "backups").iterdir())
    assert len(folders) == 2
    notes = sorted((f / "database-path.txt").read_text(encoding="utf-8") for f in folders)
    assert notes == sorted(os.path.realpath(p) for p in (older, newer))


# --- 14: clean refusals instead of exit 1 ---------------------------------------------------

def test_refusals_instead_of_tracebacks(cli, db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    existing = tmp_path / "existing.txt"
    existing.write_text("keep")
    refused(cli("restore", tmp_path / "missing.db", "--db", db), "不存在")
    refused(cli("restore", folder, "--db", db), "文件夹")
    refused(cli("unpack", tmp_path / "missing.zip", "--to", tmp_path / "u"), "不存在")
    refused(cli("unpack", folder, "--to", tmp_path / "u"), "文件夹")
    refused(cli("info", "--db", folder), "文件夹")
    refused(cli("info", "--db", "/dev/null"), "不是普通文件")
    refused(cli("backup", "--db", db, "--out", tmp_path / "nowhere" / "b.db"), "不存在")
    refused(cli("backup", "--db", db, "--out", folder), "文件夹")
    refused(cli("backup", "--db", db, "--out", db), "正在使用的数据库")
    refused(cli("restore", db, "--db", db), "本身")
    refused(cli("attach", "--db", db, "--item", "1", ""), "文件名为空")
    assert existing.read_text() == "keep" and list(folder.iterdir()) == []
    assert not (tmp_path / "u").exists()


def test_unpack_to_an_existing_file_and_a_bad_manifest(cli, db: Path, tmp_path: Path) -> None:
    package = tmp_path / "p.zip"
    assert cli("pack", "--db", db, "--out", package)[0] == 0
    existing = tmp_path / "existing.txt"
    existing.write_text("keep")
    refused(cli("unpack", package, "--to", existing), "不是文件夹")
    assert existing.read_text() == "keep"
    for manifest in ("[1, 2]", '"text"', "{bad json"):
        hostile = tmp_path / "hostile.zip"
        with zipfile.ZipFile(hostile, "w") as out:
            out.writestr("manifest.json", manifest)
        refused(cli("unpack", hostile, "--to", tmp_path / "u"), "清单")
        assert not (tmp_path / "u").exists()


def test_info_on_a_fifo_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "info", "--db", str(fifo)],
                            capture_output=True, text=True, encoding="utf-8", timeout=60,
                            env={**os.environ, "ZICHA_DATA_DIR": str(tmp_path / "data")})
    refused((result.returncode, result.stdout, result.stderr), "不是普通文件")


def test_pack_with_a_missing_evidence_file(cli, db: Path, tmp_path: Path) -> None:
    [stored] = [p for p in Path(f"{db}.files").rglob("*") if p.is_file()]
    stored.chmod(0o644)
    stored.unlink()
    refused(cli("pack", "--db", db, "--out", tmp_path / "p.zip"), "缺失")
    assert not (tmp_path / "p.zip").exists()


# --- 12: a refused attach stores nothing ---------------------------------------------------

def test_refused_attach_leaves_nothing_behind(cli, db: Path, tmp_path: Path) -> None:
    before = tree_state(Path(f"{db}.files"))
    docs = tmp_path / "docs"
    docs.mkdir()
    for index in range(5):
        (docs / f"{index}.txt").write_text(f"document {index}")
    (docs / "z-link.txt").symlink_to(docs / "0.txt")
    refused(cli("attach", "--db", db, "--item", "1", docs), "链接")
    refused(cli("attach", "--db", db, "--item", "999", docs / "1.txt"), "不存在")
    assert tree_state(Path(f"{db}.files")) == before
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM evidence").fetchone()[0] == 1
    connection.close()


# --- 2: a hostile hash never becomes a path; a tampered file never leaves ---------------------

@pytest.mark.parametrize("hostile_hash", ["DECOY", "../../decoys/secret.txt"])
def test_hostile_hashes_do_not_leak_the_clerks_files(cli, db: Path, tmp_path: Path,
                                                     hostile_hash: str) -> None:
    decoy = decoys(tmp_path / "decoys")
    secret = next(p for p in decoy if p.name == "secret.txt")
    value = str(secret) if hostile_hash == "DECOY" else hostile_hash
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE evidence SET file_sha256 = ?", (value,))
    connection.close()
    outputs = [tmp_path / "e.zip", tmp_path / "p.zip"]
    refused(cli("export-evidence", "--db", db, "--out", outputs[0]), "校验值")
    refused(cli("pack", "--db", db, "--out", outputs[1]), "校验值")
    code, out, _err = cli("check", "--db", db)
    assert code == 2 and "校验值无效" in out
    assert_decoys_untouched(decoy, *[p for p in outputs if p.exists()])
    assert not any(p.exists() for p in outputs)


def test_a_tampered_evidence_file_never_leaves(cli, db: Path, tmp_path: Path) -> None:
    [stored] = [p for p in Path(f"{db}.files").rglob("*") if p.is_file()]
    stored.chmod(0o644)
    stored.write_bytes(b"changed")
    refused(cli("export-evidence", "--db", db, "--out", tmp_path / "e.zip"), "校验值不符")
    refused(cli("pack", "--db", db, "--out", tmp_path / "p.zip"), "校验值不符")
    assert not (tmp_path / "e.zip").exists() and not (tmp_path / "p.zip").exists()


# --- 15: control characters from Word --------------------------------------------------------

def test_a_vertical_tab_in_the_report_title_exports(cli, db: Path, tmp_path: Path) -> None:
    from docx import Document

    from model.services import Services
    from model.storage.migrate import open_sqlite

    services = Services.over(open_sqlite(db, create=False))
    try:
        [summary] = services.assessments.list()
        services.assessments.update(summary.id, None, report_title="关于\x0b2024年度\x00自查的报告",
                                    title="自查表\x0b标题")
        record = services.assessments.get(summary.id)
    finally:
        services.close()
    assert record.report_title == "关于 2024年度自查的报告" and record.title == "自查表 标题"
    out = tmp_path / "r.docx"
    assert cli("export-docx", "--db", db, "--out", out)[0] == 0
    assert Document(str(out)).core_properties.title in (record.report_title, record.title)
    assert cli("export-xlsx", "--db", db, "--out", tmp_path / "t.xlsx")[0] == 0


# --- full disk and read-only folders: a real small filesystem where the machine allows it ------

def _mount_tmpfs(folder: Path, size: str) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                            capture_output=True, check=False)
    return result.returncode == 0


def _fill(folder: Path) -> None:
    """Take every free byte of the filesystem of folder."""
    with open(folder / "filler", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError:
            pass


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "1m"):
        pytest.skip("cannot mount a small filesystem here (the simulated ENOSPC tests still run)")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


# zipfile's __del__ retries the close that the full disk refused; the refusal itself is checked
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_full_disk_is_a_clean_refusal(cli, db: Path, tmp_path: Path, small_disk: Path) -> None:
    package = tmp_path / "p.zip"
    assert cli("pack", "--db", db, "--out", package)[0] == 0
    workbook = simple_selfcheck(tmp_path / "t.xlsx", rows=400, text="落实情况" * 50)
    live = small_disk / "live.db"
    shutil.copyfile(db, live)
    _fill(small_disk)
    before = tree_state(small_disk)
    for args in (("export-docx", "--db", db, "--out", small_disk / "r.docx"),
                 ("export-xlsx", "--db", db, "--out", small_disk / "t.xlsx"),
                 ("export-evidence", "--db", db, "--out", small_disk / "e.zip"),
                 ("pack", "--db", db, "--out", small_disk / "p.zip"),
                 ("backup", "--db", db, "--out", small_disk / "b.db"),
                 ("unpack", package, "--to", small_disk / "u")):
        refused(cli(*args), "磁盘空间不足", str(small_disk))
        assert tree_state(small_disk) == before, args
    (small_disk / "filler").unlink()
    _fill(small_disk)  # the database is there now: imports into it fill the disk
    code, _out, err = cli("import-xlsx", "--db", live, workbook)
    refused((code, _out, err), "磁盘空间不足")
    (small_disk / "filler").unlink()
    assert examine(live).ok


def test_read_only_places_are_clean_refusals(cli, db: Path, tmp_path: Path) -> None:
    disk = tmp_path / "ro"
    if not _mount_tmpfs(disk, "4m"):
        pytest.skip("cannot mount a read-only filesystem here")
    try:
        shutil.copyfile(db, disk / "ro.db")
        (disk / "a.pdf").write_bytes(b"pdf")
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        for args in (("backup", "--db", db, "--out", disk / "b.db"),
                     ("pack", "--db", db, "--out", disk / "p.zip"),
                     ("export-docx", "--db", db, "--out", disk / "r.docx")):
            refused(cli(*args), "只读")
        code, _out, err = cli("attach", "--db", disk / "ro.db", "--item", "1", disk / "a.pdf")
        refused((code, _out, err))
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


# --- issue 12 audit: stored text is hostile too ----------------------------------------------

DIRTY = "脏\x0b\x08\ufffe\x01值"
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ufdd0-\ufdef]")


def _dirty_every_text_column(db: Path) -> None:
    """An older database or someone else's: control characters in every string column (the
    services clean what they write, the stored text may already be dirty)."""
    with sqlite3.connect(db) as connection:
        for table in ("assessment", "dimension", "check_item", "evidence", "narrative_section"):
            for _cid, name, kind, *_rest in connection.execute(f"PRAGMA table_info({table})"):
                if ("CHAR" in kind.upper() or "TEXT" in kind.upper()) and name not in (
                        "status", "extras", "file_sha256"):  # CHECKed, JSON, hash: tested apart
                    connection.execute(f"UPDATE {table} SET {name} = coalesce({name}, '') || ?",
                                       (DIRTY,))
    connection.close()


def _zip_texts(path: Path) -> Iterator[str]:
    """Every member name and every text member of a zip (docx, xlsx), zips inside included."""
    with zipfile.ZipFile(path) as package:
        for info in package.infolist():
            yield info.filename
            data = package.read(info)
            if info.filename.endswith((".xml", ".rels")):
                yield data.decode("utf-8")
            elif info.filename.endswith(".xlsx"):
                inner = path.with_name(path.name + ".inner.xlsx")
                inner.write_bytes(data)
                yield from _zip_texts(inner)


def test_stored_control_characters_export_cleanly(cli, db: Path, tmp_path: Path) -> None:
    _dirty_every_text_column(db)
    outputs = {"r.docx": ("export-docx",), "t.xlsx": ("export-xlsx",),
               "tasks.xlsx": ("export-xlsx", "--layout", "tasks"), "e.zip": ("export-evidence",)}
    for name, command in outputs.items():
        code, _out, err = cli(*command, "--db", db, "--out", tmp_path / name)
        assert code == 0, (command, err)
        assert not _UNWRITABLE.search(err), err  # the warnings name places by cleaned text
        for text in _zip_texts(tmp_path / name):
            assert not _UNWRITABLE.search(text), (name, text[:200])
    from docx import Document
    assert any("脏" in p.text for p in Document(str(tmp_path / "r.docx")).paragraphs)
    for command in ("review", "items"):
        code, out, err = cli(command, "--db", db)
        assert code == 0 and "Traceback" not in err, (command, err)
        json.loads(out)


def test_safe_names_drop_unicode_non_characters() -> None:
    from model.storage.names import safe_name

    assert safe_name("材\ufffe料\uffff\ufdd0\ufdef\U0001fffe", ".pdf") == "材料.pdf"


@pytest.mark.parametrize("extras", ["{bad", "[1, 2]", '"text"', "null", '{"栏目": {"x": 1}}'])
def test_invalid_extras_are_reported_and_read_as_none(cli, db: Path, tmp_path: Path,
                                                       extras: str) -> None:
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE check_item SET extras = ? WHERE id = 3", (extras,))
    connection.close()
    code, out, err = cli("check", "--db", db)
    assert code == 2 and "自查事项（编号 3）的其他栏目" in out, out + err
    (tmp_path / "handout").mkdir()
    for command in (("items",), ("review",), ("export-docx", "--out", tmp_path / "r.docx"),
                    ("handout", "--out", tmp_path / "handout")):
        code, _out, err = cli(*command, "--db", db)
        assert code == 0 and "Traceback" not in err, (command, err)


def test_backup_and_pack_leave_the_live_folder_as_it_was(cli, db: Path, tmp_path: Path) -> None:
    for sidecar in (Path(f"{db}-wal"), Path(f"{db}-shm")):
        sidecar.unlink(missing_ok=True)
    before = sorted(p.name for p in db.parent.iterdir())
    assert cli("backup", "--db", db, "--out", tmp_path / "b.db")[0] == 0
    assert sorted(p.name for p in db.parent.iterdir()) == before
    assert cli("pack", "--db", db, "--out", tmp_path / "p.zip")[0] == 0
    assert sorted(p.name for p in db.parent.iterdir()) == before


def test_a_failed_store_leaves_no_empty_folder(cli, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import hashlib

    fresh = tmp_path / "fresh" / "2024.db"
    fresh.parent.mkdir()
    assert cli("demo", "--db", fresh)[0] == 0
    evidence = tmp_path / "材料.pdf"
    evidence.write_bytes(b"%PDF-1.4 evidence")
    assert cli("info", "--db", fresh)[0] == 0  # today's automatic backup is taken
    before = tree_state(fresh.parent)

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patched:  # the disk fills while the file is being stored
        patched.setattr("model.storage.filestore.os.fsync", full)
        refused(cli("attach", "--db", fresh, "--item", "1", evidence), "磁盘空间不足")
    assert tree_state(fresh.parent) == before
    assert not Path(f"{fresh}.files").exists()

    # a file where the store's subfolder should be: the folder made for it goes again
    def blocked_mkdir(self: Path, *args: object, **kwargs: object) -> None:
        if self.name == hashlib.sha256(evidence.read_bytes()).hexdigest()[:2]:
            raise NotADirectoryError(errno.ENOTDIR, "Not a directory")
        original(self, *args, **kwargs)

    original = Path.mkdir
    with monkeypatch.context() as patched:
        patched.setattr(Path, "mkdir", blocked_mkdir)
        refused(cli("attach", "--db", fresh, "--item", "1", evidence), "无法把证明材料保存")
    assert tree_state(fresh.parent) == before


def test_a_refusal_after_a_failed_daily_backup_is_one_line(cli, db: Path, tmp_path: Path) -> None:
    broken = damage(db, tmp_path / "work" / "index.db", "damaged index")
    shutil.copytree(Path(f"{db}.files"), Path(f"{broken}.files"))
    refused(cli("backup", "--db", broken, "--out", tmp_path / "b.db"), "损坏")
    refused(cli("pack", "--db", broken, "--out", tmp_path / "p.zip"), "损坏")
    code, _out, err = cli("score", "--db", broken)
    if code != 0:
        refused((code, _out, err))
    code, _out, err = cli("info", "--db", broken)  # a command that works still says it
    assert code == 0 and "自动备份未完成" in err


def test_handout_into_the_evidence_store_is_refused(cli, db: Path, tmp_path: Path) -> None:
    store = Path(f"{db}.files")
    [subfolder] = [p for p in store.iterdir() if p.is_dir()]
    before = tree_state(db.parent)
    for out in (store, subfolder):
        refused(cli("handout", "--db", db, "--out", out), "正在使用的数据库")
        assert tree_state(db.parent) == before
    refused(cli("handout", "--db", db, "--out", store / "new" / "sub"), "正在使用的数据库")
    assert tree_state(db.parent) == before
    assert cli("handout", "--db", db, "--out", tmp_path / "missing")[0] == 0  # created (#24)
    assert (tmp_path / "missing").is_dir()


def test_importing_a_folder_says_it_is_a_folder(cli, db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "表格"
    folder.mkdir()
    before = tree_state(db.parent)
    refused(cli("import-xlsx", "--db", db, folder), "文件夹")
    assert tree_state(db.parent) == before
