"""The command lines: `python -m actions.triage` and `python -m actions.triage.evaluate`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from actions.triage.__main__ import main
from actions.triage.evaluate import main as evaluate_main

ROOT = Path(__file__).resolve().parents[2]
CES = "age: 50\nlocations: [lower_back]\nsymptoms: [saddle_numbness]\n"


def test_text_output_from_a_yaml_file(tmp_path, capsys) -> None:
    case = tmp_path / "case.yml"
    case.write_text(CES)
    assert main([str(case)]) == 0
    out = capsys.readouterr().out
    assert "Level: EMERGENCY" in out and "E-CES" in out and "Safety net:" in out


def test_json_output(tmp_path, capsys) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"locations": ["calf"], "side": "left",
                                "symptoms": ["swelling"], "pain_score": 12}))
    assert main([str(case), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["level"] == "urgent"
    assert [hit["rule_id"] for hit in data["fired"]][0] == "U-DVT"
    assert data["patterns"][0]["id"] == "deep_vein_thrombosis"
    assert data["needs_clarification"][0]["fact"] == "pain_score"
    assert data["open_questions"][0]["level"] == "emergency"


def test_reads_stdin_as_a_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "actions.triage", "--json"], input=CES, cwd=ROOT,
        capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["red_flags"] == ["E-CES"]


def test_vignette_file_with_several_cases(tmp_path, capsys) -> None:
    cases = tmp_path / "cases.yml"
    cases.write_text("- id: a\n  history: {symptoms: [fever]}\n- id: b\n  history: {}\n")
    assert main([str(cases)]) == 0
    out = capsys.readouterr().out
    assert "== a" in out and "== b" in out and "Level: URGENT" in out


def test_unreadable_input_is_an_error_not_a_crash(tmp_path, capsys) -> None:
    assert main([str(tmp_path / "missing.yml")]) == 2
    bad = tmp_path / "bad.yml"
    bad.write_text("locations: [knee\n")
    assert main([str(bad)]) == 2
    bad.write_text("- 1\n- 2\n")
    assert main([str(bad)]) == 2
    assert "error:" in capsys.readouterr().err


def test_evaluate_passes_on_the_suite(capsys) -> None:
    assert evaluate_main([str(ROOT / "tests" / "vignettes"), "--strict"]) == 0
    out = capsys.readouterr().out
    for words in ("exact level agreement", "emergency sensitivity", "under-triage rate",
                  "over-triage rate", "pattern top-1", "pattern top-3", "Disagreements"):
        assert words in out


def test_evaluate_fails_on_an_under_triaged_urgent_case(tmp_path, capsys) -> None:
    cases = tmp_path / "cases.yml"
    cases.write_text(
        "- id: wrong\n  level: urgent\n  patterns: []\n"
        "  history: {age: 30, locations: [kneecap], pain_score: 2, duration_days: 3,\n"
        "    absent: [numbness, tingling, weakness, swelling, locking, giving_way, injury]}\n")
    assert evaluate_main([str(cases)]) == 1
    out = capsys.readouterr().out
    assert "UNDER-TRIAGE" in out and "wrong" in out


def test_evaluate_reports_bad_case_files(tmp_path) -> None:
    cases = tmp_path / "cases.yml"
    cases.write_text("- id: x\n  level: later\n  history: {}\n")
    assert evaluate_main([str(cases)]) == 2
