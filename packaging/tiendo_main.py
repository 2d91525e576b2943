"""Entry point of the frozen app: the same `main` as the `tiendo` console script.

PyInstaller runs this file as __main__; app.cli itself stays an ordinary module, so it is
imported once, under its own name, exactly as in a pip installation.
"""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
