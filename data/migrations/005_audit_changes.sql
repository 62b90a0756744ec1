-- The audit log keeps the changed fields of a 修改 line (a JSON list of
-- {field, before, after}, personal numbers masked) and is browsed by date,
-- 操作人, 对象 and 操作, newest first.

ALTER TABLE audit ADD COLUMN changes TEXT NOT NULL DEFAULT '';

CREATE INDEX audit_at ON audit(at);
CREATE INDEX audit_entity ON audit(entity);
