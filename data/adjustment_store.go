package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"zhengxie/data/assess"
	"zhengxie/data/validate"
)

// ListAdjustments lists a year's manual 加分/扣分, by member then date.
func (s *Store) ListAdjustments(ctx context.Context, year int) ([]Adjustment, error) {
	return listAdjustments(ctx, s.db, year)
}

func listAdjustments(ctx context.Context, q querier, year int) ([]Adjustment, error) {
	rows, err := q.QueryContext(ctx, `SELECT a.id, a.year, a.membership_id, p.name, a.points, a.reason, a.date,
		a.entered_by FROM adjustment a JOIN membership m ON m.id = a.membership_id JOIN person p ON p.id = m.person_id
		WHERE a.year = ? ORDER BY m.id, a.date, a.id`, year)
	if err != nil {
		return nil, fmt.Errorf("list adjustments: %w", err)
	}
	defer rows.Close()
	var out []Adjustment
	for rows.Next() {
		var a Adjustment
		var pts string
		if err := rows.Scan(&a.ID, &a.Year, &a.MembershipID, &a.Name, &pts, &a.Reason, &a.Date, &a.EnteredBy); err != nil {
			return nil, fmt.Errorf("list adjustments: %w", err)
		}
		if a.Points, err = assess.ParsePoints(pts); err != nil {
			return nil, fmt.Errorf("adjustment %d: %w", a.ID, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Validate names each problem of an adjustment by its Chinese label.
func (a Adjustment) Validate() ValidationErrors {
	var errs ValidationErrors
	if a.MembershipID == 0 {
		errs = append(errs, &ValidationError{"委员", "请选择委员"})
	}
	if a.Points.IsZero() {
		errs = append(errs, &ValidationError{"分值", "请填写加分（正数）或扣分（负数），不能为 0"})
	}
	if why := assess.PointsProblem(a.Points); why != "" {
		errs = append(errs, &ValidationError{"分值", why})
	}
	if strings.TrimSpace(a.Reason) == "" {
		errs = append(errs, &ValidationError{"事由", "请填写加分或扣分的事由"})
	}
	if a.Year < 1950 || a.Year > 2200 {
		errs = append(errs, &ValidationError{"年度", "请填写考核年度"})
	}
	if a.Date != "" {
		if _, err := validate.Date(a.Date); err != nil {
			errs = append(errs, &ValidationError{"日期", err.Error()})
		}
	}
	return errs
}

// SaveAdjustment inserts (ID 0) or updates one adjustment; points must be non-zero and a reason given.
func (s *Store) SaveAdjustment(ctx context.Context, a *Adjustment) error {
	a.Reason, a.EnteredBy, a.Date = strings.TrimSpace(a.Reason), strings.TrimSpace(a.EnteredBy), normDate(a.Date)
	if errs := a.Validate(); len(errs) > 0 {
		return errs
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id
			WHERE m.id = ?`, a.MembershipID).Scan(&a.Name); err != nil {
			return Invalid("委员", "所选委员不在名册中")
		}
		action, old := "修改", *a
		if a.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO adjustment(year, membership_id, points, reason, date, entered_by)
				VALUES (?, ?, ?, ?, ?, ?)`, a.Year, a.MembershipID, a.Points.Exact(), a.Reason, a.Date, a.EnteredBy)
			if err != nil {
				return fmt.Errorf("save adjustment: %w", err)
			}
			a.ID, _ = res.LastInsertId()
			action = "新增"
		} else {
			o, err := s.auditAdjustment(ctx, tx, a.ID)
			if err != nil {
				return err
			}
			old = o
			res, err := tx.ExecContext(ctx, `UPDATE adjustment SET year = ?, membership_id = ?, points = ?, reason = ?,
				date = ?, entered_by = ? WHERE id = ?`, a.Year, a.MembershipID, a.Points.Exact(), a.Reason, a.Date,
				a.EnteredBy, a.ID)
			if err != nil {
				return fmt.Errorf("save adjustment: %w", err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return fmt.Errorf("save adjustment %d: %w", a.ID, ErrNotFound)
			}
		}
		return s.auditChanges(ctx, tx, action, "考核加减分", a.ID,
			fmt.Sprintf("%d年度 %s %s分：%s", a.Year, a.Name, a.Points.Exact(), a.Reason),
			diffFields(adjustmentAuditFields, old, *a))
	})
}

// DeleteAdjustment removes one adjustment (audited).
func (s *Store) DeleteAdjustment(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var year int
		var pts, reason string
		if err := tx.QueryRowContext(ctx, "SELECT year, points, reason FROM adjustment WHERE id = ?", id).
			Scan(&year, &pts, &reason); err != nil {
			return fmt.Errorf("delete adjustment %d: %w", id, notFound(err))
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM adjustment WHERE id = ?", id); err != nil {
			return fmt.Errorf("delete adjustment: %w", err)
		}
		return s.audit(ctx, tx, "删除", "考核加减分", id, fmt.Sprintf("%d年度 %s分：%s", year, pts, reason))
	})
}
