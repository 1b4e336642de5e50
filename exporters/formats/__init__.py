"""One module per export format, each defining FORMAT (exporters.registry.ExportFormat). The
modules only declare: the writers they call are imported when an export runs."""
