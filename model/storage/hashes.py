"""The one rule for a stored file's name: a SHA-256 in lower-case hex, nothing else."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from model.errors import EvidenceFileError

CHUNK = 1024 * 1024
_SHA256 = re.compile(r"[0-9a-f]{64}")


def is_sha256(value: object) -> bool:
    return isinstance(value, str) and _SHA256.fullmatch(value) is not None


def require_sha256(value: object) -> str:
    """value when it is a valid hash; refused otherwise (it would become a path)."""
    if not is_sha256(value):
        raise EvidenceFileError(
            f"证明材料的校验值“{str(value)[:80]}”无效（可能来自被改动的数据库），已拒绝。")
    return str(value)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
