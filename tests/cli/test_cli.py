"""The command-line contract other issues and scripts rely on."""

from __future__ import annotations

import json
import sqlite3
import sys
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest

from ovop_desktop.cli import main
from tests.conftest import FIXTURES
from tests.postgres import PostgresServer

# The default rubric, written out by hand from shared/domain/ovop-rubric.md, independent of the
# rubric file and the scoring code.
WEIGHTS = {"C1": 10, "C2": 10, "C3": 10, "C4": 10, "C5": 15, "C6": 10, "C7": 20, "C8": 15}
FOOD = {"makanan", "minuman"}


def _by_hand(levels: dict[str, int], category: str) -> tuple[Decimal, int]:
    total = sum(Decimal(WEIGHTS[c] * levels[c]) / 5 for c in WEIGHTS)
    stars = (
        5 if total >= 90 else 4 if total >= 70 else 3 if total >= 50 else 2 if total >= 30 else 1
    )
    if stars == 5 and not (levels["C5"] >= 4 and levels["C7"] >= 4):
        stars = 4
    if stars >= 4 and (levels["C3"] < 3 or (category in FOOD and levels["C7"] < 4)):
        stars = 3
    return total, stars


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def home(tmp_path: Path) -> str:
    return str(tmp_path / "home")


def test_regions_import_prints_counts_per_level(
    home: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "--home", home, "regions", "import", str(FIXTURES / "wilayah-contoh.csv")
    )
    assert code == 0
    assert "18 baris" in out
    lines = {
        line.split()[0]: line.split()[-1] for line in out.splitlines() if line.startswith("  ")
    }
    assert lines == {
        "provinsi": "1",
        "kabupaten/kota": "4",
        "kecamatan": "5",
        "desa": "6",
        "kelurahan": "2",
    }


