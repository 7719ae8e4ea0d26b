"""Rasa's check of every action server response, without rebuilding its schema each time.

Rasa 3.6 checks each response of the action server against a JSON schema
(`RemoteAction._validate_action_result`) with `jsonschema.validate`, which checks the schema
itself and builds a new validator on every call. The schema covers every event type, so on
this assistant's turns (two to four action calls each) that was a fifth to a third of the
Rasa server's time (py-spy, docs/performance.md). Here the same schema is checked once and
its validator kept; responses are validated exactly as before, with the same error raised
on the same responses (jsonschema's best match, with Rasa's message added).

`install()` runs when `language.components` is imported, which the Rasa server does in
every set-up that loads this project's model (`rasa run`, `rasa shell`, `rasa test`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jsonschema import ValidationError, validators
from jsonschema.exceptions import best_match
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@lru_cache(maxsize=1)
def _validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    kind = validators.validator_for(schema)
    kind.check_schema(schema)
    return kind(schema)


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    error = best_match(_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your response "
        "from the Action endpoint is valid. For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result


__all__ = ["ValidationError", "install", "validate_action_result"]
