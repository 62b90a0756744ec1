package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// The table of the 提案列表: its cells, header and sorting.

func (l *proposalList) newTable() *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(l.shown), len(proposalColumns) },
		func() fyne.CanvasObject {
			lb := widget.NewLabel("")
			lb.Truncation = fyne.TextTruncateEllipsis
			return lb
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			lb := o.(*widget.Label)
			lb.Importance = widget.MediumImportance
			if id.Col == 6 && id.Row < len(l.shown) && l.shown[id.Row].Overdue(l.ps.today()) {
				lb.Importance = widget.DangerImportance
			}
			lb.SetText(l.cell(id.Row, id.Col))
		},
	)
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		col := id.Col
		b.SetText(l.headerText(col))
		b.OnTapped = func() { l.sortBy(col) }
	}
	for i, c := range proposalColumns {
		t.SetColumnWidth(i, c.width)
	}
	t.StickyColumnCount = 2
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Row >= len(l.shown) {
			return
		}
		p := l.shown[id.Row]
		l.selected = p.ID
		l.updateButtons()
		if !l.detail.shown || l.detail.p.ID != p.ID {
			l.detail.show(p)
		}
	}
	selectRows(t, func() { l.ps.u.win.Canvas().Focus(t) }, func(int) {
		if l.ps.u.can(actEdit) {
			l.detail.onEdit()
		}
	})
	return t
}

func (l *proposalList) headerText(col int) string {
	text := proposalColumns[col].field
	if col == l.sortCol && (col != 0 || l.sortDesc) {
		text += map[bool]string{false: " ▲", true: " ▼"}[l.sortDesc]
	}
	return text
}

// cell is the text of one table cell.
func (l *proposalList) cell(row, col int) string {
	if row < 0 || row >= len(l.shown) {
		return ""
	}
	return l.cellText(l.shown[row], col)
}

func (l *proposalList) cellText(p data.Proposal, col int) string {
	switch proposalColumns[col].field {
	case "案号":
		return l.numberText(p)
	case "案由":
		return p.Title
	case "类别":
		return p.Category
	case "第一提案人":
		return p.FirstProposer()
	case "状态":
		return string(p.Status)
	case "主办单位":
		if p.AssignMode == proposal.ModeSplit {
			return "分办：" + p.UnitNames(proposal.RoleSplit)
		}
		return p.UnitNames(proposal.RoleLead)
	case "期限":
		return deadlineText(p, l.ps.today())
	case "结果":
		return p.Class
	case "满意度":
		return verdictSummary(p)
	}
	return ""
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

// sortBy sorts by a column; a second click reverses, a third returns to
// 案号 order.
func (l *proposalList) sortBy(col int) {
	switch {
	case col != l.sortCol:
		l.sortCol, l.sortDesc = col, false
	case !l.sortDesc:
		l.sortDesc = true
	default:
		l.sortCol, l.sortDesc = 0, false
	}
	l.apply(true)
}

func (l *proposalList) sortShown() {
	field := proposalColumns[l.sortCol].field
	session := map[int64]int{}
	for _, s := range l.ps.sessions {
		session[s.ID] = s.Number
	}
	slices.SortStableFunc(l.shown, func(a, b data.Proposal) int {
		var c int
		switch field {
		case "案号":
			c = cmpInts(session[a.SessionID], session[b.SessionID], a.Number, b.Number)
		case "第一提案人":
			c = strings.Compare(newNameKey(a.FirstProposer()).sortKey, newNameKey(b.FirstProposer()).sortKey)
		case "状态":
			c = slices.Index(proposal.Statuses, a.Status) - slices.Index(proposal.Statuses, b.Status)
		case "期限":
			c = strings.Compare(a.Deadline, b.Deadline)
		default:
			c = strings.Compare(l.cellText(a, l.sortCol), l.cellText(b, l.sortCol))
		}
		if c == 0 {
			c = cmpInts(session[a.SessionID], session[b.SessionID], a.Number, b.Number)
		}
		if l.sortDesc {
			return -c
		}
		return c
	})
}
