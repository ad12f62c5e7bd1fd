"""What the one-file build runs: the same `main` as the `tps-console` console script."""

import sys
import warnings

from tps_console.cli.main import main

# The build leaves Pillow out (build/frozen_options.py): fpdf2 says so when the report's PDF,
# which holds text only, is written. Nothing for an officer to act on.
warnings.filterwarnings("ignore", message="Pillow could not be imported", category=UserWarning)

if __name__ == "__main__":
    sys.exit(main())
