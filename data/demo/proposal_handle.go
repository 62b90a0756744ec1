package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// unitRef is a saved handling unit with what its answers carry.
type unitRef struct {
	id                         int64
	name, abbr, contact, phone string
}

// handle plans the 交办 of a filed proposal on date (at the session's 交办会
// when bulk) and what follows: a return by the unit, an extension, 会办意见,
// the answers, the proposers' ratings, a second round after 不满意, 办结.
func (pl *planner) handle(sp *sessionPlan, d *draft, date string, bulk bool) {
	units := pl.assignees(d)
	if d.returned {
		wrong := pl.units["发改"]
		if len(d.t.units) > 1 {
			wrong = pl.units[d.t.units[1]]
		}
		pl.assign(d, date, proposal.ModeLead, []data.Assignment{{UnitID: wrong.id, Role: proposal.RoleLead}}, bulk)
		back := addDays(date, pl.between(1, 4))
		lead := pl.unitByID(units[0].UnitID)
		d.add(data.Step{Action: proposal.ActReturn, Date: back, Reason: fmt.Sprintf(returnReason, lead.name)})
		date, bulk = workday(addDays(back, pl.between(4, 9))), false
	}
	mode := proposal.ModeLead
	if d.split {
		mode = proposal.ModeSplit
	}
	pl.assign(d, date, mode, units, bulk)
	if d.fate == withdrawnLate {
		d.add(data.Step{Action: proposal.ActWithdraw, Date: addDays(date, pl.between(8, 25)), Reason: withdrawLate})
		return
	}
	if !pl.firstRound(d, units, date, d.stuck && sp.newest) {
		return
	}
	pl.rate(d, 1)
	if d.unhappy {
		d.add(data.Step{Action: proposal.ActRehandle, Date: addDays(d.last(), pl.between(4, 12))})
		if d.unfinished {
			return
		}
		again := addDays(d.last(), pl.between(20, 50))
		for _, st := range pl.answers(units, again, again, better(d.class)) {
			d.add(st)
		}
		pl.rate(d, 2)
	}
	closing := addDays(d.last(), pl.between(10, 40))
	if yearEnd := fmt.Sprintf("%d-12-18", year(d.last())); d.holdOpen && yearEnd > addDays(d.last(), 10) {
		closing = yearEnd
	}
	d.add(data.Step{Action: proposal.ActClose, Date: closing})
}

// firstRound plans the handling after 交办 on date up to the answers: most
// within the deadline, some late, some after an extension; the 会办意见 come
// before the answers. With never set the units do not answer at all (a
// stuck proposal of the newest session). It reports whether they answer.
func (pl *planner) firstRound(d *draft, units []data.Assignment, date string, never bool) bool {
	deadline := proposal.AddMonths(date, pl.cfg.DeadlineMonths)
	last := addDays(date, pl.between(35, 85))
	var block []data.Step
	switch {
	case d.extended:
		longest := proposal.AddMonths(date, pl.cfg.MaxMonths)
		extended := minDate(proposal.AddMonths(deadline, pl.between(1, 2)), longest)
		block = append(block, data.Step{Action: proposal.ActExtend, Date: addDays(deadline, -pl.between(3, 10)),
			Deadline: extended, Reason: pick(pl.rng, extendReasons)})
		last = addDays(deadline, pl.between(5, max(5, days(deadline, extended)-3)))
		if d.stuck {
			last = addDays(extended, pl.between(10, 45))
		}
	case d.late:
		last = addDays(deadline, pl.between(3, 25))
	}
	var answers []data.Step
	first := addDays(date, pl.between(30, 50))
	if !never {
		answers = pl.answers(units, date, last, d.class)
		first = answers[0].Date
	}
	for _, u := range units {
		if u.Role == proposal.RoleCo {
			block = append(block, pl.answer(u.UnitID, addDays(date, pl.between(7, days(date, first)-3)), "", true))
		}
	}
	block = append(block, answers...)
	slices.SortStableFunc(block, func(a, b data.Step) int { return strings.Compare(a.Date, b.Date) })
	for _, st := range block {
		d.add(st)
	}
	return !never
}

