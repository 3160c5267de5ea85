"""Sign-in and first-run set-up in the window, over ``services/accounts``."""
