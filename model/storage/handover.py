"""The hand-over package for a USB stick: a verified snapshot of the database, its evidence files
(each checked against its hash on the way out) and a manifest of hashes. Unpacking treats the
package as hostile: everything is checked in a staging folder before anything reaches the target."""

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

from model.errors import ModelError
from model.storage.db import Database
from model.storage.disk import disk_error
from model.storage.examine import examine, require_regular_file
from model.storage.hashes import CHUNK, file_sha256, is_sha256
from model.storage.private import PRIVATE_FILE
from model.storage.snapshot import snapshot
from model.storage.targets import files_dir_for, refuse_live_target

MANIFEST = "manifest.json"
FORMAT = 1
MAX_UNPACKED = 20 * 1024 * 1024 * 1024  # a year's evidence fits; a bomb does not
MAX_RATIO = 200
MAX_NAME_BYTES = 255
Progress = Callable[[int, int], bool]


class HandoverError(ModelError):
    """A package cannot be written or read back safely."""


def pack(database: Database, out: Path, progress: Progress | None = None) -> Path:
    source = database.sqlite_path
    if source is None:
        raise HandoverError("只有本机数据库（SQLite 文件）可以打包。")
    out = refuse_live_target(Path(out), source)
    try:
        with tempfile.TemporaryDirectory(dir=out.parent, prefix=".~packing-") as tmp:
            snapshot_path = snapshot(source, Path(tmp) / source.name)
            temp_out = Path(tmp) / "package.zip"
            _write_package(snapshot_path, database.files_dir, temp_out, progress)
            try:
                os.replace(temp_out, out)
            except OSError:
                shutil.move(str(temp_out), out)  # another drive (a USB stick)
    except OSError as exc:
        raise disk_error(exc, out.parent) from exc
    return out


def _write_package(snapshot_path: Path, files_dir: Path, temp_out: Path,
                   progress: Progress | None) -> None:
    db_name = snapshot_path.name
    files = _evidence_files(snapshot_path)
    entries = {f"{db_name}.files/{h[:2]}/{h}": h for h in sorted(files)}
    manifest = {"format": FORMAT, "database": db_name, "database_sha256": file_sha256(snapshot_path),
                "files": entries}
    total = len(files) + 1
    with zipfile.ZipFile(temp_out, "w", allowZip64=True) as package:
        package.write(snapshot_path, db_name, compress_type=zipfile.ZIP_DEFLATED)
        for done, (arcname, sha256) in enumerate(entries.items(), start=1):
            _add_verified(package, files_dir / sha256[:2] / sha256, arcname, sha256, files[sha256])
            if progress is not None and progress(done, total) is False:
                raise HandoverError("已取消打包。")
        package.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))


def _evidence_files(snapshot_path: Path) -> dict[str, str]:
    """hash → title of every evidence file the snapshot refers to (hashes checked first)."""
    connection = sqlite3.connect(f"{snapshot_path.as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT file_sha256, title FROM evidence "
                                  "WHERE file_sha256 IS NOT NULL ORDER BY id").fetchall()
    finally:
        connection.close()
    bad = [title for sha256, title in rows if not is_sha256(sha256)]
    if bad:
        raise HandoverError(f"证明材料“{bad[0]}”的校验值无效（数据库可能被改动），未打包。")
    return {sha256: title for sha256, title in reversed(rows)}


def _add_verified(package: zipfile.ZipFile, source: Path, arcname: str, sha256: str,
                  title: str) -> None:
    """Stream source into the package, hashing on the way; a changed file stops the pack."""
    digest = hashlib.sha256()
    try:
        with open(source, "rb") as handle, package.open(
                zipfile.ZipInfo(arcname, date_time=(2000, 1, 1, 0, 0, 0)), "w",
                force_zip64=True) as sink:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                sink.write(chunk)
    except FileNotFoundError:
        raise HandoverError(f"证明材料“{title}”的文件缺失，未打包；请先运行 check。") from None
    if digest.hexdigest() != sha256:
        raise HandoverError(f"证明材料“{title}”的文件与校验值不符（已被改动或损坏），未打包；"
                            "请先运行 check。")


