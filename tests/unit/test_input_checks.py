from __future__ import annotations

import pytest

from language.input_checks import InputProblem, input_problem


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", InputProblem.EMPTY),
        ("   \n ", InputProblem.EMPTY),
        (None, InputProblem.EMPTY),
        ("😭😭😭", InputProblem.NO_WORDS),
        ("?!...", InputProblem.NO_WORDS),
        ("my knee hurts " * 400, InputProblem.TOO_LONG),
        ("<script>alert('x')</script> knee", InputProblem.MARKUP),
        ("<b>knee pain</b>", InputProblem.MARKUP),
        ("me duele mucho la rodilla izquierda", InputProblem.OTHER_LANGUAGE),
        ("j'ai mal au genou depuis trois semaines", InputProblem.OTHER_LANGUAGE),
        ("膝が痛いです", InputProblem.OTHER_LANGUAGE),
        ("колено болит и нога немеет", InputProblem.OTHER_LANGUAGE),
    ],
)
def test_unreadable_messages_are_recognised(text: str | None, problem: InputProblem) -> None:
    assert input_problem(text) is problem


@pytest.mark.parametrize(
    "text",
    [
        "7",
        "8/10",
        "yes",
        "nope",
        "dunno",
        "since tuesday",
        "ma knee proper killin me innit",
        "lft kne hurts wen i walk n foot numb",
        "my knee's killing me and my foot's gone all pins and needles",
        "it's like a 4 or 5 <3",
        "can't pee and numb down there",
    ],
)
def test_ordinary_patient_messages_pass(text: str) -> None:
    assert input_problem(text) is None
