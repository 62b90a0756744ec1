package data

import (
	"context"
	"fmt"

	"zhengxie/data/proposal"
	"zhengxie/data/proposalstats"
)

// ProposalStats computes the report figures (docs/proposal-statistics.md)
// for the proposals a filter selects — a session, a year or a whole term —
// as of today (YYYY-MM-DD, for what is overdue). 委员提案参与率 counts
// against the roster of the filter's term: its serving members plus anyone
// who proposed (so the rate never exceeds 100 %).
func (s *Store) ProposalStats(ctx context.Context, f ProposalFilter, today string) (proposalstats.Report, error) {
	return readValue(ctx, s, func(tx querier) (proposalstats.Report, error) { return s.proposalStats(ctx, tx, f, today) })
}

func (s *Store) proposalStats(ctx context.Context, q querier, f ProposalFilter, today string) (proposalstats.Report, error) {
	if f.TermID == 0 && f.SessionID != 0 {
		if err := q.QueryRowContext(ctx, "SELECT term_id FROM session WHERE id = ?", f.SessionID).Scan(&f.TermID); err != nil {
			return proposalstats.Report{}, notFound(err)
		}
	}
	ps, err := s.listProposals(ctx, q, f)
	if err != nil {
		return proposalstats.Report{}, err
	}
	cfg, err := proposalConfig(ctx, q)
	if err != nil {
		return proposalstats.Report{}, err
	}
	persons, serving, err := termPersons(ctx, q, f.TermID)
	if err != nil {
		return proposalstats.Report{}, err
	}
	in := proposalstats.Input{Categories: cfg.Categories, Dispositions: cfg.Dispositions, Classes: cfg.ClassCodes()}
	proposers := map[int64]bool{}
	for i := range ps {
		item := statsItem(&ps[i], today, persons)
		for _, id := range item.PersonIDs {
			proposers[id] = true
		}
		in.Items = append(in.Items, item)
	}
	in.Members = len(serving)
	for id := range proposers {
		if !serving[id] {
			in.Members++
		}
	}
	return proposalstats.Compute(in), nil
}

// statsItem is one proposal as the statistics see it.
func statsItem(p *Proposal, today string, persons map[int64]int64) proposalstats.Item {
	it := proposalstats.Item{
		Status: p.Status, Disposition: p.Disposition, ProposerType: p.ProposerType, Kind: p.Kind,
		Category: p.Category, Class: p.Class, Key: p.KeyTier != "", KeyLeader: p.KeyLeader, Excellent: p.ExcellentYear != 0,
		Overdue: p.Overdue(today),
	}
	for _, u := range p.Units {
		it.Units = append(it.Units, u.Unit)
		if u.Role != proposal.RoleCo {
			it.LeadUnits = append(it.LeadUnits, u.Unit)
		}
	}
	for _, x := range p.Proposers {
		if v := p.Verdicts[x.Seq]; v != "" {
			it.Ratings = append(it.Ratings, v)
		}
		if id, ok := persons[x.MembershipID]; ok && x.MembershipID != 0 {
			it.PersonIDs = append(it.PersonIDs, id)
		}
	}
	return it
}

// termPersons maps the term's memberships to persons, and lists the persons
// serving in it (not deleted, status 在任 or 增补).
func termPersons(ctx context.Context, q querier, termID int64) (map[int64]int64, map[int64]bool, error) {
	persons, serving := map[int64]int64{}, map[int64]bool{}
	sel := "SELECT id, person_id, status, deleted_at IS NOT NULL FROM membership"
	var args []any
	if termID != 0 {
		sel += " WHERE term_id = ?"
		args = append(args, termID)
	}
	err := eachRow(ctx, q, sel, args, func(scan func(...any) error) error {
		var id, person int64
		var status string
		var deleted bool
		if err := scan(&id, &person, &status, &deleted); err != nil {
			return err
		}
		persons[id] = person
		if !deleted && IsActiveStatus(status) {
			serving[person] = true
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("term roster for statistics: %w", err)
	}
	return persons, serving, nil
}
