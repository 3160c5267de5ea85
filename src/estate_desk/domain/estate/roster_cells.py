"""Reading single cells of an owner roster (业主名册): dates in mixed formats, phones, areas, names.

Cells come from Excel (numbers, dates, text) or from CSV (always text). Every reader here
accepts both, and refuses what it cannot read with an :class:`InputProblem` that quotes the
value and says how to write it.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from estate_desk.domain.errors import InputProblem
from estate_desk.domain.estate.numerals import chinese_digits

Cell = str | int | float | Decimal | date | time | None
"""A cell as openpyxl or the CSV reader hands it over (datetime is a date)."""

EXCEL_EPOCH = date(1899, 12, 30)
"""Day 0 of Excel's 1900 date system (serial 1 is 1900-01-01 because of the fake 1900-02-29)."""
FIRST_YEAR, LAST_YEAR = 1900, 2100
FIRST_SERIAL = 61  # 1900-03-01: serials below that are off by Excel's 1900 leap-year bug

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_YMD = re.compile(rf"(\d{{4}})\s*[-/.]\s*(\d{{1,2}})\s*[-/.]\s*(\d{{1,2}}){_TIME}")
_CHINESE = re.compile(rf"(\d{{4}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*[日号]?{_TIME}")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SERIAL = re.compile(r"\d{1,6}(?:\.\d+)?")
_DATE_FORMS_ZH = "请写成 2023-10-09、2023/10/9、2023.10.9 或 2023年10月9日"
_DATE_FORMS_EN = "write it like 2023-10-09, 2023/10/9, 2023.10.9 or 2023年10月9日"

_PHONE = re.compile(r"\+?[0-9][0-9 \-]*[0-9]")
_AREA_UNITS = ("平方米", "平米", "平", "sqm", "m2", "m")
_NUMBER_SUFFIXES = ("#楼", "号楼", "单元", "栋", "幢", "座", "楼", "室", "号", "房", "#")
_CJK = "\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_SPACES = re.compile(r"\s+")
COMPANY_ENDINGS = ("公司", "集团", "银行", "事务所", "中心", "商行", "合作社", "厂")


