"""How alike two texts are, by their character pairs (no punctuation, spaces or list marks)."""

from __future__ import annotations

import re

_NOISE = re.compile(r"[\s\u3000，。、；：,.;:！!？?“”\"'‘’（）()《》〈〉【】\[\]{}—…·\-]+")
_MARK = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]"
                   r"|\d{1,3}[.．、](?!\d))")


def normalised(text: str) -> str:
    """The text without its leading list mark, punctuation and spaces."""
    return _NOISE.sub("", _MARK.sub("", text or ""))


def bigrams(text: str) -> frozenset[str]:
    clean = normalised(text)
    if len(clean) < 2:
        return frozenset([clean]) if clean else frozenset()
    return frozenset(clean[i:i + 2] for i in range(len(clean) - 1))


def similarity(a: str, b: str) -> float:
    """Jaccard of the character pairs: 1.0 for the same words, 0.0 for nothing in common."""
    left, right = bigrams(a), bigrams(b)
    if not left and not right:
        return 1.0
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def containment(short: str, long: str) -> float:
    """How much of short's character pairs long holds (an item's content in a paragraph)."""
    left, right = bigrams(short), bigrams(long)
    if not left:
        return 0.0
    return len(left & right) / len(left)
