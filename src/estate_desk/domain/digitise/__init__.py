"""Digitisation (数字化) as pure rules, after DA/T 31-2017 (A5: originals *and* a computer archive).

- ``steps.py``: a batch's steps 准备 → 扫描 → 质检 → 挂接 → 验收 → 入库 and which moves are allowed;
- ``settings.py``: the scan settings of a batch (resolution, colour mode per record, one format) and their checks;
- ``naming.py``: the name of a record's scan file, made from its 档号;
- ``cover_codes.py``: what a scan cover sheet's barcode carries (the estate's code and the 档号) and reading it back;
- ``decisions.py``: accepting a record's scan after 质检, or sending it to be rescanned with a reason;
- ``acceptance.py``: 验收 by sample — the share drawn, a reproducible draw, and the error-rate limit for 入库;
- ``four_properties.py`` and ``file_properties.py``: the four-properties check (四性检测, DA/T 70) — its items,
  how each is judged, and the whole check's tally.
"""
