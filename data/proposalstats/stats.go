// Package proposalstats computes the figures a 提案工作情况报告 quotes
// (shared/domain.md §2.9): 收到, 立案 and 立案率, 并案, 撤案, 不予立案 by
// 去向, splits by proposer and 类别, 承办单位, 办复率, 办结率, result
// classes, 满意率 and 委员提案参与率. It is pure: the store fills an Input
// and Compute returns every figure with its numerator and denominator.
// docs/proposal-statistics.md defines each figure.
package proposalstats

import (
	"cmp"
	"slices"
	"strings"

	"zhengxie/data/proposal"
)

// Row labels the statistics add to the configured lists.
const (
	LabelMissing    = "未注明"         // an empty 类别, 去向, proposer type or kind
	LabelCollective = "集体"          // every proposer type but 委员个人 and 委员联名
	LabelPending    = "待审查"         // 已提交 or 审查中: not examined yet
	LabelNoDispo    = "不予立案（未注明去向）" // in Outcomes, a 不予立案 without a 去向
	LabelFiled      = "立案"
	LabelMerged     = "并案"
	LabelWithdrawn  = "撤案"
)

// Item is one proposal as the statistics see it.
type Item struct {
	Status       proposal.Status
	Disposition  string   // where a 不予立案 proposal went (转社情民意/转意见建议/委员来信/退回), "" otherwise
	ProposerType string   // one of proposal.ProposerTypes
	Kind         string   // 大会提案 / 平时提案
	Category     string   // 提案类别
	LeadUnits    []string // 主办 unit, or every 分办 unit
	Units        []string // every unit incl. 会办
	Class        string   // final result class code ("A".."E"), "" when not answered
	Ratings      []string // each proposer's final verdict (满意/基本满意/不满意); only returned evaluations
	Key          bool     // 重点提案
	KeyLeader    string   // its 督办领导 as entered ("政协副主席 张三、副县长 李四"), "" when not known
	Excellent    bool     // 优秀提案
	Overdue      bool     // assigned, unanswered and past its deadline on the report date
	PersonIDs    []int64  // proposers who are roster members (person ids), for 参与率
}

// Input is everything one report covers (a session, a year or a 届).
type Input struct {
	Items        []Item
	Members      int      // members in the roster for the period (denominator of 参与率)
	Categories   []string // display order (config)
	Dispositions []string // display order (config)
	Classes      []string // class codes in order, e.g. A B C
}

// Report holds every figure of one report. Counts print with %d, shares
// with their String method; each Table lists its rows in display order.
type Report struct {
	// Examination (审查), over every item received.
	Received            int     // 收到: every item
	Filed               int     // 立案: proposal.Counted (立案 and every state after it)
	FiledRate           Percent // 立案率 = Filed / Received
	Merged              int     // 并案: merged into another proposal, not 立案 itself
	FiledWithMerged     int     // 立案（含并案） = Filed + Merged
	FiledWithMergedRate Percent // FiledWithMerged / Received
	Withdrawn           int     // 撤案
	Rejected            int     // 不予立案, whatever the 去向
	Pending             int     // 已提交 or 审查中 (and any unknown status): not examined yet
	Dispositions        Table   // 不予立案 by 去向; shares of Rejected
	Outcomes            Table   // 收到 by outcome: 立案, 并案, 撤案, each 去向, 待审查; shares of Received

	// Who submitted what.
	ProposerTypes  Table // 收到 by 提案者性质 (proposal.ProposerTypes order); shares of Received
	ProposerGroups Table // 收到 as 委员个人 / 委员联名 / 集体; shares of Received
	Kinds          Table // 收到 as 大会提案 / 平时提案; shares of Received
	Categories     Table // 立案 by 类别; shares of Filed

	// Handling (办理), over 立案 proposals.
	Units      int     // distinct units (主办, 会办, 分办) on assigned proposals
	LeadUnits  int     // distinct 主办 (or 分办) units on assigned proposals
	Assigned   int     // 交办: proposal.Assigned
	Answered   int     // 已答复 (办复): proposal.IsAnswered
	AnswerRate Percent // 办复率 = Answered / Filed
	Closed     int     // 办结
	CloseRate  Percent // 办结率 = Closed / Filed
	Overdue    int     // items the store flagged overdue
	Classes    Table   // answered proposals with a class, by class; shares of their number

	// Evaluation (满意度测评): each proposer's latest verdict.
	Satisfied        int     // 满意
	Basic            int     // 基本满意
	Unsatisfied      int     // 不满意
	Evaluations      int     // returned evaluations = Satisfied + Basic + Unsatisfied
	SatisfactionRate Percent // 满意率 = (Satisfied + Basic) / Evaluations
	Verdicts         Table   // the three verdicts; shares of Evaluations

	// Members.
	Members           int     // roster size (Input.Members)
	Participants      int     // distinct members among the proposers
	ParticipationRate Percent // 委员提案参与率 = Participants / Members

	Key int // 重点提案 among 立案
	// 重点提案 by who leads their 督办 (KeyLeader): 政协 leaders (政协…, …主席)
	// and local leaders (县长, 区委书记 …); a proposal led by both counts in both.
	KeyByCPPCC, KeyByLocal, KeyLed int
	Excellent                      int // 优秀提案 among 立案
}

