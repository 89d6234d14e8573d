"""Entry point of the frozen (PyInstaller) app: the same `frontdesk` command as the wheel."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