def test_demo_then_rank_matches_the_rubric_computed_by_hand(
    home: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--home", home, "demo", "--villages", "4", "--seed", "7")[0] == 0
    code, out, _ = run(capsys, "--home", home, "surveys", "list", "--json")
    assert code == 0
    surveys = json.loads(out)
    assert len(surveys) == 4 and all(s["status"] == "final" for s in surveys)

    for survey in surveys:
        code, out, _ = run(
            capsys, "--home", home, "rank", "--village", survey["village_code"], "--json"
        )
        assert code == 0
        entries = json.loads(out)
        assert [e["rank"] for e in entries] == list(range(1, len(entries) + 1))
        for entry in entries:
            total, stars = _by_hand(entry["levels"], entry["category"])
            assert Decimal(str(entry["total"])) == total
            assert entry["stars"] == stars
            assert (entry["gate"] is None) == (stars == _band_only(total))
        totals = [e["total"] for e in entries]
        assert totals == sorted(totals, reverse=True)
        assert survey["top_candidate"] == entries[0]["name"]


def _band_only(total: Decimal) -> int:
    return 5 if total >= 90 else 4 if total >= 70 else 3 if total >= 50 else 2 if total >= 30 else 1


def test_demo_is_deterministic_per_seed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listings = []
    for name in ("a", "b"):
        home = str(tmp_path / name)
        run(capsys, "--home", home, "demo", "--villages", "3", "--seed", "11")
        _, out, _ = run(capsys, "--home", home, "surveys", "list", "--json")
        listings.append([{k: v for k, v in s.items() if k != "survey_id"} for s in json.loads(out)])
    assert listings[0] == listings[1]


def test_regions_search_json_is_one_array(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--home", home, "regions", "import", str(FIXTURES / "wilayah-contoh.csv"))
    code, out, _ = run(capsys, "--home", home, "regions", "search", "PASAYANGAN", "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "code": "63.03.05.1003",
            "name": "Pasayangan",
            "level": "kelurahan",
            "district": "Martapura",
            "regency": "Kabupaten Banjar",
        }
    ]


def test_a_handled_error_exits_1_with_a_plain_message(
    home: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--home", home, "rank", "--village", "63.01.01.2001")
    assert code == 1
    assert out == ""
    assert "Belum ada survei" in err and "Traceback" not in err


def test_a_broken_region_file_exits_1_and_names_the_row(
    home: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "rusak.csv"
    bad.write_text("kode,nama\n63,Kalimantan Selatan\n63.0X,Kabupaten Rusak\n", encoding="utf-8")
    code, _, err = run(capsys, "--home", home, "regions", "import", str(bad))
    assert code == 1
    assert "Baris 3" in err


def test_a_missing_file_exits_1(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--home", home, "regions", "import", "/tidak/ada.csv")
    assert code == 1 and "tidak dapat dibaca" in err


def test_a_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["rank"])
    assert caught.value.code == 2


def test_db_commands_check_upgrade_and_back_up(
    home: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--home", home, "db", "upgrade")
    assert code == 0 and "diperbarui dari kosong" in out
    code, out, _ = run(capsys, "--home", home, "db", "upgrade")
    assert "sudah versi terbaru" in out
    code, out, _ = run(capsys, "--home", home, "db", "check")
    assert code == 0 and "Hasil: baik" in out
    target = tmp_path / "salinan.sqlite3"
    code, out, _ = run(capsys, "--home", home, "db", "backup", "--out", str(target))
    assert code == 0
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT count(*) FROM rubrics").fetchone() == (1,)
    code, _, err = run(capsys, "--home", home, "db", "backup", "--out", str(target))
    assert code == 1 and "sudah ada" in err


def test_home_comes_from_ovop_home_when_not_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OVOP_HOME", str(tmp_path / "dari-env"))
    assert run(capsys, "db", "upgrade")[0] == 0
    assert (tmp_path / "dari-env" / "data" / "ovop.sqlite3").exists()


def test_assess_sets_levels_and_rank_region_lists_the_province(
    home: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--home", home, "demo", "--villages", "3", "--seed", "5")
    _, out, _ = run(capsys, "--home", home, "surveys", "list", "--json")
    village = json.loads(out)[0]["village_code"]
    _, out, _ = run(capsys, "--home", home, "rank", "--village", village, "--json")
    last = json.loads(out)[-1]

    code, out, _ = run(
        capsys,
        "--home",
        home,
        "assess",
        "--product",
        last["product_id"],
        "--levels",
        "C1=5,C2=5,C3=5,C4=5,C5=5,C6=5,C7=5,C8=5",
        "--final",
        "--new",  # the demo's own assessment is final: it stays as it is
        "--json",
    )
    assert code == 0
    assert json.loads(out) | {"assessment_id": "x"} == {
        "assessment_id": "x",
        "total": 100.0,
        "stars": 5,
        "missing": [],
        "gate": None,
    }

    _, out, _ = run(capsys, "--home", home, "rank", "--village", village, "--json")
    assert json.loads(out)[0]["product_id"] == last["product_id"]

    code, out, _ = run(capsys, "--home", home, "rank", "--region", "63", "--json")
    rows = json.loads(out)
    assert code == 0 and rows[0]["product_id"] == last["product_id"]
    totals = [r["total"] for r in rows]
    assert totals == sorted(totals, reverse=True)


def test_assess_explains_a_bad_level(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--home", home, "demo", "--villages", "1")
    _, out, _ = run(capsys, "--home", home, "surveys", "list", "--json")
    village = json.loads(out)[0]["village_code"]
    _, out, _ = run(capsys, "--home", home, "rank", "--village", village, "--json")
    product = json.loads(out)[0]["product_id"]
    code, _, err = run(capsys, "--home", home, "assess", "--product", product, "--levels", "C1=x")
    assert code == 1 and "harus angka 1 sampai 5" in err
    code, _, err = run(capsys, "--home", home, "assess", "--product", product, "--levels", "C1=7")
    assert code == 1 and "Traceback" not in err


def test_letter_commands_issue_verify_and_batch(
    home: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--home", home, "demo", "--villages", "3", "--seed", "9")
    _, out, _ = run(capsys, "--home", home, "surveys", "list", "--json")
    village = json.loads(out)[0]["village_code"]
    target = tmp_path / "surat.pdf"
    code, out, _ = run(capsys, "--home", home, "letter", "--village", village, "--out", str(target))
    assert code == 0 and target.read_bytes().startswith(b"%PDF")
    verification = out.split("kode verifikasi ")[1].strip().rstrip(".")
    code, out, _ = run(capsys, "--home", home, "letter", "verify", verification)
    assert code == 0 and "sah" in out
    code, out, _ = run(capsys, "--home", home, "letter", "verify", str(target))
    assert code == 0
    code, _, _ = run(capsys, "--home", home, "letter", "verify", "AAAAA-AAAAA")
    assert code == 1
    code, out, _ = run(
        capsys, "--home", home, "letters", "--region", village[:2], "--out", str(tmp_path / "semua")
    )
    assert code == 0 and len(list((tmp_path / "semua").glob("*.pdf"))) == 2
    assert "1 desa dilewati karena sudah mempunyai surat" in out


def test_export_and_import_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    officer, province = str(tmp_path / "petugas"), str(tmp_path / "provinsi")
    run(capsys, "--home", officer, "demo", "--villages", "2")
    code, out, _ = run(capsys, "--home", officer, "export", "--out", str(tmp_path / "usb"))
    package = out.strip()
    assert code == 0 and package.endswith(".ovop")
    run(capsys, "--home", province, "regions", "import", str(FIXTURES / "wilayah-contoh.csv"))
    code, out, _ = run(capsys, "--home", province, "import", package, "--json")
    assert code == 1 and json.loads(out)[0]["status"] == "rejected"
    code, out, _ = run(capsys, "--home", province, "import", package, "--trust-new", "--json")
    [first] = json.loads(out)
    assert code == 0 and first["status"] == "imported" and first["new"] > 0
    code, out, _ = run(capsys, "--home", province, "import", package, "--json")
    [again] = json.loads(out)
    assert (again["status"], again["new"], again["updated"]) == ("unchanged", 0, 0)


def test_setup_export_then_import_configures_an_officer_and_refuses_another_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    province, impostor, officer = (str(tmp_path / name) for name in ("prov", "palsu", "petugas"))
    for home in (province, impostor):
        run(capsys, "--home", home, "regions", "import", str(FIXTURES / "wilayah-contoh.csv"))
    package, other = tmp_path / "usb" / "pengaturan.ovop", tmp_path / "usb2"
    run(capsys, "--home", province, "setup", "export", "--out", str(package))
    run(capsys, "--home", impostor, "setup", "export", "--out", str(other))
    [other] = other.glob("*.ovop")

    code, out, _ = run(capsys, "--home", officer, "setup", "import", str(package))
    assert code == 0
    assert "18 wilayah baru" in out

    code, _, err = run(capsys, "--home", officer, "setup", "import", str(other))
    assert code == 1
    assert "kunci lain" in err


def test_db_use_points_this_laptop_at_a_server_and_back(
    home: str, capsys: pytest.CaptureFixture[str], postgres: PostgresServer
) -> None:
    url = postgres.create_database()
    assert run(capsys, "--home", home, "db", "use", url)[0] == 0
    settings = Path(home) / "config" / "basis-data.json"
    if sys.platform != "win32":  # no mode bits there (docs/security.md: the profile's ACL)
        assert oct(settings.stat().st_mode & 0o777) == "0o600"  # a URL may hold a password
    code, _, _ = run(
        capsys, "--home", home, "regions", "import", str(FIXTURES / "wilayah-contoh.csv")
    )
    assert code == 0
    with psycopg.connect(url.replace("+psycopg", "")) as connection:
        assert connection.execute("SELECT count(*) FROM regions").fetchone() == (18,)
    local = Path(home) / "data" / "ovop.sqlite3"
    assert not local.exists() or _regions_in(local) == 0

    assert run(capsys, "--home", home, "db", "use", "--local")[0] == 0
    assert not settings.exists()
    assert run(capsys, "--home", home, "db", "use")[0] == 2  # neither a URL nor --local


def _regions_in(database: Path) -> int:
    connection = sqlite3.connect(database)
    try:
        return int(connection.execute("SELECT count(*) FROM regions").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        connection.close()
