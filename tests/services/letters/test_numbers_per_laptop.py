"""Each laptop numbers its own letters: two officers' letters of one year meet at the province.

Officers print their letters before they export, so the province must take a letter whose
number a colleague's letter already has: a number is unique per issuing laptop, not overall.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import select

from ovop_desktop.db.models import Letter, Survey
from ovop_desktop.services.letters.letter_content import LetterOptions
from ovop_desktop.services.letters.register import IssuedLetter, issue_letter, letter_register
from ovop_desktop.services.letters.verification import verify_letter
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.services.settings.officers import local_device_id
from ovop_desktop.services.sync.packages import export_package, import_package
from tests.conftest import Home, MakeHome

DAY = date(2026, 11, 2)


def _issue(home: Home, index: int = 0) -> IssuedLetter:
    db = home.db
    with db.session() as session:
        surveys = list(session.scalars(select(Survey.id).order_by(Survey.village_code)))
    return issue_letter(
        db,
        home.paths,
        surveys[index],
        # The village may hold a letter already (a colleague's, imported): this one replaces it.
        LetterOptions("Bupati", "Amuntai", issued_on=DAY, replace_reason="uji penomoran"),
        rubric_in_force(db),
    )


def _letters(home: Home) -> list[tuple[uuid.UUID | None, int, str]]:
    with home.db.session() as session:
        return sorted(
            (letter.device_id, letter.sequence, letter.number)
            for letter in session.scalars(select(Letter))
        )


def test_two_officers_letters_of_one_year_both_arrive_at_the_province(
    make_home: MakeHome, tmp_path: Path
) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    yusuf = make_home("yusuf", "Yusuf", seed=2)
    letters = [_issue(rahmah), _issue(yusuf)]
    assert letters[0].number == letters[1].number  # each laptop's first letter of 2026
    packages = [
        export_package(home.db, home.paths, tmp_path / f"usb-{name}").path
        for name, home in (("rahmah", rahmah), ("yusuf", yusuf))
    ]
    province = make_home("provinsi")

    results = [import_package(province.db, province.paths, p, trust_new=True) for p in packages]

    assert [r.status for r in results] == ["imported", "imported"], [r.reason for r in results]
    devices = [local_device_id(rahmah.db), local_device_id(yusuf.db)]
    assert _letters(province) == sorted((d, 1, letters[0].number) for d in devices)
    register = letter_register(province.db, 2026)
    assert sorted(e.letter_id for e in register) == sorted(x.letter_id for x in letters)
    for letter in letters:  # each is found by its own code, whatever its number
        found = verify_letter(province.db, letter.verification_code)
        assert (found.status, found.number) == ("valid", letter.number)
        assert found.code == letter.verification_code


def test_a_laptop_holding_a_colleagues_letters_numbers_on_from_its_own(
    make_home: MakeHome, tmp_path: Path
) -> None:
    """Yusuf imports Rahmah's two letters of 2026: his first letter is still number 1 and his
    second number 2, neither skipping past hers nor colliding with them."""
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    yusuf = make_home("yusuf", "Yusuf", seed=2)
    hers = [_issue(rahmah, 0), _issue(rahmah, 1)]
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    assert import_package(yusuf.db, yusuf.paths, package, trust_new=True).status == "imported"

    his = [_issue(yusuf, 0), _issue(yusuf, 1)]

    assert [x.number for x in his] == [x.number for x in hers]
    mine, theirs = local_device_id(yusuf.db), local_device_id(rahmah.db)
    assert _letters(yusuf) == sorted(
        [(theirs, n, hers[n - 1].number) for n in (1, 2)]
        + [(mine, n, his[n - 1].number) for n in (1, 2)]
    )
    assert len(letter_register(yusuf.db)) == 4
    assert verify_letter(yusuf.db, his[1].verification_code).status == "valid"
    assert verify_letter(yusuf.db, hers[1].verification_code).status == "valid"


def test_letters_from_before_letters_carried_their_laptop_are_never_renumbered(
    make_home: MakeHome,
) -> None:
    """A letter without a device (issued before they carried one) counts as the laptop's own:
    the next number follows it."""
    home = make_home("rahmah", "Rahmah", seed=1)
    first = _issue(home)
    with home.db.session() as session:
        letter = session.get(Letter, first.letter_id)
        assert letter is not None
        letter.device_id = None

    second = _issue(home, 1)

    with home.db.session() as session:
        sequences = [
            session.scalars(select(Letter.sequence).where(Letter.id == x.letter_id)).one()
            for x in (first, second)
        ]
    assert sequences == [1, 2]
    assert second.number != first.number
