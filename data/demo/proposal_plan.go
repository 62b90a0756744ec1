package demo

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// fate is what the 审查 and the proposer make of a proposal.
type fate int

const (
	filed          fate = iota // 立案, then handled
	rejected                   // 不予立案, with a disposition
	merged                     // 并案 into an earlier proposal on the same topic
	withdrawnEarly             // 撤案 before the 审查
	withdrawnLate              // 撤案 after 交办
)

// A draft is one proposal as planned: what is entered, then its workflow
// steps in date order. Steps after today are left out when it is written.
type draft struct {
	p      data.Proposal
	t      *topic
	first  *signer // nil for a collective proposal
	town   string  // the town a title names, whose government helps (会办)
	actor  string
	fate   fate
	master int // 并案: index of the master draft in the session
	reason string
	dispo  string

	// How a filed proposal is handled.
	class                                string
	returned, extended, late, stuck      bool
	split, unhappy, unfinished, holdOpen bool

	steps []data.Step
	bulk  int // index of the 交办 made at the session's 交办会, -1 when none
	done  int // steps written so far

	keyTier, keyLeader, keyDate string
	excellentDate               string
	excellentYear               int
	implementation, implDate    string
}

func (d *draft) add(st data.Step) {
	st.Actor = d.actor
	d.steps = append(d.steps, st)
}

func (d *draft) last() string { return d.steps[len(d.steps)-1].Date }

// sessionPlan is one plenary session with its dates and drafts.
type sessionPlan struct {
	session        data.Session
	year           int
	review, assign string // 审查 of the plenary proposals and the 交办会
	next           string // start of the next session, when 优秀提案 are named; "" for none yet
	newest         bool
	drafts         []*draft
}

// A repeat is a proposal whose problem was not solved, raised again the
// following year.
type repeat struct {
	first *signer
	t     *topic
	title string
}

// planner makes up the proposals of a term's sessions from one random stream.
type planner struct {
	rng     *rand.Rand
	cfg     proposal.Config
	today   string
	signers []*signer
	groups  []collective
	units   map[string]unitRef
	vices   []string // 跟踪督办 leaders: the committee's 副主席
	repeats []repeat
}

func (pl *planner) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + pl.rng.IntN(hi-lo+1)
}

func (pl *planner) chance(percent int) bool { return pl.rng.IntN(100) < percent }

func share(n int, f float64, least int) int { return max(least, int(math.Round(float64(n)*f))) }

// plan makes up a session's plenary proposals (大会提案) and the ones
// submitted during the following year (平时提案).
func (pl *planner) plan(sp *sessionPlan, plenary, casual int) {
	s, e := sp.session.StartDate, sp.session.EndDate
	sp.year = year(s)
	sp.review = workday(addDays(e, pl.between(10, 16)))
	sp.assign = workday(addDays(sp.review, pl.between(14, 23)))
	ds := make([]*draft, plenary)
	for i := range ds {
		off := pl.between(-14, 1)
		if pl.chance(30) {
			off = pl.between(-30, -15)
		}
		ds[i] = &draft{p: data.Proposal{Kind: "大会提案", Submitted: minDate(addDays(s, off), e)}, master: -1, bulk: -1}
	}
	slices.SortStableFunc(ds, func(a, b *draft) int { return strings.Compare(a.p.Submitted, b.p.Submitted) })
	rej := &rejections{used: map[string]bool{}}
	pl.decideFates(ds)
	pl.fillContent(ds, rej)
	pl.decideMerges(ds)
	pl.decideHandling(sp, ds)
	for _, d := range ds {
		pl.plenarySteps(sp, d)
	}
	pl.decideFlags(sp, ds)
	sp.drafts = append(ds, pl.planCasual(sp, casual, rej)...)
	pl.repeats = nil
	for _, d := range ds {
		if d.fate == filed && d.first != nil && (d.class == "C" || d.unhappy || pl.chance(4)) {
			pl.repeats = append(pl.repeats, repeat{d.first, d.t, d.p.Title})
		}
	}
}

// decideFates picks the plenary proposals not filed: some 不予立案 (every
// disposition at least once) and a few 撤案 before and after 交办.
func (pl *planner) decideFates(ds []*draft) {
	order := pl.rng.Perm(len(ds))
	nRej := share(len(ds), 0.06, 4)
	for k, i := range order {
		switch {
		case k < nRej:
			ds[i].fate = rejected
		case k == nRej:
			ds[i].fate = withdrawnEarly
		case k == nRej+1:
			ds[i].fate = withdrawnLate
		}
	}
}

// fillContent writes every draft's text and proposers; some take up a
// problem raised the year before.
func (pl *planner) fillContent(ds []*draft, rej *rejections) {
	var reps []repeat
	for _, r := range pl.repeats {
		if pl.chance(80) {
			reps = append(reps, r)
		}
	}
	for _, d := range ds {
		switch {
		case d.fate == rejected:
			pl.rejectedContent(d, rej)
		case len(reps) > 0 && pl.chance(30):
			r := reps[0]
			reps = reps[1:]
			if pl.chance(75) && r.first.serving(d.p.Submitted) {
				pl.content(d, r.t, r.title, r.first, false)
			} else {
				title := ""
				if pl.chance(50) {
					title = r.title
				}
				pl.content(d, r.t, title, nil, false)
			}
		default:
			pl.content(d, pickTopic(pl.rng), "", nil, false)
		}
	}
}

