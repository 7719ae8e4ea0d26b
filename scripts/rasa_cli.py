"""`rasa` as `make run` and `make shell` start it: without the dependencies' warning noise,
and with a `rasa shell` that can read piped input.

    .venv/bin/python scripts/rasa_cli.py run --model models/knee-triage.tar.gz ...
    printf 'my knee hurts\\n/stop\\n' | .venv/bin/python scripts/rasa_cli.py shell ...

Same arguments as `rasa`. Two changes:

1. Warnings. Importing Rasa prints a screen of deprecation warnings that are not the
   reader's to act on (pyparsing via packaging and matplotlib, click via typer and spaCy,
   distutils via sanic-cors, pkg_resources, jax via TensorFlow, SQLAlchemy 2.0 via Rasa's
   tracker store...). PYTHONWARNINGS cannot silence them: Sanic runs
   `filterwarnings("once", DeprecationWarning)` when it is imported, ahead of any filter
   from the environment, and Rasa puts its own `once` filter for UserWarning in front later
   on. So this filters at the last step, `warnings.showwarning`, which sees every warning
   the filters let through, and drops
   - DeprecationWarning / PendingDeprecationWarning not raised in this project's own code
     (Python's default, which Sanic's filter overrides: they are meant for the developers
     of the code that raises them, here Rasa's and its dependencies');
   - FutureWarning / UserWarning raised inside one of the NOISY dependencies, or of a
     category one of them defines.
   Everything else is printed as usual: the project's own warnings, Rasa's warnings about
   the model, domain or configuration (UserWarning / FutureWarning from `rasa`),
   RuntimeWarning and the like. Logging, errors and tracebacks are not touched.

2. `rasa shell` with stdin not a terminal. Rasa offers a message's buttons as an arrow-key
   menu, which would take the next piped line ("/stop" included) for Enter on the first
   button, and it hangs on an EOFError at the end of the input. Here the buttons are listed
   after the message instead, so that every piped line is a message, and the end of the
   input ends the conversation like /stop. At a terminal the shell is Rasa's, unchanged.
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
VENV = PROJECT / ".venv"

# Top-level packages whose FutureWarning / UserWarning are library noise for a user of the bot.
NOISY = frozenset({
    "absl", "click", "distutils", "_distutils_hack", "google", "jax", "jaxlib", "keras",
    "matplotlib", "numpy", "packaging", "pkg_resources", "pyparsing", "ruamel", "sanic",
    "sanic_cors", "sanic_routing", "setuptools", "spacy", "sqlalchemy", "tensorflow",
    "tensorflow_addons", "tensorflow_hub", "tensorflow_text", "thinc", "typer",
})
QUIET_CATEGORIES = (DeprecationWarning, PendingDeprecationWarning, FutureWarning, UserWarning)


def _package(filename: str) -> str | None:
    """The top-level package a file belongs to:
    ".../site-packages/sanic_cors/extension.py" -> "sanic_cors"."""
    parts = Path(filename).parts
    for marker in ("site-packages", "dist-packages"):
        if marker in parts:
            rest = parts[parts.index(marker) + 1:]
            return rest[0].removesuffix(".py") if rest else None
    return None


def _in_project(filename: str) -> bool:
    try:
        path = Path(filename).resolve()
    except (OSError, RuntimeError):
        return False
    return path.is_relative_to(PROJECT) and not path.is_relative_to(VENV)


def is_noise(category: type[Warning], filename: str) -> bool:
    if not issubclass(category, QUIET_CATEGORIES) or _in_project(filename):
        return False
    if issubclass(category, (DeprecationWarning, PendingDeprecationWarning)):
        return True
    return (_package(filename) in NOISY
            or category.__module__.split(".")[0] in NOISY)


def quiet_warnings() -> None:
    show = warnings.showwarning

    def showwarning(message, category, filename, lineno, file=None, line=None):  # noqa: ANN001
        if not is_noise(category, filename):
            show(message, category, filename, lineno, file, line)

    warnings.showwarning = showwarning


def pipe_friendly_shell() -> None:
    """See 2. in the module's docstring; Rasa 3.6's rasa.core.channels.console."""
    from rasa.core.channels import console
    from rasa.shared.utils.io import bcolors

    print_bot_output = console._print_bot_output
    get_user_input = console._get_user_input

    def listed_buttons(message: dict[str, Any], is_latest_message: bool = False,
                       color: str = bcolors.OKBLUE) -> None:
        print_bot_output({key: value for key, value in message.items() if key != "buttons"},
                         False, color)
        if message.get("buttons"):
            console.print_buttons(message, False, color)  # "Buttons:", then one a line
        return None

    async def user_input_or_end(previous_response: dict[str, Any] | None) -> str | None:
        try:
            return await get_user_input(previous_response)
        except EOFError:  # the end of the piped input: what /stop does
            return None

    console._print_bot_output = listed_buttons
    console._get_user_input = user_input_or_end


def main() -> None:
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # TensorFlow's C++ start-up lines
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    quiet_warnings()
    if sys.argv[1:2] == ["shell"] and not sys.stdin.isatty():
        pipe_friendly_shell()
    sys.argv[0] = "rasa"
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