// assignees are the units a proposal goes to: its topic's usual 主办 with
// up to two 会办 (and the government of a town its title names), or two or
// three units that each answer for their part (分办).
func (pl *planner) assignees(d *draft) []data.Assignment {
	keys := d.t.units
	out := []data.Assignment{{UnitID: pl.units[keys[0]].id, Role: proposal.RoleLead}}
	if d.split && len(keys) > 1 {
		out[0].Role = proposal.RoleSplit
		for _, k := range keys[1:min(len(keys), 1+pl.between(1, 2))] {
			out = append(out, data.Assignment{UnitID: pl.units[k].id, Role: proposal.RoleSplit})
		}
		return out
	}
	d.split = false
	helpers := pick(pl.rng, []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2})
	for _, k := range keys[1:min(len(keys), 1+helpers)] {
		out = append(out, data.Assignment{UnitID: pl.units[k].id, Role: proposal.RoleCo})
	}
	if d.town != "" && pl.chance(50) {
		out = append(out, data.Assignment{UnitID: pl.units[d.town].id, Role: proposal.RoleCo})
	}
	return out
}

func (pl *planner) assign(d *draft, date, mode string, units []data.Assignment, bulk bool) {
	if bulk {
		d.bulk = len(d.steps)
	}
	d.add(data.Step{Action: proposal.ActAssign, Date: date, Mode: mode, Units: units})
}

// answers plans the answers of the units that owe one (主办 or every 分办),
// the last on date last and the others up to two weeks before, never
// before from. The last to answer gives the proposal's class; the others
// one as good or better.
func (pl *planner) answers(units []data.Assignment, from, last, class string) []data.Step {
	var out []data.Step
	for _, u := range units {
		if u.Role != proposal.RoleCo {
			date := maxDate(addDays(last, -pl.between(0, 15)), addDays(from, min(20, days(from, last))))
			out = append(out, pl.answer(u.UnitID, date, atLeast(pl.rng, class), false))
		}
	}
	out[len(out)-1].Date, out[len(out)-1].Answer.Date, out[len(out)-1].Answer.Class = last, last, class
	slices.SortStableFunc(out, func(a, b data.Step) int { return strings.Compare(a.Date, b.Date) })
	return out
}

// answer is one unit's 答复 (with class and often a face-to-face talk; its
// 文号 comes from numberAnswers) or, for a 会办 unit, its 会办意见.
func (pl *planner) answer(unitID int64, date, class string, helper bool) data.Step {
	u := pl.unitByID(unitID)
	a := data.Answer{UnitID: u.id, Date: date, Contact: u.contact, Phone: u.phone, Class: class}
	if !helper {
		a.FaceToFace = pl.chance(75)
	}
	return data.Step{Action: proposal.ActAnswer, Date: date, Answer: a}
}

// numberAnswers gives every answer its 文号, numbered per unit and year in
// date order (清教提复〔2025〕7号).
func (pl *planner) numberAnswers(plans []*sessionPlan) {
	var all []*data.Answer
	for _, sp := range plans {
		for _, d := range sp.drafts {
			for i := range d.steps {
				if a := &d.steps[i].Answer; d.steps[i].Action == proposal.ActAnswer && a.Class != "" {
					all = append(all, a)
				}
			}
		}
	}
	slices.SortStableFunc(all, func(a, b *data.Answer) int { return strings.Compare(a.Date, b.Date) })
	seq := map[string]int{}
	for _, a := range all {
		prefix := fmt.Sprintf("%s提复〔%d〕", pl.unitByID(a.UnitID).abbr, year(a.Date))
		seq[prefix]++
		a.DocNo = fmt.Sprintf("%s%d号", prefix, seq[prefix])
	}
}

