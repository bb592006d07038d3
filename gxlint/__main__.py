"""``python -m gxlint`` behaves exactly like the ``gxlint`` command."""

import sys

from .cli.main import main

if __name__ == "__main__":
    sys.exit(main())
