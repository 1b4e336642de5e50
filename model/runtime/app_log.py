"""One dated line in the program's log (error.log in the user's data folder) about something the
clerk need not be asked about, such as a catalogue that could not be loaded."""

from __future__ import annotations

from datetime import datetime

from model.storage.location import log_file_path


def log_line(message: str) -> None:
    """Append message as one line; a log that cannot be written is no reason to stop."""
    text = " ".join(message.split())
    try:
        with open(log_file_path(), "a", encoding="utf-8") as handle:
            handle.write(f"{datetime.now().isoformat(timespec='seconds')} {text}\n")
    except OSError:
        pass
