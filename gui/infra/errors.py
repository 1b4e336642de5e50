"""What to tell the user about a failure that reached the window."""

from __future__ import annotations

from model.errors import ModelError


def describe(error: BaseException) -> str:
    """A refusal's own Chinese message; anything unexpected by its kind and text."""
    return error.message if isinstance(error, ModelError) else f"{type(error).__name__}: {error}"
