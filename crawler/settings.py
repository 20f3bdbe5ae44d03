"""Scrapy settings for newsdesk. Knobs only: fields live in crawler.items.

Every value can be overridden on the command line with ``-s NAME=value``.
"""

BOT_NAME = "newsdesk"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
COMMANDS_MODULE = "exports.commands"

# Polite by default: robots.txt obeyed, AutoThrottle adapting the rate to the server.
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_TARGET_CONCURRENCY = 4.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 8
USER_AGENT = "newsdesk (+https://github.com/newsdesk/newsdesk)"

# Bounds on what one response may cost.
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 10
# A 429/503 asking (Retry-After) for a longer wait than this many seconds is given up on.
NEWSDESK_RETRY_AFTER_MAX = 60

EXTENSIONS = {
    # A JOBDIR left by a killed crawl (SIGKILL) is moved aside instead of resumed half-empty.
    "crawler.jobguard.KilledJobGuard": 0,
}

DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.RetryAfterMiddleware": 560,
    "crawler.middlewares.RedirectGuardMiddleware": 610,
    # Stored articles are fetched again with conditional GETs (crawler/incremental.py).
    "crawler.incremental.ConditionalRequestMiddleware": 580,
}

ITEM_PIPELINES = {
    "pipelines.normalize.NormalizePipeline": 100,
    "pipelines.dedupe.DedupePipeline": 200,
    "pipelines.store.SQLitePipeline": 900,
}

# newsdesk knobs.
NEWSDESK_DB = "newsdesk.db"
NEWSDESK_BATCH_SIZE = 50
# Links followed from a page that is not an article (front page → section → article = 2).
NEWSDESK_MAX_HOPS = 2
# Sitemaps nested deeper than this (robots.txt → index → urlset is 3) are not followed.
NEWSDESK_SITEMAP_MAX_DEPTH = 4
# Pages listed by sitemaps wait in a temporary file and go to the scheduler this many at a time
# (without JOBDIR; with it, Scrapy's disk queue holds them).
NEWSDESK_BACKLOG_BATCH = 1000

# Recurring crawls (crawler/incremental.py): skip what the sitemap says is unchanged, revalidate
# stored articles with conditional GETs, revisit articles published in the last NEWSDESK_REVISIT_HOURS.
# NEWSDESK_INCREMENTAL=False fetches and parses everything again.
NEWSDESK_INCREMENTAL = True
NEWSDESK_REVISIT_HOURS = 48

# The function that turns a page into an Article: extract_article(tree_or_html, url, fetched_at).
NEWSDESK_EXTRACTOR = "crawler.extract.extract_article"

# No listening ports by default.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
