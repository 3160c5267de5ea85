"""Digitisation's pure rules: the batch's steps, DA/T 31's scan settings, file names and cover-sheet codes."""

from __future__ import annotations

import pytest

from estate_desk.domain.digitise import cover_codes, naming, settings
from estate_desk.domain.digitise.steps import Step, allowed_moves, check_move, next_step
from estate_desk.domain.errors import InputProblem, RuleViolation


def test_steps_run_in_da_t_31_order_from_preparation_to_returned() -> None:
    assert [s.zh for s in Step] == ["准备", "扫描", "质检", "挂接", "验收", "入库"]
    assert next_step(Step.PREPARE) is Step.SCAN
    assert next_step(Step.RETURNED) is None


def test_a_batch_moves_one_step_forward_or_back_to_scanning_from_the_checks() -> None:
    assert allowed_moves(Step.PREPARE) == {Step.SCAN}
    assert allowed_moves(Step.CHECK) == {Step.LINK, Step.SCAN}
    assert allowed_moves(Step.ACCEPT) == {Step.RETURNED, Step.SCAN}
    assert allowed_moves(Step.RETURNED) == frozenset()
    assert check_move("B1", Step.CHECK, Step.SCAN) is Step.SCAN


def test_skipping_a_step_is_refused_in_both_languages_naming_the_next_step() -> None:
    with pytest.raises(RuleViolation) as caught:
        check_move("B1", Step.PREPARE, Step.CHECK)
    assert "扫描" in caught.value.zh and "Scanning" in caught.value.en
    assert "A5" not in caught.value.bilingual()


def test_a_returned_batch_moves_no_more() -> None:
    with pytest.raises(RuleViolation, match="archive room"):
        check_move("B1", Step.RETURNED, Step.SCAN)


def test_scan_settings_default_to_300_dpi_colour_and_one_pdf_format() -> None:
    made = settings.make_settings()
    assert (made.dpi, made.colour, made.file_format) == (300, settings.ColourMode.COLOUR, settings.FileFormat.PDF)


def test_a_resolution_below_200_dpi_is_refused_with_the_limit_named() -> None:
    assert settings.make_settings(dpi=200).dpi == 200
    with pytest.raises(InputProblem) as caught:
        settings.make_settings(dpi=150)
    assert "200" in caught.value.zh and "200" in caught.value.en


def test_colour_mode_is_per_record_with_the_batch_default_for_the_rest() -> None:
    made = settings.make_settings(colour="彩色", colour_by_record={7: "binary", 8: "灰度"})
    assert made.colour_of(7) is settings.ColourMode.BINARY
    assert made.colour_of(8) is settings.ColourMode.GREY
    assert made.colour_of(9) is settings.ColourMode.COLOUR


def test_an_unknown_colour_mode_or_format_is_refused() -> None:
    with pytest.raises(InputProblem, match="Colour mode"):
        settings.make_settings(colour="sepia")
    with pytest.raises(InputProblem, match="one format"):
        settings.make_settings(file_format="bmp")
    assert settings.parse_format(".tif") is settings.FileFormat.TIFF


def test_a_multi_page_scan_is_named_by_its_archive_number_alone() -> None:
    assert naming.scan_file_name("Z001-YZ·2023-0042") == "Z001-YZ·2023-0042.pdf"


def test_a_page_image_is_named_by_archive_number_and_four_digit_running_number() -> None:
    assert naming.page_image_name("Z001-YZ·2023-0042", 3, "jpeg") == "Z001-YZ·2023-0042-0003.jpg"


def test_characters_no_file_system_takes_become_underscores() -> None:
    assert naming.scan_file_name("A/B:C") == "A_B_C.pdf"
    with pytest.raises(InputProblem):
        naming.scan_file_name("///")


def test_a_cover_sheet_code_carries_the_estate_and_the_archive_number_and_reads_back() -> None:
    code = cover_codes.record_code("Z001", "Z001-YZ·2023-Y-0042")
    assert code == "ED1:Z001:Z001-YZ.2023-Y-0042"
    read = cover_codes.parse(code)
    assert read == cover_codes.SheetCode("Z001", "Z001-YZ.2023-Y-0042")
    assert cover_codes.same_record(read.archive_code or "", "Z001-YZ·2023-Y-0042")
    assert not read.is_end


def test_another_estates_sheet_is_told_apart_by_its_estate_code() -> None:
    read = cover_codes.parse(cover_codes.record_code("Z999", "Z001-YZ·2023-Y-0042"))
    assert read is not None and read.estate == "Z999"


def test_the_end_of_batch_sheet_reads_back_as_the_end_with_its_batch() -> None:
    read = cover_codes.parse(cover_codes.end_code("Z001", "Z001-SM-2026-001"))
    assert read is not None and read.is_end and read.batch == "Z001-SM-2026-001"


def test_other_barcodes_are_no_cover_sheet_codes() -> None:
    for text in ("Z001-YZ-2016-H001", "ED1:Z001", "ED1::X", "ED2:Z001:X", ""):
        assert cover_codes.parse(text) is None


def test_an_archive_number_too_long_for_a_sheet_barcode_is_refused() -> None:
    with pytest.raises(InputProblem, match="too long"):
        cover_codes.record_code("Z001", "Z001-" + "X" * 60)
    with pytest.raises(InputProblem, match="barcode cannot carry"):
        cover_codes.record_code("Z001", "物业-2023-1")
