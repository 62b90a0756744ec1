package data

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"zhengxie/data/proposal"
)

// proposers reads the proposer type and names and matches members to the
// term's roster by exact name. Collective proposals keep the
// organisation's name.
func (pl *proposalPlanner) proposers(row int, c map[string]string, p *Proposal) int {
	var names []string
	seen := map[string]bool{}
	for _, n := range append(pl.splitNames(c[ColProposers]), pl.splitNames(c[ColCosigners])...) {
		if !seen[squash(n)] { // registers often repeat the 第一提案人 among the 联名人
			seen[squash(n)] = true
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		pl.bad(row, ColProposers, "请填写提案人（集体提案填写单位名称）")
		return 0
	}
	typ := ""
	if v := strings.TrimSpace(c[ColProposerType]); v != "" {
		t, ok := parseProposerType(v, names[0])
		if !ok {
			pl.bad(row, ColProposerType, fmt.Sprintf("“%s”无法识别，应为%s之一", v, strings.Join(proposal.ProposerTypes, "、")))
		}
		typ = t
	}
	if typ != "" {
		p.ProposerType = typ
		for _, n := range names {
			p.Proposers = append(p.Proposers, Proposer{Name: n})
		}
	} else {
		p.ProposerType = "委员个人"
		if len(names) > 1 {
			p.ProposerType = "委员联名"
		}
		for _, n := range names {
			if x, ok := pl.member(row, n); ok {
				p.Proposers = append(p.Proposers, x)
			}
		}
	}
	for i := range p.Proposers {
		p.Proposers[i].Seq = i + 1
	}
	return len(names)
}

// splitNames splits a proposer cell. Spaces separate names ("张三 李四")
// unless the parts are single characters ("王　五", padded for alignment)
// or the whole is a member's name.
func (pl *proposalPlanner) splitNames(v string) []string {
	var out []string
	for _, part := range splitList(v) {
		fields := strings.Fields(part)
		single := false
		for _, f := range fields {
			single = single || utf8.RuneCountInString(f) == 1
		}
		if len(fields) < 2 || single || len(pl.roster[squash(part)]) > 0 {
			out = append(out, squashSpaces(part))
			continue
		}
		out = append(out, fields...)
	}
	return out
}

func squashSpaces(s string) string { return strings.Join(strings.Fields(s), "") }

// member finds a name on the roster. "张明（县医院）" picks, among members
// called 张明, the one whose work unit, 界别 or 党派 mentions 县医院.
func (pl *proposalPlanner) member(row int, name string) (Proposer, bool) {
	base, hint := name, ""
	if i := strings.IndexAny(name, "(（"); i > 0 {
		base, hint = strings.TrimSpace(name[:i]), squash(strings.Trim(name[i:], "()（） "))
	}
	var found []Member
	for _, m := range pl.roster[squash(base)] {
		if hint == "" || strings.Contains(squash(m.WorkUnit+m.Sector+m.Party), hint) {
			found = append(found, m)
		}
	}
	switch {
	case len(found) == 1:
		return Proposer{MembershipID: found[0].Membership.ID, Name: found[0].Name}, true
	case len(found) > 1:
		var where []string
		for _, m := range found {
			where = append(where, orDefault(m.WorkUnit, orDefault(m.Sector, "工作单位未填")))
		}
		pl.bad(row, ColProposers, fmt.Sprintf("%s有 %d 位委员名为“%s”（%s），请在表中写成“%s（工作单位）”以区分",
			pl.termName, len(found), base, strings.Join(where, "；"), base))
		return Proposer{}, false
	}
	msg := fmt.Sprintf("“%s”不是%s委员", name, pl.termName)
	switch {
	case hint != "" && len(pl.roster[squash(base)]) > 0:
		msg = fmt.Sprintf("%s委员中没有工作单位含“%s”的“%s”", pl.termName, hint, base)
	case looksCollective(name):
		msg += "；如是集体提案，请在“提案者性质”列填写党派、人民团体、界别等"
	}
	if pl.opts.KeepUnmatched {
		pl.warn(row, ColProposers, msg+"，将只记录姓名")
		return Proposer{Name: base}, true
	}
	pl.bad(row, ColProposers, msg+"（往届名册不全时，可选择保留名册外的提案人）")
	return Proposer{}, false
}

// answerCells are a row's handling cells as read.
type answerCells struct {
	units                      []Assignment
	assigned, deadline, answer string
	class, docNo               string
	verdicts                   []string
}

func (a answerCells) answered() bool { return a.answer != "" || a.class != "" }

// state sets the proposal's state from the 状态 cell, or infers it:
//
//   - a written state is kept (已立案 → 立案, 不予立案（转社情民意）, 并入第3号 → 并案 …);
//   - 立案 or an empty cell is inferred from the rest of the row: an answer
//     date or class gives 已答复, and 办结 when a satisfaction is given too;
//     units or a 交办日期 give 办理中; otherwise 立案 stays 立案 and an empty
//     cell gives 已提交.
func (pl *proposalPlanner) state(row int, c map[string]string, pp *PlannedProposal, proposers int) {
	p := &pp.Proposal
	sc, ok := parseStatus(c[ColStatus])
	if !ok {
		pl.bad(row, ColStatus, fmt.Sprintf("“%s”无法识别，应为已提交、立案、办理中、已答复、办结、不予立案、并案、撤案等", c[ColStatus]))
	}
	a := pl.answerCells(row, c, proposers)
	p.Status = inferStatus(sc.status, a)
	if proposal.Assigned(p.Status) {
		pl.assigned(row, p, a)
		pl.answered(row, pp, a)
		return
	}
	if len(a.units) > 0 || a.answered() || len(a.verdicts) > 0 {
		pl.warn(row, ColStatus, fmt.Sprintf("状态为“%s”，表中的承办单位、答复和满意度不导入", p.Status))
	}
	switch p.Status {
	case proposal.Rejected:
		pl.rejected(row, p, sc)
	case proposal.Merged:
		pp.MasterNumber = sc.master
		if m := mergedInto.FindStringSubmatch(squash(c[ColNote])); m != nil && pp.MasterNumber == 0 {
			pp.MasterNumber = atoiMax(m[1])
		}
		if pp.MasterNumber == 0 {
			pl.bad(row, ColStatus, "状态为并案，但没有写明并入哪一件提案；请写成“并案（并入第12号）”")
		}
	}
}

// inferStatus keeps a written state other than 立案 and infers the rest
// (see state).
func inferStatus(written proposal.Status, a answerCells) proposal.Status {
	if written != "" && written != proposal.Filed {
		return written
	}
	switch {
	case a.answered() && len(a.verdicts) > 0:
		return proposal.Closed
	case a.answered():
		return proposal.Answered
	case len(a.units) > 0 || a.assigned != "":
		return proposal.Handling
	case written == "":
		return proposal.Submitted
	}
	return written
}

// answerCells reads the units, dates, class and satisfaction of a row.
func (pl *proposalPlanner) answerCells(row int, c map[string]string, proposers int) answerCells {
	a := answerCells{units: pl.unitCells(row, c)}
	a.assigned = pl.date(row, ColAssigned, c)
	a.deadline = pl.date(row, ColDeadline, c)
	a.answer = pl.date(row, ColAnswered, c)
	class, ok := parseClass(c[ColClass], pl.cfg)
	if !ok {
		pl.bad(row, ColClass, fmt.Sprintf("“%s”不是办理结果分类，应为%s类之一（可在“设置 → 提案”中修改分类）",
			c[ColClass], strings.Join(pl.cfg.ClassCodes(), "、")))
	}
	a.class, a.docNo = class, strings.TrimSpace(c[ColDocNo])
	verdicts, msg := parseVerdicts(c[ColSatisfaction], proposers)
	if msg != "" {
		pl.bad(row, ColSatisfaction, msg)
	}
	a.verdicts = verdicts
	return a
}

// unitCells reads the 主办, 会办 and 分办 cells. A ledger writes split
// handling as "分办：甲、乙" in its 主办 column; a single 分办 unit is a 主办.
func (pl *proposalPlanner) unitCells(row int, c map[string]string) []Assignment {
	lead := strings.TrimSpace(c[ColLead])
	var split []string
	for _, prefix := range []string{"分办：", "分办:", "分办"} {
		if rest, ok := strings.CutPrefix(lead, prefix); ok {
			split, lead = splitList(rest), ""
			break
		}
	}
	split = append(split, splitList(c[ColSplit])...)
	leads := splitList(lead)
	if len(leads) > 1 {
		pl.bad(row, ColLead, fmt.Sprintf("“%s”有 %d 个单位，主办单位只能有一个；各自答复的请填入“分办单位”列或写成“分办：甲、乙”", lead, len(leads)))
		leads = leads[:1]
	}
	if len(leads) == 1 && len(split) > 0 {
		pl.bad(row, ColSplit, "同一件提案不能既有主办单位又有分办单位")
	}
	if len(split) == 1 {
		leads, split = split, nil
	}
	var out []Assignment
	seen := map[string]bool{}
	add := func(names []string, role, field string) {
		for _, n := range names {
			n = squashSpaces(n)
			if seen[squash(n)] {
				pl.bad(row, field, fmt.Sprintf("“%s”重复出现在承办单位中", n))
				continue
			}
			seen[squash(n)] = true
			if stored, ok := pl.units[squash(n)]; ok {
				n = stored
			}
			out = append(out, Assignment{Unit: n, Role: role})
		}
	}
	add(leads, proposal.RoleLead, ColLead)
	add(split, proposal.RoleSplit, ColSplit)
	add(splitList(c[ColCo]), proposal.RoleCo, ColCo)
	return out
}

// assigned fills in the 交办 of a proposal handed to units: units, mode
// and deadline (交办 + the configured months when the sheet has none).
func (pl *proposalPlanner) assigned(row int, p *Proposal, a answerCells) {
	p.Units, p.AssignedDate, p.Deadline, p.AssignMode = a.units, a.assigned, a.deadline, proposal.ModeLead
	for _, u := range a.units {
		if u.Role == proposal.RoleSplit {
			p.AssignMode = proposal.ModeSplit
		}
		if _, known := pl.units[squash(u.Unit)]; !known && !pl.newUnit[u.Unit] {
			pl.newUnit[u.Unit] = true
			pl.plan.NewUnits = append(pl.plan.NewUnits, u.Unit)
		}
	}
	if len(p.AnsweringUnits()) == 0 {
		pl.bad(row, ColLead, fmt.Sprintf("状态为“%s”，需要主办单位（分办时填分办单位）", p.Status))
	}
	if p.Deadline == "" && p.AssignedDate != "" {
		p.Deadline = proposal.AddMonths(p.AssignedDate, pl.cfg.DeadlineMonths)
	}
	if p.AssignedDate != "" && p.Deadline != "" && p.Deadline <= p.AssignedDate {
		pl.bad(row, ColDeadline, fmt.Sprintf("办理期限 %s 应晚于交办日期 %s", p.Deadline, p.AssignedDate))
	}
}

// answered fills in the answer and ratings of a proposal answered; one
// still being handled keeps none of them.
func (pl *proposalPlanner) answered(row int, pp *PlannedProposal, a answerCells) {
	p := &pp.Proposal
	if p.Status == proposal.Handling {
		if a.answered() || len(a.verdicts) > 0 {
			pl.warn(row, ColStatus, "状态为“办理中”，表中的答复日期、办理结果和满意度不导入")
		}
		return
	}
	if a.answer != "" && p.AssignedDate != "" && a.answer < p.AssignedDate {
		pl.bad(row, ColAnswered, fmt.Sprintf("答复日期 %s 早于交办日期 %s", a.answer, p.AssignedDate))
	}
	p.Class, p.AnswerDate, pp.DocNo = a.class, a.answer, a.docNo
	for i, v := range a.verdicts {
		if v != "" {
			if p.Verdicts == nil {
				p.Verdicts = map[int]string{}
			}
			p.Verdicts[i+1] = v
		}
	}
}

// rejected checks where a proposal not filed went against the settings.
func (pl *proposalPlanner) rejected(row int, p *Proposal, sc statusCell) {
	if p.RejectReason == "" {
		p.RejectReason = sc.reason
	}
	if sc.disposition == "" {
		return
	}
	if proposal.Has(pl.cfg.Dispositions, sc.disposition) {
		p.Disposition = sc.disposition
		return
	}
	pl.bad(row, ColStatus, fmt.Sprintf("去向“%s”不在不予立案去向列表中（现有：%s；可在“设置 → 提案”中增加）",
		sc.disposition, strings.Join(pl.cfg.Dispositions, "、")))
}
