package demo

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"zhengxie/data"
)

// Proposal volumes per roster seat: a 300-seat committee receives 120–140
// plenary proposals a session and about ten between sessions.
const (
	plenaryPerSeatLow, plenaryPerSeatHigh = 0.40, 0.47
	casualPerSeatLow, casualPerSeatHigh   = 0.025, 0.040
	proposalSessions                      = 2 // the term's last sessions get proposals; each costs ~0.5 s
)

// writeProposals saves the county's handling units, then enters the
// proposals of the term's last two sessions held by today and takes each
// through its workflow up to today, through the store's own workflow
// (CreateProposal, Apply, BulkAssign, UpdateProposal). It returns how many
// proposals it entered.
func writeProposals(ctx context.Context, s *data.Store, t data.Term, seed int64, seats int, today string) (int, error) {
	sessions, err := s.ListSessions(ctx, t.ID)
	if err != nil || len(sessions) == 0 {
		return 0, err
	}
	pl, err := newPlanner(ctx, s, t, seed, today)
	if err != nil {
		return 0, err
	}
	var plans []*sessionPlan
	for i := max(0, len(sessions)-proposalSessions); i < len(sessions); i++ {
		sp := &sessionPlan{session: sessions[i], newest: i == len(sessions)-1}
		if i+1 < len(sessions) {
			sp.next = sessions[i+1].StartDate
		}
		plenary := pl.volume(seats, plenaryPerSeatLow, plenaryPerSeatHigh)
		pl.plan(sp, plenary, max(3, pl.volume(seats, casualPerSeatLow, casualPerSeatHigh)))
		plans = append(plans, sp)
	}
	pl.numberAnswers(plans)
	total := 0
	for _, sp := range plans {
		n, err := writeSession(ctx, s, sp, today)
		total += n
		if err != nil {
			return total, fmt.Errorf("populate demo: %s proposals: %w", sp.session.SessionName(), err)
		}
	}
	return total, nil
}

func (pl *planner) volume(seats int, low, high float64) int {
	return int(math.Round(float64(seats) * (low + (high-low)*pl.rng.Float64())))
}

// newPlanner reads what proposals are made of: the settings, the term's
// roster and catalogs; and saves the handling units.
func newPlanner(ctx context.Context, s *data.Store, t data.Term, seed int64, today string) (*planner, error) {
	pl := &planner{
		rng:   rand.New(rand.NewPCG(uint64(seed), 0x7469_616e_616e)),
		today: today,
		units: map[string]unitRef{},
	}
	var err error
	if pl.cfg, err = s.ProposalConfig(ctx); err != nil {
		return nil, err
	}
	members, err := s.ListMembers(ctx, data.MemberFilter{TermID: t.ID})
	if err != nil {
		return nil, err
	}
	pl.signers = newSigners(pl.rng, members)
	for _, m := range members {
		if m.Role == "副主席" {
			pl.vices = append(pl.vices, m.Name+"（县政协副主席）")
		}
	}
	if len(pl.vices) == 0 {
		pl.vices = []string{otherLeader}
	}
	sectors, err := s.CatalogNames(ctx, t.ID, data.KindSector)
	if err != nil {
		return nil, err
	}
	committees, err := s.CatalogNames(ctx, t.ID, data.KindCommittee)
	if err != nil {
		return nil, err
	}
	pl.groups = newCollectives(sectors, committees)
	return pl, pl.saveUnits(ctx, s)
}

// saveUnits enters the county's 承办单位, each with a contact person.
func (pl *planner) saveUnits(ctx context.Context, s *data.Store) error {
	for _, cu := range countyUnits {
		given := maleGiven
		if pl.chance(40) {
			given = femaleGiven
		}
		u := data.Unit{Name: cu.name, Kind: cu.kind, Contact: pick(pl.rng, surnames).name + pick(pl.rng, given),
			Phone: fmt.Sprintf("0319-81%05d", pl.rng.IntN(100000))}
		if err := s.SaveUnit(ctx, &u); err != nil {
			return fmt.Errorf("populate demo: unit %s: %w", cu.name, err)
		}
		pl.units[cu.key] = unitRef{id: u.ID, name: u.Name, abbr: cu.abbr, contact: u.Contact, phone: u.Phone}
	}
	return nil
}

