package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data/assess"
)

// unperformed is one requirement a member missed.
type unperformed struct {
	name, sector string
	gate         string
	requirement  string
	found        int // -1 when unknown
	needed       int
}

var missingHeaders = []string{"姓名", "界别", "基本要求", "未达到的项目", "完成/应完成"}
var missingWidths = []float32{90, 140, 140, 200, 110}

// missingList is the 未履职 tab: every member who missed a requirement of
// the rule set's gates (e.g. 三个一), one row per requirement missed.
type missingList struct {
	s   *assessmentScreen
	obj fyne.CanvasObject

	info  *widget.Label
	table *widget.Table
	rows  []unperformed
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
	l.obj = container.NewBorder(l.info, nil, nil, nil, l.table)
	return l
}

func (l *missingList) cell(row, col int) string {
	if row < 0 || row >= len(l.rows) {
		return ""
	}
	r := l.rows[row]
	switch col {
	case 0:
		return r.name
	case 1:
		return r.sector
	case 2:
		return r.gate
	case 3:
		return r.requirement
	case 4:
		if r.found < 0 {
			return fmt.Sprintf("不足 %d", r.needed)
		}
		return fmt.Sprintf("%d/%d", r.found, r.needed)
	}
	return ""
}

// refresh lists the missed requirements of the latest result.
func (l *missingList) refresh() {
	s := l.s
	l.rows = unperformedRows(s.res, s.rs)
	members := map[string]bool{}
	for _, r := range l.rows {
		members[r.name+"\x00"+r.sector] = true
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

// unperformedRows lists, member by member in roster order, each
// requirement of a gate the member did not meet.
func unperformedRows(res assess.Result, rs assess.RuleSet) []unperformed {
	needed := map[string]int{}
	for _, g := range rs.Gates {
		for _, r := range g.Require {
			needed[g.Name+"\x00"+r.Name] = max(r.Min, 1)
		}
	}
	var out []unperformed
	for _, m := range res.Members {
		if m.Excluded != "" {
			continue
		}
		for _, g := range m.Gates {
			for _, req := range g.Missing {
				out = append(out, unperformed{name: m.Member.Name, sector: m.Member.Sector, gate: g.Name,
					requirement: req, found: -1, needed: needed[g.Name+"\x00"+req]})
			}
		}
	}
	return out
}
