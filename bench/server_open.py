"""Opening a 10,000-item assessment over PostgreSQL against the same on SQLite (issue 25): the
whole process `python main.py --db DB --screenshot OUT` (start, open, main window with the tree
shown, offscreen), median of --runs fresh processes, the two alternated, in the same run.
A PostgreSQL server is started for the run (initdb in a temporary folder, as the tests do).

python bench/server_open.py [--items 10000] [--runs 5]      target: PostgreSQL ≤ 1.3 × SQLite
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PORT = 57000 + os.getpid() % 900


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def start_server(folder: Path) -> tuple[Path, str]:
    pg = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))[-1].parent
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data = folder / "data"
    subprocess.run(_as_server_user([str(pg / "initdb"), "-D", str(data), "-A", "trust", "-U", "zicha",
                                    "-E", "UTF8"]), check=True, capture_output=True)
    options = f"-p {PORT} -k {folder} -c listen_addresses=127.0.0.1"
    subprocess.run(_as_server_user([str(pg / "pg_ctl"), "-D", str(data), "-o", options, "-l",
                                    str(folder / "log"), "-w", "start"]), check=True, capture_output=True)
    return pg, f"postgresql+psycopg://zicha@127.0.0.1:{PORT}"


def timed(db: str, out: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", db, "--screenshot", str(out)],
                   check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from sqlalchemy import create_engine, text

    from bench.generate import make_database
    from model.storage.opening import open_database
    from model.storage.transfer import copy_into_server

    folder = Path(tempfile.mkdtemp(prefix="zicha-bench-pg-"))
    pg, server = start_server(folder)
    try:
        path = folder / "bench.db"
        services, _ = make_database(path, args.items)
        services.close()
        engine = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text("CREATE DATABASE bench ENCODING 'UTF8' TEMPLATE template0"))
        engine.dispose()
        url = f"{server}/bench"
        source, target = open_database(str(path)), open_database(url)
        copy_into_server(source, target, replace=False)
        source.dispose()
        target.dispose()
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZICHA_DATA_DIR": str(folder / "user")}
        shot = folder / "shot.png"
        timed(str(path), shot, env)  # warm-up of each: page cache, the day's backup
        timed(url, shot, env)
        sqlite_times, server_times = [], []
        for _ in range(args.runs):
            sqlite_times.append(timed(str(path), shot, env))
            server_times.append(timed(url, shot, env))
        lite, served = statistics.median(sqlite_times), statistics.median(server_times)
        print(f"items={args.items} runs={args.runs} sqlite_s={lite:.2f} postgresql_s={served:.2f} "
              f"ratio={served / lite:.2f} (target ≤ 1.30)")
    finally:
        subprocess.run(_as_server_user([str(pg / "pg_ctl"), "-D", str(folder / "data"), "-m",
                                        "immediate", "stop"]), capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
