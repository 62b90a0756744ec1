package app

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// drawn are the objects of type T drawn inside o: what a user sees (a
// table draws only the cells in sight). It does not look inside them.
func drawn[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if x, ok := o.(T); ok {
			out = append(out, x)
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// headerCells are the header cells a table draws.
func headerCells(o fyne.CanvasObject) []*headerCell { return drawn[*headerCell](o) }

// headerTexts are the titles a table's header shows, arrows included.
func headerTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, h := range headerCells(o) {
		if h.label.Text != "" {
			out = append(out, h.label.Text)
		}
	}
	return out
}

// tapHeader clicks the drawn header of the column titled so.
func tapHeader(t *testing.T, o fyne.CanvasObject, title string) {
	t.Helper()
	for _, h := range headerCells(o) {
		if strings.TrimSuffix(strings.TrimSuffix(h.label.Text, " ▲"), " ▼") == title {
			test.Tap(h)
			return
		}
	}
	t.Fatalf("no header %q drawn among %q", title, headerTexts(o))
}

// drawnLabels are the cell labels a table draws, by their text.
func drawnLabels(tb *widget.Table) map[string]*widget.Label {
	header := map[*widget.Label]bool{}
	for _, h := range headerCells(tb) {
		header[h.label] = true
	}
	out := map[string]*widget.Label{}
	for _, l := range drawn[*widget.Label](tb) {
		if !header[l] {
			out[l.Text] = l
		}
	}
	return out
}

type city struct {
	name   string
	people int
}

// cityTable is a table of four cities in a window, listed in the order
// given; 城市 sorts by name, 人口 by number (largest first), 序号 numbers.
func cityTable(t *testing.T) (*columnTable[city], *[]city) {
	test.NewTempApp(t)
	rows := []city{{"乙", 20}, {"甲", 30}, {"丁", 20}, {"丙", 10}}
	tb := newColumnTable([]*tableColumn[city]{
		{title: "序号", width: 50, seq: func(city) bool { return true }},
		{title: "城市", width: 80, text: func(c city) string { return c.name }, sortKey: func(c city) string { return c.name }},
		{title: "人口", width: 80, text: func(c city) string { return strings.Repeat("人", c.people/10) },
			compare: func(a, b city) int { return cmp.Compare(a.people, b.people) }, descFirst: true},
		{title: "备注", width: 80, text: func(city) string { return "" }},
	}, func() []city { return rows })
	w := test.NewWindow(tb.obj)
	w.Resize(fyne.NewSize(500, 300))
	t.Cleanup(w.Close)
	return tb, &rows
}

func names(rows []city) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(r.name)
	}
	return b.String()
}

func TestColumnTableSortsByAClickAndReversesOnTheSecond(t *testing.T) {
	tb, rows := cityTable(t)
	if h := headerTexts(tb.table); !slices.Equal(h, []string{"序号", "城市", "人口", "备注"}) {
		t.Fatalf("headers before sorting %q", h)
	}
	tapHeader(t, tb.table, "城市")
	if got := names(*rows); got != "丁丙乙甲" { // 丁 U+4E01 < 丙 U+4E19 < 乙 U+4E59 < 甲 U+7532
		t.Errorf("after one click %s", got)
	}
	if h := headerTexts(tb.table); !slices.Contains(h, "城市 ▲") || slices.Contains(h, "人口 ▲") {
		t.Errorf("headers after one click %q", h)
	}
	tapHeader(t, tb.table, "城市")
	if got := names(*rows); got != "甲乙丙丁" {
		t.Errorf("after two clicks %s", got)
	}
	if h := headerTexts(tb.table); !slices.Contains(h, "城市 ▼") {
		t.Errorf("headers after two clicks %q", h)
	}
	if tb.cell(0, "序号") != "1" || tb.cell(0, "城市") != "甲" {
		t.Errorf("first row %s %s: 序号 numbers the rows as shown", tb.cell(0, "序号"), tb.cell(0, "城市"))
	}
	if l := drawnLabels(tb.table)["甲"]; l == nil {
		t.Error("the sorted rows are not drawn")
	}
}

