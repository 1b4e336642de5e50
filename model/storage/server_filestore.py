"""Evidence files stored in the server database (evidence_file, evidence_chunk: content-addressed
by SHA-256, deduplicated, 1 MiB chunks streamed both ways), so every PC sees every file. The same
interface as FileStore; path_for gives a verified copy in this PC's cache folder."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from model.errors import EvidenceFileError
from model.storage.db import Database
from model.storage.filestore import MAX_FILE_BYTES, FileStore, _open_regular
from model.storage.hashes import CHUNK, is_sha256, require_sha256
from model.storage.server_errors import as_server_error

# pg_advisory_xact_lock(STORE_LOCK, hashtext(sha256)): two PCs storing one content take turns
STORE_LOCK = 0x7A66


class ServerFileStore:
    """The evidence store of a server database; cache is a folder on this PC (a FileStore)."""

    def __init__(self, database: Database, cache: Path) -> None:
        self.db = database
        self.cache = FileStore(cache)
        self.root = cache

    def path_for(self, sha256: str) -> Path:
        """A local copy of the stored file (fetched and verified on first use); a path that does
        not exist when the server does not hold it."""
        sha256 = require_sha256(sha256)
        local = self.cache.path_for(sha256)
        with self._told():
            size = self._size(sha256)
            if size is None or (local.is_file() and local.stat().st_size == size):
                return local
            self._fetch(sha256, local)
        return local

    def has(self, sha256: str) -> bool:
        return is_sha256(sha256) and self._size(sha256) is not None

    def put(self, source: Path) -> tuple[str, int]:
        sha256, size, _created = self.put_tracked(source)
        return sha256, size

    def put_tracked(self, source: Path) -> tuple[str, int, bool]:
        """Store source on the server (read twice: hashed, then sent in chunks and hashed again,
        so a file changed meanwhile is refused); returns (sha256, size, whether this call added it)."""
        source = Path(source)
        if not str(source).strip():
            raise EvidenceFileError("文件名为空。")
        with _open_regular(source) as src, self._told():
            sha256, size = _hash_stream(src, source)
            src.seek(0)
            return sha256, size, self._send(src, source, sha256, size)

    @contextmanager
    def _told(self) -> Iterator[None]:
        """A server's refusal or a lost connection as a ServerError (a message, not a crash)."""
        try:
            yield
        except Exception as exc:
            error = as_server_error(exc, self.db.display_name)
            if error is not None:
                raise error from exc
            raise

    def _send(self, src: BinaryIO, source: Path, sha256: str, size: int) -> bool:
        with self.db.engine.begin() as connection:
            raw: Any = connection.connection.driver_connection
            raw.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (STORE_LOCK, sha256))
            if raw.execute("SELECT 1 FROM evidence_file WHERE sha256 = %s", (sha256,)).fetchone():
                return False  # deduplicated: the same content is stored once
            raw.execute("INSERT INTO evidence_file (sha256, size) VALUES (%s, %s)", (sha256, size))
            digest, n = hashlib.sha256(), 0
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                raw.execute("INSERT INTO evidence_chunk (sha256, n, data) VALUES (%s, %s, %s)",
                            (sha256, n, chunk))
                n += 1
            if digest.hexdigest() != sha256:
                raise EvidenceFileError(f"文件“{source}”在添加时被改动，请关闭正在编辑它的程序后重试。")
        return True

    def remove(self, sha256: str) -> None:
        """Take a stored file out (only for files nothing refers to)."""
        from sqlalchemy.exc import DBAPIError

        sha256 = require_sha256(sha256)
        try:
            with self.db.engine.begin() as connection:
                connection.exec_driver_sql("DELETE FROM evidence_file WHERE sha256 = %(s)s",
                                           {"s": sha256})
        except DBAPIError as exc:  # a clerk may not delete files: left for check --fix
            if getattr(exc.orig, "sqlstate", "") != "42501":
                raise
        self.cache.remove(sha256)

    def verify(self, sha256: str) -> str | None:
        """None when the server holds the file whole and matching its hash; else what is wrong."""
        if not is_sha256(sha256):
            return "校验值无效（数据库可能被改动）"
        with self._told():
            size = self._size(sha256)
            if size is None:
                return "文件缺失（服务器上没有）"
            digest, total = hashlib.sha256(), 0
            for chunk in self._chunks(sha256):
                digest.update(chunk)
                total += len(chunk)
        if total != size or digest.hexdigest() != sha256:
            return "文件内容与校验值不符（已被改动或损坏）"
        return None

    def stored_hashes(self) -> set[str]:
        with self.db.engine.connect() as connection:
            return {row[0] for row in connection.exec_driver_sql("SELECT sha256 FROM evidence_file")}

    def _size(self, sha256: str) -> int | None:
        with self.db.engine.connect() as connection:
            return connection.exec_driver_sql("SELECT size FROM evidence_file WHERE sha256 = %(s)s",
                                              {"s": sha256}).scalar()

    def _chunks(self, sha256: str) -> Any:
        """The stored chunks in order, one query each (never the whole file in memory)."""
        with self.db.engine.connect() as connection:
            count = connection.exec_driver_sql(
                "SELECT count(*) FROM evidence_chunk WHERE sha256 = %(s)s", {"s": sha256}).scalar()
            for n in range(int(count or 0)):
                data = connection.exec_driver_sql(
                    "SELECT data FROM evidence_chunk WHERE sha256 = %(s)s AND n = %(n)s",
                    {"s": sha256, "n": n}).scalar()
                if data is None:
                    return
                yield bytes(data)

    def _fetch(self, sha256: str, local: Path) -> None:
        local.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=local.parent, prefix=".incoming-")
        try:
            digest = hashlib.sha256()
            with os.fdopen(handle, "wb") as out:
                for chunk in self._chunks(sha256):
                    digest.update(chunk)
                    out.write(chunk)
            if digest.hexdigest() != sha256:
                raise EvidenceFileError(
                    f"服务器上的证明材料文件（{sha256[:12]}…）与校验值不符，请运行 check。")
            os.replace(temp, local)
            local.chmod(0o444)
        finally:
            if os.path.exists(temp):
                os.unlink(temp)


def _hash_stream(src: BinaryIO, source: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    while chunk := src.read(CHUNK):
        size += len(chunk)
        if size > MAX_FILE_BYTES:
            raise EvidenceFileError(f"文件“{source}”超过 200 MB，不能作为证明材料。")
        digest.update(chunk)
    return digest.hexdigest(), size


def store_for(database: Database) -> FileStore | ServerFileStore:
    """The evidence store of database: beside an SQLite file, inside a server database."""
    if database.is_sqlite:
        return FileStore(database.files_dir)
    return ServerFileStore(database, database.files_dir)

