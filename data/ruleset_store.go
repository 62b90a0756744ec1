package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"zhengxie/data/assess"
)

// ListRuleSets lists the rule sets kept for a year (0 = every year), by year then name.
func (s *Store) ListRuleSets(ctx context.Context, year int) ([]StoredRuleSet, error) {
	q := "SELECT id, year, body, updated_at FROM rule_set"
	var args []any
	if year != 0 {
		q += " WHERE year = ?"
		args = append(args, year)
	}
	rows, err := s.db.QueryContext(ctx, q+" ORDER BY year, name", args...)
	if err != nil {
		return nil, fmt.Errorf("list rule sets: %w", err)
	}
	defer rows.Close()
	var out []StoredRuleSet
	for rows.Next() {
		r, err := scanRuleSet(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func scanRuleSet(row interface{ Scan(...any) error }) (StoredRuleSet, error) {
	var r StoredRuleSet
	var body string
	if err := row.Scan(&r.ID, &r.Year, &body, &r.UpdatedAt); err != nil {
		return r, err
	}
	if err := json.Unmarshal([]byte(body), &r.Rules); err != nil {
		return r, fmt.Errorf("rule set %d: %w", r.ID, err)
	}
	r.Rules.Year = r.Year
	return r, nil
}

// GetRuleSet reads one stored rule set.
func (s *Store) GetRuleSet(ctx context.Context, id int64) (StoredRuleSet, error) {
	return getRuleSet(ctx, s.db, id)
}

func getRuleSet(ctx context.Context, q querier, id int64) (StoredRuleSet, error) {
	r, err := scanRuleSet(q.QueryRowContext(ctx, "SELECT id, year, body, updated_at FROM rule_set WHERE id = ?", id))
	if err != nil {
		return r, fmt.Errorf("get rule set %d: %w", id, notFound(err))
	}
	return r, nil
}

// RuleSetByName finds a year's rule set by name (ErrNotFound otherwise).
func (s *Store) RuleSetByName(ctx context.Context, year int, name string) (StoredRuleSet, error) {
	r, err := scanRuleSet(s.db.QueryRowContext(ctx,
		"SELECT id, year, body, updated_at FROM rule_set WHERE year = ? AND name = ?", year, strings.TrimSpace(name)))
	if err != nil {
		return r, fmt.Errorf("rule set %d %q: %w", year, name, notFound(err))
	}
	return r, nil
}

// SaveRuleSet inserts (ID 0) or updates a rule set after assess.Validate; the
// problems come back as ValidationErrors (Field = Problem.Where). A name
// already used in that year is refused.
func (s *Store) SaveRuleSet(ctx context.Context, r *StoredRuleSet) error {
	r.Rules.Name = strings.TrimSpace(r.Rules.Name)
	if r.Year < 1950 || r.Year > 2200 {
		return Invalid("年度", "请填写考核年度，如 2026")
	}
	r.Rules.Year = r.Year
	if ps := assess.Validate(r.Rules); len(ps) > 0 {
		errs := make(ValidationErrors, len(ps))
		for i, p := range ps {
			errs[i] = &ValidationError{Field: p.Where, Msg: p.Msg}
		}
		return errs
	}
	body, err := json.Marshal(r.Rules)
	if err != nil {
		return fmt.Errorf("save rule set: %w", err)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var other int64
		err := tx.QueryRowContext(ctx, "SELECT id FROM rule_set WHERE year = ? AND name = ? AND id <> ?",
			r.Year, r.Rules.Name, r.ID).Scan(&other)
		if err == nil {
			return Invalid("名称", fmt.Sprintf("%d年度已有名为“%s”的规则集", r.Year, r.Rules.Name))
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("save rule set: %w", err)
		}
		r.UpdatedAt = s.Now().Format(time.RFC3339)
		action := "修改"
		var changes []FieldChange
		if r.ID == 0 {
			res, err := tx.ExecContext(ctx, "INSERT INTO rule_set(year, name, body, updated_at) VALUES (?, ?, ?, ?)",
				r.Year, r.Rules.Name, string(body), r.UpdatedAt)
			if err != nil {
				return fmt.Errorf("save rule set: %w", err)
			}
			r.ID, _ = res.LastInsertId()
			action = "新增"
		} else {
			if changes, err = s.auditRuleSet(ctx, tx, r, string(body)); err != nil {
				return err
			}
			res, err := tx.ExecContext(ctx, "UPDATE rule_set SET year = ?, name = ?, body = ?, updated_at = ? WHERE id = ?",
				r.Year, r.Rules.Name, string(body), r.UpdatedAt, r.ID)
			if err != nil {
				return fmt.Errorf("save rule set: %w", err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return fmt.Errorf("save rule set %d: %w", r.ID, ErrNotFound)
			}
		}
		return s.auditChanges(ctx, tx, action, "考核规则集", r.ID, fmt.Sprintf("%d年度 %s", r.Year, r.Rules.Name), changes)
	})
}

// DeleteRuleSet removes a rule set that no year's setup uses.
func (s *Store) DeleteRuleSet(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var year int
		var name string
		if err := tx.QueryRowContext(ctx, "SELECT year, name FROM rule_set WHERE id = ?", id).Scan(&year, &name); err != nil {
			return fmt.Errorf("delete rule set %d: %w", id, notFound(err))
		}
		var used int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM assessment_setup WHERE rule_set_id = ?", id).Scan(&used); err != nil {
			return fmt.Errorf("delete rule set: %w", err)
		}
		if used > 0 {
			return Invalid("规则集", fmt.Sprintf("“%s”是%d年度考核所用的规则集，请先选用其他规则集再删除", name, year))
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM rule_set WHERE id = ?", id); err != nil {
			return fmt.Errorf("delete rule set: %w", err)
		}
		return s.audit(ctx, tx, "删除", "考核规则集", id, fmt.Sprintf("%d年度 %s", year, name))
	})
}

// CopyRuleSet copies a rule set to another year (same name), returning the copy.
func (s *Store) CopyRuleSet(ctx context.Context, id int64, year int) (StoredRuleSet, error) {
	src, err := s.GetRuleSet(ctx, id)
	if err != nil {
		return src, err
	}
	cp := StoredRuleSet{Year: year, Rules: src.Rules}
	if err := s.SaveRuleSet(ctx, &cp); err != nil {
		return cp, err
	}
	return cp, nil
}
