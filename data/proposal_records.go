package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"zhengxie/data/proposal"
)

// ProposalHistory returns a proposal's history, oldest first.
func (s *Store) ProposalHistory(ctx context.Context, id int64) ([]ProposalEvent, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, proposal_id, at, date, action, from_status, to_status, actor, note
		FROM proposal_event WHERE proposal_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("proposal history: %w", err)
	}
	defer rows.Close()
	var out []ProposalEvent
	for rows.Next() {
		var e ProposalEvent
		if err := rows.Scan(&e.ID, &e.ProposalID, &e.At, &e.Date, &e.Action, &e.From, &e.To, &e.Actor, &e.Note); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func (s *Store) addEvent(ctx context.Context, tx *sql.Tx, id int64, date, action string, from, to proposal.Status, actor, note string) error {
	if date == "" {
		date = s.Now().Format("2006-01-02")
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO proposal_event(proposal_id, at, date, action, from_status, to_status, actor, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, s.Now().Format(time.RFC3339), date, action, string(from), string(to), actor, note)
	if err != nil {
		return fmt.Errorf("record proposal history: %w", err)
	}
	return nil
}

// ListAnswers returns a proposal's answers by round and unit.
func (s *Store) ListAnswers(ctx context.Context, id int64) ([]Answer, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.proposal_id, a.unit_id, u.name, a.round, a.date, a.doc_no, a.contact,
		a.phone, a.class, a.face_to_face, a.note FROM answer a JOIN unit u ON u.id = a.unit_id
		WHERE a.proposal_id = ? ORDER BY a.round, a.id`, id)
	if err != nil {
		return nil, fmt.Errorf("list answers: %w", err)
	}
	defer rows.Close()
	var out []Answer
	for rows.Next() {
		var a Answer
		if err := rows.Scan(&a.ID, &a.ProposalID, &a.UnitID, &a.Unit, &a.Round, &a.Date, &a.DocNo, &a.Contact,
			&a.Phone, &a.Class, &a.FaceToFace, &a.Note); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// ListRatings returns every verdict on a proposal by round and proposer.
func (s *Store) ListRatings(ctx context.Context, id int64) ([]Rating, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT proposal_id, seq, round, verdict, axes, date FROM rating
		WHERE proposal_id = ? ORDER BY round, seq`, id)
	if err != nil {
		return nil, fmt.Errorf("list ratings: %w", err)
	}
	defer rows.Close()
	var out []Rating
	for rows.Next() {
		var r Rating
		var axes string
		if err := rows.Scan(&r.ProposalID, &r.Seq, &r.Round, &r.Verdict, &axes, &r.Date); err != nil {
			return nil, err
		}
		r.Axes = parseAxes(axes)
		out = append(out, r)
	}
	return out, rows.Err()
}

// Axes are stored as "办理过程=满意;办理结果=基本满意".
func parseAxes(s string) map[string]string {
	if s == "" {
		return nil
	}
	m := map[string]string{}
	for _, kv := range strings.Split(s, ";") {
		if k, v, ok := strings.Cut(kv, "="); ok {
			m[k] = v
		}
	}
	return m
}

func formatAxes(axes []string, m map[string]string) string {
	var parts []string
	for _, a := range axes {
		if v := m[a]; v != "" {
			parts = append(parts, a+"="+v)
		}
	}
	return strings.Join(parts, ";")
}
