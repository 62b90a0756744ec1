package app

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data/assess"
)

// resultColumn is one column of the result table.
type resultColumn = tableColumn[assess.MemberResult]

// resultTable is the 考核结果 tab: one row per member with the points of
// every item, the total, the grade and the rank; excluded members last and
// greyed. A click on a row explains it on the right.
type resultTable struct {
	s   *assessmentScreen
	obj fyne.CanvasObject

	filterEntry *widget.Entry
	summary     *widget.Label
	table       *columnTable[assess.MemberResult]

	shown   []assess.MemberResult // filtered and sorted; excluded last
	keeping bool                  // keepSelection is selecting: the member is explained already
}

func newResultTable(s *assessmentScreen) *resultTable {
	t := &resultTable{s: s}
	t.filterEntry = widget.NewEntry()
	t.filterEntry.SetPlaceHolder("按姓名、拼音或界别筛选")
	t.filterEntry.OnChanged = func(string) { t.show(true) }
	t.summary = widget.NewLabel("")
	t.summary.Wrapping = fyne.TextWrapWord
	t.table = t.newTable()
	top := container.NewBorder(nil, nil, widget.NewLabel("筛选"), nil, t.filterEntry)
	split := container.NewHSplit(t.table.obj, s.explain.obj)
	split.Offset = 0.66
	t.obj = container.NewBorder(container.NewVBox(top, t.summary), nil, nil, nil, split)
	return t
}

// newTable lists the members; a click on 排名, 总分, 姓名, 界别, an item,
// 加分 or 扣分 sorts by it (总分 and points highest first), 序号 returns to
// 排名. Excluded members stay last, greyed.
func (t *resultTable) newTable() *columnTable[assess.MemberResult] {
	tb := newColumnTable(nil, func() []assess.MemberResult { return t.shown })
	tb.sticky(2)
	tb.onSort = func() { t.show(true) }
	tb.empty = func() string {
		if strings.TrimSpace(t.filterEntry.Text) != "" {
			return "没有符合筛选条件的委员。"
		}
		return noRows
	}
	tb.rowImportance = func(m assess.MemberResult) widget.Importance {
		if m.Excluded != "" {
			return widget.LowImportance
		}
		return widget.MediumImportance
	}
	tb.selectable(t.s.u.win, func(row int) {
		if !t.keeping && row >= 0 && row < len(t.shown) {
			t.s.explain.show(t.shown[row].Member.ID)
		}
	}, nil, nil)
	return tb
}

