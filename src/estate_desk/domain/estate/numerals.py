"""Numbers as the office writes them in room codes: Chinese numerals (三, 十二, 两, 二〇三, 一百零三).

Two ways of writing a number in Chinese are in everyday use on rosters:

* positional, with 十/百/千 (and their financial forms 拾/佰/仟): 三 → 3, 十二 → 12, 二十 → 20,
  九十九 → 99, 一百零三 → 103, 一千五百零二 → 1502; 两 is 2 (两单元);
* digit by digit, with 〇/零 for zero: 二〇三 → 203, 一五〇二 → 1502, 零三 → 03 (the zero kept,
  as a written 03 keeps it).

:func:`chinese_digits` turns either into the ASCII digits it stands for, or ``None`` when the
characters are no number (十十, 百三). Nothing here raises.
"""

from __future__ import annotations

import re

_DIGIT_VALUES: dict[str, int] = {
    "〇": 0,
    "零": 0,
    "○": 0,  # U+25CB, typed for 〇 by many input methods
    "一": 1,
    "壹": 1,
    "幺": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_UNIT_VALUES: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
NUMERAL_CHARACTERS = "".join(_DIGIT_VALUES) + "".join(_UNIT_VALUES)
NUMERAL_RUN = re.compile(f"[{NUMERAL_CHARACTERS}]+")
_LONGEST = 12  # characters of one numeral: enough for 九千九百九十九 and digit-by-digit room numbers


def _positional(text: str) -> int | None:
    """一千五百零二 → 1502; units must fall (千 before 百 before 十); a leading 十 is 一十."""
    total = 0
    digit: int | None = None
    last_unit = 10_000
    zero = False
    for ch in text:
        if ch in _DIGIT_VALUES:
            if digit is not None:
                return None  # 二三十: two digits without a unit between them
            value = _DIGIT_VALUES[ch]
            if value == 0:
                zero = True
                continue
            digit = value
            continue
        unit = _UNIT_VALUES[ch]
        if unit >= last_unit:
            return None  # 十十, 十百
        if digit is None:
            if unit != 10 or total or zero:
                return None  # 百三, 一百零十
            digit = 1  # 十二 = 一十二
        total += digit * unit
        last_unit, digit, zero = unit, None, False
    if digit is not None:
        # 一百零三 → 103; 一百五 (said for 150) → 150: a last digit without 零 is one place below the unit
        total += digit if zero or last_unit == 10 else digit * (last_unit // 10)
    return total


def chinese_digits(text: str) -> str | None:
    """The ASCII digits a Chinese numeral stands for: 十二 → "12", 二〇三 → "203", 零三 → "03"; else None."""
    if not text or len(text) > _LONGEST or any(ch not in _DIGIT_VALUES and ch not in _UNIT_VALUES for ch in text):
        return None
    if not any(ch in _UNIT_VALUES for ch in text):
        return "".join(str(_DIGIT_VALUES[ch]) for ch in text)
    value = _positional(text)
    return None if value is None else str(value)


def with_ascii_digits(text: str) -> str | None:
    """``text`` with every Chinese numeral in it written in ASCII digits (三栋二单元 → 3栋2单元).

    ``None`` when a numeral is no number or touches ASCII digits (十2, 3十): such text is no
    room code, and joining the digits would make up one.
    """
    out: list[str] = []
    position = 0
    for run in NUMERAL_RUN.finditer(text):
        digits = chinese_digits(run.group())
        before = text[run.start() - 1] if run.start() else ""
        after = text[run.end()] if run.end() < len(text) else ""
        if digits is None or before.isdigit() or after.isdigit():
            return None
        out += [text[position : run.start()], digits]
        position = run.end()
    out.append(text[position:])
    return "".join(out)
