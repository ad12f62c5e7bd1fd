"""`python -m tps_console`: the same `main` as the `tps-console` console script."""

import sys

from tps_console.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
