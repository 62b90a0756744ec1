package demo

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// A scale proposal's life: each step becomes a proposal_event row, and the
// proposal's columns, assignments, answers and ratings follow the steps that
// happened by today, as Store.Apply would have left them.
type life struct {
	today   string
	stopped bool
	status  proposal.Status
	events  [][5]string // date, action, from, to, note
	actor   string
}

// step records an action on date unless date is after today (then the life
// stops there and step keeps returning false).
func (l *life) step(date string, act proposal.Action, to proposal.Status, note string) bool {
	if l.stopped || date > l.today {
		l.stopped = true
		return false
	}
	if to == "" {
		to = l.status
	}
	l.events = append(l.events, [5]string{date, string(act), string(l.status), string(to), note})
	l.status = to
	return true
}

// scaleProposal is one proposal as written.
type scaleProposal struct {
	data.Proposal
	topicKey string
	life     life
	answers  []data.Answer
	ratings  []data.Rating
	infoDate string         // 不予立案 转社情民意: the date the info record is made
	master   *scaleProposal // 并案: the proposal it is merged into
}

// sessionPool holds the members who may sign proposals in one session,
// with cumulative weights for drawing a leader.
type sessionPool struct {
	all      []*signer
	cum      []int
	bySector map[string][]*signer
	byGroup  map[string][]*signer
}

func newSessionPool(signers []*signer, date string) *sessionPool {
	p := &sessionPool{bySector: map[string][]*signer{}, byGroup: map[string][]*signer{}}
	total := 0
	for _, x := range signers {
		if !x.serving(date) {
			continue
		}
		total += x.weight + 1
		p.all = append(p.all, x)
		p.cum = append(p.cum, total)
		p.bySector[x.sector] = append(p.bySector[x.sector], x)
		p.byGroup[x.group] = append(p.byGroup[x.group], x)
	}
	return p
}

