"""投诉处理台 — Legal-Aid Complaint Desk.

Importing this package must stay cheap and dependency-free: ``main.py`` and
``tests/run.py`` import :mod:`desktop_app.bootstrap` before the virtual
environment exists.
"""

__version__ = "0.1.0"
APP_NAME = "投诉处理台"
APP_ID = "complaint-desk"
