"""The front desk (前台) in the window: the board, intake, handling, sign-off, the daily review and the
figures, over ``services/desk``.
"""
