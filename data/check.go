package data

import (
	"context"
	"database/sql"
	"fmt"
)

// CheckReport is the result of a database health check.
type CheckReport struct {
	SchemaVersion  int
	Terms          int
	Persons        int
	Memberships    int  // not deleted
	Deleted        int  // in the recycle bin
	Damaged        bool // PRAGMA integrity_check found damage in the file
	BrokenLinks    int  // rows whose foreign key points nowhere
	InvalidRows    int  // stored members today's validation refuses
	SchemaDiffers  bool // tables or columns differ from the ones this version defines
	BadAttachments int  // attachment rows whose path would leave the attachments folder
	Problems       []string
}

// OK reports whether the check found nothing wrong.
func (r CheckReport) OK() bool { return len(r.Problems) == 0 }

// Check verifies the file (SQLite integrity and foreign keys, our mark and
// the structure this version defines) and the data (every roster row still
// passes today's validation, every attachment path stays inside the
// attachments folder). It changes nothing.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	var r CheckReport
	r.SchemaVersion = SchemaVersion()
	integrity, links, err := fileProblems(ctx, s.db)
	if err != nil {
		return r, err
	}
	r.Damaged, r.BrokenLinks = len(integrity) > 0, len(links)
	r.Problems = append(integrity, links...)
	if r.Damaged {
		return r, nil // counting and validating a damaged file may fail halfway
	}
	var appID int32
	if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return r, fmt.Errorf("read application id: %w", err)
	}
	if appID != ApplicationID {
		r.SchemaDiffers = true
		r.Problems = append(r.Problems, fmt.Sprintf("数据文件缺少本程序的标记（application_id 为 %d）", appID))
	}
	diffs, err := schemaProblems(ctx, s.db, r.SchemaVersion)
	if err != nil {
		return r, fmt.Errorf("compare schema: %w", err)
	}
	if len(diffs) > 0 {
		r.SchemaDiffers = true
		for _, d := range diffs {
			r.Problems = append(r.Problems, "数据结构与本程序不符："+d)
		}
		return r, nil // reading tables that are missing or changed may fail
	}
	bad, err := badAttachmentPaths(ctx, s.db, r.SchemaVersion)
	if err != nil {
		return r, fmt.Errorf("check attachments: %w", err)
	}
	r.BadAttachments = len(bad)
	for _, b := range bad {
		r.Problems = append(r.Problems, b.String())
	}
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
				r.InvalidRows++
			}
		}
	}
	return r, nil
}

// fileProblems runs SQLite's own checks: integrity_check (is the file
// sound?) and foreign_key_check (does every reference point to a row?).
// Each problem is a Chinese line.
func fileProblems(ctx context.Context, db *sql.DB) (integrity, links []string, err error) {
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
	if isCorrupt(err) {
		return []string{"数据库文件损坏：" + err.Error()}, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("integrity check: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, nil, err
		}
		if line != "ok" {
			integrity = append(integrity, "数据库文件损坏："+line)
		}
	}
	if err := rows.Err(); isCorrupt(err) {
		return append(integrity, "数据库文件损坏："+err.Error()), nil, nil
	} else if err != nil {
		return nil, nil, fmt.Errorf("integrity check: %w", err)
	}
	fk, err := db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return nil, nil, fmt.Errorf("foreign key check: %w", err)
	}
	defer fk.Close()
	for fk.Next() {
		var table, parent string
		var rowid, idx any
		if err := fk.Scan(&table, &rowid, &parent, &idx); err != nil {
			return nil, nil, err
		}
		links = append(links, fmt.Sprintf("数据关联错误：表 %s 第 %v 行引用的 %s 不存在", table, rowid, parent))
	}
	return integrity, links, fk.Err()
}

// CheckFile runs only SQLite's own checks (integrity and foreign keys),
// which take a moment even on a large file; nil means the file is sound.
func (s *Store) CheckFile(ctx context.Context) ([]string, error) {
	integrity, links, err := fileProblems(ctx, s.db)
	return append(integrity, links...), err
}