// leader draws a member by weight (prolific members more often).
func (p *sessionPool) leader(sc *scaler) *signer {
	r := sc.rng.IntN(p.cum[len(p.cum)-1])
	lo, hi := 0, len(p.cum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if p.cum[mid] > r {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return p.all[lo]
}

// cosigners are colleagues of the same 界别 or 活动组, or anyone.
func (p *sessionPool) cosigners(sc *scaler, first *signer, n int) []*signer {
	taken := map[*signer]bool{first: true}
	var out []*signer
	for tries := 0; len(out) < n && tries < 4*n; tries++ {
		from := p.all
		switch r := sc.rng.IntN(100); {
		case r < 55:
			from = p.bySector[first.sector]
		case r < 80:
			from = p.byGroup[first.group]
		}
		if x := pick(sc.rng, from); !taken[x] {
			taken[x] = true
			out = append(out, x)
		}
	}
	return out
}

// sessionVolume is how many proposals a session gets: the county's total
// spread over its eleven sessions, give or take a tenth.
func (sc *scaler) sessionVolume() int {
	per := float64(scaleProposals*sc.scale) / 11
	return int(math.Round(per * (0.9 + 0.2*sc.rng.Float64())))
}

// planSession makes up a session's proposals up to today: 大会提案 handed in
// around the session, 平时提案 (one in twelve) through the year after it.
func (sc *scaler) planSession(x data.Session, next string, pool *sessionPool, groups []collective) []*scaleProposal {
	n, recent := sc.sessionVolume(), 0
	if next == sc.today {
		recent = n / 40 // the newest session: some handed in during the last weeks
	}
	meeting := workday(addDays(x.StartDate, 25+sc.rng.IntN(6))) // the session's 交办会
	byTopic := map[string][]*scaleProposal{}
	var out []*scaleProposal
	for i := range n + recent {
		p := &scaleProposal{}
		p.Number, p.Kind, p.SessionID = i+1, "大会提案", x.ID
		p.Submitted = addDays(x.StartDate, -sc.rng.IntN(10))
		assign := meeting
		if i >= n*11/12 {
			span := max(30, days(x.StartDate, next)-40)
			p.Kind, p.Submitted = "平时提案", workday(addDays(x.StartDate, 30+sc.rng.IntN(span)))
			assign = workday(addDays(p.Submitted, 15+sc.rng.IntN(10)))
		}
		if i >= n {
			p.Kind, p.Submitted = "平时提案", addDays(sc.today, -sc.rng.IntN(25))
			assign = workday(addDays(p.Submitted, 15+sc.rng.IntN(10)))
		}
		if p.Submitted > sc.today {
			continue
		}
		p.life = life{today: sc.today, actor: pick(sc.rng, staff)}
		sc.fill(p, pool, groups)
		sc.live(p, byTopic[p.topicKey], assign)
		if p.Status == proposal.Filed || proposal.Assigned(p.Status) {
			byTopic[p.topicKey] = append(byTopic[p.topicKey], p)
		}
		out = append(out, p)
	}
	return out
}

// fill writes a proposal's text and proposers: a topic of the county's
// (one in twelve a matter the 审查 will not file), a member, a joint
// group of members, or an organisation.
func (sc *scaler) fill(p *scaleProposal, pool *sessionPool, groups []collective) {
	town, street := pick(sc.rng, towns), pick(sc.rng, streets)
	place := strings.NewReplacer("{town}", town, "{street}", street).Replace
	t := pickTopic(sc.rng)
	if chance(sc.rng, 8) {
		rt := &rejectedTopics[sc.rng.IntN(len(rejectedTopics))]
		t = &rt.topic
		p.RejectReason, p.Disposition = rt.reason, rt.disposition
	}
	p.topicKey = t.key
	p.Title = place(pick(sc.rng, t.titles))
	p.Body, p.Category = compose(sc.rng, t, p.Title, place), t.category
	p.EnteredBy, p.Public = p.life.actor, chance(sc.rng, 95)
	if len(t.units) > 0 && chance(sc.rng, 55) {
		p.SuggestedUnit = sc.units[0][sc.keys[t.units[0]]].name
	}
	if r := sc.rng.IntN(100); r >= 84 && len(groups) > 0 {
		kind := pick(sc.rng, []string{"党派", "党派", "党派", "党派", "界别", "界别", "界别", "专委会", "专委会", "人民团体"})
		c := pickCollective(sc.rng, groups, kind, t)
		p.ProposerType, p.Sector = c.kind, c.sector
		p.Proposers = []data.Proposer{{Seq: 1, Name: c.name}}
		return
	} else if r < 55 {
		first := pool.leader(sc)
		p.ProposerType, p.Sector = "委员个人", first.sector
		p.Proposers = []data.Proposer{{Seq: 1, MembershipID: first.id, Name: first.name}}
		return
	}
	first := pool.leader(sc)
	p.ProposerType, p.Sector = "委员联名", first.sector
	p.Proposers = []data.Proposer{{Seq: 1, MembershipID: first.id, Name: first.name}}
	for _, x := range pool.cosigners(sc, first, pick(sc.rng, []int{1, 1, 1, 1, 1, 2, 2, 2, 3, 4})) {
		p.Proposers = append(p.Proposers, data.Proposer{Seq: len(p.Proposers) + 1, MembershipID: x.id, Name: x.name})
	}
	if len(p.Proposers) == 1 {
		p.ProposerType = "委员个人"
	}
}

// live takes a proposal through the 审查 and, when filed, its handling.
func (sc *scaler) live(p *scaleProposal, sameTopic []*scaleProposal, assign string) {
	l := &p.life
	l.status = ""
	l.step(p.Submitted, "提交", proposal.Submitted, "")
	review := addDays(p.Submitted, 3+sc.rng.IntN(4))
	if chance(sc.rng, 60) {
		l.step(review, proposal.ActReview, proposal.Reviewing, "")
	}
	decided := addDays(review, 5+sc.rng.IntN(10))
	switch r := sc.rng.IntN(100); {
	case p.Disposition != "":
		if l.step(decided, proposal.ActReject, proposal.Rejected, "理由："+p.RejectReason+"；去向："+p.Disposition) &&
			p.Disposition == "转社情民意" {
			p.infoDate = decided
		}
	case r < 3 && len(sameTopic) > 0:
		m := pick(sc.rng, sameTopic)
		if l.step(decided, proposal.ActMerge, proposal.Merged, fmt.Sprintf("并入第%d号提案《%s》", m.Number, m.Title)) {
			p.master = m // written before p, so its ID is known then
		}
	case r < 4:
		if l.step(decided, proposal.ActWithdraw, proposal.Withdrawn, "理由："+withdrawEarly) {
			p.WithdrawReason, p.WithdrawDate = withdrawEarly, decided
		}
	default:
		if l.step(decided, proposal.ActFile, proposal.Filed, "") {
			sc.handle(p, max(assign, addDays(decided, 1)))
		}
	}
	p.Status = l.status
}

// handle assigns a filed proposal and records answers, ratings, a second
// round now and then, and the 办结.
func (sc *scaler) handle(p *scaleProposal, date string) {
	l := &p.life
	units := sc.assignees(p)
	deadline := proposal.AddMonths(date, 3)
	var names []string
	for _, u := range units {
		names = append(names, u.Role+"："+u.Unit)
	}
	if !l.step(date, proposal.ActAssign, proposal.Handling, strings.Join(names, "；")+"；办理期限："+deadline) {
		return
	}
	p.AssignMode, p.AssignedDate, p.Deadline, p.Units = proposal.ModeLead, date, deadline, units
	if units[0].Role == proposal.RoleSplit {
		p.AssignMode = proposal.ModeSplit
	}
	if chance(sc.rng, 1) {
		d := addDays(date, 10+sc.rng.IntN(30))
		if l.step(d, proposal.ActWithdraw, proposal.Withdrawn, "理由："+withdrawLate) {
			p.WithdrawReason, p.WithdrawDate, p.Units = withdrawLate, d, nil
		}
		return
	}
	if chance(sc.rng, 5) {
		nd := proposal.AddMonths(deadline, 1)
		if l.step(addDays(deadline, -7), proposal.ActExtend, "", fmt.Sprintf("期限由 %s 延至 %s；理由：%s",
			deadline, nd, pick(sc.rng, extendReasons))) {
			p.Deadline = nd
		}
	}
	last, class := sc.answerRound(p, 1, date, "")
	if last == "" {
		return
	}
	last, unhappy := sc.rateRound(p, 1, last)
	if last == "" {
		return
	}
	if unhappy && chance(sc.rng, 60) {
		last = addDays(last, 3+sc.rng.IntN(5))
		if !l.step(last, proposal.ActRehandle, proposal.Rehandled, "提案人对答复不满意，要求再次办理") || chance(sc.rng, 25) {
			return // a quarter wait long for the second answer
		}
		if last, _ = sc.answerRound(p, 2, last, better(class)); last == "" {
			return
		}
		if last, _ = sc.rateRound(p, 2, last); last == "" {
			return
		}
	}
	if chance(sc.rng, 96) && l.step(addDays(last, 3+sc.rng.IntN(12)), proposal.ActClose, proposal.Closed, "") {
		if class == "A" && chance(sc.rng, 30) {
			p.Implementation = fmt.Sprintf(pick(sc.rng, implementationNotes), year(last))
		}
		if chance(sc.rng, 3) {
			p.ExcellentYear, p.ExcellentAward = year(last), excellentTag
		}
	}
}

// assignees are a 主办 (the topic's usual unit) with up to two 会办, or,
// one time in ten, two 分办 units.
func (sc *scaler) assignees(p *scaleProposal) []data.Assignment {
	county := sc.units[sc.rng.IntN(len(sc.units))]
	t := topicByKey(p.topicKey)
	var keys []string
	if t != nil {
		keys = t.units
	}
	if len(keys) == 0 {
		keys = []string{pick(sc.rng, countyUnits).key}
	}
	unit := func(k string) data.Assignment {
		u := county[sc.keys[k]]
		return data.Assignment{UnitID: u.id, Unit: u.name}
	}
	if len(keys) > 1 && chance(sc.rng, 10) {
		a, b := unit(keys[0]), unit(keys[1])
		a.Role, b.Role = proposal.RoleSplit, proposal.RoleSplit
		return []data.Assignment{a, b}
	}
	out := []data.Assignment{unit(keys[0])}
	out[0].Role = proposal.RoleLead
	for _, k := range keys[1:min(len(keys), 1+sc.rng.IntN(3))] {
		a := unit(k)
		a.Role = proposal.RoleCo
		out = append(out, a)
	}
	return out
}

var topicIndex = sync.OnceValue(func() map[string]*topic {
	m := map[string]*topic{}
	for _, t := range allTopics {
		m[t.key] = t
	}
	return m
})

func topicByKey(key string) *topic { return topicIndex()[key] }
