package data

import (
	"context"
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
	// The current round is 1 plus one per 再次办理, as proposal_answer.go counts it.
	err = s.db.QueryRowContext(ctx, `SELECT
		coalesce(sum(p.status IN (?, ?) AND p.deadline <> '' AND p.deadline < ?), 0),
		coalesce(sum(p.status IN (?, ?) AND p.deadline >= ? AND p.deadline <= ?), 0),
		coalesce(sum(p.status = ?), 0),
		coalesce(sum(p.status = ? AND NOT EXISTS (SELECT 1 FROM rating r WHERE r.proposal_id = p.id
			AND r.round = 1 + (SELECT count(*) FROM proposal_event e WHERE e.proposal_id = p.id AND e.action = ?))), 0)
		FROM proposal p JOIN session s ON s.id = p.session_id
		WHERE s.term_id = ? AND p.deleted_at IS NULL`,
		string(proposal.Handling), string(proposal.Rehandled), today,
		string(proposal.Handling), string(proposal.Rehandled), today, soon,
		string(proposal.Filed),
		string(proposal.Answered), string(proposal.ActRehandle),
		termID).Scan(&t.Overdue, &t.DueSoon, &t.ToAssign, &t.ToRate)
	if err != nil {
		return t, fmt.Errorf("todo counts: %w", err)
	}
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM rule_set WHERE year = ?", year).Scan(&t.RuleSets); err != nil {
		return t, fmt.Errorf("todo counts: %w", err)
	}
	return t, nil
}

// StatusCount is how many proposals of a session are in one status.
type StatusCount struct {
	SessionID int64
	Status    proposal.Status
	N         int
}

// ProposalStatusCounts counts the term's proposals (not in the recycle
// bin) by session and status, in one grouped query.
func (s *Store) ProposalStatusCounts(ctx context.Context, termID int64) ([]StatusCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT p.session_id, p.status, count(*)
		FROM proposal p JOIN session s ON s.id = p.session_id
		WHERE s.term_id = ? AND p.deleted_at IS NULL GROUP BY 1, 2`, termID)
	if err != nil {
		return nil, fmt.Errorf("count proposals by status: %w", err)
	}
	defer rows.Close()
	var out []StatusCount
	for rows.Next() {
		var c StatusCount
		if err := rows.Scan(&c.SessionID, &c.Status, &c.N); err != nil {
			return nil, fmt.Errorf("count proposals by status: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
