-- Users and roles for the optional login, and who made each audited change.
-- Login is on while an enabled 管理员 exists; passwords are argon2id hashes
-- with the salt and parameters of each user kept beside them.

CREATE TABLE app_user (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE CHECK (name <> ''),
    role         TEXT NOT NULL CHECK (role IN ('管理员', '录入员', '只读')),
    salt         BLOB NOT NULL,
    hash         BLOB NOT NULL,
    kdf_time     INTEGER NOT NULL,
    kdf_memory   INTEGER NOT NULL, -- KiB
    kdf_threads  INTEGER NOT NULL,
    failures     INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT NOT NULL DEFAULT '',
    disabled     INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    last_login   TEXT NOT NULL DEFAULT ''
);

ALTER TABLE audit ADD COLUMN actor TEXT NOT NULL DEFAULT '';
