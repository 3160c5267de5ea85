"""The loan desk (借阅台) in the window, over ``services/loans``."""
