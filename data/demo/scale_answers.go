package demo

import (
	"fmt"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// answerRound records one round of answers from `from` on: the 会办 units'
// opinions first (first round only), then each answering unit; the last
// answer makes the proposal 已答复. It returns the last answer's date ("" when
// the round is not over by today) and the result class, at least atLeast.
func (sc *scaler) answerRound(p *scaleProposal, round int, from, atLeast string) (string, string) {
	l := &p.life
	var answering []data.Assignment
	d := from
	for _, u := range p.Units {
		if u.Role != proposal.RoleCo {
			answering = append(answering, u)
			continue
		}
		if round > 1 {
			continue
		}
		d = addDays(d, 10+sc.rng.IntN(25))
		if !l.step(d, proposal.ActAnswer, "", u.Unit+"会办意见") {
			return "", ""
		}
		p.answers = append(p.answers, sc.answer(p, u, round, d, ""))
	}
	worst := ""
	for i, u := range answering {
		d = addDays(d, 15+sc.rng.IntN(45))
		if chance(sc.rng, 8) {
			d = addDays(p.Deadline, 1+sc.rng.IntN(20)) // late
		}
		class := atLeast
		if class == "" {
			class = pickClass(sc.rng.IntN(100))
		}
		a := sc.answer(p, u, round, d, class)
		note := u.Unit + "答复，" + class + "类，文号 " + a.DocNo
		if round > 1 {
			note = fmt.Sprintf("第%d次%s", round, note)
		}
		if a.FaceToFace {
			note += "，已面商"
		}
		to := proposal.Answered
		if missing := len(answering) - i - 1; missing > 0 {
			note += fmt.Sprintf("（尚有 %d 个单位未答复）", missing)
			to = ""
		}
		if !l.step(d, proposal.ActAnswer, to, note) {
			return "", ""
		}
		p.answers = append(p.answers, a)
		worst = max(worst, class) // C is worse than B, B than A
	}
	return d, worst
}

func pickClass(r int) string {
	switch {
	case r < 72:
		return "A"
	case r < 95:
		return "B"
	}
	return "C"
}

// answer is a unit's answer with its 文号 (numbered per unit and year).
func (sc *scaler) answer(p *scaleProposal, u data.Assignment, round int, date, class string) data.Answer {
	ref := sc.unitByID[u.UnitID]
	key := fmt.Sprint(u.UnitID, year(date))
	sc.docNo[key]++
	return data.Answer{UnitID: u.UnitID, Round: round, Date: date, Class: class, Contact: ref.contact, Phone: ref.phone,
		DocNo: fmt.Sprintf("%s提复〔%d〕%d号", ref.abbr, year(date), sc.docNo[key]), FaceToFace: chance(sc.rng, 60)}
}

// rateRound records each proposer's verdict on a round; it returns the last
// date ("" when not over by today) and whether anyone was unsatisfied.
func (sc *scaler) rateRound(p *scaleProposal, round int, from string) (string, bool) {
	d, unhappy := from, false
	for _, x := range p.Proposers {
		d = addDays(d, 3+sc.rng.IntN(15))
		v := proposal.RatingSatisfied
		switch r := sc.rng.IntN(100); {
		case r >= 96:
			v, unhappy = proposal.RatingUnsatisfied, true
		case r >= 78-20*(round-1):
			v = proposal.RatingBasic
		}
		if !p.life.step(d, proposal.ActRate, "", x.Name+"："+v) {
			return "", unhappy
		}
		p.ratings = append(p.ratings, data.Rating{Seq: x.Seq, Round: round, Verdict: v, Date: d})
	}
	return d, unhappy
}

// keyFlags marks one filed proposal in twenty-five a 重点提案 with its
// overseeing leader.
func (sc *scaler) keyFlags(p *scaleProposal) {
	if p.AssignedDate == "" || !chance(sc.rng, 4) {
		return
	}
	p.KeyTier = pick(sc.rng, proposal.KeyTiers)
	switch p.KeyTier {
	case "重点督办":
		p.KeyLeader = pick(sc.rng, topLeaders)
	default:
		p.KeyLeader = otherLeader
		if l := viceLeaders[p.Category]; l != "" {
			p.KeyLeader = l
		}
	}
}
