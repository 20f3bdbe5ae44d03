"""Scrapy settings for newsdesk. Knobs only: fields live in crawler.items.

Every value can be overridden on the command line with ``-s NAME=value``.
"""

from crawler import knobs

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

EXTENSIONS = {
    # A JOBDIR left by a killed crawl (SIGKILL) is moved aside instead of resumed half-empty.
    "crawler.jobguard.KilledJobGuard": 0,
    # An unreachable robots.txt is one warning line, not an error with a traceback.
    "crawler.middlewares.RobotsTxtErrorLog": 0,
}

# With NEWSDESK_FRONTIER set, a crawl is a worker of a shared frontier in Redis (crawler/worker.py):
# the add-on swaps in scrapy-redis' scheduler and sends items to Redis; without it, nothing changes.
ADDONS = {"crawler.frontier.FrontierAddon": 0}

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

# The newsdesk knobs (NEWSDESK_*) and the bounds on what one response may cost (DOWNLOAD_TIMEOUT,
# DOWNLOAD_MAXSIZE, RETRY_TIMES...) are declared, with their types and what they do, in crawler/knobs.py.
globals().update(knobs.defaults())

# No listening ports by default.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
# A request that failed after its retries is logged once, by the spider, as a WARNING naming the
# failure and its stat (and, for a start URL, by the run's one ERROR line); Scrapy's own
# "Gave up retrying" ERROR for the same request would be a second, louder copy.
RETRY_GIVE_UP_LOG_LEVEL = "INFO"