def cell_text(value: Cell) -> str:
    """A cell as the user reads it: trimmed text; 13812345678.0 → "13812345678"; a date → 2023-10-09."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ", "minutes")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _quote(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def excel_serial(day: date) -> int:
    """The number Excel stores for a day in its 1900 date system: 2023-10-09 → 45208."""
    return (day - EXCEL_EPOCH).days


def _make_date(year: int, month: int, day: int, written: str) -> date:
    try:
        result = date(year, month, day)
    except ValueError:
        why = f"没有 {month} 月" if not 1 <= month <= 12 else f"{year} 年 {month} 月没有 {day} 日"
        raise InputProblem(
            zh=f"日期「{_quote(written)}」不存在（{why}）", en=f"The date '{_quote(written)}' does not exist"
        ) from None
    return _in_range(result, written)


def _in_range(day: date, written: str) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InputProblem(
            zh=f"日期「{_quote(written)}」不在 {FIRST_YEAR}–{LAST_YEAR} 年之间",
            en=f"The date '{_quote(written)}' is not between {FIRST_YEAR} and {LAST_YEAR}",
        )
    return day


def _from_serial(serial: float | Decimal, written: str) -> date:
    if not FIRST_SERIAL <= serial < excel_serial(date(LAST_YEAR + 1, 1, 1)):
        raise InputProblem(
            zh=f"「{_quote(written)}」不是有效的日期（Excel 日期序号应在 {FIRST_SERIAL} 以上），{_DATE_FORMS_ZH}",
            en=f"'{_quote(written)}' is not a valid date (Excel date serial numbers start at {FIRST_SERIAL}); "
            f"{_DATE_FORMS_EN}",
        )
    return EXCEL_EPOCH + timedelta(days=int(serial))


def parse_date(value: Cell) -> date:
    """A date in any of the forms rosters use.

    Excel date cells (datetime/date), Excel serial numbers (45208, also as text), 2023-10-09,
    2023/10/9, 2023.10.9, 2023年10月9日 (full-width digits too, a time of day ignored) and
    20231009. Anything else — 10/9/2023, 23-10-9, 2023-02-30 — is refused, quoting the value.
    """
    if isinstance(value, datetime):
        return _in_range(value.date(), cell_text(value))
    if isinstance(value, date):
        return _in_range(value, cell_text(value))
    if isinstance(value, bool | time) or value is None:
        raise InputProblem(
            zh=f"「{cell_text(value)}」不是日期，{_DATE_FORMS_ZH}",
            en=f"'{cell_text(value)}' is not a date; {_DATE_FORMS_EN}",
        )
    if isinstance(value, int | float | Decimal):
        if isinstance(value, float) and value != value:  # NaN
            raise InputProblem(zh=f"「{value}」不是日期", en=f"'{value}' is not a date")
        return _from_serial(value, cell_text(value))
    written = value.strip()
    text = unicodedata.normalize("NFKC", written)
    for pattern in (_YMD, _CHINESE, _COMPACT):
        match = pattern.fullmatch(text)
        if match is not None:
            year, month, day = (int(g) for g in match.groups())
            return _make_date(year, month, day, written)
    if _SERIAL.fullmatch(text):
        return _from_serial(Decimal(text), written)
    raise InputProblem(
        zh=f"无法识别日期「{_quote(written)}」，{_DATE_FORMS_ZH}",
        en=f"Cannot read the date '{_quote(written)}': {_DATE_FORMS_EN}",
    )


def parse_phone(value: Cell) -> str:
    """A phone number as written, spaces tidied: digits, spaces and -, 7–20 characters; "" when blank."""
    written = cell_text(value)
    text = _SPACES.sub(" ", unicodedata.normalize("NFKC", written))
    if not text:
        return ""
    if not 7 <= len(text) <= 20 or not _PHONE.fullmatch(text) or sum(c.isdigit() for c in text) < 7:
        raise InputProblem(
            zh=f"电话号码「{_quote(written)}」无效：只能包含数字、空格和「-」，长度 7–20 位",
            en=f"The phone number '{_quote(written)}' is not valid: digits, spaces and '-' only, 7–20 characters",
        )
    return text


def parse_area(value: Cell) -> Decimal | None:
    """An area in m² (89.5, "89.5㎡", "89.5平方米"), a positive number to two decimals; None when blank."""
    written = cell_text(value)
    if not written:
        return None
    text = unicodedata.normalize("NFKC", written).replace(" ", "").lower()
    for unit in _AREA_UNITS:
        if text.endswith(unit):
            text = text[: -len(unit)]
            break
    try:
        area = Decimal(text)
    except InvalidOperation:
        area = Decimal("NaN")
    if not area.is_finite() or not 0 < area < 100_000:
        raise InputProblem(
            zh=f"面积「{_quote(written)}」无效：应为大于 0 的数字（平方米）",
            en=f"The area '{_quote(written)}' is not valid: it must be a number of m² above 0",
        )
    return area.quantize(Decimal("0.01"))


def strip_number_suffix(text: str) -> str:
    """The number in a building/unit/room cell: "3号楼" → "3", "3#楼" → "3", "2单元" → "2", "１５０２室" → "1502"."""
    cleaned = _SPACES.sub("", unicodedata.normalize("NFKC", text))
    for suffix in _NUMBER_SUFFIXES:
        if cleaned.endswith(suffix):
            return cleaned[: -len(suffix)]
    return cleaned


def number_in_cell(text: str) -> str | None:
    """The digits a building/unit/room cell holds, in ASCII: "3#楼" → "3", "三栋" → "3", "十二栋" → "12",
    "二〇三室" → "203", "１５０２" → "1502"; None when it holds no number."""
    number = strip_number_suffix(text)
    if number.isascii() and number.isdigit():
        return number
    return chinese_digits(number)


def normalise_name(text: str) -> str:
    """An owner's name tidied: trimmed, runs of spaces made one, spaces between Chinese characters dropped."""
    return _SPACE_IN_CJK.sub("", _SPACES.sub(" ", text.strip()))


def owner_kind(name: str) -> str:
    """ "company" for 翠湖商贸有限公司 and the like, else "person"."""
    return "company" if name.endswith(COMPANY_ENDINGS) else "person"


def check_text(text: str, limit: int, zh: str, en: str) -> str:
    """``text`` unless it is longer than the database keeps."""
    if len(text) > limit:
        raise InputProblem(zh=f"{zh}过长（最多 {limit} 个字）", en=f"The {en} is too long (at most {limit} characters)")
    return text
