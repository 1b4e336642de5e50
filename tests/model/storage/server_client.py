"""One clerk's process for the concurrency test: once all four are told to start, edits the
落实情况 of the items it may edit for the seconds given (a stale version is re-read and retried),
tries one item it may not edit, attaches one file; prints each acknowledged write and each
refusal as a JSON line."""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from model.errors import ConflictError, ModelError  # noqa: E402
from model.services import Services  # noqa: E402
from model.sharing.permissions import rights_of  # noqa: E402
from model.storage.opening import open_database  # noqa: E402


def main(url: str, seconds: float, name: str, attach: str) -> None:
    services = Services.over(open_database(url))
    rights = rights_of(services.db)
    assessment = services.assessments.list()[0].id
    items = services.items.list(assessment)
    mine = [i.id for i in items if rights.may_edit_item(i.department)][:6]
    others = [i.id for i in items if not rights.may_edit_item(i.department)]
    print(json.dumps({"ready": True}), flush=True)
    sys.stdin.readline()  # all four start writing at once (each has opened and read by then)
    end, n = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        item_id = random.choice(mine)
        value = f"{name}-{n}"
        try:
            current = services.items.get(item_id)
            services.items.update(item_id, current.version, result=value)
        except ConflictError:
            continue  # another process wrote first: read again
        print(json.dumps({"write": [item_id, value]}), flush=True)
        n += 1
    if others:
        for _ in range(20):  # the compiler may be writing that item too: a stale version, again
            current = services.items.get(others[0])
            try:
                services.items.update(others[0], current.version, result="越权")
                print(json.dumps({"unexpected": others[0]}), flush=True)
            except ConflictError:
                continue
            except ModelError as exc:
                print(json.dumps({"refused": exc.message}, ensure_ascii=False), flush=True)
            break
        try:
            services.evidence.attach_file(others[0], Path(attach))
            print(json.dumps({"unexpected": others[0]}), flush=True)
        except ModelError as exc:
            print(json.dumps({"refused_attach": exc.message}, ensure_ascii=False), flush=True)
    record = services.evidence.attach_file(mine[0], Path(attach))
    print(json.dumps({"attached": record.file_sha256}), flush=True)
    services.close()


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4])
