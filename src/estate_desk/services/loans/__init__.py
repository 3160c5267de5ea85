"""Borrowing (借阅): requests and their approval by grade, the loan desk, due dates, renewals and recalls,
and the borrowing ledger.

Rules: A6 and A12 (approval by grade, clearance), A11 (copies).
"""
