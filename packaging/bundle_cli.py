"""Entry point of the frozen `ovop` (console): the same as the installed script."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # see bundle_gui.py: the letter batch's process pool
    from ovop_desktop.cli import main

    sys.exit(main())
