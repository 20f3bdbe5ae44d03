"""`scrapy export` speed and peak memory on a large database (default 100,000 articles).

    .venv/bin/python bench/export.py [--articles 100000] [--formats jsonl,csv,parquet] [--db PATH]

Crawls the demo site once, then copies its ten articles (with their tables and images) into
``--articles`` distinct articles of a database made with the real schema (FTS triggers included),
and runs ``scrapy export --format F`` on it in a fresh process per format. Prints articles/s and
the peak resident memory of the export process, next to the same export of a tenth of the
articles: flat memory means the two peaks are about the same.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines import schema  # noqa: E402
from tests.conftest import run_crawl, start_site_server, stop_site_server  # noqa: E402

# Runs the export in a child of its own, so RUSAGE_CHILDREN's ru_maxrss is that export's peak alone.
PEAK = ("import resource, subprocess, sys; rc = subprocess.run(sys.argv[1:]).returncode; "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(rc)")


def build(db_path: Path, articles: int) -> None:
    """A database of ``articles`` articles made from the demo site's ten (with tables and images)."""
    seed_db = db_path.with_name("seed.db")
    server = start_site_server()
    try:
        result = run_crawl([server.url("/robots.txt"), server.url("/")], seed_db)
        if result.returncode != 0:
            raise SystemExit(result.log[-3000:])
    finally:
        stop_site_server(server)
    db = schema.open_database(str(db_path))
    db.execute("ATTACH DATABASE ? AS seed", [str(seed_db)])
    cols = ", ".join(f"[{c}]" for c in db["articles"].columns_dict if c != "url")
    copies = -(-articles // 10)
    with db.conn:
        db.execute(f"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {copies}) "
                   f"INSERT INTO articles (url, {cols}) SELECT a.url || '?copy=' || n.i, {cols} "
                   f"FROM n, seed.articles a ORDER BY n.i LIMIT {articles}")
        for table in ("article_tables", "article_images"):
            names = [f"[{c}]" for c in db[table].columns_dict if c != "article_url"]
            source = ", ".join(f"t.{c}" for c in names)
            db.execute(f"INSERT INTO {table} (article_url, {', '.join(names)}) SELECT a.url, {source} FROM articles a "
                       f"JOIN seed.{table} t ON t.article_url = substr(a.url, 1, instr(a.url, '?copy=') - 1)")
    db.execute("DETACH DATABASE seed")
    db.close()


def export(db: Path, fmt: str, out: Path) -> tuple[float, int]:
    cmd = [sys.executable, "-c", PEAK, sys.executable, "-m", "scrapy", "export", "--format", fmt, "-o", str(out),
           "-s", f"NEWSDESK_DB={db}"]
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    return wall, int(done.stdout.strip().splitlines()[-1])  # KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--formats", default="jsonl,csv,parquet")
    parser.add_argument("--db", type=Path, default=None, help="reuse (or keep) the generated database here")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newsdesk-export-bench-"))
    try:
        sizes = (args.articles // 10, args.articles)
        dbs = {}
        for n in sizes:
            path = args.db.with_name(f"{args.db.stem}-{n}.db") if args.db else tmp / f"bench-{n}.db"
            if not path.exists():
                started = time.perf_counter()
                build(path, n)
                print(f"built {path} ({n:,} articles, {path.stat().st_size / 2**20:,.0f} MiB) "
                      f"in {time.perf_counter() - started:.0f} s", flush=True)
            dbs[n] = path
        print(f"\n{'format':8}{'articles':>10}{'wall s':>9}{'articles/s':>12}{'peak RSS MiB':>14}{'output MiB':>12}")
        for fmt in args.formats.split(","):
            for n in sizes:
                out = tmp / f"out-{fmt}-{n}"
                wall, peak_kib = export(dbs[n], fmt, out)
                size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
                print(f"{fmt:8}{n:10,d}{wall:9.1f}{n / wall:12,.0f}{peak_kib / 1024:14.0f}{size / 2**20:12,.0f}",
                      flush=True)
                shutil.rmtree(out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
