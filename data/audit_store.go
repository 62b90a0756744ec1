package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"zhengxie/data/assess"
)

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	ID       int64
	At       string
	Actor    string // who: the logged-in user or the 操作人, "" when unknown
	Action   string
	Entity   string
	EntityID int64
	Detail   string
	Changes  []FieldChange // the changed fields of a 修改 line, nil when not recorded
}

// AuditFilter selects audit lines. Zero values mean "any"; From and To are
// dates "YYYY-MM-DD", both included; Query matches the detail, the changed
// fields and their values, and the 操作人. Limit 0 means 500.
type AuditFilter struct {
	From, To string
	Actor    string
	Entity   string
	Action   string
	Query    string
	Limit    int
	Offset   int
}

// AuditChoices are the values seen in the log, for filter drop-downs.
type AuditChoices struct {
	Actors, Entities, Actions []string
}

// insertAudit writes one audit line; changes may be nil.
func (s *Store) insertAudit(ctx context.Context, tx *sql.Tx, actor, action, entity string, id int64, detail string, changes []FieldChange) error {
	text := ""
	if len(changes) > 0 {
		b, err := json.Marshal(changes)
		if err != nil {
			return fmt.Errorf("audit changes: %w", err)
		}
		text = string(b)
	}
	_, err := tx.ExecContext(ctx,
		"INSERT INTO audit(at, actor, action, entity, entity_id, detail, changes) VALUES (?, ?, ?, ?, ?, ?, ?)",
		s.Now().Format(time.RFC3339), actor, action, entity, id, detail, text)
	return err
}

// auditChanges is audit with the changed fields of the record.
func (s *Store) auditChanges(ctx context.Context, tx *sql.Tx, action, entity string, id int64, detail string, changes []FieldChange) error {
	if err := s.canWrite(); err != nil {
		return err
	}
	name, _ := s.Actor()
	return s.insertAudit(ctx, tx, name, action, entity, id, detail, changes)
}

// ListAudit returns the newest audit entries first, at most limit of them.
func (s *Store) ListAudit(ctx context.Context, limit int) ([]AuditEntry, error) {
	return s.FindAudit(ctx, AuditFilter{Limit: limit})
}

