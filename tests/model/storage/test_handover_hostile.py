"""Hostile hand-over packages (issue 12): a package whose manifest and hashes are all consistent
but whose database carries a trigger, a view or a path is refused, and a refused unpack leaves
the target exactly as it was (not even created)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from model.errors import ModelError
from model.services import Services
from model.storage.handover import pack, unpack
from tests.model.storage.crafted import HOSTILE_SCHEMAS, tree_state


@pytest.fixture
def package(demo: Services, demo_id: int, tmp_path: Path) -> Path:
    item = demo.items.list(demo_id)[0]
    (tmp_path / "一.pdf").write_bytes(b"%PDF one" * 30)
    demo.evidence.attach_files(item.id, [tmp_path / "一.pdf"])
    return pack(demo.db, tmp_path / "交接.zip")


def _rebuilt(package: Path, out: Path, change_db=None, change_manifest=None) -> Path:
    """The package with its database and/or manifest changed, hashes made consistent again."""
    with zipfile.ZipFile(package) as source:
        manifest = json.loads(source.read("manifest.json"))
        members = {name: source.read(name) for name in source.namelist() if name != "manifest.json"}
    db_name = manifest["database"]
    if change_db is not None:
        work = out.with_suffix(".work.db")
        work.write_bytes(members[db_name])
        connection = sqlite3.connect(work)
        connection.execute("PRAGMA foreign_keys = OFF")
        change_db(connection)
        connection.commit()
        connection.close()
        members[db_name] = work.read_bytes()
        work.unlink()
        manifest["database_sha256"] = hashlib.sha256(members[db_name]).hexdigest()
    if change_manifest is not None:
        change_manifest(manifest, members)
    with zipfile.ZipFile(out, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)
        target.writestr("manifest.json", json.dumps(manifest))
    return out


@pytest.mark.parametrize("kind", sorted(HOSTILE_SCHEMAS))
def test_a_hostile_schema_in_a_consistent_package_is_refused(package: Path, tmp_path: Path,
                                                             kind: str) -> None:
    hostile = _rebuilt(package, tmp_path / "hostile.zip",
                       change_db=lambda c: c.executescript(HOSTILE_SCHEMAS[kind]))
    target = tmp_path / "新电脑" / "数据"
    with pytest.raises(ModelError, match="结构与本程序不符"):
        unpack(hostile, target)
    assert not (tmp_path / "新电脑").exists()


def test_a_row_naming_a_path_is_refused(package: Path, tmp_path: Path) -> None:
    hostile = _rebuilt(package, tmp_path / "hostile.zip", change_db=lambda c: c.execute(
        "UPDATE evidence SET file_sha256 = '/etc/shadow'"))
    existing = tmp_path / "existing"
    existing.mkdir()
    (existing / "keep.txt").write_text("keep")
    before = tree_state(existing)
    with pytest.raises(ModelError, match="校验值无效"):
        unpack(hostile, existing)
    assert tree_state(existing) == before


@pytest.mark.parametrize("bad", ["/etc/shadow", "../../x", "A" * 64])
def test_manifest_hashes_must_be_hashes(package: Path, tmp_path: Path, bad: str) -> None:
    def change(manifest: dict, members: dict) -> None:
        name, _sha = next(iter(manifest["files"].items()))
        manifest["files"][name] = bad

    hostile = _rebuilt(package, tmp_path / "hostile.zip", change_manifest=change)
    with pytest.raises(ModelError, match="校验值"):
        unpack(hostile, tmp_path / "u")
    assert not (tmp_path / "u").exists()


def test_a_database_referring_to_files_not_in_the_package(package: Path, tmp_path: Path) -> None:
    def drop_files(manifest: dict, members: dict) -> None:
        for name in list(manifest["files"]):
            del members[name]
        manifest["files"] = {}

    hostile = _rebuilt(package, tmp_path / "hostile.zip", change_manifest=drop_files)
    with pytest.raises(ModelError, match="缺少数据库引用"):
        unpack(hostile, tmp_path / "u")
    assert not (tmp_path / "u").exists()


def test_a_damaged_database_in_a_consistent_package(package: Path, tmp_path: Path) -> None:
    def break_it(manifest: dict, members: dict) -> None:
        data = bytearray(members[manifest["database"]])
        data[4096 * 8: 4096 * 9] = bytes(4096)
        members[manifest["database"]] = bytes(data)
        manifest["database_sha256"] = hashlib.sha256(data).hexdigest()

    hostile = _rebuilt(package, tmp_path / "hostile.zip", change_manifest=break_it)
    with pytest.raises(ModelError, match="损坏"):
        unpack(hostile, tmp_path / "u")
    assert not (tmp_path / "u").exists()
