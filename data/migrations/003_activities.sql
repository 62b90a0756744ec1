-- 履职 records: activities (events, speeches, 社情民意, awards, other
-- records) with their members and adoptions, manual adjustments, rule sets
-- and each year's assessment setup.

CREATE TABLE activity (
    id          INTEGER PRIMARY KEY,
    term_id     INTEGER NOT NULL REFERENCES term(id),
    kind        TEXT NOT NULL CHECK (kind IN ('event', 'speech', 'info', 'award', 'record')),
    type        TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL CHECK (title <> ''),
    date        TEXT NOT NULL CHECK (length(date) = 10),
    end_date    TEXT NOT NULL DEFAULT '',
    organizer   TEXT NOT NULL DEFAULT '',
    place       TEXT NOT NULL DEFAULT '',
    parent_id   INTEGER REFERENCES activity(id) ON DELETE SET NULL,
    meeting     TEXT NOT NULL DEFAULT '',
    adopted     INTEGER NOT NULL DEFAULT 0 CHECK (adopted IN (0, 1)),
    level       TEXT NOT NULL DEFAULT '',
    issue       TEXT NOT NULL DEFAULT '',
    issue_date  TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    proposal_id INTEGER REFERENCES proposal(id),
    counted     INTEGER NOT NULL DEFAULT 1 CHECK (counted IN (0, 1)),
    note        TEXT NOT NULL DEFAULT '',
    entered_by  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL DEFAULT '',
    deleted_at  TEXT
);
CREATE INDEX activity_term_date ON activity(term_id, date);
CREATE INDEX activity_kind_date ON activity(kind, date);
CREATE INDEX activity_proposal ON activity(proposal_id) WHERE proposal_id IS NOT NULL;

-- Participants, speakers, authors (seq 1 = first author) or the awarded
-- member. A name not on the roster has no membership_id.
CREATE TABLE activity_member (
    activity_id   INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL CHECK (seq > 0),
    membership_id INTEGER REFERENCES membership(id),
    name          TEXT NOT NULL CHECK (name <> ''),
    status        TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (activity_id, seq)
);
CREATE INDEX activity_member_membership ON activity_member(membership_id, activity_id);

-- Adoptions (采用) and leaders' instructions (批示) of a 社情民意.
CREATE TABLE adoption (
    activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL CHECK (seq > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('采用', '批示')),
    level       TEXT NOT NULL DEFAULT '',
    mode        TEXT NOT NULL DEFAULT '',
    leader      TEXT NOT NULL DEFAULT '',
    date        TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (activity_id, seq)
);

-- Manual 加分/扣分; points are exact ("5", "-2", "5/2").
CREATE TABLE adjustment (
    id            INTEGER PRIMARY KEY,
    year          INTEGER NOT NULL CHECK (year > 1900),
    membership_id INTEGER NOT NULL REFERENCES membership(id),
    points        TEXT NOT NULL CHECK (points <> '' AND points <> '0'),
    reason        TEXT NOT NULL CHECK (reason <> ''),
    date          TEXT NOT NULL DEFAULT '',
    entered_by    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX adjustment_year ON adjustment(year, membership_id);

-- Rule sets kept per assessment year (body = assess.RuleSet as JSON).
CREATE TABLE rule_set (
    id         INTEGER PRIMARY KEY,
    year       INTEGER NOT NULL CHECK (year > 1900),
    name       TEXT NOT NULL CHECK (name <> ''),
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT '',
    UNIQUE (year, name)
);

-- What staff chose for a year: the term, the rule set, exclusions
-- (JSON object membership id → reason).
CREATE TABLE assessment_setup (
    year        INTEGER PRIMARY KEY,
    term_id     INTEGER NOT NULL REFERENCES term(id),
    rule_set_id INTEGER REFERENCES rule_set(id),
    excluded    TEXT NOT NULL DEFAULT '{}'
);
