"""Initial schema: reference data, surveys, assessments, registers.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_log",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("package_id", sa.Uuid(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("source_device_id", sa.Uuid(), nullable=True),
        sa.Column("officer_name", sa.String(length=200), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_log")),
    )
    with op.batch_alter_table("import_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_log_package_id"), ["package_id"], unique=False)

    op.create_table(
        "officers",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("nip", sa.String(length=30), nullable=True),
        sa.Column("unit", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_officers")),
    )
    op.create_table(
        "regions",
        sa.Column("code", sa.String(length=13), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("parent_code", sa.String(length=13), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_code"], ["regions.code"], name=op.f("fk_regions_parent_code_regions")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_regions")),
    )
    with op.batch_alter_table("regions", schema=None) as batch_op:
        batch_op.create_index("ix_regions_level", ["level"], unique=False)
        batch_op.create_index(batch_op.f("ix_regions_parent_code"), ["parent_code"], unique=False)

    op.create_table(
        "rubrics",
        sa.Column("rubric_id", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("definition_hash", sa.String(length=64), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("installed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("rubric_id", "version", name=op.f("pk_rubrics")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("officer_id", sa.Uuid(), nullable=True),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("table_name", sa.String(length=50), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officers.id"], name=op.f("fk_audit_log_officer_id_officers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_record_id"), ["record_id"], unique=False)

    op.create_table(
        "conflicts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.String(length=50), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("local_revision", sa.Integer(), nullable=False),
        sa.Column("incoming_revision", sa.Integer(), nullable=False),
        sa.Column("local_data", sa.JSON(), nullable=False),
        sa.Column("incoming_data", sa.JSON(), nullable=False),
        sa.Column("package_id", sa.Uuid(), nullable=True),
        sa.Column("detected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution", sa.String(length=20), nullable=True),
        sa.Column("resolution_reason", sa.Text(), nullable=True),
        sa.Column("resolved_by", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["resolved_by"], ["officers.id"], name=op.f("fk_conflicts_resolved_by_officers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
    )
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conflicts_record_id"), ["record_id"], unique=False)

    op.create_table(
        "devices",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("officer_id", sa.Uuid(), nullable=True),
        sa.Column("public_key", sa.Text(), nullable=True),
        sa.Column("fingerprint", sa.String(length=100), nullable=True),
        sa.Column("is_local", sa.Boolean(), nullable=False),
        sa.Column("trusted", sa.Boolean(), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officers.id"], name=op.f("fk_devices_officer_id_officers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
    )
    op.create_table(
        "surveys",
        sa.Column("village_code", sa.String(length=13), nullable=False),
        sa.Column("village_name", sa.String(length=200), nullable=False),
        sa.Column("district_name", sa.String(length=200), nullable=False),
        sa.Column("regency_name", sa.String(length=200), nullable=False),
        sa.Column("survey_date", sa.Date(), nullable=False),
        sa.Column("officer_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("hamlet", sa.String(length=200), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("gps_source", sa.String(length=20), nullable=True),
        sa.Column("gps_accuracy_m", sa.Float(), nullable=True),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("households", sa.Integer(), nullable=True),
        sa.Column("main_livelihoods", sa.Text(), nullable=True),
        sa.Column("road_access", sa.String(length=100), nullable=True),
        sa.Column("electricity", sa.String(length=100), nullable=True),
        sa.Column("mobile_signal", sa.String(length=100), nullable=True),
        sa.Column("cooperatives_count", sa.Integer(), nullable=True),
        sa.Column("has_bumdes", sa.Boolean(), nullable=True),
        sa.Column("umkm_count", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("recommended_product_id", sa.Uuid(), nullable=True),
        sa.Column("recommendation_justification", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("status IN ('draft', 'final')", name=op.f("ck_surveys_status")),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officers.id"], name=op.f("fk_surveys_officer_id_officers")
        ),
        sa.ForeignKeyConstraint(
            ["village_code"], ["regions.code"], name=op.f("fk_surveys_village_code_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_surveys")),
    )
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_surveys_village_code"), ["village_code"], unique=False)

    op.create_table(
        "candidate_products",
        sa.Column("survey_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("producer_units", sa.Integer(), nullable=True),
        sa.Column("producer_units_grouped", sa.Integer(), nullable=True),
        sa.Column("workers", sa.Integer(), nullable=True),
        sa.Column("monthly_production", sa.Float(), nullable=True),
        sa.Column("production_unit", sa.String(length=40), nullable=True),
        sa.Column("unit_price_idr", sa.BigInteger(), nullable=True),
        sa.Column("local_material_pct", sa.Integer(), nullable=True),
        sa.Column("market_reach", sa.String(length=20), nullable=True),
        sa.Column("permit_nib", sa.Boolean(), nullable=False),
        sa.Column("permit_pirt", sa.Boolean(), nullable=False),
        sa.Column("permit_bpom", sa.Boolean(), nullable=False),
        sa.Column("permit_halal", sa.Boolean(), nullable=False),
        sa.Column("permit_sni", sa.Boolean(), nullable=False),
        sa.Column("permit_hki", sa.Boolean(), nullable=False),
        sa.Column("story", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "local_material_pct IS NULL OR (local_material_pct >= 0 AND local_material_pct <= 100)",
            name=op.f("ck_candidate_products_local_material_pct"),
        ),
        sa.CheckConstraint(
            "unit_price_idr IS NULL OR unit_price_idr >= 0",
            name=op.f("ck_candidate_products_unit_price"),
        ),
        sa.ForeignKeyConstraint(
            ["survey_id"], ["surveys.id"], name=op.f("fk_candidate_products_survey_id_surveys")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidate_products")),
    )
    with op.batch_alter_table("candidate_products", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_candidate_products_survey_id"), ["survey_id"], unique=False
        )

    op.create_table(
        "respondents",
        sa.Column("survey_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=100), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["survey_id"], ["surveys.id"], name=op.f("fk_respondents_survey_id_surveys")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_respondents")),
    )
    with op.batch_alter_table("respondents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_respondents_survey_id"), ["survey_id"], unique=False)

    op.create_table(
        "assessments",
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("assessor_id", sa.Uuid(), nullable=True),
        sa.Column("rubric_id", sa.String(length=100), nullable=False),
        sa.Column("rubric_version", sa.Integer(), nullable=False),
        sa.Column("rubric_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=True),
        sa.Column("total", sa.Numeric(precision=6, scale=2), nullable=True),
        sa.Column("band_stars", sa.Integer(), nullable=True),
        sa.Column("stars", sa.Integer(), nullable=True),
        sa.Column("capped_by_gate", sa.String(length=40), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("status IN ('draft', 'final')", name=op.f("ck_assessments_status")),
        sa.CheckConstraint(
            "stars IS NULL OR (stars >= 1 AND stars <= 5)", name=op.f("ck_assessments_stars")
        ),
        sa.ForeignKeyConstraint(
            ["assessor_id"], ["officers.id"], name=op.f("fk_assessments_assessor_id_officers")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["candidate_products.id"],
            name=op.f("fk_assessments_product_id_candidate_products"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
    )
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assessments_product_id"), ["product_id"], unique=False)

    op.create_table(
        "letters",
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("survey_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=True),
        sa.Column("signatory", sa.JSON(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("snapshot_hash", sa.String(length=64), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=True),
        sa.Column("verification_code", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("status IN ('issued', 'void')", name=op.f("ck_letters_status")),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["candidate_products.id"],
            name=op.f("fk_letters_product_id_candidate_products"),
        ),
        sa.ForeignKeyConstraint(
            ["survey_id"], ["surveys.id"], name=op.f("fk_letters_survey_id_surveys")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letters")),
        sa.UniqueConstraint("number", name=op.f("uq_letters_number")),
        sa.UniqueConstraint("verification_code", name=op.f("uq_letters_verification_code")),
        sa.UniqueConstraint("year", "sequence", name="uq_letters_year_sequence"),
    )
    op.create_table(
        "assessment_levels",
        sa.Column("assessment_id", sa.Uuid(), nullable=False),
        sa.Column("criterion_id", sa.String(length=20), nullable=False),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "level IS NULL OR (level >= 1 AND level <= 5)", name=op.f("ck_assessment_levels_level")
        ),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name=op.f("fk_assessment_levels_assessment_id_assessments"),
        ),
        sa.PrimaryKeyConstraint("assessment_id", "criterion_id", name=op.f("pk_assessment_levels")),
    )
    op.create_table(
        "attachments",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=True),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("caption", sa.Text(), nullable=True),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("survey_id", sa.Uuid(), nullable=True),
        sa.Column("product_id", sa.Uuid(), nullable=True),
        sa.Column("assessment_id", sa.Uuid(), nullable=True),
        sa.Column("criterion_id", sa.String(length=20), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name=op.f("fk_attachments_assessment_id_assessments"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["candidate_products.id"],
            name=op.f("fk_attachments_product_id_candidate_products"),
        ),
        sa.ForeignKeyConstraint(
            ["survey_id"], ["surveys.id"], name=op.f("fk_attachments_survey_id_surveys")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachments_sha256"), ["sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachments_sha256"))

    op.drop_table("attachments")
    op.drop_table("assessment_levels")
    op.drop_table("letters")
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessments_product_id"))

    op.drop_table("assessments")
    with op.batch_alter_table("respondents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_respondents_survey_id"))

    op.drop_table("respondents")
    with op.batch_alter_table("candidate_products", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_candidate_products_survey_id"))

    op.drop_table("candidate_products")
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_surveys_village_code"))

    op.drop_table("surveys")
    op.drop_table("devices")
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflicts_record_id"))

    op.drop_table("conflicts")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_record_id"))

    op.drop_table("audit_log")
    op.drop_table("settings")
    op.drop_table("rubrics")
    with op.batch_alter_table("regions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_regions_parent_code"))
        batch_op.drop_index("ix_regions_level")

    op.drop_table("regions")
    op.drop_table("officers")
    with op.batch_alter_table("import_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_log_package_id"))

    op.drop_table("import_log")
