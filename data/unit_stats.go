package data

import (
	"context"
	"fmt"

	"zhengxie/data/proposal"
)

// UnitStat is one line of the 承办单位办理情况统计表.
type UnitStat struct {
	Unit
	Lead, Co, Split int            // proposals held as 主办, 会办, 分办
	Owed            int            // proposals it must answer (主办 + 分办)
	Answered        int            // of Owed, answered at least once
	Overdue         int            // of Owed, unanswered and past the deadline
	Classes         map[string]int // its latest classed answer per proposal
	Satisfied       int            // proposers' latest verdicts on what it answered
	Basic           int
	Unsatisfied     int
}

// Total is every proposal the unit holds in any role.
func (u UnitStat) Total() int { return u.Lead + u.Co + u.Split }

// Ratings is the number of returned verdicts.
func (u UnitStat) Ratings() int { return u.Satisfied + u.Basic + u.Unsatisfied }

// UnitStats tallies, per unit, the proposals a filter selects (usually a
// session or a term). Units holding nothing are left out; today decides
// what is overdue.
func (s *Store) UnitStats(ctx context.Context, f ProposalFilter, today string) ([]UnitStat, error) {
	return readValue(ctx, s, func(tx querier) ([]UnitStat, error) { return s.unitStats(ctx, tx, f, today) })
}

func (s *Store) unitStats(ctx context.Context, q querier, f ProposalFilter, today string) ([]UnitStat, error) {
	ps, err := s.listProposals(ctx, q, f)
	if err != nil {
		return nil, err
	}
	units, err := listUnits(ctx, q, true)
	if err != nil {
		return nil, err
	}
	byID := map[int64]*UnitStat{}
	out := make([]UnitStat, len(units))
	for i, u := range units {
		out[i] = UnitStat{Unit: u, Classes: map[string]int{}}
		byID[u.ID] = &out[i]
	}
	answers, err := latestUnitAnswers(ctx, q, f)
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		if !proposal.Assigned(p.Status) {
			continue
		}
		for _, a := range p.Units {
			st := byID[a.UnitID]
			if st == nil {
				continue
			}
			switch a.Role {
			case proposal.RoleLead:
				st.Lead++
			case proposal.RoleCo:
				st.Co++
				continue
			case proposal.RoleSplit:
				st.Split++
			}
			st.Owed++
			class, answered := answers[[2]int64{p.ID, a.UnitID}]
			switch {
			case answered:
				st.Answered++
				if class != "" {
					st.Classes[class]++
				}
				for _, v := range p.Verdicts {
					switch v {
					case proposal.RatingSatisfied:
						st.Satisfied++
					case proposal.RatingBasic:
						st.Basic++
					case proposal.RatingUnsatisfied:
						st.Unsatisfied++
					}
				}
			case p.Overdue(today):
				st.Overdue++
			}
		}
	}
	kept := out[:0]
	for _, st := range out {
		if st.Total() > 0 {
			kept = append(kept, st)
		}
	}
	return kept, nil
}

// latestUnitAnswers maps (proposal, unit) to the class of the unit's latest
// answer, for the proposals a filter selects.
func latestUnitAnswers(ctx context.Context, q querier, f ProposalFilter) (map[[2]int64]string, error) {
	where, args := proposalWhere(f)
	out := map[[2]int64]string{}
	err := eachRow(ctx, q, `SELECT a.proposal_id, a.unit_id, a.class FROM answer a
		WHERE a.proposal_id IN (SELECT p.id FROM proposal p JOIN session s ON s.id = p.session_id WHERE `+where+`)
		ORDER BY a.round`, args, func(scan func(...any) error) error {
		var pid, uid int64
		var class string
		if err := scan(&pid, &uid, &class); err != nil {
			return err
		}
		out[[2]int64{pid, uid}] = class
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("unit answers: %w", err)
	}
	return out, nil
}
