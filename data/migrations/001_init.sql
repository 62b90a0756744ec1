-- Foundation schema: committee, terms and sessions, per-term catalogs,
-- persons and their memberships, settings and the audit log.

CREATE TABLE committee (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    name       TEXT NOT NULL,
    short_name TEXT NOT NULL DEFAULT ''
);

CREATE TABLE term (
    id         INTEGER PRIMARY KEY,
    number     INTEGER NOT NULL UNIQUE CHECK (number > 0),
    start_year INTEGER NOT NULL,
    end_year   INTEGER NOT NULL,
    is_current INTEGER NOT NULL DEFAULT 0,
    CHECK (end_year >= start_year)
);

CREATE TABLE session (
    id         INTEGER PRIMARY KEY,
    term_id    INTEGER NOT NULL REFERENCES term(id) ON DELETE CASCADE,
    number     INTEGER NOT NULL CHECK (number > 0),
    start_date TEXT NOT NULL DEFAULT '',
    end_date   TEXT NOT NULL DEFAULT '',
    UNIQUE (term_id, number)
);

-- Per-term lists: 界别 (sector), 党派 (party), 专委会 (committee), 活动组 (group).
CREATE TABLE catalog (
    id      INTEGER PRIMARY KEY,
    term_id INTEGER NOT NULL REFERENCES term(id) ON DELETE CASCADE,
    kind    TEXT NOT NULL CHECK (kind IN ('sector', 'party', 'committee', 'group')),
    name    TEXT NOT NULL CHECK (name <> ''),
    sort    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (term_id, kind, name)
);

CREATE TABLE person (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (name <> ''),
    gender       TEXT NOT NULL DEFAULT '',
    ethnicity    TEXT NOT NULL DEFAULT '',
    birth        TEXT NOT NULL DEFAULT '',
    native_place TEXT NOT NULL DEFAULT '',
    id_number    TEXT NOT NULL DEFAULT '',
    education    TEXT NOT NULL DEFAULT '',
    degree       TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    address      TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX person_id_number ON person(id_number) WHERE id_number <> '';
CREATE INDEX person_name_birth ON person(name, birth);

CREATE TABLE membership (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person(id),
    term_id     INTEGER NOT NULL REFERENCES term(id),
    party_id    INTEGER REFERENCES catalog(id),
    sector_id   INTEGER REFERENCES catalog(id),
    committee_id INTEGER REFERENCES catalog(id),
    group_id    INTEGER REFERENCES catalog(id),
    work_unit   TEXT NOT NULL DEFAULT '',
    role        TEXT NOT NULL DEFAULT '委员',
    standing    INTEGER NOT NULL DEFAULT 0,
    status      TEXT NOT NULL DEFAULT '在任'
                CHECK (status IN ('在任', '增补', '辞去', '撤销', '调离', '逝世')),
    status_date TEXT NOT NULL DEFAULT '',
    is_new      INTEGER NOT NULL DEFAULT 0,
    note        TEXT NOT NULL DEFAULT '',
    deleted_at  TEXT,
    UNIQUE (person_id, term_id)
);
CREATE INDEX membership_term ON membership(term_id);

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL DEFAULT 0,
    detail    TEXT NOT NULL DEFAULT ''
);
