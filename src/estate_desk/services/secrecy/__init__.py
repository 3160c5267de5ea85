"""Secrecy (保密): grades and clearances, encryption at rest, the archive's keys, print and export rights,
approvals by grade and reading the audit trail (its details as readable text: ``audit_detail.py``).

Rules: A6 (grades, clearance, encryption), A11 (who may print, copy or export), A12 (approvals by
grade). Every other feature asks here what a reader may see; writing the audit trail is the shared
``services/audit.py``.
"""