// Compute tallies one report's figures from its items.
func Compute(in Input) Report {
	c := newCounter(in)
	for _, it := range in.Items {
		c.add(it)
	}
	return c.report(in.Members)
}

// counter accumulates the figures while walking the items.
type counter struct {
	r                                  Report
	dispositions, types, groups, kinds *tally
	categories, classes, verdicts      *tally
	units, leads                       map[string]bool
	persons                            map[int64]bool
}

func newCounter(in Input) *counter {
	return &counter{
		dispositions: newTally(in.Dispositions),
		types:        newTally(proposal.ProposerTypes),
		groups:       newTally(proposerGroups),
		kinds:        newTally(proposal.Kinds),
		categories:   newTally(in.Categories),
		classes:      newTally(in.Classes),
		verdicts:     newTally(proposal.Ratings),
		units:        map[string]bool{},
		leads:        map[string]bool{},
		persons:      map[int64]bool{},
	}
}

// proposerGroups are the rows of Report.ProposerGroups.
var proposerGroups = []string{"委员个人", "委员联名", LabelCollective}

// proposerGroup maps a proposer type to its ProposerGroups row ("" stays
// "" and becomes 未注明).
func proposerGroup(t string) string {
	t = strings.TrimSpace(t)
	if t == "" || !proposal.Collective(t) {
		return t
	}
	return LabelCollective
}

func (c *counter) add(it Item) {
	c.r.Received++
	c.types.add(it.ProposerType)
	c.groups.add(proposerGroup(it.ProposerType))
	c.kinds.add(it.Kind)
	for _, id := range it.PersonIDs {
		if id > 0 {
			c.persons[id] = true
		}
	}
	if it.Overdue {
		c.r.Overdue++
	}
	switch {
	case proposal.Counted(it.Status):
		c.addFiled(it)
	case it.Status == proposal.Merged:
		c.r.Merged++
	case it.Status == proposal.Withdrawn:
		c.r.Withdrawn++
	case it.Status == proposal.Rejected:
		c.r.Rejected++
		c.dispositions.add(it.Disposition)
	default:
		c.r.Pending++
	}
}

// addFiled counts a 立案 proposal: its 类别, flags, units and answer.
func (c *counter) addFiled(it Item) {
	c.r.Filed++
	c.categories.add(it.Category)
	if it.Key {
		c.r.Key++
		cppcc, local := leaderKinds(it.KeyLeader)
		if cppcc {
			c.r.KeyByCPPCC++
		}
		if local {
			c.r.KeyByLocal++
		}
		if cppcc || local {
			c.r.KeyLed++
		}
	}
	if it.Excellent {
		c.r.Excellent++
	}
	if !proposal.Assigned(it.Status) {
		return
	}
	c.r.Assigned++
	addNames(c.units, it.Units)
	addNames(c.units, it.LeadUnits)
	addNames(c.leads, it.LeadUnits)
	if !proposal.IsAnswered(it.Status) {
		return
	}
	c.r.Answered++
	if it.Status == proposal.Closed {
		c.r.Closed++
	}
	if class := strings.TrimSpace(it.Class); class != "" {
		c.classes.add(class)
	}
	for _, v := range it.Ratings {
		if proposal.Has(proposal.Ratings, strings.TrimSpace(v)) {
			c.verdicts.add(v)
		}
	}
}

