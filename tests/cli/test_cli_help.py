"""`ovop --help` at 80 columns prints a kept text without loading argparse: it must be exactly what
the parser prints, and any other width still gets the parser's own help."""

from __future__ import annotations

import pytest

from ovop_desktop.cli import help_text, main
from ovop_desktop.cli.parser import render_help


def test_the_kept_help_is_what_the_parser_prints() -> None:
    assert render_help(help_text.COLUMNS) == help_text.HELP, (
        "cli/help_text.py is out of date: run `make cli-help`"
    )


@pytest.mark.parametrize("flag", ["--help", "-h"])
@pytest.mark.parametrize("columns", [80, 120, 50])
def test_help_at_any_width_is_the_parsers(
    flag: str, columns: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = render_help(columns)
    monkeypatch.setenv("COLUMNS", str(columns))
    try:
        status = main([flag])
    except SystemExit as exit_:  # the parser's own help exits
        status = int(exit_.code or 0)
    assert status == 0
    assert capsys.readouterr().out == expected


def test_version_without_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    from ovop_desktop import __version__

    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"OVOP Desktop {__version__}\n"


def test_help_with_more_arguments_is_the_parsers(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["surveys", "--help"])
    assert exit_.value.code == 0
    assert "usage: ovop surveys" in capsys.readouterr().out
