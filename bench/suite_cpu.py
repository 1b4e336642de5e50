"""The test suite's CPU time beside the suite of an older commit (issue 30: "at most 60 % of
today's, measured in one run beside the old way").

Both suites run at the same time on this machine (each has the other as its neighbour, so the
load is alike), each with tests/cpu_profile.py recording the CPU (user + sys, with finished
children: the CLI, clients, LibreOffice) of every test. Reported: each whole run, and the tests
both suites hold (same node ids), summed in each: the same tests, run the old way and today's.

python bench/suite_cpu.py [--old COMMIT] [--out FILE]
    COMMIT: the suite to compare with (default: 82e7ccd, the tree issue 30 measured, before its
    first change); it is checked out into a temporary git worktree and run with this venv.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ISSUE_30_TREE = "82e7ccd"
PLUGIN = "zicha_cpu_profile"  # tests/cpu_profile.py under a name the old tree can load


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", default=ISSUE_30_TREE, help="the commit whose suite is compared")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "suite_cpu.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zicha-suite-cpu-") as work:
        folder = Path(work)
        old_tree = folder / "old"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-f", str(old_tree),
                        args.old], check=True, capture_output=True)
        try:
            report = _compare(old_tree, folder)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old_tree)],
                           check=False, capture_output=True)
    report["old_commit"] = args.old
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    _print(report)
    return 0


def _compare(old_tree: Path, folder: Path) -> dict:
    plugins = folder / "plugins"
    plugins.mkdir()
    shutil.copy(ROOT / "tests" / "cpu_profile.py", plugins / f"{PLUGIN}.py")
    runs = {
        "old": _start(old_tree, folder / "old.json", plugins, []),
        "new": _start(ROOT, folder / "new.json", plugins, ["--ignore=tests/packaging"]),
    }
    whole = {name: _wait(process) for name, process in runs.items()}
    tests = {name: json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))["tests"]
             for name in runs}
    common = [test for test in tests["old"] if test in tests["new"]]
    same = {name: round(sum(tests[name][test] for test in common), 1) for name in runs}
    return {"whole_runs": whole, "tests": {name: len(tests[name]) for name in runs},
            "common_tests": len(common), "common_cpu_s": same,
            "ratio": round(same["new"] / same["old"], 3) if same["old"] else None}


def _start(tree: Path, profile: Path, plugins: Path, extra: list[str]) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZICHA_CPU_PROFILE": str(profile),
           "PYTHONPATH": str(plugins)}
    return subprocess.Popen([sys.executable, "-m", "pytest", "-q", "-p", PLUGIN,
                             "-p", "no:cacheprovider", *extra], cwd=tree, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _wait(process: subprocess.Popen) -> dict:
    """The run's summary line and its CPU: the process and every child it waited for."""
    assert process.stdout is not None
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    summary = next((line for line in reversed(output.splitlines()) if " in " in line), "")
    return {"exit": process.returncode, "summary": summary.strip("= "),
            "user_s": round(usage.ru_utime, 1), "sys_s": round(usage.ru_stime, 1),
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 1)}


def _print(report: dict) -> None:
    for name, run in report["whole_runs"].items():
        print(f"{name:4s} whole run: {run['cpu_s']:7.1f} s CPU ({run['user_s']} user + "
              f"{run['sys_s']} sys), {report['tests'][name]} tests — {run['summary']}")
    same = report["common_cpu_s"]
    print(f"the {report['common_tests']} tests both hold: old {same['old']} s, today's "
          f"{same['new']} s: {report['ratio']:.0%} of the old way")


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crash-safety test's kills leave no cores
    sys.exit(main())
