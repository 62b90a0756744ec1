package demo

import (
	"context"
	"math/rand/v2"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// writeTermRecords writes a term's proposals (one transaction) and its 履职
// records (another). Everything the writers need from the store is read
// first: the store has one connection, held by a bulk transaction.
func (sc *scaler) writeTermRecords(ctx context.Context, t data.Term, sum *ScaleSummary) error {
	var err error
	sc.term = t
	if sc.sessions, err = sc.s.ListSessions(ctx, t.ID); err != nil {
		return err
	}
	if sc.members, err = sc.s.ListMembers(ctx, data.MemberFilter{TermID: t.ID}); err != nil {
		return err
	}
	sc.memberIdx = map[int64]int{}
	for i, m := range sc.members {
		sc.memberIdx[m.Membership.ID] = i
	}
	sectors, err := sc.s.CatalogNames(ctx, t.ID, data.KindSector)
	if err != nil {
		return err
	}
	committees, err := sc.s.CatalogNames(ctx, t.ID, data.KindCommittee)
	if err != nil {
		return err
	}
	groups := newCollectives(sectors, committees)
	signers := newSigners(sc.rng, sc.members)
	var all []*scaleProposal
	for i, x := range sc.sessions {
		next := sc.today // the newest session: 平时提案 up to today
		if i+1 < len(sc.sessions) {
			next = min(next, sc.sessions[i+1].StartDate)
		} else if t.Number != term11.Number {
			next = min(next, addDays(x.StartDate, 240)) // the term ends
		}
		all = append(all, sc.planSession(x, next, newSessionPool(signers, x.StartDate), groups)...)
	}
	err = sc.bulk(ctx, t.TermName()+"提案", func(w *txWriter) error {
		for _, p := range all {
			sc.keyFlags(p)
			sc.writeProposal(w, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, p := range all {
		sum.Proposals++
		sum.ByStatus[p.Status]++
		if p.infoDate != "" {
			sum.Infos++
		}
	}
	return sc.bulk(ctx, t.TermName()+"履职记录", func(w *txWriter) error {
		return sc.writeActivities(w, sum)
	})
}

const proposalInsert = `INSERT INTO proposal(session_id, number, title, body, category, kind, submitted, proposer_type,
	sector, suggested_unit, entered_by, status, reject_reason, disposition, merged_into, withdraw_reason, withdraw_date,
	assign_mode, assigned_date, deadline, key_tier, key_leader, excellent_year, excellent_award, public, implementation,
	note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// stamp is a date as the RFC 3339 time a clerk entered it.
func stamp(date string) string { return date + "T09:30:00+08:00" }

// writeProposal inserts a proposal with its proposers, units, answers,
// ratings and history (the FTS index follows by trigger), and the 社情民意
// record of one turned into one.
func (sc *scaler) writeProposal(w *txWriter, p *scaleProposal) {
	if p.Status != proposal.Rejected {
		p.RejectReason, p.Disposition = "", ""
	}
	var master int64
	if p.master != nil {
		master = p.master.ID
	}
	created, updated := stamp(p.Submitted), stamp(p.life.events[len(p.life.events)-1][0])
	p.ID = w.exec(proposalInsert, p.SessionID, p.Number, p.Title, p.Body, p.Category, p.Kind, p.Submitted,
		p.ProposerType, p.Sector, p.SuggestedUnit, p.EnteredBy, string(p.Status), p.RejectReason, p.Disposition,
		nullID(master), p.WithdrawReason, p.WithdrawDate, p.AssignMode, p.AssignedDate, p.Deadline, p.KeyTier,
		p.KeyLeader, p.ExcellentYear, p.ExcellentAward, p.Public, p.Implementation, p.Note, created, updated)
	for _, x := range p.Proposers {
		w.exec("INSERT INTO proposer(proposal_id, seq, membership_id, name) VALUES (?, ?, ?, ?)",
			p.ID, x.Seq, nullID(x.MembershipID), x.Name)
	}
	for _, u := range p.Units {
		w.exec("INSERT INTO assignment(proposal_id, unit_id, role) VALUES (?, ?, ?)", p.ID, u.UnitID, u.Role)
	}
	for _, a := range p.answers {
		w.exec(`INSERT INTO answer(proposal_id, unit_id, round, date, doc_no, contact, phone, class, face_to_face, note)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, p.ID, a.UnitID, a.Round, a.Date, a.DocNo, a.Contact, a.Phone, a.Class,
			a.FaceToFace, "")
	}
	for _, r := range p.ratings {
		w.exec("INSERT INTO rating(proposal_id, seq, round, verdict, axes, date) VALUES (?, ?, ?, ?, '', ?)",
			p.ID, r.Seq, r.Round, r.Verdict, r.Date)
	}
	for _, e := range p.life.events {
		w.exec(`INSERT INTO proposal_event(proposal_id, at, date, action, from_status, to_status, actor, note)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, p.ID, stamp(e[0]), e[0], e[1], e[2], e[3], p.life.actor, e[4])
	}
	if p.infoDate != "" {
		a := data.Activity{Kind: data.ActInfo, Title: p.Title, Date: p.infoDate, Source: data.SourceFromProposal,
			ProposalID: p.ID, Counted: true, EnteredBy: p.life.actor,
			Note: "由" + proposal.Default().FormatNumber(p.Number) + "号提案转来"}
		for _, x := range p.Proposers {
			a.Members = append(a.Members, data.Attendee{MembershipID: x.MembershipID, Name: x.Name})
		}
		sc.writeActivity(w, &a)
	}
}

// attendStatus is a made-up attendance: mostly 出席, some 请假, rarely
// 缺席, 迟到 or 早退.
func attendStatus(rng *rand.Rand, presentPct int) string {
	switch r := rng.IntN(100); {
	case r < presentPct:
		return data.AttPresent
	case r < presentPct+(100-presentPct)*7/10:
		return data.AttLeave
	case r < presentPct+(100-presentPct)*8/10:
		return data.AttLate
	case r < presentPct+(100-presentPct)*9/10:
		return data.AttAbsent
	}
	return pick(rng, []string{data.AttLeaveRefused, data.AttEarly})
}
