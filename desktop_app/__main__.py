"""``python -m desktop_app …`` — the command line."""

from desktop_app.cli.main import main

raise SystemExit(main())
