"""Digitisation (数字化, DA/T 31): batches made from a selection and moved step by step, cover sheets
printed for their records, the scan inbox that splits a scanned stack and links each record's pages, and
the 待处理 queue of pages that did not attach, and the four-properties check of the electronic records (四性检测,
DA/T 70) with its report.

Rule: A5 (originals *and* a computer archive). Who may: the archive's keepers (``domain/roles.ARCHIVE_KEEPERS``).
"""
