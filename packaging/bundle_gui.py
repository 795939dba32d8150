"""Entry point of the frozen `ovop-desktop` (windowed): the same as the installed script."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The letter batch renders in a process pool: on Windows (spawn) each worker starts this
    # executable again, and freeze_support() turns it into a worker instead of a second window.
    multiprocessing.freeze_support()
    from ovop_desktop.cli import gui_main

    sys.exit(gui_main())
