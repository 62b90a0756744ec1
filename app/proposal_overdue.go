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

var overdueHeaders = []string{"案号", "案由", "主办 / 分办单位", "会办单位", "联系人及电话", "交办日期", "办理期限", "剩余时间"}
var overdueWidths = []float32{76, 230, 160, 130, 170, 96, 96, 100}

// overdueList is the 超期督办 tab: the term's proposals being handled
// (办理中, 再次办理), most urgent first.
type overdueList struct {
	ps  *proposalScreen
	obj fyne.CanvasObject

	filter     *widget.RadioGroup
	countLabel *widget.Label
	table      *widget.Table

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
	t.obj = container.NewBorder(top, hint, nil, nil, emptyTable(t.table, func() string {
		if t.filter.Selected == overdueAll {
			return "没有在办的提案。"
		}
		return "没有超期或即将到期的提案。"
	}))
	return t
}

func (t *overdueList) tabTitle() string        { return "超期督办" }
func (t *overdueList) view() fyne.CanvasObject { return t.obj }

func (t *overdueList) newTable() *widget.Table {
	tb := widget.NewTable(
		func() (int, int) { return len(t.shown), len(overdueHeaders) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Importance = widget.MediumImportance
			if id.Col == len(overdueHeaders)-1 && id.Row < len(t.shown) {
				l.Importance = urgency(t.shown[id.Row].left)
			}
			l.SetText(t.cell(id.Row, id.Col))
		},
	)
	tb.ShowHeaderRow = true
	tb.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	tb.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(overdueHeaders[id.Col])
	}
	for i, w := range overdueWidths {
		tb.SetColumnWidth(i, w)
	}
	tb.StickyColumnCount = 2
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

func (t *overdueList) cell(row, col int) string {
	if row < 0 || row >= len(t.shown) {
		return ""
	}
	it := t.shown[row]
	p := it.p
	switch col {
	case 0:
		return t.ps.cfg.FormatNumber(p.Number)
	case 1:
		return p.Title
	case 2:
		if p.AssignMode == proposal.ModeSplit {
			return p.UnitNames(proposal.RoleSplit)
		}
		return p.UnitNames(proposal.RoleLead)
	case 3:
		return p.UnitNames(proposal.RoleCo)
	case 4:
		return t.contacts(p)
	case 5:
		return p.AssignedDate
	case 6:
		return p.Deadline
	case 7:
		return daysLeftText(it.left)
	}
	return ""
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
	t.table.Refresh()
}
