"""Where the official schemas (360Giving, OCDS, Open Referral UK) are read
from: STANDARDS_DIR, by default the shared folder beside the repository.
The project keeps no copy of them."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STANDARDS_DIR = Path(os.environ.get("STANDARDS_DIR") or ROOT.parent / "shared" / "standards")