// FindAudit returns the audit lines f selects, newest first.
func (s *Store) FindAudit(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	where, args, err := f.sql()
	if err != nil {
		return nil, err
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 500
	}
	rows, err := s.db.QueryContext(ctx, "SELECT id, at, actor, action, entity, entity_id, detail, changes FROM audit"+
		where+" ORDER BY id DESC LIMIT ? OFFSET ?", append(args, limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, fmt.Errorf("list audit: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var a AuditEntry
		var changes string
		if err := rows.Scan(&a.ID, &a.At, &a.Actor, &a.Action, &a.Entity, &a.EntityID, &a.Detail, &changes); err != nil {
			return nil, fmt.Errorf("list audit: %w", err)
		}
		if changes != "" {
			// A line that cannot be read keeps its detail; the changes stay empty.
			_ = json.Unmarshal([]byte(changes), &a.Changes)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// CountAudit returns how many lines f selects (Limit and Offset ignored).
func (s *Store) CountAudit(ctx context.Context, f AuditFilter) (int, error) {
	where, args, err := f.sql()
	if err != nil {
		return 0, err
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM audit"+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count audit: %w", err)
	}
	return n, nil
}

// sql builds the WHERE clause of f; a date that is not YYYY-MM-DD is a
// *ValidationError.
func (f AuditFilter) sql() (string, []any, error) {
	var conds []string
	var args []any
	add := func(cond string, a ...any) { conds, args = append(conds, cond), append(args, a...) }
	if f.From != "" {
		from, err := auditDate("开始日期", f.From)
		if err != nil {
			return "", nil, err
		}
		add("at >= ?", from.Format(time.DateOnly))
	}
	if f.To != "" {
		to, err := auditDate("结束日期", f.To)
		if err != nil {
			return "", nil, err
		}
		add("at < ?", to.AddDate(0, 0, 1).Format(time.DateOnly))
	}
	for _, c := range []struct{ col, v string }{{"actor", f.Actor}, {"entity", f.Entity}, {"action", f.Action}} {
		if c.v != "" {
			add(c.col+" = ?", c.v)
		}
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		like := likeContains(q)
		add(`(detail LIKE ? ESCAPE '\' OR changes LIKE ? ESCAPE '\' OR actor LIKE ? ESCAPE '\')`, like, like, like)
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

func auditDate(field, s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return t, Invalid(field, "请按 2026-01-31 的格式填写日期")
	}
	return t, nil
}

// AuditValues returns the 操作人, 对象 and 操作 seen in the log, sorted.
func (s *Store) AuditValues(ctx context.Context) (AuditChoices, error) {
	var c AuditChoices
	for _, x := range []struct {
		col string
		to  *[]string
	}{{"actor", &c.Actors}, {"entity", &c.Entities}, {"action", &c.Actions}} {
		rows, err := s.db.QueryContext(ctx, "SELECT DISTINCT "+x.col+" FROM audit WHERE "+x.col+" <> '' ORDER BY 1")
		if err != nil {
			return c, fmt.Errorf("audit values: %w", err)
		}
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				rows.Close()
				return c, fmt.Errorf("audit values: %w", err)
			}
			*x.to = append(*x.to, v)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return c, fmt.Errorf("audit values: %w", err)
		}
	}
	return c, nil
}

// auditAttendees reads an activity's participants inside tx, for the
// before side of a 修改 line.
func (s *Store) auditAttendees(ctx context.Context, tx *sql.Tx, id int64) ([]Attendee, error) {
	rows, err := tx.QueryContext(ctx, "SELECT name, status FROM activity_member WHERE activity_id = ? ORDER BY seq", id)
	if err != nil {
		return nil, fmt.Errorf("audit attendees: %w", err)
	}
	defer rows.Close()
	var out []Attendee
	for rows.Next() {
		var m Attendee
		if err := rows.Scan(&m.Name, &m.Status); err != nil {
			return nil, fmt.Errorf("audit attendees: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// auditAdjustment reads a stored adjustment inside tx, for the before side
// of a 修改 line.
func (s *Store) auditAdjustment(ctx context.Context, tx *sql.Tx, id int64) (Adjustment, error) {
	a := Adjustment{ID: id}
	var pts string
	err := tx.QueryRowContext(ctx, `SELECT a.year, a.membership_id, p.name, a.points, a.reason, a.date
		FROM adjustment a JOIN membership m ON m.id = a.membership_id JOIN person p ON p.id = m.person_id
		WHERE a.id = ?`, id).Scan(&a.Year, &a.MembershipID, &a.Name, &pts, &a.Reason, &a.Date)
	if err != nil {
		return a, fmt.Errorf("save adjustment %d: %w", id, notFound(err))
	}
	if a.Points, err = assess.ParsePoints(pts); err != nil {
		return a, fmt.Errorf("adjustment %d: %w", id, err)
	}
	return a, nil
}

// auditRuleSet says what a rule set's 修改 changed: name and year by value,
// the rules only as "规则内容已修改".
func (s *Store) auditRuleSet(ctx context.Context, tx *sql.Tx, r *StoredRuleSet, body string) ([]FieldChange, error) {
	var year int
	var name, old string
	if err := tx.QueryRowContext(ctx, "SELECT year, name, body FROM rule_set WHERE id = ?", r.ID).
		Scan(&year, &name, &old); err != nil {
		return nil, fmt.Errorf("save rule set %d: %w", r.ID, notFound(err))
	}
	var out []FieldChange
	if year != r.Year {
		out = append(out, FieldChange{Field: "年度", Before: itoa(year), After: itoa(r.Year)})
	}
	if name != r.Rules.Name {
		out = append(out, FieldChange{Field: "名称", Before: name, After: r.Rules.Name})
	}
	if old != body {
		out = append(out, FieldChange{Field: "规则内容已修改"})
	}
	return out, nil
}
