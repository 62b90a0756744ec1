package app

import (
	"context"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// Choices of the 超期督办 filter.
const (
	overdueOnly = "仅超期"
	overdueSoon = "含 30 天内到期"
	overdueAll  = "全部在办"
)

// soonDays is how close a deadline must be to count as 即将到期.
const soonDays = 30

// overdueItem is one proposal being handled with its days left.
type overdueItem struct {
	p    data.Proposal
	left int // days to the deadline; negative when overdue
}

// overdueList is the 超期督办 tab: the term's proposals being handled
// (办理中, 再次办理), most urgent first.
type overdueList struct {
	ps  *proposalScreen
	obj fyne.CanvasObject

	filter     *widget.RadioGroup
	countLabel *widget.Label
	table      *columnTable[overdueItem]

	all   []overdueItem // every proposal being handled, by urgency
	shown []overdueItem
	units map[int64]data.Unit
}

func newOverdueList(ps *proposalScreen) *overdueList {
	t := &overdueList{ps: ps}
	t.filter = widget.NewRadioGroup([]string{overdueOnly, overdueSoon, overdueAll}, func(string) { t.apply() })
	t.filter.Horizontal = true
	t.filter.Required = true
	t.filter.SetSelected(overdueSoon)
	t.countLabel = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.table = t.newTable()
	hint := widget.NewLabel("剩余天数按自然日从今天数到办理期限；延期或再次办理后按新的期限计算。")
	hint.TextStyle.Italic = true
	top := container.NewVBox(container.NewHBox(t.countLabel), container.NewHBox(widget.NewLabel("显示："), t.filter))
	t.obj = container.NewBorder(top, hint, nil, nil, t.table.obj)
	return t
}

func (t *overdueList) tabTitle() string        { return "超期督办" }
func (t *overdueList) view() fyne.CanvasObject { return t.obj }

// newTable lists the proposals most urgent first; 主办 / 分办单位 and
// 交办日期 sort too (to call one unit about all it owes).
func (t *overdueList) newTable() *columnTable[overdueItem] {
	lead := func(it overdueItem) string {
		if it.p.AssignMode == proposal.ModeSplit {
			return it.p.UnitNames(proposal.RoleSplit)
		}
		return it.p.UnitNames(proposal.RoleLead)
	}
	assigned := func(it overdueItem) string { return it.p.AssignedDate }
	tb := newColumnTable([]*tableColumn[overdueItem]{
		{title: "案号", width: 76, text: func(it overdueItem) string { return t.ps.cfg.FormatNumber(it.p.Number) }},
		{title: "案由", width: 230, text: func(it overdueItem) string { return it.p.Title }},
		{title: "主办 / 分办单位", width: 160, text: lead, sortKey: lead},
		{title: "会办单位", width: 130, text: func(it overdueItem) string { return it.p.UnitNames(proposal.RoleCo) }},
		{title: "联系人及电话", width: 170, text: func(it overdueItem) string { return t.contacts(it.p) }},
		{title: "交办日期", width: 96, text: assigned, sortKey: assigned},
		{title: "办理期限", width: 96, text: func(it overdueItem) string { return it.p.Deadline }},
		{title: "剩余时间", width: 100, text: func(it overdueItem) string { return daysLeftText(it.left) },
			compare: func(a, b overdueItem) int { return a.left - b.left }, initial: true,
			importance: func(it overdueItem) widget.Importance { return urgency(it.left) }},
	}, func() []overdueItem { return t.shown })
	tb.sticky(2)
	tb.onSort = func() {
		t.apply()
		t.table.scroll(true, -1)
	}
	tb.empty = func() string {
		if t.filter.Selected == overdueAll {
			return "没有在办的提案。"
		}
		return "没有超期或即将到期的提案。"
	}
	return tb
}

// urgency colours the days left: red when overdue, amber within a week.
func urgency(left int) widget.Importance {
	switch {
	case left < 0:
		return widget.DangerImportance
	case left <= 7:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// daysLeftText is "剩余 N 天", "今天到期" or "超期 N 天".
func daysLeftText(left int) string {
	switch {
	case left < 0:
		return fmt.Sprintf("超期 %d 天", -left)
	case left == 0:
		return "今天到期"
	}
	return fmt.Sprintf("剩余 %d 天", left)
}

// contacts are the contact people of the units that owe the answer, for
// the phone calls of 督办.
func (t *overdueList) contacts(p data.Proposal) string {
	var out string
	for _, a := range p.AnsweringUnits() {
		u := t.units[a.UnitID]
		if u.Contact == "" && u.Phone == "" {
			continue
		}
		if out != "" {
			out += "；"
		}
		out += u.Contact + " " + u.Phone
	}
	return out
}

func (t *overdueList) reload(ctx context.Context) {
	u := t.ps.u
	t.all = nil
	if u.term.ID != 0 {
		list, err := u.store.ListProposals(ctx, data.ProposalFilter{TermID: u.term.ID})
		if err != nil {
			showError(err, u.win)
		}
		units, err := u.store.ListUnits(ctx, true)
		if err != nil {
			showError(err, u.win)
		}
		t.units = map[int64]data.Unit{}
		for _, x := range units {
			t.units[x.ID] = x
		}
		t.all = handlingByUrgency(list, t.ps.today())
	}
	t.apply()
}

// handlingByUrgency keeps the proposals being handled that have a
// deadline, most overdue first, then by 案号.
func handlingByUrgency(list []data.Proposal, today string) []overdueItem {
	var out []overdueItem
	for _, p := range list {
		if p.Status != proposal.Handling && p.Status != proposal.Rehandled {
			continue
		}
		left, ok := proposal.DaysLeft(today, p.Deadline)
		if !ok {
			continue
		}
		out = append(out, overdueItem{p: p, left: left})
	}
	slices.SortStableFunc(out, func(a, b overdueItem) int {
		if a.left != b.left {
			return a.left - b.left
		}
		if a.p.SessionID != b.p.SessionID {
			return int(a.p.SessionID - b.p.SessionID)
		}
		return a.p.Number - b.p.Number
	})
	return out
}

// apply filters by the choice and updates the counts.
func (t *overdueList) apply() {
	if t.table == nil {
		return
	}
	over, soon := 0, 0
	t.shown = t.shown[:0]
	for _, it := range t.all {
		switch {
		case it.left < 0:
			over++
		case it.left <= soonDays:
			soon++
		}
		if t.filter.Selected == overdueAll || it.left < 0 || (t.filter.Selected == overdueSoon && it.left <= soonDays) {
			t.shown = append(t.shown, it)
		}
	}
	text := fmt.Sprintf("超期 %d 件，%d 天内到期 %d 件（在办共 %d 件）", over, soonDays, soon, len(t.all))
	if len(t.all) == 0 {
		text = "本届目前没有正在办理的提案。"
	}
	t.countLabel.SetText(text)
	t.table.sort(t.shown)
	t.table.Refresh()
}