// decideMerges merges some proposals into an earlier filed one on the same
// topic (并案), as the 审查 does with repeats within a session.
func (pl *planner) decideMerges(ds []*draft) {
	firstOf := map[*topic]int{}
	var cand []int
	for i, d := range ds {
		if d.fate != filed {
			continue
		}
		if _, ok := firstOf[d.t]; ok {
			cand = append(cand, i)
		} else {
			firstOf[d.t] = i
		}
	}
	pl.rng.Shuffle(len(cand), func(a, b int) { cand[a], cand[b] = cand[b], cand[a] })
	for _, i := range cand[:min(len(cand), share(len(ds), 0.03, 2))] {
		ds[i].fate, ds[i].master = merged, firstOf[ds[i].t]
	}
}

// decideHandling marks how the filed proposals fare: returned by a unit,
// extended, answered late, stuck (extended and still unanswered in the
// newest session), handled by several units (分办), their class, and the
// proposers not satisfied.
func (pl *planner) decideHandling(sp *sessionPlan, ds []*draft) {
	fs := filedOnly(ds)
	n := len(fs)
	nRet, nExt, nLate := share(n, 0.03, 2), share(n, 0.05, 3), share(n, 0.04, 1)
	for k, i := range pl.rng.Perm(n) {
		d := fs[i]
		switch {
		case k < nRet:
			d.returned = true
		case k < nRet+nExt:
			d.extended = true
			d.stuck = k < nRet+2
		case k < nRet+nExt+nLate:
			d.late = true
		}
		d.split = !d.returned && pl.chance(8)
		d.holdOpen = pl.chance(12)
	}
	nA, nC := share(n, 0.38, 1), share(n, 0.10, 1)
	for k, i := range pl.rng.Perm(n) {
		switch {
		case k < nA:
			fs[i].class = "A"
		case k >= n-nC:
			fs[i].class = "C"
		default:
			fs[i].class = "B"
		}
	}
	// The dissatisfied: C answers first, then B.
	var unhappy []*draft
	for _, class := range []string{"C", "B"} {
		for _, i := range pl.rng.Perm(n) {
			if d := fs[i]; d.class == class && !d.stuck {
				unhappy = append(unhappy, d)
			}
		}
	}
	for k, d := range unhappy[:min(len(unhappy), share(n, 0.02, 2))] {
		d.unhappy = true
		d.unfinished = sp.newest && k == 0
	}
}

func filedOnly(ds []*draft) []*draft {
	var out []*draft
	for _, d := range ds {
		if d.fate == filed {
			out = append(out, d)
		}
	}
	return out
}

// decideFlags picks the 重点提案 with their leaders, the 优秀提案 of a session
// whose successor has met, and notes on 落实情况.
func (pl *planner) decideFlags(sp *sessionPlan, ds []*draft) {
	fs := filedOnly(ds)
	nKey := share(len(fs), 0.07, 3)
	for k, i := range pl.rng.Perm(len(fs))[:min(nKey, len(fs))] {
		d := fs[i]
		d.keyDate = sp.assign
		switch {
		case k < nKey*3/10:
			d.keyTier, d.keyLeader = proposal.KeyTiers[0], topLeaders[k%len(topLeaders)]
		case k < nKey*65/100:
			d.keyTier, d.keyLeader = proposal.KeyTiers[1], viceLeaders[d.p.Category]
			if d.keyLeader == "" {
				d.keyLeader = otherLeader
			}
		default:
			d.keyTier, d.keyLeader = proposal.KeyTiers[2], pick(pl.rng, pl.vices)
		}
	}
	nEx := share(len(fs), 0.06, 3)
	for _, i := range pl.rng.Perm(len(fs)) {
		d := fs[i]
		good := d.class != "C" && !d.unhappy && !d.stuck
		if sp.next != "" && nEx > 0 && good {
			d.excellentDate, d.excellentYear = sp.next, sp.year
			nEx--
		}
		if good && pl.chance(18) {
			y := year(d.last())
			d.implDate = addDays(d.last(), pl.between(30, 90))
			d.implementation = strings.Replace(pick(pl.rng, implementationNotes), "%d", strconv.Itoa(y+pl.rng.IntN(2)), 1)
		}
	}
}

// plenarySteps plans the 审查 of a plenary proposal and what follows.
func (pl *planner) plenarySteps(sp *sessionPlan, d *draft) {
	switch d.fate {
	case withdrawnEarly:
		date := minDate(addDays(d.p.Submitted, pl.between(2, 10)), addDays(sp.review, -1))
		d.add(data.Step{Action: proposal.ActWithdraw, Date: date, Reason: withdrawEarly})
	case rejected:
		d.add(data.Step{Action: proposal.ActReject, Date: sp.review, Reason: d.reason, Disposition: d.dispo})
	case merged:
		d.add(data.Step{Action: proposal.ActMerge, Date: sp.review})
	default:
		d.add(data.Step{Action: proposal.ActFile, Date: sp.review})
		pl.handle(sp, d, sp.assign, true)
	}
}
