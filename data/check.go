package data

import (
	"context"
	"fmt"
)

// CheckReport is the result of a database health check.
type CheckReport struct {
	SchemaVersion int
	Terms         int
	Persons       int
	Memberships   int // not deleted
	Deleted       int // in the recycle bin
	Problems      []string
}

// OK reports whether the check found nothing wrong.
func (r CheckReport) OK() bool { return len(r.Problems) == 0 }

// Check verifies the file (SQLite integrity and foreign keys) and the data
// (every roster row still passes today's validation). It changes nothing.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	var r CheckReport
	r.SchemaVersion = SchemaVersion()
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return r, fmt.Errorf("integrity check: %w", err)
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return r, err
		}
		if line != "ok" {
			r.Problems = append(r.Problems, "数据库文件损坏："+line)
		}
	}
	rows.Close()
	fk, err := s.db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return r, fmt.Errorf("foreign key check: %w", err)
	}
	for fk.Next() {
		var table, parent string
		var rowid, idx any
		if err := fk.Scan(&table, &rowid, &parent, &idx); err != nil {
			fk.Close()
			return r, err
		}
		r.Problems = append(r.Problems, fmt.Sprintf("数据关联错误：表 %s 第 %v 行引用的 %s 不存在", table, rowid, parent))
	}
	fk.Close()
	for _, q := range []struct {
		dst *int
		sql string
	}{
		{&r.Terms, "SELECT count(*) FROM term"},
		{&r.Persons, "SELECT count(*) FROM person"},
		{&r.Memberships, "SELECT count(*) FROM membership WHERE deleted_at IS NULL"},
		{&r.Deleted, "SELECT count(*) FROM membership WHERE deleted_at IS NOT NULL"},
	} {
		if err := s.db.QueryRowContext(ctx, q.sql).Scan(q.dst); err != nil {
			return r, fmt.Errorf("count: %w", err)
		}
	}
	terms, err := s.ListTerms(ctx)
	if err != nil {
		return r, err
	}
	for _, t := range terms {
		members, err := s.ListMembers(ctx, MemberFilter{TermID: t.ID})
		if err != nil {
			return r, err
		}
		for _, m := range members {
			for _, e := range m.Validate() {
				r.Problems = append(r.Problems, fmt.Sprintf("%s委员“%s”：%s", t.TermName(), m.Name, e.Error()))
			}
		}
	}
	return r, nil
}
