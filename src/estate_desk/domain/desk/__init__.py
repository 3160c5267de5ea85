"""The front desk's pure rules: tickets and their two clocks — feedback within 2 days (F1) and on site
within 3 minutes (F4) — the ticket policy (a promise of at most 7 days, postponed at most once, F2),
completion (F3), office hours and duty (F5), the daily review and repeat complaints (F6, F7), and
special services (F8).
"""
