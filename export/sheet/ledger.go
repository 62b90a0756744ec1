package sheet

import (
	"fmt"
	"io"
	"strings"
	"time"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// LedgerDoc is a 提案台账 to print: every proposal of one session, or of a
// whole term, one row each.
type LedgerDoc struct {
	Committee data.Committee
	Term      data.Term
	Session   *data.Session // nil: the whole term, with a 会次 column
	// Sessions are the term's sessions; a whole-term ledger names each
	// proposal's 会次 from them.
	Sessions  []data.Session
	Proposals []data.Proposal // as ListProposals returns them, in order
	Config    proposal.Config
	Now       time.Time // the 制表日期; decides what is overdue
}

// LedgerTitle is the title of a session's 提案台账, or of a term's when
// session is nil: 政协清河县第十一届委员会第五次会议提案台账.
func LedgerTitle(c data.Committee, t data.Term, session *data.Session) string {
	return scopeTitle(c, t, session) + "提案台账"
}

// scopeTitle is the committee in a term, with the session when there is one.
func scopeTitle(c data.Committee, t data.Term, session *data.Session) string {
	title := data.CommitteeTitle(c, t)
	if session != nil {
		title += session.SessionName()
	}
	return title
}

const ledgerSheet = "提案台账"

// ledgerColumns are the register's columns (domain §3.2), sized so that
// the whole row fits the width of a landscape A4 page.
var ledgerColumns = []tableColumn{
	{"序号", 4.5, cellCenter}, {"案号", 8, cellCenter}, {"案由", 19, cellWrap}, {"类别", 5.5, cellCenter},
	{"提案者\n性质", 9, cellCenter}, {"提案人", 12, cellWrap}, {"界别", 10.5, cellCenter}, {"提案\n类型", 6.5, cellCenter},
	{"提交日期", 10.5, cellCenter}, {"状态", 11, cellCenter}, {"主办/分办\n单位", 12.5, cellWrap},
	{"会办单位", 12.5, cellWrap}, {"交办日期", 10.5, cellCenter}, {"办理期限", 10.5, cellCenter},
	{"答复日期", 10.5, cellCenter}, {"办理\n结果", 5, cellCenter}, {"满意度", 9.5, cellCenter},
	{"重点", 8.5, cellCenter}, {"优秀", 5, cellCenter}, {"备注", 9.5, cellWrap},
}

// WriteLedger writes a 提案台账 that prints as it is: title and 制表日期
// over the table, the header on every page, A4 landscape one page wide,
// and a line of totals under the table.
func WriteLedger(w io.Writer, doc LedgerDoc) error {
	cols := ledgerColumns
	if doc.Session == nil {
		cols = append([]tableColumn{{"会次", 6.5, cellCenter}}, cols...)
	}
	frozen := 3 // 序号, 案号, 案由 stay in view while scrolling right
	if doc.Session == nil {
		frozen = 4
	}
	t, err := newStreamTable(ledgerSheet, LedgerTitle(doc.Committee, doc.Term, doc.Session),
		"制表日期："+data.ChineseDate(doc.Now), cols, "landscape", frozen)
	if err != nil {
		return err
	}
	numbers := map[int64]int{} // 并案 rows name their master by 案号
	for _, p := range doc.Proposals {
		numbers[p.ID] = p.Number
	}
	sessions := map[int64]data.Session{}
	for _, s := range doc.Sessions {
		sessions[s.ID] = s
	}
	today := doc.Now.Format("2006-01-02")
	for i, p := range doc.Proposals {
		row := ledgerRow(p, doc.Config, numbers, today)
		values := append([]any{i + 1}, row...)
		if doc.Session == nil {
			values = append([]any{sessionShort(sessions[p.SessionID])}, values...)
		}
		t.addRow(values, false)
	}
	t.addNote(LedgerSummary(doc.Proposals, doc.Config))
	return t.finish(w)
}

// sessionShort is the 会次 as the register abbreviates it: 五次.
func sessionShort(s data.Session) string {
	if s.Number == 0 {
		return ""
	}
	return data.ChineseNumber(s.Number) + "次"
}

// ledgerRow is one proposal's cells after 序号.
func ledgerRow(p data.Proposal, cfg proposal.Config, numbers map[int64]int, today string) []any {
	return []any{
		cfg.FormatNumber(p.Number), p.Title, p.Category, p.ProposerType, p.ProposerNames(), p.Sector,
		strings.TrimSuffix(p.Kind, "提案"), p.Submitted, ledgerStatus(p, cfg, numbers, today), ledgerUnits(p),
		unitLines(p, proposal.RoleCo), p.AssignedDate, p.Deadline, p.AnswerDate, p.Class,
		strings.ReplaceAll(Satisfaction(p), " ", "\n"),
		ledgerKey(p), yesIf(p.ExcellentYear > 0), ledgerNote(p),
	}
}

// ledgerStatus is the state with what a reader needs next to it: where a
// proposal not filed went, which proposal one was merged into, whether the
// handling is overdue.
func ledgerStatus(p data.Proposal, cfg proposal.Config, numbers map[int64]int, today string) string {
	s := string(p.Status)
	switch {
	case p.Status == proposal.Rejected && p.Disposition != "":
		return s + "\n" + p.Disposition
	case p.Status == proposal.Merged && numbers[p.MergedInto] > 0:
		return s + "\n并入" + cfg.FormatNumber(numbers[p.MergedInto])
	case p.Overdue(today):
		return s + "\n已超期"
	}
	return s
}

// ledgerUnits is the 主办 unit, or the 分办 units marked as such.
func ledgerUnits(p data.Proposal) string {
	if split := unitLines(p, proposal.RoleSplit); split != "" {
		return "分办：\n" + split
	}
	return unitLines(p, proposal.RoleLead)
}

// unitLines lists the units with a role one a line: a unit's name broken
// across lines is misread.
func unitLines(p data.Proposal, role string) string {
	var names []string
	for _, u := range p.Units {
		if u.Role == role {
			names = append(names, u.Unit)
		}
	}
	return strings.Join(names, "\n")
}

// ledgerKey is the 重点 tier with its 督办领导.
func ledgerKey(p data.Proposal) string {
	if p.KeyTier == "" || p.KeyLeader == "" {
		return p.KeyTier
	}
	return p.KeyTier + "\n" + p.KeyLeader
}

// ledgerNote joins the office's note with the reasons the row's state
// carries.
func ledgerNote(p data.Proposal) string {
	var parts []string
	if p.Status == proposal.Rejected && p.RejectReason != "" {
		parts = append(parts, "不予立案理由："+p.RejectReason)
	}
	if p.Status == proposal.Withdrawn && p.WithdrawReason != "" {
		parts = append(parts, "撤案理由："+p.WithdrawReason)
	}
	if p.Note != "" {
		parts = append(parts, p.Note)
	}
	return strings.Join(parts, "；")
}

func yesIf(b bool) string {
	if b {
		return "是"
	}
	return ""
}

// Satisfaction sums up the proposers' latest verdicts: the verdict itself
// for a single proposer, else counts such as "满意2 基本满意1", with 未评
// for proposers who have not rated an answer yet.
func Satisfaction(p data.Proposal) string {
	if len(p.Verdicts) == 0 {
		return ""
	}
	if len(p.Proposers) == 1 {
		return p.Verdicts[p.Proposers[0].Seq]
	}
	counts := map[string]int{}
	unrated := 0
	for _, x := range p.Proposers {
		if v, ok := p.Verdicts[x.Seq]; ok {
			counts[v]++
		} else {
			unrated++
		}
	}
	var parts []string
	for _, v := range proposal.Ratings {
		if counts[v] > 0 {
			parts = append(parts, fmt.Sprintf("%s%d", v, counts[v]))
		}
	}
	if unrated > 0 {
		parts = append(parts, fmt.Sprintf("未评%d", unrated))
	}
	return strings.Join(parts, " ")
}

// LedgerSummary is the totals line under the ledger: how many proposals,
// how many were filed and how far they got, where the others went, and
// the result classes.
func LedgerSummary(ps []data.Proposal, cfg proposal.Config) string {
	by := map[proposal.Status]int{}
	filed, assigned, answered, key, excellent := 0, 0, 0, 0, 0
	classes := map[string]int{}
	for _, p := range ps {
		by[p.Status]++
		if proposal.Counted(p.Status) {
			filed++
		}
		if proposal.Assigned(p.Status) {
			assigned++
		}
		if proposal.IsAnswered(p.Status) {
			answered++
			if p.Class != "" {
				classes[p.Class]++
			}
		}
		if p.KeyTier != "" {
			key++
		}
		if p.ExcellentYear > 0 {
			excellent++
		}
	}
	if len(ps) == 0 {
		return "共 0 件。"
	}
	s := fmt.Sprintf("共 %d 件，其中立案 %d 件（已交办 %d 件，已答复 %d 件，办结 %d 件）", len(ps), filed, assigned, answered,
		by[proposal.Closed])
	for _, st := range []proposal.Status{proposal.Rejected, proposal.Merged, proposal.Withdrawn} {
		if by[st] > 0 {
			s += fmt.Sprintf("，%s %d 件", st, by[st])
		}
	}
	if n := by[proposal.Submitted] + by[proposal.Reviewing]; n > 0 {
		s += fmt.Sprintf("，待审查 %d 件", n)
	}
	s += "。"
	var parts []string
	for _, code := range cfg.ClassCodes() {
		if classes[code] > 0 {
			parts = append(parts, fmt.Sprintf("%s类 %d 件", code, classes[code]))
		}
	}
	if len(parts) > 0 {
		s += "办理结果：" + strings.Join(parts, "，") + "。"
	}
	if key > 0 {
		s += fmt.Sprintf("重点提案 %d 件。", key)
	}
	if excellent > 0 {
		s += fmt.Sprintf("优秀提案 %d 件。", excellent)
	}
	return s
}
