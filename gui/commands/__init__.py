"""Undo commands: each calls a service, keeps ids and values, and announces what changed."""