// writeSession enters a session's drafts submitted by today and applies
// their steps dated today or earlier: the 审查 first, then the 交办会 as one
// BulkAssign, then everything after, then the flags. It returns how many
// proposals it entered.
func writeSession(ctx context.Context, s *data.Store, sp *sessionPlan, today string) (int, error) {
	n := 0
	for _, d := range sp.drafts {
		if d.p.Submitted > today {
			continue
		}
		d.p.SessionID = sp.session.ID
		if err := s.CreateProposal(ctx, &d.p); err != nil {
			return n, fmt.Errorf("proposal %q: %w", d.p.Title, err)
		}
		n++
	}
	for _, d := range sp.drafts {
		stop := len(d.steps)
		if d.bulk >= 0 {
			stop = d.bulk
		}
		if err := applySteps(ctx, s, sp, d, stop, today); err != nil {
			return n, err
		}
	}
	if err := assignAtMeeting(ctx, s, sp, today); err != nil {
		return n, err
	}
	for _, d := range sp.drafts {
		if err := applySteps(ctx, s, sp, d, len(d.steps), today); err != nil {
			return n, err
		}
		if err := writeFlags(ctx, s, d, today); err != nil {
			return n, err
		}
	}
	return n, nil
}

// assignAtMeeting holds the session's 交办会: every plenary proposal filed
// by then is assigned in one BulkAssign.
func assignAtMeeting(ctx context.Context, s *data.Store, sp *sessionPlan, today string) error {
	if sp.assign > today {
		return nil
	}
	var orders []data.AssignOrder
	for _, d := range sp.drafts {
		if d.p.ID != 0 && d.bulk >= 0 && d.done == d.bulk {
			st := d.steps[d.bulk]
			orders = append(orders, data.AssignOrder{ProposalID: d.p.ID, Mode: st.Mode, Units: st.Units})
			d.done++
		}
	}
	if len(orders) == 0 {
		return nil
	}
	if err := s.BulkAssign(ctx, orders, sp.assign, staff[0]); err != nil {
		return fmt.Errorf("assignment meeting: %w", err)
	}
	return nil
}

// applySteps applies a draft's steps up to stop, halting at the first one
// dated after today.
func applySteps(ctx context.Context, s *data.Store, sp *sessionPlan, d *draft, stop int, today string) error {
	if d.p.ID == 0 {
		return nil
	}
	for ; d.done < stop; d.done++ {
		st := d.steps[d.done]
		if st.Date > today {
			return nil
		}
		if d.master >= 0 {
			st.MasterID = sp.drafts[d.master].p.ID
		}
		if err := s.Apply(ctx, d.p.ID, st); err != nil {
			return fmt.Errorf("proposal %d %s on %s: %w", d.p.Number, st.Action, st.Date, err)
		}
	}
	return nil
}

// writeFlags records, once their day has come, what the office decides
// about a proposal outside its workflow: 重点提案 (at the 交办会), 优秀提案
// (at the next plenary) and 落实情况.
func writeFlags(ctx context.Context, s *data.Store, d *draft, today string) error {
	key := d.keyTier != "" && d.bulk >= 0 && d.done > d.bulk
	excellent := d.excellentDate != "" && d.excellentDate <= today && d.done == len(d.steps)
	implemented := d.implementation != "" && d.implDate <= today && d.done == len(d.steps)
	if !key && !excellent && !implemented {
		return nil
	}
	p, err := s.GetProposal(ctx, d.p.ID)
	if err != nil {
		return err
	}
	if key {
		p.KeyTier, p.KeyLeader = d.keyTier, d.keyLeader
	}
	if excellent {
		p.ExcellentYear, p.ExcellentAward = d.excellentYear, excellentTag
	}
	if implemented {
		p.Implementation = d.implementation
	}
	if err := s.UpdateProposal(ctx, &p, d.actor); err != nil {
		return fmt.Errorf("proposal %d flags: %w", p.Number, err)
	}
	return nil
}
