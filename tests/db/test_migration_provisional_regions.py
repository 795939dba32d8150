"""0007 → 0008: regions gain `provisional`; every region already stored is official."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from ovop_desktop.db.migrate import upgrade
from ovop_desktop.db.models import Region, Survey
from ovop_desktop.services.database import open_database
from tests.db.test_migrations import _seed_letters


def test_upgrade_to_provisional_regions_keeps_regions_and_surveys(any_backend_url: str) -> None:
    upgrade(any_backend_url, target="0004")
    _seed_letters(any_backend_url, uuid.uuid4())  # regions, a survey and letters
    upgrade(any_backend_url, target="0007")

    result = upgrade(any_backend_url, target="0008")

    assert (result.from_revision, result.to_revision) == ("0007", "0008")
    db = open_database(any_backend_url)
    try:
        with db.session() as session:
            regions = [
                (r.code, r.name, r.provisional)
                for r in session.scalars(select(Region).order_by(Region.code))
            ]
            assert regions == [
                ("63", "KALIMANTAN SELATAN", False),
                ("63.08", "KAB. HULU SUNGAI UTARA", False),
                ("63.08.07", "Banjang", False),
                ("63.08.07.2001", "Banjang", False),
            ]
            assert [s.village_code for s in session.scalars(select(Survey))] == ["63.08.07.2001"]
            session.add(
                Region(
                    code="63.08.07.2099",
                    name="Desa Baru",
                    level="desa",
                    parent_code="63.08.07",
                    provisional=True,
                )
            )
        with db.session() as session:
            placed = session.get(Region, "63.08.07.2099")
            assert placed is not None and placed.provisional is True
    finally:
        db.dispose()
