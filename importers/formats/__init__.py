"""One module per import format, each defining FORMAT (importers.registry.ImportFormat)."""
