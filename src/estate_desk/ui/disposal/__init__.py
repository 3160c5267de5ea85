"""Appraisal and destruction (鉴定销毁) in the window, with the void and hold dialogs, over
``services/disposal``.
"""
