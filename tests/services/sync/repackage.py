"""Packages made by hand for import tests: a real export, its records or manifest changed, and
signed again with a laptop's key, so that only the change can make the import refuse it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ovop_desktop.exchange.keys import load_or_create_key
from ovop_desktop.exchange.package import read_package
from ovop_desktop.exchange.package_format import decode_records, encode_records
from ovop_desktop.exchange.package_write import write_package

Records = dict[str, list[dict[str, Any]]]  # member name (records/<table>.jsonl) → records


def repackaged(
    package: Path,
    folder: Path,
    key_folder: Path,
    change: Callable[[Records], None] | None = None,
    **manifest: Any,
) -> Path:
    """`package` with its records changed by `change` (a table it removes leaves the package)
    and its manifest fields replaced by `manifest`, signed with the key kept in `key_folder`
    (a data folder), written to `folder`."""
    read = read_package(package)
    records = {
        name: decode_records(data, name)
        for name, data in read.members.items()
        if name.startswith("records/")
    }
    if change is not None:
        change(records)
    kept = {n: d for n, d in read.members.items() if not n.startswith("records/") or n in records}
    members = {**kept, **{n: encode_records(r) for n, r in records.items()}}
    fields = {
        k: v
        for k, v in read.manifest.to_dict().items()
        if k not in ("members", "package_id", "created_at")
    }
    fields.update(manifest)
    folder.mkdir(parents=True, exist_ok=True)
    return write_package(
        folder, "buatan", fields, sorted(members.items()), load_or_create_key(key_folder)
    )
