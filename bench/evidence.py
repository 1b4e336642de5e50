"""Evidence export and pack of 1 GB in 500 files, against a plain `zip` of the same files.

python bench/evidence.py [--files 500] [--mb 2] — prints seconds, speed relative to zip, and
peak memory of each run (each in a fresh process).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from model.storage.migrate import open_sqlite
from model.services import Services
from model.report.build import report_of
from model.storage.filestore import FileStore
from exporters.evidence_package import export_evidence
from model.storage.handover import pack
services = Services.over(open_sqlite(Path({db!r})))
start = time.perf_counter()
if {what!r} == "export":
    report = report_of(services.db, 1, with_evidence=True)
    export_evidence(report, FileStore(services.db.files_dir).path_for, Path({out!r}))
else:
    pack(services.db, Path({out!r}))
seconds = time.perf_counter() - start
print(json.dumps({{"seconds": seconds,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--mb", type=float, default=2.0)
    args = parser.parse_args()
    from bench.generate import make_database

    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        folder = Path(tmp)
        services, assessment_id = make_database(folder / "e.db", 1000)
        items = services.items.list(assessment_id)
        sources = folder / "sources"
        sources.mkdir()
        size = int(args.mb * 1024 * 1024)
        for n in range(args.files):
            path = sources / f"材料{n:03d}.pdf"
            path.write_bytes(os.urandom(size))  # like scanned PDFs: incompressible
            services.evidence.attach_files(items[n % len(items)].id, [path])
        services.close()
        total_mb = args.files * size / 1024 / 1024
        start = time.perf_counter()
        subprocess.run(["zip", "-q", "-r", str(folder / "plain.zip"), "."], cwd=sources, check=True)
        plain = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run(["zip", "-q", "-0", "-r", str(folder / "stored.zip"), "."], cwd=sources,
                       check=True)
        stored = time.perf_counter() - start
        print(f"{args.files} files, {total_mb:.0f} MB; plain zip: {plain:.2f} s; "
              f"zip -0 (no compression): {stored:.2f} s")
        for what in ("export", "pack"):
            out = folder / f"{what}.zip"
            code = CHILD.format(root=str(ROOT), db=str(folder / "e.db"), what=what, out=str(out))
            result = json.loads(subprocess.run([sys.executable, "-c", code], check=True,
                                               capture_output=True, text=True).stdout)
            print(f"{what:>7}: {result['seconds']:.2f} s, {plain / result['seconds'] * 100:.0f} % "
                  f"of zip's speed ({stored / result['seconds'] * 100:.0f} % of zip -0), "
                  f"peak memory {result['peak_mb']:.0f} MB")
            out.unlink()
        shutil.rmtree(sources)


if __name__ == "__main__":
    main()