// resultColumns are the table's columns for a rule set's items.
func resultColumns(res assess.Result, decimals int) []*resultColumn {
	assessed := func(f func(m assess.MemberResult) string) func(assess.MemberResult) string {
		return func(m assess.MemberResult) string {
			if m.Excluded != "" {
				return ""
			}
			return f(m)
		}
	}
	pts := func(p assess.Points) string { return p.Format(decimals) }
	byPoints := func(p func(m assess.MemberResult) assess.Points) func(a, b assess.MemberResult) int {
		return func(a, b assess.MemberResult) int { return p(a).Cmp(p(b)) }
	}
	cols := []*resultColumn{
		{title: "序号", width: 50, seq: func(m assess.MemberResult) bool { return m.Excluded == "" }},
		{title: "姓名", width: 80, text: func(m assess.MemberResult) string { return m.Member.Name },
			sortKey: func(m assess.MemberResult) string { return newNameKey(m.Member.Name).sortKey }},
		{title: "界别", width: 120, text: func(m assess.MemberResult) string { return m.Member.Sector },
			sortKey: func(m assess.MemberResult) string { return m.Member.Sector }},
		{title: "常委", width: 50, text: func(m assess.MemberResult) string {
			return map[bool]string{true: "是", false: ""}[m.Member.Standing]
		}},
		// On screen the result comes before the items, so it is seen without
		// scrolling; the printed sheet keeps the official column order.
		{title: "总分", width: 70, text: assessed(func(m assess.MemberResult) string { return pts(m.Total) }),
			compare: byPoints(func(m assess.MemberResult) assess.Points { return m.Total }), descFirst: true},
		{title: "等次", width: 70, text: assessed(func(m assess.MemberResult) string { return m.Grade })},
		{title: "排名", width: 56, text: assessed(func(m assess.MemberResult) string { return fmt.Sprint(m.Rank) }),
			compare: func(a, b assess.MemberResult) int { return cmp.Compare(a.Rank, b.Rank) }, initial: true},
	}
	for i, name := range res.Columns {
		item := func(m assess.MemberResult) (assess.Points, bool) {
			if i >= len(m.Items) || !m.Items[i].Applies {
				return assess.Points{}, false
			}
			return m.Items[i].Final, true
		}
		cols = append(cols, &resultColumn{title: name, width: max(64, float32(len([]rune(name)))*16+24),
			text: assessed(func(m assess.MemberResult) string {
				if p, ok := item(m); ok {
					return pts(p)
				}
				return "—"
			}),
			compare: func(a, b assess.MemberResult) int { // an item that does not apply below every score
				pa, oka := item(a)
				pb, okb := item(b)
				if oka != okb {
					return map[bool]int{true: 1, false: -1}[oka]
				}
				return pa.Cmp(pb)
			}, descFirst: true})
	}
	signed := func(p assess.Points) string {
		if p.IsZero() {
			return ""
		}
		return pts(p)
	}
	return append(cols,
		&resultColumn{title: "加分", width: 56, text: assessed(func(m assess.MemberResult) string { return signed(m.Bonus) }),
			compare: byPoints(func(m assess.MemberResult) assess.Points { return m.Bonus }), descFirst: true},
		&resultColumn{title: "扣分", width: 56, text: assessed(func(m assess.MemberResult) string { return signed(m.Penalty) }),
			compare: byPoints(func(m assess.MemberResult) assess.Points { return m.Penalty }), descFirst: true},
		&resultColumn{title: "备注", width: 320, text: assess.Remarks},
	)
}

// refresh rebuilds the columns, the filtered and sorted rows and the
// summary from the screen's result.
func (t *resultTable) refresh() { t.show(false) }

// show fills the table; top starts it again at the first row (the filter
// or the sort changed).
func (t *resultTable) show(top bool) {
	s := t.s
	t.table.setColumns(resultColumns(s.res, s.decimals()))
	q := strings.TrimSpace(t.filterEntry.Text)
	t.shown = t.shown[:0]
	var excluded []assess.MemberResult
	for _, m := range s.res.Members {
		if q != "" && !newNameKey(m.Member.Name).matches(q) && !strings.Contains(m.Member.Sector, q) {
			continue
		}
		if m.Excluded != "" {
			excluded = append(excluded, m)
		} else {
			t.shown = append(t.shown, m)
		}
	}
	t.table.sort(t.shown)
	t.shown = append(t.shown, excluded...)
	t.summary.SetText(summaryText(s.res, s.rs, s.decimals()))
	if !s.computed {
		t.summary.SetText("")
	}
	t.table.Refresh()
	t.table.scroll(top, t.keepSelection())
}

// keepSelection highlights the row of the member explained, without
// explaining it again, and returns the row (-1 when not shown).
func (t *resultTable) keepSelection() int {
	row := slices.IndexFunc(t.shown, func(m assess.MemberResult) bool { return m.Member.ID == t.s.explain.member })
	t.keeping = true
	if row >= 0 {
		t.table.selectRow(row)
	} else {
		t.table.UnselectAll()
	}
	t.keeping = false
	return row
}

// summaryText is the line above the table: "参加考核 12 人（不参加 1 人）：
// 优秀 3 人，称职 8 人，不称职 1 人；平均 78.5 分".
func summaryText(res assess.Result, rs assess.RuleSet, decimals int) string {
	n, out := 0, 0
	for _, m := range res.Members {
		if m.Excluded != "" {
			out++
			continue
		}
		n++
	}
	text := fmt.Sprintf("参加考核 %d 人", n)
	if out > 0 {
		text += fmt.Sprintf("（不参加 %d 人）", out)
	}
	if grades := assess.GradeCounts(rs, res); grades != "" {
		text += "：" + grades
	}
	if mean, ok := res.MeanTotal(); ok {
		text += "；平均 " + mean.Format(decimals) + " 分"
	}
	return text
}
