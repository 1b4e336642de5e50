"""The portable zip: the bundle's folder as jixiao-zicha-<version>/ with a portable.txt, so the
program keeps its data in data/ beside itself (a USB stick, a PC without installing).

python packaging/portable_zip.py [dist/jixiao-zicha] [--out dist/jixiao-zicha-<version>-portable.zip]
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PORTABLE_NOTE = ("有此文件时，本程序的数据（数据库、备份、设置）保存在本文件夹的 data 子文件夹中，"
                 "不写入用户目录或注册表；删除此文件则改用用户数据文件夹。\r\n"
                 "With this file present the program keeps its data in the data folder beside it.\r\n")


def version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def build_zip(folder: Path, out: Path, top: str) -> int:
    """Write out (through a temporary file); returns the number of entries. Symbolic links (Linux
    and macOS bundles) are stored as links, executables keep their mode."""
    partial = out.with_name(out.name + ".partial")
    count = 0
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(folder.rglob("*")):
            name = f"{top}/{path.relative_to(folder).as_posix()}"
            if path.is_symlink():
                info = zipfile.ZipInfo(name)
                info.create_system = 3
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                archive.writestr(info, os.readlink(path))
            elif path.is_file():
                archive.write(path, name)
            else:
                continue
            count += 1
        archive.writestr(f"{top}/portable.txt", PORTABLE_NOTE.encode("utf-8"))
    partial.replace(out)
    return count + 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "dist" / "jixiao-zicha")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    out = args.out or args.folder.parent / f"jixiao-zicha-{version()}-portable.zip"
    entries = build_zip(args.folder, out, f"jixiao-zicha-{version()}")
    print(f"portable zip: {out} ({entries} entries, {out.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
