"""The clerk's routines in the window: the today page, inspections, census and arrears, over
``services/routines``.
"""
