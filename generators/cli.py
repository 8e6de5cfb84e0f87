"""The command line: thin. Each subcommand lives in `generators/commands/<name>.py`.

Exit codes: 0 no errors, 1 errors found (or warnings with --strict), 2 usage or internal error.
No traceback reaches a user; set STYRDOKUMENT_DEBUG=1 to see one.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
import traceback
from types import ModuleType
from typing import NoReturn

import generators.commands as commands_package

EXIT_OK, EXIT_VIOLATIONS, EXIT_USAGE = 0, 1, 2


_ARGPARSE_MESSAGES = (
    ("unrecognized arguments:", "okända argument:"),
    ("the following arguments are required:", "följande argument krävs:"),
    ("invalid choice:", "ogiltigt val:"),
    ("choose from", "välj bland"),
    ("expected one argument", "väntade ett värde"),
    ("not allowed with argument", "får inte användas tillsammans med"),
    ("one of the arguments", "ett av argumenten"),
    ("is required", "krävs"),
    ("invalid float value:", "ogiltigt tal:"),
    ("invalid int value:", "ogiltigt heltal:"),
)


class _SwedishHelp(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with Swedish headings: policy owners read the help too."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _SwedishHelp)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argument"
        self._optionals.title = "flaggor"
        self.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")

    def error(self, message: str) -> NoReturn:  # argparse's default is English and terse
        for english, swedish in _ARGPARSE_MESSAGES:
            message = message.replace(english, swedish)
        self.print_usage(sys.stderr)
        print(f"{self.prog}: fel i anropet: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _command_modules() -> list[ModuleType]:
    modules = []
    for info in sorted(pkgutil.iter_modules(commands_package.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"generators.commands.{info.name}")
        if hasattr(module, "run") and hasattr(module, "add_arguments"):
            modules.append(module)
    return modules


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m generators",
        description="Styrdokument som kod: kontrollera policyerna och generera webbplats och JSON-regler.",
    )
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=_Parser)
    sub.required = True
    for module in _command_modules():
        name = module.__name__.rsplit(".", 1)[-1].replace("_", "-")  # new_version.py is `new-version`
        doc = (module.__doc__ or "").strip().splitlines()
        command = sub.add_parser(name, help=doc[0] if doc else None, description=(module.__doc__ or "").strip())
        module.add_arguments(command)
        command.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args._run(args))
    except KeyboardInterrupt:
        print("Avbrutet.", file=sys.stderr)
        return EXIT_USAGE
    except UsageError as error:
        _stderr(f"Fel: {error}")
        return EXIT_USAGE
    except Exception as error:  # noqa: BLE001 - the promise is: never a traceback for a user
        if os.environ.get("STYRDOKUMENT_DEBUG"):
            traceback.print_exc()
        _stderr(
            f"Internt fel ({type(error).__name__}: {error}). Det här är ett fel i verktyget, inte i policyerna; "
            "kör igen med STYRDOKUMENT_DEBUG=1 och rapportera utskriften.",
        )
        return EXIT_USAGE


def _stderr(text: str) -> None:
    """A message to stderr. Under GitHub Actions it may quote a path or a value from the policies, so
    it goes out as plain text no runner reads as a workflow command (see reporters/github.py)."""
    if os.environ.get("GITHUB_ACTIONS") == "true":
        from generators.reporters.github import plain

        sys.stderr.write(plain(text))
    else:
        print(text, file=sys.stderr)


class UsageError(Exception):
    """A mistake in how the command was called (a folder that does not exist, a bad date)."""
