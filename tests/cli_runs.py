"""main.py's main() run in this process, as a separate run would be (its own environment,
stdin, stdout and stderr), for tests of what a command prints and returns: a new interpreter
costs a second of CPU. Tests of the process itself (imports, encodings, start-up, signals,
two processes at once) keep real ones."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys


def run_main(args: list[str], env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess:
    import main as entry

    saved_env, saved_stdin = dict(os.environ), sys.stdin
    out, err = io.StringIO(), io.StringIO()
    os.environ.clear()
    os.environ.update(env)
    sys.stdin = io.StringIO(stdin or "")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = entry.main(args)
            except SystemExit as exit_:  # argparse's own exit
                code = exit_.code if isinstance(exit_.code, int) else 2
    finally:
        os.environ.clear()
        os.environ.update(saved_env)
        sys.stdin = saved_stdin
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())
