package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Report narratives: the parts of a printed report the office writes
// itself (做法, 不足, 下一年安排 …), kept per report kind and scope so a
// report prints with what was written last time. They live in the setting
// table under "report.<kind>.<scope>" (no schema of their own).

// ReportText is the narrative of one report: its sections by key.
type ReportText struct {
	Kind     string            // e.g. "proposals"
	Scope    string            // what the report covers, e.g. "term11.session4" or "year2025"
	Sections map[string]string // section key → text (paragraphs separated by "\n")
	SavedAt  string            // RFC 3339; "" when never saved
}

const reportTextPrefix = "report."

func reportTextKey(kind, scope string) string { return reportTextPrefix + kind + "." + scope }

// ReportText returns the narrative saved for kind and scope. When that
// scope has none yet it returns the most recently saved one of the same
// kind (last year's text, to be edited), with its own Scope; when nothing
// was ever saved, an empty ReportText for scope.
func (s *Store) ReportText(ctx context.Context, kind, scope string) (ReportText, error) {
	if kind == "" || scope == "" {
		return ReportText{}, errors.New("report text: kind and scope are required")
	}
	empty := ReportText{Kind: kind, Scope: scope, Sections: map[string]string{}}
	var latest ReportText
	q := "SELECT key, value FROM setting WHERE key LIKE ? ESCAPE '\\'"
	pattern := likePrefix(reportTextPrefix + kind + ".")
	err := eachRow(ctx, s.db, q, []any{pattern}, func(scan func(...any) error) error {
		var key, value string
		if err := scan(&key, &value); err != nil {
			return err
		}
		var t ReportText
		if json.Unmarshal([]byte(value), &t) != nil || t.Sections == nil {
			return nil // a damaged entry is left out, not fatal for printing
		}
		t.Kind, t.Scope = kind, strings.TrimPrefix(key, reportTextPrefix+kind+".")
		if t.Scope == scope {
			latest, empty = t, t
			return errStopRows
		}
		if t.SavedAt > latest.SavedAt {
			latest = t
		}
		return nil
	})
	if err != nil && !errors.Is(err, errStopRows) {
		return ReportText{}, fmt.Errorf("read report text: %w", err)
	}
	if latest.Sections != nil {
		return latest, nil
	}
	return empty, nil
}

// errStopRows ends an eachRow walk early.
var errStopRows = errors.New("stop")

// SaveReportText stores the narrative for t.Kind and t.Scope (replacing
// what was there) in one transaction with an audit line.
func (s *Store) SaveReportText(ctx context.Context, t ReportText) error {
	if t.Kind == "" || t.Scope == "" {
		return errors.New("save report text: kind and scope are required")
	}
	sections := map[string]string{}
	for k, v := range t.Sections {
		sections[k] = strings.TrimSpace(strings.ReplaceAll(v, "\r\n", "\n"))
	}
	body, err := json.Marshal(struct {
		Sections map[string]string
		SavedAt  string
	}{sections, s.Now().Format(time.RFC3339Nano)})
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO setting(key, value) VALUES (?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, reportTextKey(t.Kind, t.Scope), string(body)); err != nil {
			return fmt.Errorf("save report text: %w", err)
		}
		return s.audit(ctx, tx, "保存", "报告文字", 0, t.Kind+" "+t.Scope)
	})
}
