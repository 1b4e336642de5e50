"""Dialogs, one module each: exports, import preview, new assessment, preferences, backups."""
