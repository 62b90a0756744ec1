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
type resultColumn struct {
	title string
	width float32
	value func(seq int, m assess.MemberResult) string
}

// Columns a click on the header sorts by.
const (
	sortByRank  = "排名"
	sortByTotal = "总分"
	sortByName  = "姓名"
)

// resultTable is the 考核结果 tab: one row per member with the points of
// every item, the total, the grade and the rank; excluded members last and
// greyed. A click on a row explains it on the right.
type resultTable struct {
	s   *assessmentScreen
	obj fyne.CanvasObject

	filterEntry *widget.Entry
	summary     *widget.Label
	table       *widget.Table

	columns  []resultColumn
	shown    []assess.MemberResult // filtered and sorted; excluded last
	sortCol  string
	sortDesc bool
	keeping  bool // keepSelection is selecting: the member is explained already
}

func newResultTable(s *assessmentScreen) *resultTable {
	t := &resultTable{s: s, sortCol: sortByRank}
	t.filterEntry = widget.NewEntry()
	t.filterEntry.SetPlaceHolder("按姓名、拼音或界别筛选")
	t.filterEntry.OnChanged = func(string) { t.show(true) }
	t.summary = widget.NewLabel("")
	t.summary.Wrapping = fyne.TextWrapWord
	t.table = t.newTable()
	top := container.NewBorder(nil, nil, widget.NewLabel("筛选"), nil, t.filterEntry)
	split := container.NewHSplit(emptyTable(t.table, func() string {
		if strings.TrimSpace(t.filterEntry.Text) != "" {
			return "没有符合筛选条件的委员。"
		}
		return noRows
	}), s.explain.obj)
	split.Offset = 0.66
	t.obj = container.NewBorder(container.NewVBox(top, t.summary), nil, nil, nil, split)
	return t
}

func (t *resultTable) newTable() *widget.Table {
	tb := widget.NewTable(
		func() (int, int) { return len(t.shown), len(t.columns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Importance = widget.MediumImportance
			if id.Row >= len(t.shown) || id.Col >= len(t.columns) {
				l.SetText("")
				return
			}
			if t.shown[id.Row].Excluded != "" {
				l.Importance = widget.LowImportance
			}
			l.SetText(t.cell(id.Row, id.Col))
		},
	)
	tb.ShowHeaderRow = true
	tb.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	tb.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col >= len(t.columns) {
			b.SetText("")
			return
		}
		title := t.columns[id.Col].title
		b.SetText(t.headerText(title))
		b.OnTapped = func() { t.sortBy(title) }
	}
	tb.StickyColumnCount = 2
	tb.OnSelected = func(id widget.TableCellID) {
		if !t.keeping && id.Row >= 0 && id.Row < len(t.shown) {
			t.s.explain.show(t.shown[id.Row].Member.ID)
		}
	}
	selectRows(tb, func() { t.s.u.win.Canvas().Focus(tb) }, nil)
	return tb
}

func (t *resultTable) headerText(title string) string {
	if title == t.sortCol && (title != sortByRank || t.sortDesc) {
		return title + map[bool]string{false: " ▲", true: " ▼"}[t.sortDesc]
	}
	return title
}

// cell is the text of one cell.
func (t *resultTable) cell(row, col int) string {
	if row < 0 || row >= len(t.shown) || col < 0 || col >= len(t.columns) {
		return ""
	}
	return t.columns[col].value(row+1, t.shown[row])
}

