"""The front desk's pure rules: tickets and their two clocks (F1–F4), the ticket policy (the promise of
at most 7 days and the one postponement, F2), office hours and duty (F5), the daily review and
repeat complaints (F6, F7), special services (F8).
"""
