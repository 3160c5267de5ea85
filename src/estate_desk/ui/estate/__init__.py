"""The estate in the window: the owner view and the roster import wizard, over ``services/estate``."""