func TestColumnTableThirdClickAndSeqReturnToTheRowsOwnOrder(t *testing.T) {
	tb, rows := cityTable(t)
	tapHeader(t, tb.table, "人口")
	if got := names(*rows); got != "甲乙丁丙" { // largest first; 乙 and 丁 keep their order
		t.Errorf("人口 first click %s", got)
	}
	tapHeader(t, tb.table, "人口")
	if got := names(*rows); got != "丙乙丁甲" {
		t.Errorf("人口 second click %s", got)
	}
	if h := headerTexts(tb.table); !slices.Contains(h, "人口 ▲") {
		t.Errorf("headers %q", h)
	}
	tapHeader(t, tb.table, "人口")
	if h := headerTexts(tb.table); slices.ContainsFunc(h, func(s string) bool { return strings.ContainsAny(s, "▲▼") }) {
		t.Errorf("an arrow after the third click: %q", h)
	}
	tapHeader(t, tb.table, "城市")
	tapHeader(t, tb.table, "序号")
	if h := headerTexts(tb.table); slices.ContainsFunc(h, func(s string) bool { return strings.ContainsAny(s, "▲▼") }) {
		t.Errorf("an arrow after 序号: %q", h)
	}
	tapHeader(t, tb.table, "备注") // does not sort
	if h := headerTexts(tb.table); !slices.Contains(h, "备注") {
		t.Errorf("备注 clicked: %q", h)
	}
}

func TestColumnTableInitialColumnShowsNoArrowUntilReversed(t *testing.T) {
	test.NewTempApp(t)
	rows := []city{{"丙", 1}, {"甲", 3}, {"乙", 2}}
	shown := slices.Clone(rows)
	tb := newColumnTable([]*tableColumn[city]{
		{title: "排名", width: 50, text: func(c city) string { return strings.Repeat("I", c.people) },
			compare: func(a, b city) int { return cmp.Compare(a.people, b.people) }, initial: true},
		{title: "城市", width: 80, text: func(c city) string { return c.name }, sortKey: func(c city) string { return c.name }},
	}, func() []city { return shown })
	tb.onSort = func() { // as screens do: the loaded rows again, sorted
		shown = slices.Clone(rows)
		tb.sort(shown)
		tb.Refresh()
	}
	tb.onSort()
	w := test.NewWindow(tb.obj)
	w.Resize(fyne.NewSize(300, 300))
	defer w.Close()
	if got, h := names(shown), headerTexts(tb.table); got != "丙乙甲" || !slices.Equal(h, []string{"排名", "城市"}) {
		t.Errorf("at first %s, headers %q", got, h)
	}
	tapHeader(t, tb.table, "排名")
	if got, h := names(shown), headerTexts(tb.table); got != "甲乙丙" || !slices.Contains(h, "排名 ▼") {
		t.Errorf("排名 once: %s, headers %q", got, h)
	}
	tapHeader(t, tb.table, "排名")
	if got, h := names(shown), headerTexts(tb.table); got != "丙乙甲" || !slices.Contains(h, "排名") {
		t.Errorf("排名 twice: %s, headers %q", got, h)
	}
	tapHeader(t, tb.table, "城市")
	tapHeader(t, tb.table, "城市")
	tapHeader(t, tb.table, "城市")
	if got := names(shown); got != "丙乙甲" {
		t.Errorf("城市 three times: %s, want 排名 order again", got)
	}
}

func TestColumnTableSaysSoWhenEmpty(t *testing.T) {
	test.NewTempApp(t)
	var rows []city
	tb := newColumnTable([]*tableColumn[city]{{title: "城市", width: 80, text: func(c city) string { return c.name }}},
		func() []city { return rows })
	tb.empty = func() string { return "还没有城市。" }
	w := test.NewWindow(tb.obj)
	w.Resize(fyne.NewSize(300, 300))
	defer w.Close()
	tb.Refresh()
	if texts := shownTexts(tb.obj); !slices.Contains(texts, "还没有城市。") {
		t.Errorf("an empty table shows %q", texts)
	}
	rows = append(rows, city{"甲", 1})
	tb.Refresh()
	if texts := shownTexts(tb.obj); slices.Contains(texts, "还没有城市。") || !slices.Contains(texts, "甲") {
		t.Errorf("a table with a row shows %q", texts)
	}
}

