"""Mutated .xlsx files fed to import-xlsx: exit 0 or exit 2 with a message, never a traceback, a
hang or a runaway; after an exit 2 the database is byte-identical."""

from __future__ import annotations

import hashlib
import io
import resource
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import main
from tests.db_templates import demo_services
from tests.importers import workbooks

FUZZ_CASES = 150


@pytest.fixture(scope="module")
def seed_files(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    folder = tmp_path_factory.mktemp("seeds")
    return [workbooks.clerk_task_table(folder / "a.xlsx").read_bytes(),
            workbooks.simple_selfcheck(folder / "b.xlsx", rows=5).read_bytes()]


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzzdb") / "a.db"
    demo_services(path).close()
    return path


def mutate_bytes(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    buffer = bytearray(data)
    for position, value in edits:
        if buffer:
            buffer[position % len(buffer)] = value
    return bytes(buffer)


def mutate_xml(data: bytes, part_index: int, position: int, insert: str, cut: int) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    names = [n for n in source.namelist() if n.endswith(".xml")]
    target = names[part_index % len(names)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name in source.namelist():
            content = source.read(name)
            if name == target:
                at = position % (len(content) + 1)
                content = content[:at] + insert.encode("utf-8", "surrogatepass") + content[at + cut:]
            package.writestr(name, content)
    return out.getvalue()


MUTATION = st.one_of(
    st.tuples(st.just("bytes"), st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)),
                                         min_size=1, max_size=30)),
    st.tuples(st.just("truncate"), st.integers(0, 10**7)),
    st.tuples(st.just("xml"), st.tuples(
        st.integers(0, 20), st.integers(0, 10**6),
        st.sampled_from(["<", ">", "&", "&amp;", "<c r=\"Z9\"><f>1+</f></c>", "\x00", "]]>",
                         "<!DOCTYPE x [<!ENTITY a 'b'>]>", "<row r=\"1\">", "</sheetData>", "é",
                         "<mergeCell ref=\"A1:XFD1048576\"/>", "9" * 50, "<v>", "t=\"s\""]),
        st.integers(0, 40))),
)


@settings(max_examples=FUZZ_CASES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(seed=st.integers(0, 1), mutation=MUTATION)
def test_import_survives_mutations(seed_files: list[bytes], database: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str], seed: int,
                                   mutation: tuple) -> None:
    kind, argument = mutation
    data = seed_files[seed]
    if kind == "bytes":
        data = mutate_bytes(data, argument)
    elif kind == "truncate":
        data = data[: argument % (len(data) + 1)]
    else:
        data = mutate_xml(data, *argument)
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(data)
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    started = time.monotonic()
    code = main.main(["import-xlsx", str(path), "--db", str(database)])
    elapsed = time.monotonic() - started
    captured = capsys.readouterr()
    assert code in (0, 2), captured.err
    assert "Traceback" not in captured.err
    assert elapsed < 30
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 1024 * 1024  # KiB: under 1 GB
    if code == 2:
        assert captured.err.strip(), "a refusal must say why"
        assert hashlib.sha256(database.read_bytes()).hexdigest() == before
