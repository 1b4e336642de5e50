"""Content-addressed evidence files beside the database: <db>.files/ab/<sha256>, immutable.
A hash becomes a path only after it is checked to be a hash (a hostile row could hold a path)."""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path

from model.errors import EvidenceFileError
from model.storage.disk import FULL
from model.storage.hashes import CHUNK, file_sha256, is_sha256, require_sha256
from model.storage.private import STORED_FILE, private_folder

MAX_FILE_BYTES = 200 * 1024 * 1024
# Opened without following a link and without blocking (a FIFO would wait for a writer forever).
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) \
    | getattr(os, "O_BINARY", 0)


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        sha256 = require_sha256(sha256)
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return is_sha256(sha256) and self.path_for(sha256).is_file()

    def put(self, source: Path) -> tuple[str, int]:
        """Copy source into the store (streamed, hashed on the way); returns (sha256, size)."""
        sha256, size, _created = self.put_tracked(source)
        return sha256, size

    def put_tracked(self, source: Path) -> tuple[str, int, bool]:
        """As put, and whether this call added the file (so a refusal can take it out again).
        The file is opened first and its type checked on the open handle, in one step."""
        source = Path(source)
        if not str(source).strip():
            raise EvidenceFileError("文件名为空。")
        with _open_regular(source) as src:
            return self._store(source, src)

    def _store(self, source: Path, src) -> tuple[str, int, bool]:
        """Store src; a failure removes the folders this call made (a refusal leaves nothing)."""
        made: list[Path] = []
        try:
            return self._store_into(source, src, made)
        except BaseException:
            for folder in reversed(made):
                try:
                    folder.rmdir()
                except FileNotFoundError:
                    continue  # never made after all
                except OSError:
                    break  # not empty: someone else's now
            raise

    def _store_into(self, source: Path, src, made: list[Path]) -> tuple[str, int, bool]:
        try:
            made += reversed([p for p in (self.root, *self.root.parents) if not p.exists()])
            private_folder(self.root)
            handle, temp_name = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        except OSError as exc:
            raise _write_error(exc, self.root) from exc
        digest = hashlib.sha256()
        size = 0
        try:
            with os.fdopen(handle, "wb") as out:
                while chunk := src.read(CHUNK):
                    size += len(chunk)
                    if size > MAX_FILE_BYTES:
                        raise EvidenceFileError(f"文件“{source}”超过 200 MB，不能作为证明材料。")
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha256 = digest.hexdigest()
            target = self.path_for(sha256)
            created = not target.exists()
            if created:  # deduplicated: the same content is stored once
                if not target.parent.exists():
                    made.append(target.parent)
                target.parent.mkdir(exist_ok=True)
                os.replace(temp_name, target)
                target.chmod(STORED_FILE)  # its owner's only, and never changed in place
            return sha256, size, created
        except OSError as exc:
            raise _write_error(exc, self.root) from exc
        finally:
            if os.path.exists(temp_name):
                os.unlink(temp_name)

    def remove(self, sha256: str) -> None:
        """Take a stored file out (only for files nothing refers to)."""
        stored = self.path_for(sha256)
        if stored.exists():
            stored.chmod(0o644)
            stored.unlink(missing_ok=True)
        for folder in (stored.parent, self.root):  # leave no empty folder behind either
            try:
                folder.rmdir()
            except OSError:
                break

    def verify(self, sha256: str) -> str | None:
        """None when the stored file is present and matches its hash; otherwise what is wrong."""
        if not is_sha256(sha256):
            return "校验值无效（数据库可能被改动）"
        path = self.path_for(sha256)
        if not path.is_file():
            return "文件缺失"
        return None if file_sha256(path) == sha256 else "文件内容与校验值不符（已被改动或损坏）"

    def stored_hashes(self) -> set[str]:
        if not self.root.is_dir():
            return set()
        return {p.name for p in self.root.glob("??/*") if p.is_file() and is_sha256(p.name)}


def refuse_unsuitable(source: Path) -> None:
    """A first look before anything is stored (put checks again on the open handle)."""
    _open_regular(source).close()


def _open_regular(source: Path):
    """source opened for reading, refused unless it is a regular file (checked on the handle)."""
    try:
        fd = os.open(source, OPEN_FLAGS)
    except FileNotFoundError:
        raise EvidenceFileError(f"文件“{source}”不存在。") from None
    except IsADirectoryError:
        raise EvidenceFileError(f"“{source}”是文件夹，请选择文件。") from None
    except PermissionError:
        raise EvidenceFileError(f"文件“{source}”无法读取（没有权限）。") from None
    except OSError as exc:
        if source.is_symlink():
            raise EvidenceFileError(f"“{source}”是快捷方式（链接），请选择实际文件。") from None
        raise EvidenceFileError(f"无法读取文件“{source}”：{exc.strerror or exc}。") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise EvidenceFileError(f"“{source}”是文件夹，请选择文件。")
        if not stat.S_ISREG(info.st_mode):
            raise EvidenceFileError(f"“{source}”不是普通文件（设备或管道），不能作为证明材料。")
        if info.st_size > MAX_FILE_BYTES:
            raise EvidenceFileError(f"文件“{source}”超过 200 MB，不能作为证明材料。")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _write_error(exc: OSError, root: Path) -> EvidenceFileError:
    if exc.errno in FULL:
        return EvidenceFileError(f"磁盘空间不足：文件夹“{root}”所在的磁盘已满，证明材料未添加。")
    return EvidenceFileError(f"无法把证明材料保存到“{root}”：{exc.strerror or exc}。")
