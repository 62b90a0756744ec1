package data

import (
	"context"
	"fmt"
	"strings"

	"zhengxie/data/assess"
)

// wanted reports whether a membership's records are being gathered.
func (b *ArchiveBook) wanted(id int64) bool {
	if id == 0 {
		return false
	}
	if len(b.Members) == 1 {
		return b.Members[0].Membership.ID == id
	}
	return true // the whole roster; ids of other terms never occur
}

// loadTerms finds every term each person served.
func (b *ArchiveBook) loadTerms(ctx context.Context, s *Store, q querier, membershipID int64) error {
	sel := `SELECT m.person_id, ` + prefixed("t.", termColumns) + ` FROM membership m JOIN term t ON t.id = m.term_id
		WHERE m.deleted_at IS NULL AND m.person_id IN (SELECT person_id FROM membership WHERE term_id = ?`
	args := []any{b.Term.ID}
	if membershipID != 0 {
		sel += " AND id = ?"
		args = append(args, membershipID)
	}
	rows, err := q.QueryContext(ctx, sel+") ORDER BY t.number", args...)
	if err != nil {
		return fmt.Errorf("archive terms: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var person int64
		var t Term
		if err := rows.Scan(&person, &t.ID, &t.Number, &t.StartYear, &t.EndYear, &t.Current); err != nil {
			return fmt.Errorf("archive terms: %w", err)
		}
		b.terms[person] = append(b.terms[person], t)
	}
	return rows.Err()
}

// prefixed qualifies a comma-separated column list with a table alias.
func prefixed(alias, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = alias + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}

// loadProposals sorts the term's proposals to their member proposers.
func (b *ArchiveBook) loadProposals(ctx context.Context, s *Store, q querier, membershipID int64) error {
	sessions, err := listSessions(ctx, q, b.Term.ID)
	if err != nil {
		return err
	}
	number := map[int64]int{}
	for _, se := range sessions {
		number[se.ID] = se.Number
	}
	ps, err := s.listProposals(ctx, q, ProposalFilter{TermID: b.Term.ID, MembershipID: membershipID})
	if err != nil {
		return err
	}
	for _, p := range ps {
		seen := map[int64]bool{}
		for _, x := range p.Proposers {
			if !b.wanted(x.MembershipID) || seen[x.MembershipID] {
				continue
			}
			seen[x.MembershipID] = true
			role := RoleCoProposer
			if x.Seq == 1 {
				role = RoleFirstProposer
			}
			b.proposals[x.MembershipID] = append(b.proposals[x.MembershipID],
				ArchiveProposal{Proposal: p, Session: number[p.SessionID], Role: role})
		}
	}
	return nil
}

// loadEntries reads the term's activities with their members and
// adoptions in three queries and hands each member its entries, by date.
func (b *ArchiveBook) loadEntries(ctx context.Context, s *Store, q querier, membershipID int64) error {
	where, args := "term_id = ? AND deleted_at IS NULL", []any{b.Term.ID}
	if membershipID != 0 {
		where += " AND id IN (SELECT activity_id FROM activity_member WHERE membership_id = ?)"
		args = append(args, membershipID)
	}
	acts, index, err := archiveActivities(ctx, q, where, args)
	if err != nil || len(acts) == 0 {
		return err
	}
	ids := "SELECT id FROM activity WHERE " + where
	if err := archiveMembers(ctx, q, ids, args, index); err != nil {
		return err
	}
	if err := archiveAdoptions(ctx, q, ids, args, index); err != nil {
		return err
	}
	for _, a := range acts {
		for i, m := range a.Members {
			if !b.wanted(m.MembershipID) {
				continue
			}
			e := ArchiveEntry{Activity: *a, Status: m.Status, Role: m.Role, Position: i + 1}
			if a.Kind != ActEvent && a.Kind != ActAward {
				e.Role = RoleCoAuthor
				if i == 0 {
					e.Role = RoleFirstAuthor
				}
			}
			b.entries[m.MembershipID] = append(b.entries[m.MembershipID], e)
		}
	}
	return nil
}

// archiveActivities reads the activities matching where, by date.
func archiveActivities(ctx context.Context, q querier, where string, args []any) ([]*Activity, map[int64]*Activity, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+activityColumns+" FROM activity WHERE "+where+" ORDER BY date, id", args...)
	if err != nil {
		return nil, nil, fmt.Errorf("archive activities: %w", err)
	}
	defer rows.Close()
	var acts []*Activity
	index := map[int64]*Activity{}
	for rows.Next() {
		a, err := scanActivity(rows)
		if err != nil {
			return nil, nil, fmt.Errorf("archive activities: %w", err)
		}
		acts = append(acts, &a)
		index[a.ID] = &a
	}
	return acts, index, rows.Err()
}

func archiveMembers(ctx context.Context, q querier, ids string, args []any, index map[int64]*Activity) error {
	rows, err := q.QueryContext(ctx, `SELECT activity_id, coalesce(membership_id, 0), name, status, role, note
		FROM activity_member WHERE activity_id IN (`+ids+`) ORDER BY activity_id, seq`, args...)
	if err != nil {
		return fmt.Errorf("archive activity members: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var m Attendee
		if err := rows.Scan(&id, &m.MembershipID, &m.Name, &m.Status, &m.Role, &m.Note); err != nil {
			return fmt.Errorf("archive activity members: %w", err)
		}
		if a := index[id]; a != nil {
			a.Members = append(a.Members, m)
		}
	}
	return rows.Err()
}

func archiveAdoptions(ctx context.Context, q querier, ids string, args []any, index map[int64]*Activity) error {
	rows, err := q.QueryContext(ctx, `SELECT activity_id, kind, level, mode, leader, date, note FROM adoption
		WHERE activity_id IN (`+ids+`) ORDER BY activity_id, seq`, args...)
	if err != nil {
		return fmt.Errorf("archive adoptions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var x Adoption
		if err := rows.Scan(&id, &x.Kind, &x.Level, &x.Mode, &x.Leader, &x.Date, &x.Note); err != nil {
			return fmt.Errorf("archive adoptions: %w", err)
		}
		if a := index[id]; a != nil {
			a.Adoptions = append(a.Adoptions, x)
		}
	}
	return rows.Err()
}

// loadYears assesses each year of the term whose setup chose a rule set,
// once for the whole roster.
func (b *ArchiveBook) loadYears(ctx context.Context, _ *Store, q querier, _ int64) error {
	for y := b.Term.StartYear; y <= b.Term.EndYear; y++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		setup, err := assessmentSetup(ctx, q, y)
		if err != nil || setup.RuleSetID == 0 || setup.TermID != b.Term.ID {
			continue // no term or no rule set that year, or the year belongs to the next term
		}
		res, rs, err := assessYear(ctx, q, y, setup.RuleSetID)
		if err != nil {
			return UserErrf(err, "%d年度考核：%s", y, UserMessage(err))
		}
		by := bookYear{year: y, rules: rs, results: map[int64]assess.MemberResult{}}
		for _, m := range res.Members {
			if m.Excluded == "" {
				by.assessed++
			}
			if b.wanted(m.Member.ID) {
				by.results[m.Member.ID] = m
			}
		}
		b.years = append(b.years, by)
	}
	return nil
}
