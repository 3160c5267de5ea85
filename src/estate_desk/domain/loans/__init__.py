"""Borrowing as pure rules: approval by grade, due dates and renewals (A6, A11, A12)."""
