"""The Printing section (打印) in the window: choose, preview, print and save, over ``services/printouts``."""
