"""`ovop assess` on a final assessment: refused without `--new` or `--reason`, nothing changed;
`--reason` is a correction in the audit log, `--new` a new assessment."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ovop_desktop.cli import main

FULL = "C1=4,C2=4,C3=4,C4=4,C5=4,C6=4,C7=4,C8=4"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_assess_refuses_to_rewrite_a_final_assessment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = str(tmp_path / "home")
    run(capsys, "--home", home, "demo", "--villages", "1", "--seed", "3")
    _, out, _ = run(capsys, "--home", home, "surveys", "list", "--json")
    village = json.loads(out)[0]["village_code"]
    _, out, _ = run(capsys, "--home", home, "rank", "--village", village, "--json")
    product = json.loads(out)[-1]["product_id"]
    assess = ("--home", home, "assess", "--product", product, "--json")
    _, out, _ = run(capsys, "--home", home, "rank", "--village", village, "--json")
    total = {e["product_id"]: e["total"] for e in json.loads(out)}[product]

    # The demo officer's assessment of every candidate is final.
    code, _, err = run(capsys, *assess, "--levels", "C1=1")
    assert code == 1 and "--new" in err and "--reason" in err and "Traceback" not in err
    _, out, _ = run(capsys, "--home", home, "rank", "--village", village, "--json")
    assert {e["product_id"]: e["total"] for e in json.loads(out)}[product] == total

    code, out, _ = run(capsys, *assess, "--levels", FULL, "--reason", "salah baca skala")
    assert code == 0
    corrected = json.loads(out)
    _, out, _ = run(capsys, "--home", home, "rank", "--village", village, "--json")
    assert {e["product_id"]: e["total"] for e in json.loads(out)}[product] == corrected["total"]

    code, out, _ = run(capsys, *assess, "--levels", "C1=5", "--new")
    assert code == 0 and json.loads(out)["assessment_id"] != corrected["assessment_id"]
    with pytest.raises(SystemExit):  # a new assessment is no correction: the two do not mix
        run(capsys, *assess, "--levels", "C1=5", "--new", "--reason", "x")
