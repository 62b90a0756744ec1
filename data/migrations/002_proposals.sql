-- Proposals (提案): handling units, proposals and their proposers, unit
-- assignments (交办), answers (答复), proposers' ratings (评价), the history
-- of every step, attachments, and a trigram full-text index.

CREATE TABLE unit (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE CHECK (name <> ''),
    kind    TEXT NOT NULL DEFAULT '县直部门',
    contact TEXT NOT NULL DEFAULT '',
    phone   TEXT NOT NULL DEFAULT '',
    sort    INTEGER NOT NULL DEFAULT 0,
    active  INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE proposal (
    id              INTEGER PRIMARY KEY,
    session_id      INTEGER NOT NULL REFERENCES session(id),
    number          INTEGER NOT NULL CHECK (number > 0),
    title           TEXT NOT NULL CHECK (title <> ''),
    body            TEXT NOT NULL DEFAULT '',
    category        TEXT NOT NULL DEFAULT '',
    kind            TEXT NOT NULL DEFAULT '大会提案',
    submitted       TEXT NOT NULL DEFAULT '',
    proposer_type   TEXT NOT NULL DEFAULT '委员个人',
    sector          TEXT NOT NULL DEFAULT '',
    suggested_unit  TEXT NOT NULL DEFAULT '',
    entered_by      TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT '已提交',
    reject_reason   TEXT NOT NULL DEFAULT '',
    disposition     TEXT NOT NULL DEFAULT '',
    merged_into     INTEGER REFERENCES proposal(id),
    withdraw_reason TEXT NOT NULL DEFAULT '',
    withdraw_date   TEXT NOT NULL DEFAULT '',
    assign_mode     TEXT NOT NULL DEFAULT '',
    assigned_date   TEXT NOT NULL DEFAULT '',
    deadline        TEXT NOT NULL DEFAULT '',
    key_tier        TEXT NOT NULL DEFAULT '',
    key_leader      TEXT NOT NULL DEFAULT '',
    excellent_year  INTEGER NOT NULL DEFAULT 0,
    excellent_award TEXT NOT NULL DEFAULT '',
    public          INTEGER NOT NULL DEFAULT 1,
    implementation  TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL DEFAULT '',
    deleted_at      TEXT,
    UNIQUE (session_id, number)
);
CREATE INDEX proposal_status ON proposal(status);
CREATE INDEX proposal_merged ON proposal(merged_into);

-- Proposers in signing order; seq 1 is the 第一提案人. A roster member has
-- membership_id; an organisation (or a name not on the roster) has only name.
CREATE TABLE proposer (
    proposal_id   INTEGER NOT NULL REFERENCES proposal(id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL CHECK (seq > 0),
    membership_id INTEGER REFERENCES membership(id),
    name          TEXT NOT NULL CHECK (name <> ''),
    PRIMARY KEY (proposal_id, seq)
);
CREATE INDEX proposer_membership ON proposer(membership_id);

CREATE TABLE assignment (
    proposal_id INTEGER NOT NULL REFERENCES proposal(id) ON DELETE CASCADE,
    unit_id     INTEGER NOT NULL REFERENCES unit(id),
    role        TEXT NOT NULL CHECK (role IN ('主办', '会办', '分办')),
    PRIMARY KEY (proposal_id, unit_id)
);
CREATE INDEX assignment_unit ON assignment(unit_id);

-- One answer per unit and round (round 2 after 再次办理). A 会办 unit's
-- 会办意见 is an answer without a class.
CREATE TABLE answer (
    id           INTEGER PRIMARY KEY,
    proposal_id  INTEGER NOT NULL REFERENCES proposal(id) ON DELETE CASCADE,
    unit_id      INTEGER NOT NULL REFERENCES unit(id),
    round        INTEGER NOT NULL DEFAULT 1 CHECK (round > 0),
    date         TEXT NOT NULL,
    doc_no       TEXT NOT NULL DEFAULT '',
    contact      TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    class        TEXT NOT NULL DEFAULT '',
    face_to_face INTEGER NOT NULL DEFAULT 0,
    note         TEXT NOT NULL DEFAULT '',
    UNIQUE (proposal_id, unit_id, round)
);

-- Each proposer's verdict on one round of answers.
CREATE TABLE rating (
    proposal_id INTEGER NOT NULL REFERENCES proposal(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    round       INTEGER NOT NULL DEFAULT 1,
    verdict     TEXT NOT NULL CHECK (verdict IN ('满意', '基本满意', '不满意')),
    axes        TEXT NOT NULL DEFAULT '',
    date        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (proposal_id, seq, round)
);

-- The history: one row for every step, never changed afterwards.
CREATE TABLE proposal_event (
    id          INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposal(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    date        TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    from_status TEXT NOT NULL DEFAULT '',
    to_status   TEXT NOT NULL DEFAULT '',
    actor       TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX proposal_event_proposal ON proposal_event(proposal_id);

-- Files copied into the data folder (attachments/<proposal id>/<name>).
CREATE TABLE attachment (
    id          INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposal(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    path        TEXT NOT NULL,
    size        INTEGER NOT NULL DEFAULT 0,
    added_at    TEXT NOT NULL
);

-- Chinese substring search over 案由 and 正文 (three characters or more).
CREATE VIRTUAL TABLE proposal_fts USING fts5(
    title, body, content = 'proposal', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER proposal_fts_insert AFTER INSERT ON proposal BEGIN
    INSERT INTO proposal_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER proposal_fts_delete AFTER DELETE ON proposal BEGIN
    INSERT INTO proposal_fts(proposal_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER proposal_fts_update AFTER UPDATE OF title, body ON proposal BEGIN
    INSERT INTO proposal_fts(proposal_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO proposal_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