func addNames(set map[string]bool, names []string) {
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			set[n] = true
		}
	}
}

func (c *counter) report(members int) Report {
	r := c.r
	r.FiledRate = Of(r.Filed, r.Received)
	r.FiledWithMerged = r.Filed + r.Merged
	r.FiledWithMergedRate = Of(r.FiledWithMerged, r.Received)
	r.Dispositions = c.dispositions.table()
	r.Outcomes = outcomes(r)

	r.ProposerTypes = c.types.table()
	r.ProposerGroups = c.groups.table()
	r.Kinds = c.kinds.table()
	r.Categories = c.categories.table()

	r.Units, r.LeadUnits = len(c.units), len(c.leads)
	r.AnswerRate = Of(r.Answered, r.Filed)
	r.CloseRate = Of(r.Closed, r.Filed)
	r.Classes = c.classes.table()

	r.Verdicts = c.verdicts.table()
	r.Satisfied = r.Verdicts.N(proposal.RatingSatisfied)
	r.Basic = r.Verdicts.N(proposal.RatingBasic)
	r.Unsatisfied = r.Verdicts.N(proposal.RatingUnsatisfied)
	r.Evaluations = r.Verdicts.Total
	r.SatisfactionRate = Of(r.Satisfied+r.Basic, r.Evaluations)

	r.Members, r.Participants = members, len(c.persons)
	r.ParticipationRate = Of(r.Participants, members)
	return r
}

// outcomes splits 收到 by what examination made of each item, the way
// 洪湖's report does (立案 64, 并案 16, 转意见和建议 21, 不予立案 17).
func outcomes(r Report) Table {
	t := Table{Total: r.Received}
	add := func(label string, n int) {
		t.Rows = append(t.Rows, Row{Label: label, N: n, Share: Of(n, r.Received)})
	}
	add(LabelFiled, r.Filed)
	add(LabelMerged, r.Merged)
	add(LabelWithdrawn, r.Withdrawn)
	for _, d := range r.Dispositions.Rows {
		if d.Label == LabelMissing {
			d.Label = LabelNoDispo
		}
		add(d.Label, d.N)
	}
	if r.Pending > 0 {
		add(LabelPending, r.Pending)
	}
	return t
}

// tally counts labels. Its table lists the fixed labels first, in their
// order and even at zero (so tables keep their shape), then any other
// label found, largest first, then 未注明 for empty labels if any.
type tally struct {
	fixed []string
	n     map[string]int
}

func newTally(fixed []string) *tally {
	t := &tally{n: map[string]int{}}
	for _, f := range fixed {
		if f = strings.TrimSpace(f); f != "" && !slices.Contains(t.fixed, f) {
			t.fixed = append(t.fixed, f)
		}
	}
	return t
}

func (t *tally) add(label string) { t.n[strings.TrimSpace(label)]++ }

func (t *tally) table() Table {
	var out Table
	for _, n := range t.n {
		out.Total += n
	}
	row := func(label string, n int) {
		out.Rows = append(out.Rows, Row{Label: label, N: n, Share: Of(n, out.Total)})
	}
	for _, f := range t.fixed {
		row(f, t.n[f])
	}
	var others []string
	for label := range t.n {
		if label != "" && !slices.Contains(t.fixed, label) {
			others = append(others, label)
		}
	}
	slices.SortFunc(others, func(a, b string) int {
		return cmp.Or(cmp.Compare(t.n[b], t.n[a]), strings.Compare(a, b))
	})
	for _, label := range others {
		row(label, t.n[label])
	}
	if n := t.n[""]; n > 0 {
		row(LabelMissing, n)
	}
	return out
}

// leaderKinds says whether a 督办领导 entry names 政协 leaders (政协副主席,
// 王主席) and local leaders (副县长, 区委常委 …). Leaders are listed with 、.
func leaderKinds(leaders string) (cppcc, local bool) {
	for _, l := range strings.FieldsFunc(leaders, func(r rune) bool { return strings.ContainsRune("、，,；;\n", r) }) {
		switch l = strings.TrimSpace(l); {
		case l == "":
		case strings.Contains(l, "政协") || strings.Contains(l, "主席"):
			cppcc = true
		default:
			local = true
		}
	}
	return cppcc, local
}