// rate plans the proposers' verdicts on a round of answers, one to four
// weeks after it: the first proposer always returns the 征询意见表, a
// co-signer now and then. Mostly 满意; a C answer often only 基本满意; the
// first proposer of a dissatisfied proposal says 不满意 in the first round.
func (pl *planner) rate(d *draft, round int) {
	after := d.last()
	var rs []data.Step
	for i := range d.p.Proposers {
		seq := i + 1
		if seq > 1 && !pl.chance(30) {
			continue
		}
		v := proposal.RatingSatisfied
		switch {
		case round == 1 && d.unhappy && seq == 1:
			v = proposal.RatingUnsatisfied
		case round == 2 && pl.chance(40):
			v = proposal.RatingBasic
		case round == 1 && !pl.chance(satisfied[d.class]):
			v = proposal.RatingBasic
		}
		rs = append(rs, data.Step{Action: proposal.ActRate, Date: addDays(after, pl.between(7, 30)),
			Rating: data.Rating{Seq: seq, Verdict: v}})
	}
	slices.SortStableFunc(rs, func(a, b data.Step) int { return strings.Compare(a.Date, b.Date) })
	for _, st := range rs {
		d.add(st)
	}
}

// satisfied is the chance (percent) that a proposer is 满意 with an answer
// of each class; the others are 基本满意.
var satisfied = map[string]int{"A": 93, "B": 80, "C": 45}

// planCasual makes up the proposals submitted between plenaries (平时提案),
// spread over the year after the session. In the year under way the last
// three came in during the past weeks, so that the office has proposals
// waiting to be examined, in 审查 and filed but not yet assigned.
func (pl *planner) planCasual(sp *sessionPlan, k int, rej *rejections) []*draft {
	from, to := addDays(sp.session.EndDate, 50), fmt.Sprintf("%d-12-10", sp.year)
	if sp.next != "" {
		to = minDate(to, addDays(sp.next, -30))
	}
	var fresh []string
	if pl.today < to {
		for _, back := range []int{18, 8, 1} {
			if d := addDays(pl.today, -back); d >= from {
				fresh = append(fresh, d)
			}
		}
		k, to = k-3, addDays(pl.today, -30)
	}
	var dates []string
	for range k {
		if to >= from {
			dates = append(dates, addDays(from, pl.rng.IntN(days(from, to)+1)))
		}
	}
	slices.Sort(dates)
	var out []*draft
	for i, date := range append(dates, fresh...) {
		d := &draft{p: data.Proposal{Kind: "平时提案", Submitted: date}, master: -1, bulk: -1}
		if i < len(dates) && pl.chance(12) {
			d.fate = rejected
			pl.rejectedContent(d, rej)
		} else {
			pl.content(d, pickTopic(pl.rng), "", nil, false)
			d.class = pick(pl.rng, []string{"A", "A", "A", "A", "B", "B", "B", "B", "B", "C"})
			d.late, d.extended, d.holdOpen = pl.chance(10), pl.chance(5), pl.chance(12)
		}
		d.add(data.Step{Action: proposal.ActReview, Date: addDays(date, pl.between(2, 5))})
		examined := addDays(date, pl.between(9, 15))
		if d.fate == rejected {
			d.add(data.Step{Action: proposal.ActReject, Date: examined, Reason: d.reason, Disposition: d.dispo})
		} else {
			d.add(data.Step{Action: proposal.ActFile, Date: examined})
			pl.handle(sp, d, workday(addDays(examined, pl.between(12, 16))), false)
		}
		out = append(out, d)
	}
	return out
}

func (pl *planner) unitByID(id int64) unitRef {
	for _, u := range pl.units {
		if u.id == id {
			return u
		}
	}
	return unitRef{}
}

// atLeast is a class as good as class or better.
func atLeast(rng *rand.Rand, class string) string {
	if class != "A" && rng.IntN(100) < 50 {
		return better(class)
	}
	return class
}

func better(class string) string {
	if class <= "A" {
		return "A"
	}
	return string(rune(class[0] - 1))
}

// Dates are handled as YYYY-MM-DD strings, like the store keeps them.

func day(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

func addDays(s string, n int) string { return day(s).AddDate(0, 0, n).Format(time.DateOnly) }

func days(from, to string) int { return int(day(to).Sub(day(from)).Hours() / 24) }

func year(s string) int { return day(s).Year() }

// workday moves a weekend date to the Monday after.
func workday(s string) string {
	switch day(s).Weekday() {
	case time.Saturday:
		return addDays(s, 2)
	case time.Sunday:
		return addDays(s, 1)
	}
	return s
}

func minDate(a, b string) string { return min(a, b) }

func maxDate(a, b string) string { return max(a, b) }

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }
