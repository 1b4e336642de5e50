"""Content-addressed evidence files beside the database: <db>.files/ab/<sha256>, immutable."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from model.errors import EvidenceFileError

MAX_FILE_BYTES = 200 * 1024 * 1024
CHUNK = 1024 * 1024


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, source: Path) -> tuple[str, int]:
        """Copy source into the store (streamed, hashed on the way); returns (sha256, size)."""
        _refuse_unsuitable(source)
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        handle, temp_name = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as out, open(source, "rb") as src:
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
            if target.exists():  # deduplicated: the same content is stored once
                os.unlink(temp_name)
            else:
                target.parent.mkdir(exist_ok=True)
                os.replace(temp_name, target)
                target.chmod(0o444)
            return sha256, size
        except OSError as exc:
            raise EvidenceFileError(f"无法读取或保存文件“{source}”：{exc.strerror or exc}") from exc
        finally:
            if os.path.exists(temp_name):
                os.unlink(temp_name)

    def verify(self, sha256: str) -> str | None:
        """None when the stored file is present and matches its hash; otherwise what is wrong."""
        path = self.path_for(sha256)
        if not path.is_file():
            return "文件缺失"
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
        return None if digest.hexdigest() == sha256 else "文件内容与校验值不符（已被改动或损坏）"

    def stored_hashes(self) -> set[str]:
        if not self.root.is_dir():
            return set()
        return {p.name for p in self.root.glob("??/*") if p.is_file() and len(p.name) == 64}


def _refuse_unsuitable(source: Path) -> None:
    if source.is_symlink():
        raise EvidenceFileError(f"“{source}”是快捷方式（链接），请选择实际文件。")
    if source.is_dir():
        raise EvidenceFileError(f"“{source}”是文件夹，请选择文件。")
    if not source.is_file():
        raise EvidenceFileError(f"文件“{source}”不存在或不是普通文件。")
    if source.stat().st_size > MAX_FILE_BYTES:
        raise EvidenceFileError(f"文件“{source}”超过 200 MB，不能作为证明材料。")
    if not os.access(source, os.R_OK):
        raise EvidenceFileError(f"文件“{source}”无法读取（没有权限）。")
