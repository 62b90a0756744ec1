package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"zhengxie/data/proposal"
)

// Todo counts what needs doing in a term on a day, for the 首页: each
// count is one SQL query, so the home screen stays fast on a term with
// tens of thousands of proposals.
type Todo struct {
	Overdue  int // being handled, past the deadline
	DueSoon  int // being handled, deadline within the soon window (today included)
	ToAssign int // 立案, waiting for 交办
	ToRate   int // 已答复, and no proposer's rating of the current round yet
	// RuleSets is how many rule sets the assessment year has; 0 means the
	// year's assessment cannot be computed yet.
	RuleSets int
}

// TodoCounts counts the term's proposals that need doing on today
// (YYYY-MM-DD), with deadlines up to soonDays ahead counting as due soon,
// and the rule sets of the assessment year.
func (s *Store) TodoCounts(ctx context.Context, termID int64, today string, soonDays, year int) (Todo, error) {
	var t Todo
	day, err := time.Parse(time.DateOnly, today)
	if err != nil {
		return t, fmt.Errorf("todo counts: %w", err)
	}
	soon := day.AddDate(0, 0, soonDays).Format(time.DateOnly)
	// Only the four statuses counted are read, through the status index: a
	// term at scale 10 has 12,000 proposals, mostly 办结, and reading them
	// all cost ten times as much. The current round is 1 plus one per 再次办理,
	// as proposal_answer.go counts it.
	err = s.read(ctx, func(tx querier) error {
		if err := countTodo(ctx, tx, termID, today, soon, &t); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, "SELECT count(*) FROM rule_set WHERE year = ?", year).Scan(&t.RuleSets)
	})
	if err != nil {
		return t, fmt.Errorf("todo counts: %w", err)
	}
	return t, nil
}

// countTodo counts the proposals that need doing.
func countTodo(ctx context.Context, q querier, termID int64, today, soon string, t *Todo) error {
	return q.QueryRowContext(ctx, `SELECT
		coalesce(sum(p.status IN (?, ?) AND p.deadline <> '' AND p.deadline < ?), 0),
		coalesce(sum(p.status IN (?, ?) AND p.deadline >= ? AND p.deadline <= ?), 0),
		coalesce(sum(p.status = ?), 0),
		coalesce(sum(p.status = ? AND NOT EXISTS (SELECT 1 FROM rating r WHERE r.proposal_id = p.id
			AND r.round = 1 + (SELECT count(*) FROM proposal_event e WHERE e.proposal_id = p.id AND e.action = ?))), 0)
		FROM proposal p WHERE p.status IN (?, ?, ?, ?) AND p.deleted_at IS NULL
		AND p.session_id IN (SELECT id FROM session WHERE term_id = ?)`,
		string(proposal.Handling), string(proposal.Rehandled), today,
		string(proposal.Handling), string(proposal.Rehandled), today, soon,
		string(proposal.Filed),
		string(proposal.Answered), string(proposal.ActRehandle),
		string(proposal.Handling), string(proposal.Rehandled), string(proposal.Filed), string(proposal.Answered),
		termID).Scan(&t.Overdue, &t.DueSoon, &t.ToAssign, &t.ToRate)
}

// StatusCount is how many proposals are in one status.
type StatusCount struct {
	Status proposal.Status
	N      int
}

// NewestSessionStatusCounts counts, by status, the proposals (not in the
// recycle bin) of the term's newest session that has any; sessionID is 0
// when the term has none. It reads one session's rows, not the term's.
func (s *Store) NewestSessionStatusCounts(ctx context.Context, termID int64) (sessionID int64, out []StatusCount, err error) {
	err = s.read(ctx, func(tx querier) (err error) {
		sessionID, out, err = newestSessionStatusCounts(ctx, tx, termID)
		return err
	})
	return sessionID, out, err
}

func newestSessionStatusCounts(ctx context.Context, q querier, termID int64) (sessionID int64, out []StatusCount, err error) {
	err = q.QueryRowContext(ctx, `SELECT x.id FROM session x WHERE x.term_id = ? AND EXISTS (
		SELECT 1 FROM proposal p WHERE p.session_id = x.id AND p.deleted_at IS NULL) ORDER BY x.number DESC LIMIT 1`,
		termID).Scan(&sessionID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil, nil
	}
	if err != nil {
		return 0, nil, fmt.Errorf("count proposals by status: %w", err)
	}
	rows, err := q.QueryContext(ctx, `SELECT status, count(*) FROM proposal
		WHERE session_id = ? AND deleted_at IS NULL GROUP BY status`, sessionID)
	if err != nil {
		return 0, nil, fmt.Errorf("count proposals by status: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c StatusCount
		if err := rows.Scan(&c.Status, &c.N); err != nil {
			return 0, nil, fmt.Errorf("count proposals by status: %w", err)
		}
		out = append(out, c)
	}
	return sessionID, out, rows.Err()
}
