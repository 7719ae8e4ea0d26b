"""Rasa's check of action server responses (runtime/action_results.py) rejects and accepts
exactly what Rasa's own check does, with the validator built once."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

import language.components  # noqa: F401  (installs the faster check, as the Rasa server does)
from runtime import action_results

GOOD = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "side", "value": "left"}],
     "responses": [{"response": "utter_greet"}, {"text": "hello", "buttons": []}]},
    {"events": [{"event": "active_loop", "name": "history_form"},
                {"event": "followup", "name": "action_listen"}], "responses": []},
]
BAD = [
    {"events": [{"event": "no_such_event"}], "responses": []},
    {"events": [{"event": "slot"}], "responses": []},  # a slot event needs a name
    {"events": "not a list", "responses": []},
]


def test_the_rasa_server_uses_the_cached_check() -> None:
    assert RemoteAction._validate_action_result is action_results.validate_action_result


@pytest.mark.parametrize("result", GOOD)
def test_a_valid_response_passes(result) -> None:
    assert action_results.validate_action_result(None, result) is True


@pytest.mark.parametrize("result", BAD)
def test_an_invalid_response_fails_as_with_rasa_s_own_check(result) -> None:
    from jsonschema import validate

    with pytest.raises(ValidationError) as theirs:
        validate(result, RemoteAction.action_response_format_spec())
    with pytest.raises(ValidationError) as ours:
        action_results.validate_action_result(None, result)
    assert ours.value.message.startswith(theirs.value.message)
    assert "Failed to validate Action server response" in ours.value.message
