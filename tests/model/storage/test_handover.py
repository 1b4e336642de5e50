"""pack → unpack gives back equal data that checks clean; hostile packages are refused."""

from __future__ import annotations

import json
import os
import stat
import zipfile
from pathlib import Path

import pytest

from model.services import Services
from model.storage.handover import HandoverError, pack, unpack
from model.storage.integrity import check_database
from model.storage.migrate import open_sqlite
from tests.cli_runs import run_main
from tests.db_templates import copy_template

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def package(demo: Services, demo_id: int, tmp_path: Path) -> Path:
    item = demo.items.list(demo_id)[0]
    for name in ("一.pdf", "二.jpg"):
        (tmp_path / name).write_bytes(name.encode() * 50)
        demo.evidence.attach_files(item.id, [tmp_path / name])
    return pack(demo.db, tmp_path / "交接.zip")


def test_round_trip(package: Path, demo: Services, demo_id: int, tmp_path: Path) -> None:
    database = unpack(package, tmp_path / "u盘")
    copy = Services.over(open_sqlite(database, create=False))
    try:
        assert check_database(copy.db).ok
        assert copy.items.list(demo_id) == demo.items.list(demo_id)
        assert copy.dimensions.list(demo_id) == demo.dimensions.list(demo_id)
        item = demo.items.list(demo_id)[0]
        assert copy.evidence.list(item.id) == demo.evidence.list(item.id)
        assert copy.narrative.sections(demo_id) == demo.narrative.sections(demo_id)
    finally:
        copy.close()
    with pytest.raises(HandoverError, match="已有数据库"):
        unpack(package, tmp_path / "u盘")


def test_cli_pack_unpack_info_check(tmp_path: Path) -> None:
    env = {**os.environ, "ZICHA_DATA_DIR": str(tmp_path)}
    copy_template("demo", tmp_path / "a.db")  # what `demo` makes, migrated once per session
    packed = run_main(["pack", "--db", str(tmp_path / "a.db"), "--out", str(tmp_path / "p.zip")], env)
    assert packed.returncode == 0, packed.stderr
    unpacked = run_main(["unpack", str(tmp_path / "p.zip"), "--to", str(tmp_path / "b")], env)
    assert unpacked.returncode == 0, unpacked.stderr
    info = run_main(["info", "--db", str(tmp_path / "b" / "a.db")], env)
    assert json.loads(info.stdout)["assessments"][0]["items"] == 40
    assert run_main(["check", "--db", str(tmp_path / "b" / "a.db")], env).returncode == 0


def _hostile(package: Path, tmp_path: Path, name: str, data: bytes = b"x",
             mode: int | None = None, manifest_extra: bool = True) -> Path:
    out = tmp_path / "hostile.zip"
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(out, "w") as target:
        manifest = json.loads(source.read("manifest.json"))
        if manifest_extra:
            manifest["files"][name] = "0" * 64
        for entry in source.infolist():
            if entry.filename != "manifest.json":
                target.writestr(entry, source.read(entry.filename))
        target.writestr("manifest.json", json.dumps(manifest))
        info = zipfile.ZipInfo(name)
        if mode is not None:
            info.external_attr = mode << 16
        target.writestr(info, data)
    return out


@pytest.mark.parametrize(("name", "mode", "message"), [
    ("../../逃逸.txt", None, "zip slip"),
    ("/etc/cron.d/x", None, "绝对路径"),
    ("C:/Windows/x.dll", None, "绝对路径"),
    ("a.db.files/ab/link", stat.S_IFLNK | 0o777, "链接"),
])
def test_hostile_entries_are_refused(package: Path, tmp_path: Path, name: str, mode: int | None,
                                     message: str) -> None:
    hostile = _hostile(package, tmp_path, name, mode=mode)
    target = tmp_path / "target"
    with pytest.raises(HandoverError, match=message):
        unpack(hostile, target)
    assert not target.exists() or not any(target.iterdir())
    assert not (tmp_path.parent / "逃逸.txt").exists()


def test_bomb_is_refused(package: Path, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        manifest = json.loads(source.read("manifest.json"))
        manifest["files"]["demo.db.files/00/zeros"] = "0" * 64
        for entry in source.infolist():
            if entry.filename != "manifest.json":
                target.writestr(entry, source.read(entry.filename))
        target.writestr("manifest.json", json.dumps(manifest))
        target.writestr("demo.db.files/00/zeros", b"\0" * (64 * 1024 * 1024))
    with pytest.raises(HandoverError, match="压缩炸弹"):
        unpack(bomb, tmp_path / "target")


def test_tampered_file_is_refused(package: Path, tmp_path: Path) -> None:
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(tampered, "w") as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if ".files/" in entry.filename:
                data = b"changed" + data
            target.writestr(entry, data)
    with pytest.raises(HandoverError, match="校验值不符"):
        unpack(tampered, tmp_path / "target")
    assert not (tmp_path / "target" / "demo.db").exists()
