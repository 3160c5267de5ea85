"""Phone numbers (联系电话): kept as typed, and compared in one normalised form.

The office types the same number many ways — ``13800138000``, ``138 0013 8000``,
``+86 138-0013-8000``, ``0086 13800138000``, ``86-138-0013-8000``. :func:`phone_digits` gives
the one form search and duplicate detection use: digits only, China's country code (+86, 0086,
86-) removed. A fixed line written with the country code keeps its trunk 0 (``+86 10 12345678``
→ ``01012345678``), so it equals the number as dialled at home (``010-12345678``).
"""

from __future__ import annotations

import re
import unicodedata

_NOT_DIGITS = re.compile(r"[^0-9]+")
_COUNTRY = re.compile(r"\s*(?:\+\s*86|0086|86(?=[\s\-()]))[\s\-()]*")


def _is_mobile(digits: str) -> bool:
    return len(digits) == 11 and digits.startswith("1")


def phone_digits(text: str | None) -> str:
    """The normalised form of a phone number: digits only, without China's country code ("" when blank)."""
    written = unicodedata.normalize("NFKC", text or "").strip()
    country = _COUNTRY.match(written)
    digits = _NOT_DIGITS.sub("", written[country.end() :] if country else written)
    if country is None and len(digits) == 13 and digits.startswith("86") and _is_mobile(digits[2:]):
        return digits[2:]  # 8613800138000: a mobile number with the country code run in
    if country is not None and digits and not _is_mobile(digits) and not digits.startswith("0"):
        return "0" + digits  # +86 10 12345678 is 010-12345678
    return digits
