package app

import (
	"slices"

	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// The table of the 提案列表: its columns and how they sort. The rows' own
// order is by 案号 (session, then number); a click on a header sorts by
// it, a second reverses, a third returns to 案号.

func (l *proposalList) newTable() *columnTable[data.Proposal] {
	t := newColumnTable(l.columns(), func() []data.Proposal { return l.shown })
	t.sticky(2)
	t.onSort = func() { l.apply(true) }
	t.empty = l.emptyText
	t.selectable(l.ps.u.win, func(row int) {
		if row < 0 || row >= len(l.shown) {
			return
		}
		p := l.shown[row]
		l.selected = p.ID
		l.updateButtons()
		if !l.detail.shown || l.detail.p.ID != p.ID {
			l.detail.show(p)
		}
	}, nil, func(int) {
		if l.ps.u.can(actEdit) {
			l.detail.onEdit()
		}
	})
	return t
}

func (l *proposalList) columns() []*tableColumn[data.Proposal] {
	lead := func(p data.Proposal) string {
		if p.AssignMode == proposal.ModeSplit {
			return "分办：" + p.UnitNames(proposal.RoleSplit)
		}
		return p.UnitNames(proposal.RoleLead)
	}
	title := func(p data.Proposal) string { return p.Title }
	category := func(p data.Proposal) string { return p.Category }
	class := func(p data.Proposal) string { return p.Class }
	return []*tableColumn[data.Proposal]{
		{title: "案号", width: 100, text: l.numberText, compare: l.compareNumbers, initial: true},
		{title: "案由", width: 270, text: title, sortKey: title},
		{title: "类别", width: 88, text: category, sortKey: category},
		{title: "第一提案人", width: 88, text: func(p data.Proposal) string { return p.FirstProposer() },
			sortKey: func(p data.Proposal) string { return newNameKey(p.FirstProposer()).sortKey }},
		{title: "状态", width: 76, text: func(p data.Proposal) string { return string(p.Status) },
			compare: func(a, b data.Proposal) int {
				return slices.Index(proposal.Statuses, a.Status) - slices.Index(proposal.Statuses, b.Status)
			}},
		{title: "主办单位", width: 150, text: lead, sortKey: lead},
		{title: "期限", width: 190, text: func(p data.Proposal) string { return deadlineText(p, l.ps.today()) },
			sortKey: func(p data.Proposal) string { return p.Deadline },
			importance: func(p data.Proposal) widget.Importance {
				if p.Overdue(l.ps.today()) {
					return widget.DangerImportance
				}
				return widget.MediumImportance
			}},
		{title: "结果", width: 48, text: class, sortKey: class},
		{title: "满意度", width: 110, text: verdictSummary, sortKey: verdictSummary},
	}
}

// compareNumbers orders proposals by 案号: session, then number.
func (l *proposalList) compareNumbers(a, b data.Proposal) int {
	session := func(id int64) int {
		for _, s := range l.ps.sessions {
			if s.ID == id {
				return s.Number
			}
		}
		return 0
	}
	return cmpInts(session(a.SessionID), session(b.SessionID), a.Number, b.Number)
}

// numberText is the 案号; when the whole term is shown it names the session
// too, since every session numbers from 1.
func (l *proposalList) numberText(p data.Proposal) string {
	n := l.ps.cfg.FormatNumber(p.Number)
	if l.sessionID == 0 {
		for _, s := range l.ps.sessions {
			if s.ID == p.SessionID {
				return data.ChineseNumber(s.Number) + "次 " + n
			}
		}
	}
	return n
}
