"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = None
depends_on = None
# Set to True when the migration rewrites existing rows: a backup is taken first.
rewrites_data = False


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}
