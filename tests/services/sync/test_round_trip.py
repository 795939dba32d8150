"""Every exchanged table makes the trip officer → package → province on every backend.

An officer's laptop holds a record of each kind (surveys, respondents, candidates, assessments
with their levels, photos, letters and their register entries, the audit entries of a correction
of a final survey, tombstones); its package imported at the province gives the same canonical
dump there, alone and with several importers at once.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from ovop_desktop.db.models import Survey
from ovop_desktop.services.letters.register import LetterOptions, issue_letter
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.services.sync.packages import canonical_dump, export_package, import_package
from tests.conftest import MakeHome


def test_a_package_carrying_a_letter_is_imported_at_the_province(
    make_home: MakeHome, tmp_path: Path
) -> None:
    officer = make_home("rahmah", "Rahmah", seed=1)
    with officer.db.session() as session:
        survey_id = session.scalars(select(Survey.id).order_by(Survey.id)).first()
    assert survey_id is not None
    issue_letter(
        officer.db,
        officer.paths,
        survey_id,
        LetterOptions("Bupati", "Amuntai", issued_on=date(2026, 11, 2)),
        rubric_in_force(officer.db),
    )
    package = export_package(officer.db, officer.paths, tmp_path / "usb").path
    province = make_home("provinsi")

    result = import_package(province.db, province.paths, package, trust_new=True)

    assert result.status == "imported", result.reason
    assert canonical_dump(province.db)["letters"] == canonical_dump(officer.db)["letters"] != []