// resultColumns are the table's columns for a rule set's items.
func resultColumns(res assess.Result, decimals int) []resultColumn {
	assessed := func(f func(m assess.MemberResult) string) func(int, assess.MemberResult) string {
		return func(_ int, m assess.MemberResult) string {
			if m.Excluded != "" {
				return ""
			}
			return f(m)
		}
	}
	pts := func(p assess.Points) string { return p.Format(decimals) }
	cols := []resultColumn{
		{"序号", 50, func(seq int, m assess.MemberResult) string {
			if m.Excluded != "" {
				return ""
			}
			return fmt.Sprint(seq)
		}},
		{sortByName, 80, func(_ int, m assess.MemberResult) string { return m.Member.Name }},
		{"界别", 120, func(_ int, m assess.MemberResult) string { return m.Member.Sector }},
		{"常委", 50, func(_ int, m assess.MemberResult) string {
			return map[bool]string{true: "是", false: ""}[m.Member.Standing]
		}},
		// On screen the result comes before the items, so it is seen without
		// scrolling; the printed sheet keeps the official column order.
		{sortByTotal, 70, assessed(func(m assess.MemberResult) string { return pts(m.Total) })},
		{"等次", 70, assessed(func(m assess.MemberResult) string { return m.Grade })},
		{sortByRank, 56, assessed(func(m assess.MemberResult) string { return fmt.Sprint(m.Rank) })},
	}
	for i, name := range res.Columns {
		i := i
		cols = append(cols, resultColumn{name, max(64, float32(len([]rune(name)))*16+24), assessed(func(m assess.MemberResult) string {
			if i >= len(m.Items) || !m.Items[i].Applies {
				return "—"
			}
			return pts(m.Items[i].Final)
		})})
	}
	signed := func(p assess.Points) string {
		if p.IsZero() {
			return ""
		}
		return pts(p)
	}
	return append(cols,
		resultColumn{"加分", 56, assessed(func(m assess.MemberResult) string { return signed(m.Bonus) })},
		resultColumn{"扣分", 56, assessed(func(m assess.MemberResult) string { return signed(m.Penalty) })},
		resultColumn{"备注", 320, func(_ int, m assess.MemberResult) string { return assess.Remarks(m) }},
	)
}

// refresh rebuilds the columns, the filtered and sorted rows and the
// summary from the screen's result.
func (t *resultTable) refresh() { t.show(false) }

// show fills the table; top starts it again at the first row (the filter
// or the sort changed).
func (t *resultTable) show(top bool) {
	s := t.s
	t.columns = resultColumns(s.res, s.decimals())
	for i, c := range t.columns {
		t.table.SetColumnWidth(i, c.width)
	}
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
	t.sortShown()
	t.shown = append(t.shown, excluded...)
	t.summary.SetText(summaryText(s.res, s.rs, s.decimals()))
	if !s.computed {
		t.summary.SetText("")
	}
	t.table.Refresh()
	scrollRows(t.table, top, t.keepSelection())
}

// keepSelection highlights the row of the member explained, without
// explaining it again, and returns the row (-1 when not shown).
func (t *resultTable) keepSelection() int {
	row := slices.IndexFunc(t.shown, func(m assess.MemberResult) bool { return m.Member.ID == t.s.explain.member })
	t.keeping = true
	if row >= 0 {
		t.table.Select(widget.TableCellID{Row: row, Col: 1})
	} else {
		t.table.UnselectAll()
	}
	t.keeping = false
	return row
}

// sortBy sorts by 排名, 总分 or 姓名; a second click reverses, a third
// returns to 排名.
func (t *resultTable) sortBy(title string) {
	if title != sortByRank && title != sortByTotal && title != sortByName {
		return
	}
	switch {
	case title != t.sortCol:
		t.sortCol, t.sortDesc = title, title == sortByTotal // highest total first
	case t.sortDesc != (title == sortByTotal):
		t.sortCol, t.sortDesc = sortByRank, false
	default:
		t.sortDesc = !t.sortDesc
	}
	t.show(true)
}

func (t *resultTable) sortShown() {
	order, names := map[int64]int{}, map[int64]string{}
	for i, m := range t.s.res.Members {
		order[m.Member.ID] = i
		if t.sortCol == sortByName {
			names[m.Member.ID] = newNameKey(m.Member.Name).sortKey
		}
	}
	slices.SortStableFunc(t.shown, func(a, b assess.MemberResult) int {
		var c int
		switch t.sortCol {
		case sortByTotal:
			c = a.Total.Cmp(b.Total)
		case sortByName:
			c = strings.Compare(names[a.Member.ID], names[b.Member.ID])
		default:
			c = cmp.Compare(a.Rank, b.Rank)
		}
		if t.sortDesc {
			c = -c
		}
		if c == 0 {
			c = cmp.Compare(order[a.Member.ID], order[b.Member.ID])
		}
		return c
	})
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
