"""PII masking with validated detectors.

PLACEHOLDER: e-mail only; the privacy work replaces it keeping `mask()` and `contains_pii()`.
"""

from __future__ import annotations

import re

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def mask(text: str) -> str:
    """Return `text` with personal data replaced by tokens such as [EMAIL]."""
    return _EMAIL.sub("[EMAIL]", text)


def contains_pii(text: str) -> bool:
    return mask(text) != text
