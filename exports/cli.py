"""What every newsdesk command shares: one line on stderr for each problem, named after the command,
and the settings checked before anything starts (``crawler.knobs``).

A command that cannot run says so in one line, ``scrapy <command>: <what is wrong>``, and exits with
the status of ``crawler.outcome`` (2 for bad usage or settings); no traceback. The line goes to
stderr, not to the log: with ``LOG_FILE`` set it is still what cron mails.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

from crawler import knobs, outcome


class CommandError(Exception):
    """A command cannot do what it was asked; ``exitcode`` is what it exits with."""

    def __init__(self, message: str, exitcode: int = outcome.EXIT_FAILED) -> None:
        super().__init__(message)
        self.exitcode = exitcode


def say(command: str, message: str) -> None:
    sys.stderr.write(f"scrapy {command}: {message}\n")


def stop(command: str, message: str, status: int = outcome.EXIT_USAGE) -> NoReturn:
    """Say ``message`` and exit with ``status``: for problems found before the command starts."""
    say(command, message)
    raise SystemExit(status)


def one_line_errors(parser: argparse.ArgumentParser, command: str) -> None:
    """Make ``parser`` report a bad option in one line, ``scrapy <command>: ...``, and exit 2.

    argparse (as Scrapy sets it up) prints the whole usage block before the error; a cron mail or a
    shell user wants the line that says what is wrong, and ``-h`` for the rest.
    """

    def error(message: str) -> NoReturn:
        stop(command, f"{message} (scrapy {command} -h lists the options)")

    parser.error = error  # type: ignore[method-assign]


def no_arguments(command: str, args: list[str]) -> None:
    """Stop with status 2 when a command that takes only options is given more (a typo such as ``-format``)."""
    if args:
        stop(command, f"unexpected argument {args[0]!r} (scrapy {command} -h lists the options)")


def check_settings(command: str, settings, which: Iterable[knobs.Knob] = knobs.KNOBS) -> None:
    """Stop with status 2 on a setting of ``which`` that does not parse; warn about unknown NEWSDESK_* names."""
    try:
        warnings = knobs.check(settings, which)
    except knobs.BadSetting as exc:
        stop(command, f"{exc}; nothing was done")
    for warning in warnings:
        say(command, f"warning: {warning}")


# ---------------------------------------------------------------------- output paths
def output_folder(path: str | Path) -> Path:
    """``path`` as a folder to write files into, created if missing; ``CommandError`` naming the path
    and what is wrong when it cannot be."""
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise CommandError(f"-o {folder}: exists and is not a folder (the export writes several files into one)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(exc, folder) from None
    return folder


def write_file(path: str | Path, text: str, suggest: str = "") -> None:
    """Write ``text`` to ``path`` whole or not at all: into a temporary file beside it, then renamed
    over it, so a reader (a feed reader, a web server) never sees half a file."""
    target = Path(path)
    if target.is_dir():
        raise CommandError(f"-o {path}: is a folder; give a file name{suggest and f', e.g. {target / suggest}'}")
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise cannot_write(exc, target) from None


def cannot_write(exc: OSError, path: str | Path) -> CommandError:
    """An OSError met while writing ``path``, as the one line the command says."""
    return CommandError(f"cannot write {path}: {exc.strerror or exc}")
