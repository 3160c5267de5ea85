"""The front desk (前台): tickets from intake to the owner's sign-off, the live board, the daily review,
the figures and the desk's settings.

Rules: F1 (whoever receives a request owns it; feedback within 2 days), F2 (a promise of at most
7 days, postponed at most once), F3 (completion with the owner's confirmation, the first receiver
told), F4 (someone on site within 3 minutes), F5 (duty hours), F6 (daily clear, daily review), F7
(a repeat complaint is a failure), F8 (special services with a clear price).
"""
