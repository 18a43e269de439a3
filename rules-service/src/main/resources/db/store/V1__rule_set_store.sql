-- The rule set store for many replicas: versions never change once stored, audit rows are only added.
CREATE TABLE rule_set_version (
    sha256      CHAR(64) PRIMARY KEY,
    uploaded_by TEXT NOT NULL,
    uploaded_at TIMESTAMPTZ NOT NULL,
    passed      BOOLEAN NOT NULL,
    report      TEXT NOT NULL,
    note        TEXT NOT NULL
);

CREATE TABLE rule_set_workbook (
    sha256 CHAR(64) NOT NULL REFERENCES rule_set_version (sha256) ON DELETE CASCADE,
    name   TEXT NOT NULL,
    bytes  BYTEA NOT NULL,
    PRIMARY KEY (sha256, name)
);

-- A cache of the built, proven rule set: checked against the workbooks on every load.
CREATE TABLE rule_set_index (
    sha256 CHAR(64) PRIMARY KEY REFERENCES rule_set_version (sha256) ON DELETE CASCADE,
    bytes  BYTEA NOT NULL
);

-- One row: the active version and, most recent first, those active before it.
CREATE TABLE rule_set_pointer (
    id       SMALLINT PRIMARY KEY CHECK (id = 1),
    active   CHAR(64) NOT NULL,
    previous TEXT NOT NULL
);

CREATE TABLE rule_set_audit (
    id      BIGSERIAL PRIMARY KEY,
    at      TIMESTAMPTZ NOT NULL,
    action  TEXT NOT NULL,
    sha256  TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail  TEXT NOT NULL
);
