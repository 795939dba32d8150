"""Reference data: regions, officers and devices, installed rubric versions, settings."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, Uuid, false
from sqlalchemy.orm import Mapped, mapped_column

from ovop_desktop.db.base import Base, UtcDateTime, utc_now


class Region(Base):
    """A Kemendagri region; the code (`63.01.01.2001`) is the key."""

    __tablename__ = "regions"

    code: Mapped[str] = mapped_column(String(13), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    level: Mapped[str] = mapped_column(String(20), nullable=False)
    parent_code: Mapped[str | None] = mapped_column(
        String(13), ForeignKey("regions.code"), nullable=True, index=True
    )
    # Case- and accent-folded name for search; see core.text.search_key.
    search_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    # Placed by a package before this laptop's list knew it (named as the officer recorded it);
    # a region import that lists the code makes it official (services.reference).
    provisional: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=False, server_default=false()
    )
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, nullable=False)

    __table_args__ = (
        Index("ix_regions_level", "level"),
        Index("ix_regions_search_name", "search_name"),
    )


class Officer(Base):
    """A field officer (petugas). Travels with the packages the officer signs."""

    __tablename__ = "officers"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    nip: Mapped[str | None] = mapped_column(String(30), nullable=True)
    unit: Mapped[str | None] = mapped_column(String(200), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # The laptop that made this profile: only a package from it may change the profile
    # (db.ownership; NULL for profiles saved before owners were recorded).
    device_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, nullable=False)


class Device(Base):
    """A laptop that records data; its key signs exchange packages (filled by the sync issue)."""

    __tablename__ = "devices"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    officer_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("officers.id"), nullable=True
    )
    public_key: Mapped[str | None] = mapped_column(Text, nullable=True)
    fingerprint: Mapped[str | None] = mapped_column(String(100), nullable=True)
    is_local: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    trusted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    first_seen_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, nullable=False)


class RubricVersion(Base):
    """An installed rubric version: immutable once any assessment uses it."""

    __tablename__ = "rubrics"

    rubric_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    definition_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    definition: Mapped[str] = mapped_column(Text, nullable=False)
    installed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, nullable=False)


class Setting(Base):
    """One application setting (officer profile, rubric in force, letter template, ...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, nullable=False)
