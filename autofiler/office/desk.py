"""The office's reconciliation as one service: read the ledger, read the site's two lists, reconcile.

The ledger is read (and its mistakes reported) before a browser starts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from autofiler.config import Settings
from autofiler.office.ledger_sheet import read_ledger
from autofiler.office.reconciliation import Reconciliation, reconcile


def reconcile_ledger(settings: Settings, ledger: Path, *, overdue_days: int = 30,
                     today: dt.date | None = None) -> Reconciliation:
    from autofiler.site.lists import list_reading
    from autofiler.site.session.site_session import open_site

    rows = read_ledger(ledger)
    settings.require_user()
    with open_site(settings) as site:
        reader = list_reading.ListReader(site)
        own = reader.read(list_reading.list_menu(site, subcenters=False))
        subcenters = reader.read(list_reading.list_menu(site, subcenters=True))
    return reconcile(rows, own, subcenters, today=today or dt.date.today(), overdue_days=overdue_days)
