"""投诉处理台 — start the desktop program: ``python3 main.py [--db URL]``.

The first run creates ``.venv`` and installs everything (see desktop_app/bootstrap.py);
later runs re-execute this file inside ``.venv`` straight away.
"""

from __future__ import annotations

import sys

from desktop_app.bootstrap import ensure_environment  # standard library only

if __name__ == "__main__":
    ensure_environment(__file__, sys.argv[1:])
    from desktop_app.app import main

    sys.exit(main(sys.argv[1:]))