// A column's colour and text go with its definition wherever it stands:
// a column added in front moves it, and the colour moves along.
func TestColumnTableColoursFollowTheColumn(t *testing.T) {
	tb, _ := cityTable(t)
	name := tb.column("城市")
	name.importance = func(c city) widget.Importance {
		if c.people >= 30 {
			return widget.DangerImportance
		}
		return widget.MediumImportance
	}
	tb.Refresh()
	if l := drawnLabels(tb.table)["甲"]; l == nil || l.Importance != widget.DangerImportance {
		t.Fatalf("甲 is drawn %v", l)
	}
	extra := &tableColumn[city]{title: "省", width: 60, text: func(city) string { return "冀" }}
	tb.setColumns(append([]*tableColumn[city]{extra}, tb.columns...))
	tb.Refresh()
	labels := drawnLabels(tb.table)
	if l := labels["甲"]; l == nil || l.Importance != widget.DangerImportance {
		t.Errorf("after a column was added in front, 甲 is drawn %v", l)
	}
	if l := labels["人人人"]; l == nil || l.Importance != widget.MediumImportance {
		t.Errorf("甲's 人口 is drawn %v", l)
	}
	if tb.cell(1, "城市") != "甲" || tb.cell(1, "人口") != "人人人" {
		t.Errorf("cells by title: %q %q", tb.cell(1, "城市"), tb.cell(1, "人口"))
	}
}

// A narrow column that sorts is wide enough to show its title with the
// arrow: the arrow is the only sign of the order.
func TestColumnTableNarrowSortedColumnShowsItsArrow(t *testing.T) {
	test.NewTempApp(t)
	rows := []city{{"甲", 2}, {"乙", 1}}
	narrow := &tableColumn[city]{title: "主办", width: 30, text: func(c city) string { return strings.Repeat("人", c.people) },
		compare: func(a, b city) int { return cmp.Compare(a.people, b.people) }}
	tick := &tableColumn[city]{title: "", width: 30, text: func(city) string { return "" }}
	tb := newColumnTable([]*tableColumn[city]{tick, narrow}, func() []city { return rows })
	w := test.NewWindow(tb.obj)
	w.Resize(fyne.NewSize(300, 300))
	defer w.Close()
	if h := headerTexts(tb.table); !slices.Equal(h, []string{"主办"}) { // an untitled column gets no arrow either
		t.Fatalf("headers before sorting %q", h)
	}
	tapHeader(t, tb.table, "主办")
	h := headerCells(tb.table)
	if len(h) != 2 || h[1].label.Text != "主办 ▲" || h[0].label.Text != "" {
		t.Fatalf("headers %q", headerTexts(tb.table))
	}
	text := fyne.MeasureText("主办 ▲", theme.TextSize(), fyne.TextStyle{Bold: true}).Width
	if need, got := text+2*theme.InnerPadding(), h[1].Size().Width; got < need {
		t.Errorf("the header is %.0f wide, its title with the arrow needs %.0f", got, need)
	}
}

// Rows whose own order is newest first: the first click on the date puts
// the oldest first (▲), the second returns to newest first without arrow.
func TestColumnTableInitialColumnNewestFirst(t *testing.T) {
	test.NewTempApp(t)
	rows := []city{{"乙", 2}, {"丙", 1}, {"甲", 3}}
	tb := newColumnTable([]*tableColumn[city]{
		{title: "日期", width: 80, text: func(c city) string { return strings.Repeat("日", c.people) },
			compare: func(a, b city) int { return cmp.Compare(a.people, b.people) }, descFirst: true, initial: true},
	}, func() []city { return rows })
	tb.sort(rows)
	w := test.NewWindow(tb.obj)
	w.Resize(fyne.NewSize(300, 300))
	defer w.Close()
	if got, h := names(rows), headerTexts(tb.table); got != "甲乙丙" || !slices.Equal(h, []string{"日期"}) {
		t.Errorf("own order %s, headers %q", got, h)
	}
	tapHeader(t, tb.table, "日期")
	if got, h := names(rows), headerTexts(tb.table); got != "丙乙甲" || !slices.Equal(h, []string{"日期 ▲"}) {
		t.Errorf("one click %s, headers %q", got, h)
	}
	tapHeader(t, tb.table, "日期")
	if got, h := names(rows), headerTexts(tb.table); got != "甲乙丙" || !slices.Equal(h, []string{"日期"}) {
		t.Errorf("two clicks %s, headers %q", got, h)
	}
}
