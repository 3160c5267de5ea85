"""Archive numbers (A7), retention periods (A17) and the seven categories (A4)."""

from __future__ import annotations

from datetime import date

import pytest

from estate_desk.domain.archive.categories import SEVEN_CATEGORIES
from estate_desk.domain.archive.numbers import NumberingKey, format_archive_number, validate_pattern
from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.errors import InputProblem
from estate_desk.domain.secrecy.grades import Grade


def test_A7_default_archive_number_is_dat22_style() -> None:
    key = NumberingKey("Z001", "YZ", 2024, Retention.permanent())
    assert format_archive_number(key, 7) == "Z001-YZ·2024-Y-0007"
    assert format_archive_number(NumberingKey("Z001", "WX", 2019, Retention.years(10)), 123) == "Z001-WX·2019-D10-0123"


def test_A7_office_pattern_must_contain_the_item_number() -> None:
    assert validate_pattern("{fonds}/{category}/{year}/{item:05d}")
    with pytest.raises(InputProblem):
        validate_pattern("{fonds}-{year}")
    with pytest.raises(InputProblem):
        validate_pattern("{fonds}-{owner}-{item}")


def test_A17_retention_counts_from_the_end_of_the_record_year() -> None:
    assert Retention.years(10).expires_on(2015) == date(2025, 12, 31)
    assert Retention.permanent().expires_on(2015) is None
    assert Retention.parse("30y") == Retention.years(30) == Retention.parse("30年")
    assert Retention.parse("永久").is_permanent
    with pytest.raises(InputProblem):
        Retention.parse("forever-ish")


def test_A4_seven_categories_with_two_letter_codes() -> None:
    assert [c.name_zh for c in SEVEN_CATEGORIES] == [
        "工程技术资料",
        "业主及各办公部门档案",
        "装修档案",
        "维修资料",
        "业主反馈信息",
        "本部门员工管理资料",
        "行政文件资料",
    ]
    assert all(len(c.code) == 2 and c.code.isupper() for c in SEVEN_CATEGORIES)
    assert len({c.code for c in SEVEN_CATEGORIES}) == 7
    assert all(c.suggestions for c in SEVEN_CATEGORIES)


def test_A12_owner_files_are_top_secret_by_default() -> None:
    owner_files = next(c for c in SEVEN_CATEGORIES if c.code == "YZ")
    assert owner_files.default_grade is Grade.TOP_SECRET
