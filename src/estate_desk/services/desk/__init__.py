"""The front desk (前台): tickets from intake to the owner's sign-off, the live board, the daily review,
the figures and the desk's settings.

Rules: F1 (first receiver, on site in 3 minutes), F2 (feedback in 2 days, one postponement), F3
(sign-off and return visit), F4–F8 (complaints, duty, daily review, repeats, special services).
"""
