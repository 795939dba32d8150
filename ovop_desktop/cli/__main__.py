"""`python -m ovop_desktop.cli`: the same as the `ovop` command."""

import sys

from ovop_desktop.cli import main

sys.exit(main())
