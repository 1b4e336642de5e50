"""The hand-over package for a USB stick: a consistent snapshot of the database, its evidence
files and a manifest of hashes; unpacking verifies everything and never overwrites a database."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import stat
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from model.db import Database
from model.errors import ModelError
from model.filestore import CHUNK, FileStore
from model.integrity import referenced_files

MANIFEST = "manifest.json"
FORMAT = 1
MAX_UNPACKED = 20 * 1024 * 1024 * 1024  # a year's evidence fits; a bomb does not
MAX_RATIO = 200
Progress = Callable[[int, int], bool]


class HandoverError(ModelError):
    """A package cannot be written or read back safely."""


def pack(database: Database, out: Path, progress: Progress | None = None) -> Path:
    source = database.sqlite_path
    if source is None:
        raise HandoverError("只有本机数据库（SQLite 文件）可以打包。")
    out = Path(out)
    store = FileStore(database.files_dir)
    hashes = sorted(referenced_files(database))
    db_name = source.name
    with tempfile.TemporaryDirectory(dir=out.parent if out.parent.is_dir() else None) as tmp:
        snapshot = Path(tmp) / db_name
        origin = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(snapshot)
        try:
            origin.backup(target)  # consistent even while the app writes
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            target.close()
            origin.close()
        manifest = {"format": FORMAT, "database": db_name, "database_sha256": _sha256(snapshot),
                    "files": {f"{db_name}.files/{h[:2]}/{h}": h for h in hashes}}
        temp_out = Path(tmp) / "package.zip"
        total = len(hashes) + 1
        with zipfile.ZipFile(temp_out, "w", allowZip64=True) as package:
            package.write(snapshot, db_name, compress_type=zipfile.ZIP_DEFLATED)
            for done, (arcname, sha256) in enumerate(manifest["files"].items(), start=1):
                package.write(store.path_for(sha256), arcname, compress_type=zipfile.ZIP_STORED)
                if progress is not None and progress(done, total) is False:
                    raise HandoverError("已取消打包。")
            package.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        try:
            os.replace(temp_out, out)
        except OSError:
            shutil.move(str(temp_out), out)  # another drive (a USB stick)
    return out


def unpack(package_path: Path, to: Path) -> Path:
    """Unpack into folder to; returns the database path. Verifies every hash before it lands."""
    package_path, to = Path(package_path), Path(to)
    try:
        with zipfile.ZipFile(package_path) as package:
            manifest = _read_manifest(package)
            db_name = manifest["database"]
            expected = {db_name: manifest["database_sha256"], **manifest["files"]}
            _check_entries(package, set(expected) | {MANIFEST})
            target_db = to / db_name
            if target_db.exists() or (to / f"{db_name}.files").exists():
                raise HandoverError(f"目标文件夹中已有数据库“{target_db}”，为避免覆盖，已停止。")
            to.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(dir=to, prefix=".unpacking-") as tmp:
                for name, sha256 in expected.items():
                    _extract_verified(package, name, sha256, Path(tmp))
                for name in (db_name, f"{db_name}.files"):
                    if (Path(tmp) / name).exists():
                        os.replace(Path(tmp) / name, to / name)
    except zipfile.BadZipFile as exc:
        raise HandoverError(f"“{package_path.name}”不是有效的交接包（{exc}）。") from exc
    return to / db_name


def _read_manifest(package: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(package.read(MANIFEST).decode("utf-8"))
    except (KeyError, ValueError) as exc:
        raise HandoverError("交接包缺少有效的清单（manifest.json）。") from exc
    if manifest.get("format") != FORMAT or not isinstance(manifest.get("files"), dict):
        raise HandoverError("交接包的清单格式不认识（可能来自更新版本的程序）。")
    db_name = str(manifest.get("database", ""))
    if not db_name or "/" in db_name or "\\" in db_name or db_name.startswith("."):
        raise HandoverError("交接包清单中的数据库名称不安全。")
    return manifest


def _check_entries(package: zipfile.ZipFile, allowed: set[str]) -> None:
    total = 0
    for entry in package.infolist():
        name = entry.filename
        if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
            raise HandoverError(f"交接包中有绝对路径“{name}”，已拒绝。")
        if ".." in PurePosixPath(name.replace("\\", "/")).parts:
            raise HandoverError(f"交接包中的“{name}”试图写到目标文件夹之外（zip slip），已拒绝。")
        if stat.S_ISLNK(entry.external_attr >> 16):
            raise HandoverError(f"交接包中的“{name}”是链接，已拒绝。")
        if name not in allowed:
            raise HandoverError(f"交接包中有清单之外的文件“{name}”，已拒绝。")
        total += entry.file_size
        if total > MAX_UNPACKED or (entry.file_size > 1024 * 1024
                                    and entry.file_size / max(entry.compress_size, 1) > MAX_RATIO):
            raise HandoverError(f"交接包解压后异常巨大（“{name}”），疑似压缩炸弹，已拒绝。")


def _extract_verified(package: zipfile.ZipFile, name: str, sha256: str, folder: Path) -> None:
    target = folder / name
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    try:
        with package.open(name) as source, open(target, "wb") as sink:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                sink.write(chunk)
    except KeyError as exc:
        raise HandoverError(f"交接包缺少清单中的“{name}”。") from exc
    if digest.hexdigest() != sha256:
        raise HandoverError(f"交接包中的“{name}”与清单中的校验值不符（已损坏或被改动）。")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
