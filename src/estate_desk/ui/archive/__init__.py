"""The archive section (档案) in the window: the browser, the detail pane, the cabinets, registering
and filing dialogs and the attachment preview, over ``services/archive``.
"""
