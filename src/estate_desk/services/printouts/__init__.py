"""Printouts (打印): every printable document in one registry, over ``printing/``: box labels, catalogues,
the register book, box notes, the loan register, recall notices, the daily review.

Rules: A7 (catalogues), A8 (box labels), A9 (order), A11 (print rights are enforced once, in
``services/secrecy/print_rights.py``).
"""
