"""The frozen application's entry point (启动器): the same ``estate-desk`` command, inside the bundle."""

from __future__ import annotations

import multiprocessing
import sys

from estate_desk.cli.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
