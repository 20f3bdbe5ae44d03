"""`make demo`: serve the demo site on loopback, crawl it into demo.db, print what was found."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlite_utils import Database  # noqa: E402

from exports.summary import summarize  # noqa: E402
from tests.conftest import start_site_server, stop_site_server  # noqa: E402

SEED = "/post/ukraine-crisis-unresolved-after-witkoff-putin-discussions-in-moscow"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="demo.db")
    args = parser.parse_args()
    db_path = Path(args.db) if os.path.isabs(args.db) else ROOT / args.db
    # The demo site gets a new port each time, so its URLs change: start from an empty file.
    for stale in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        stale.unlink(missing_ok=True)
    server = start_site_server()
    try:
        print(f"Demo site on {server.base}; crawling it into {args.db} ...", flush=True)
        starts = ",".join(server.url(p) for p in ("/robots.txt", "/", "/feed.xml"))
        done = subprocess.run(
            [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"start_urls={starts}",
             "-s", f"NEWSDESK_DB={args.db}", "-s", "LOG_LEVEL=WARNING"],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        if done.returncode != 0:
            print(f"scrapy crawl failed with status {done.returncode}", file=sys.stderr)
            return done.returncode
        db = Database(db_path)
        print(summarize(db, server.url(SEED)))
        db.close()
        return 0
    finally:
        stop_site_server(server)


if __name__ == "__main__":
    sys.exit(main())
