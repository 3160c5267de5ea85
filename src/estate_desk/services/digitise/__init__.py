"""Digitisation (数字化, DA/T 31): batches made from a selection and moved step by step, cover sheets
printed for their records, the scan inbox that splits a scanned stack and links each record's pages, and
the 待处理 queue of pages that did not attach (settled by hand: assigned, dropped or rescanned), each record's
decision after the quality check (accepted, or rescanned with a reason) and 验收 by sample before 入库;
the four-properties check of the electronic records (四性检测, DA/T 70) with its report.

Rule: A5 (originals *and* a computer archive). Who may: the archive's keepers (``domain/roles.ARCHIVE_KEEPERS``);
the acceptance sample's share and error-rate limit are set by the administrator or the management office.
"""