def unpack(package_path: Path, to: Path) -> Path:
    """Unpack into folder to; returns the database path. Everything is verified in a staging
    folder first: a refusal leaves the target exactly as it was (not even created)."""
    package_path, to = Path(package_path), Path(to)
    require_regular_file(package_path, "交接包")
    if to.exists() and not to.is_dir():
        raise HandoverError(f"解包目标“{to}”已存在且不是文件夹。")
    anchor = _existing_ancestor(to)
    try:
        with zipfile.ZipFile(package_path) as package:
            manifest = _read_manifest(package)
            db_name = manifest["database"]
            expected = {db_name: manifest["database_sha256"], **manifest["files"]}
            _check_entries(package, set(expected) | {MANIFEST})
            _check_manifest_files(manifest)
            target_db = to / db_name
            if target_db.exists() or files_dir_for(target_db).exists():
                raise HandoverError(f"目标文件夹中已有数据库“{target_db}”，为避免覆盖，已停止。")
            with tempfile.TemporaryDirectory(dir=anchor, prefix=".~unpacking-") as tmp:
                staging = Path(tmp)
                for name, sha256 in expected.items():
                    _extract_verified(package, name, sha256, staging)
                _check_database(staging / db_name, set(manifest["files"].values()))
                to.mkdir(parents=True, exist_ok=True)
                for name in (db_name, f"{db_name}.files"):
                    if (staging / name).exists():
                        os.replace(staging / name, to / name)
    except zipfile.BadZipFile as exc:
        raise HandoverError(f"“{package_path.name}”不是有效的交接包（{exc}）。") from exc
    except OSError as exc:
        raise disk_error(exc, to) from exc
    return to / db_name


def _existing_ancestor(to: Path) -> Path:
    anchor = to.absolute()
    while not anchor.exists():
        anchor = anchor.parent
    if not anchor.is_dir():
        raise HandoverError(f"解包目标的上级“{anchor}”不是文件夹。")
    return anchor


def _check_database(database: Path, packed: set[str]) -> None:
    """The unpacked database must be ours exactly, intact, and refer only to packed files."""
    examine(database, integrity=True).refuse("；交接包未解开，目标文件夹未改动。")
    referenced = set(_evidence_files(database))
    missing = referenced - packed
    if missing:
        raise HandoverError(f"交接包缺少数据库引用的 {len(missing)} 个证明材料文件，未解开。")


def _read_manifest(package: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(package.read(MANIFEST).decode("utf-8"))
    except (KeyError, ValueError) as exc:
        raise HandoverError("交接包缺少有效的清单（manifest.json）。") from exc
    if not isinstance(manifest, dict):
        raise HandoverError("交接包的清单（manifest.json）不是预期的格式，已拒绝。")
    if manifest.get("format") != FORMAT or not isinstance(manifest.get("files"), dict):
        raise HandoverError("交接包的清单格式不认识（可能来自更新版本的程序）。")
    db_name = manifest.get("database")
    if not isinstance(db_name, str) or not _safe_component(db_name):
        raise HandoverError("交接包清单中的数据库名称不安全。")
    if not is_sha256(manifest.get("database_sha256")):
        raise HandoverError("交接包清单中的数据库校验值无效。")
    return manifest


def _check_manifest_files(manifest: dict) -> None:
    """Each packed file is named by its hash, exactly where the store keeps it."""
    for name, sha256 in manifest["files"].items():
        if not is_sha256(sha256) or name != f"{manifest['database']}.files/{sha256[:2]}/{sha256}":
            raise HandoverError(f"交接包清单中的文件“{str(name)[:80]}”与其校验值不符，已拒绝。")


def _safe_component(name: str) -> bool:
    return (bool(name) and name not in (".", "..") and not name.startswith(".")
            and not any(c in name for c in "/\\:\x00") and name.isprintable()
            and len(f"{name}.files".encode("utf-8", "surrogatepass")) <= MAX_NAME_BYTES)


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
        # 0600: the clerk's data is the clerk's (SQLite gives -wal/-shm the database's mode)
        sink_fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
        with package.open(name) as source, os.fdopen(sink_fd, "wb") as sink:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                sink.write(chunk)
    except KeyError as exc:
        raise HandoverError(f"交接包缺少清单中的“{name}”。") from exc
    if digest.hexdigest() != sha256:
        raise HandoverError(f"交接包中的“{name}”与清单中的校验值不符（已损坏或被改动）。")
