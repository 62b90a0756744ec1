package data

import (
	"context"
	"database/sql"
	"fmt"

	"zhengxie/data/validate"
)

// ListSessions returns a term's plenary sessions in order.
func (s *Store) ListSessions(ctx context.Context, termID int64) ([]Session, error) {
	return listSessions(ctx, s.db, termID)
}

func listSessions(ctx context.Context, q querier, termID int64) ([]Session, error) {
	rows, err := q.QueryContext(ctx,
		"SELECT id, term_id, number, start_date, end_date FROM session WHERE term_id = ? ORDER BY number", termID)
	if err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	defer rows.Close()
	var out []Session
	for rows.Next() {
		var x Session
		if err := rows.Scan(&x.ID, &x.TermID, &x.Number, &x.StartDate, &x.EndDate); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// SaveSession creates (ID 0) or updates a plenary session.
func (s *Store) SaveSession(ctx context.Context, x *Session) error {
	for _, d := range []*string{&x.StartDate, &x.EndDate} {
		if v, err := validate.Date(*d); err == nil {
			*d = v
		}
	}
	var errs ValidationErrors
	if x.Number <= 0 {
		errs = append(errs, &ValidationError{"会次", "应为正整数"})
	}
	for _, f := range []struct{ label, v string }{{"开始日期", x.StartDate}, {"结束日期", x.EndDate}} {
		if f.v != "" && !IsDate(f.v) {
			errs = append(errs, &ValidationError{f.label, "应为 YYYY-MM-DD 格式的日期"})
		}
	}
	if x.StartDate != "" && x.EndDate != "" && x.EndDate < x.StartDate {
		errs = append(errs, &ValidationError{"结束日期", "不能早于开始日期"})
	}
	if len(errs) > 0 {
		return errs
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if x.ID == 0 {
			var res sql.Result
			res, err = tx.ExecContext(ctx, "INSERT INTO session(term_id, number, start_date, end_date) VALUES (?, ?, ?, ?)",
				x.TermID, x.Number, x.StartDate, x.EndDate)
			if err == nil {
				x.ID, _ = res.LastInsertId()
			}
		} else {
			_, err = tx.ExecContext(ctx, "UPDATE session SET number = ?, start_date = ?, end_date = ? WHERE id = ?",
				x.Number, x.StartDate, x.EndDate, x.ID)
		}
		if isUniqueViolation(err) {
			return Invalid("会次", fmt.Sprintf("本届%s已存在", x.SessionName()))
		}
		if err != nil {
			return fmt.Errorf("save session: %w", err)
		}
		return s.audit(ctx, tx, "保存", "会议", x.ID, x.SessionName())
	})
}

// DeleteSession removes a plenary session.
func (s *Store) DeleteSession(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM session WHERE id = ?", id)
		if err != nil {
			return fmt.Errorf("delete session: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return s.audit(ctx, tx, "删除", "会议", id, "")
	})
}
