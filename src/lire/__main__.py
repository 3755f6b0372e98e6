"""``python -m lire``."""

import sys

from lire.cli import main

sys.exit(main())
