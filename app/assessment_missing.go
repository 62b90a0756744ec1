package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data/assess"
)

var missingHeaders = []string{"姓名", "界别", "基本要求", "未达到的项目", "完成/应完成"}
var missingWidths = []float32{90, 140, 140, 200, 110}

// missingList is the 未履职 tab: every member who missed a requirement of
// the rule set's gates (e.g. 三个一), one row per requirement missed.
type missingList struct {
	s   *assessmentScreen
	obj fyne.CanvasObject

	info  *widget.Label
	table *widget.Table
	rows  []assess.Unperformed
}

func newMissingList(s *assessmentScreen) *missingList {
	l := &missingList{s: s}
	l.info = widget.NewLabel("")
	l.info.Wrapping = fyne.TextWrapWord
	l.table = widget.NewTable(
		func() (int, int) { return len(l.rows), len(missingHeaders) },
		func() fyne.CanvasObject {
			lb := widget.NewLabel("")
			lb.Truncation = fyne.TextTruncateEllipsis
			return lb
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(l.cell(id.Row, id.Col))
		},
	)
	l.table.ShowHeaderRow = true
	l.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	l.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(missingHeaders[id.Col])
	}
	for i, w := range missingWidths {
		l.table.SetColumnWidth(i, w)
	}
	l.obj = container.NewBorder(l.info, nil, nil, nil, emptyTable(l.table, nil))
	return l
}

func (l *missingList) cell(row, col int) string {
	if row < 0 || row >= len(l.rows) {
		return ""
	}
	r := l.rows[row]
	switch col {
	case 0:
		return r.Member.Name
	case 1:
		return r.Member.Sector
	case 2:
		return r.Gate
	case 3:
		return r.Requirement
	case 4:
		return fmt.Sprintf("%d/%d", r.Found, r.Need)
	}
	return ""
}

// refresh lists the missed requirements of the latest result.
func (l *missingList) refresh() {
	s := l.s
	l.rows = s.res.Unperformed()
	members := map[int64]bool{}
	for _, r := range l.rows {
		members[r.Member.ID] = true
	}
	switch {
	case !s.computed:
		l.info.SetText("")
	case len(s.rs.Gates) == 0:
		l.info.SetText("当前规则集没有设置基本履职要求（如“三个一”），因此没有未履职名单。可在“编辑规则”中添加。")
	case len(l.rows) == 0:
		l.info.SetText("参加考核的委员都达到了基本履职要求。")
	default:
		l.info.SetText(fmt.Sprintf("%d 名委员未达到基本履职要求，共 %d 项。", len(members), len(l.rows)))
	}
	l.table.Refresh()
}
