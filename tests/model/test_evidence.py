"""Evidence: content-addressed storage, deduplication, classified rows, refused file kinds."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from model.errors import EvidenceFileError, ModelError
from model.services import Services
from model.storage.filestore import FileStore


@pytest.fixture
def item_id(demo: Services, demo_id: int) -> int:
    return demo.items.list(demo_id)[0].id


def test_attach_stores_by_hash_and_deduplicates(demo: Services, item_id: int, tmp_path: Path) -> None:
    data = "关于印发常态化疫情防控指引的通知".encode() * 100
    first, second = tmp_path / "通知.pdf", tmp_path / "副本.pdf"
    first.write_bytes(data)
    second.write_bytes(data)
    a = demo.evidence.attach_file(item_id, first, doc_no="京卫疾控〔2021〕5号", issued_on="2021-03-01")
    b = demo.evidence.attach_file(item_id, second)
    sha = hashlib.sha256(data).hexdigest()
    assert a.file_sha256 == b.file_sha256 == sha
    assert (a.file_name, a.file_size, a.file_type, a.title) == (
        "通知.pdf", len(data), "application/pdf", "通知")
    stored = demo.db.files_dir / sha[:2] / sha
    assert stored.read_bytes() == data
    assert [p for p in demo.db.files_dir.rglob("*") if p.is_file()] == [stored]  # stored once
    assert demo.evidence.file_path(a.id) == stored


def test_classified_evidence_never_holds_a_file(demo: Services, item_id: int, tmp_path: Path) -> None:
    source = tmp_path / "密件.pdf"
    source.write_bytes(b"secret")
    with pytest.raises(EvidenceFileError, match="涉密"):
        demo.evidence.attach_file(item_id, source, classified=True)
    note = demo.evidence.add_note(item_id, "涉密批复", "已存机要室", classified=True)
    assert note.classified and not note.has_file
    with_file = demo.evidence.attach_file(item_id, source)
    with pytest.raises(EvidenceFileError, match="不能标为涉密"):
        demo.evidence.update(with_file.id, with_file.version, classified=True)


@pytest.mark.parametrize("kind", ["folder", "link", "missing"])
def test_unsuitable_files_are_refused(demo: Services, item_id: int, tmp_path: Path, kind: str) -> None:
    target = tmp_path / "real.txt"
    target.write_text("x")
    source = {"folder": tmp_path, "missing": tmp_path / "nope.pdf"}.get(kind)
    if kind == "link":
        source = tmp_path / "link.txt"
        source.symlink_to(target)
    with pytest.raises(EvidenceFileError):
        demo.evidence.attach_file(item_id, source)
    assert demo.evidence.list(item_id) == []


def test_tampered_file_is_detected(demo: Services, item_id: int, tmp_path: Path) -> None:
    source = tmp_path / "a.docx"
    source.write_bytes(b"original")
    record = demo.evidence.attach_file(item_id, source)
    stored = demo.evidence.file_path(record.id)
    stored.chmod(0o644)
    stored.write_bytes(b"changed!")
    with pytest.raises(EvidenceFileError, match="校验值不符"):
        demo.evidence.file_path(record.id)


def test_detach_and_restore(demo: Services, item_id: int) -> None:
    a = demo.evidence.add_note(item_id, "甲")
    demo.evidence.add_note(item_id, "乙")
    before = demo.evidence.list(item_id)
    deleted = demo.evidence.detach(a.id)
    assert [e.title for e in demo.evidence.list(item_id)] == ["乙"]
    demo.evidence.restore(deleted)
    assert demo.evidence.list(item_id) == before


def test_a_file_over_200_mb_is_refused(demo: Services, item_id: int, tmp_path: Path) -> None:
    big = tmp_path / "扫描件.pdf"
    with open(big, "wb") as handle:  # sparse: no 200 MB actually written
        handle.truncate(200 * 1024 * 1024 + 1)
    with pytest.raises(EvidenceFileError, match="超过 200 MB"):
        demo.evidence.attach_files(item_id, [big])
    assert demo.evidence.list(item_id) == []


def test_a_folder_adds_the_files_in_it(demo: Services, item_id: int, tmp_path: Path) -> None:
    folder = tmp_path / "会议材料"
    folder.mkdir()
    for name in ("b.pdf", "a.docx"):
        (folder / name).write_bytes(name.encode())
    records = demo.evidence.attach_files(item_id, [folder], doc_no="京卫[2021]1号")
    assert [r.file_name for r in records] == ["a.docx", "b.pdf"]
    assert {r.doc_no for r in records} == {"京卫〔2021〕1号"}


def test_a_fifo_is_refused_without_waiting(demo: Services, item_id: int, tmp_path: Path) -> None:
    """The type is checked on the opened handle (opened without blocking): a path swapped for a
    FIFO between a check and the open cannot hang attach."""
    import os
    import subprocess
    import sys

    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    demo.close()
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, str(root / "main.py"), "attach", "--db",
                             str(demo.db.sqlite_path), "--item", str(item_id), str(fifo)],
                            capture_output=True, text=True, encoding="utf-8", timeout=60,
                            env={**os.environ, "ZICHA_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 2 and "不是普通文件" in result.stderr
    assert not demo.db.files_dir.exists() or not any(demo.db.files_dir.rglob("*"))


def test_a_failure_after_storing_takes_the_new_files_out(demo: Services, item_id: int,
                                                         tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    sources = [tmp_path / f"{n}.txt" for n in range(3)]
    for index, source in enumerate(sources):
        source.write_text(f"new file {index}")
    demo.evidence.attach_file(item_id, sources[0])  # already stored: must stay
    stored_before = FileStore(demo.db.files_dir).stored_hashes()

    def fail(*_args: object, **_kwargs: object) -> None:
        raise ModelError("数据库写入失败（测试）")

    monkeypatch.setattr(demo.evidence, "_add_rows", fail)
    with pytest.raises(ModelError):
        demo.evidence.attach_files(item_id, sources)
    assert FileStore(demo.db.files_dir).stored_hashes() == stored_before


def test_control_characters_in_the_find_box(demo: Services, demo_id: int) -> None:
    assert demo.search.item_ids(demo_id, "\x00") == set()
    everything = demo.search.item_ids(demo_id, "疫情")
    assert demo.search.item_ids(demo_id, "疫\x00情") == everything != set()
