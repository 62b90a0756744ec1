package app

import (
	"image/color"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tableColumn is one column of a columnTable: its header, its width, what
// its cells show, and how a click on its header orders the rows. Screens
// name columns by these definitions, never by their position.
type tableColumn[T any] struct {
	title string
	width float32 // in points
	text  func(x T) string

	// seq makes the column the row numbers (序号): a row shows its number
	// where seq returns true and nothing elsewhere. A click on its header
	// returns the rows to their own order.
	seq func(x T) bool

	// A column with sortKey or compare orders the rows on a click on its
	// header: first ascending (descending with descFirst), then the other
	// way, then back to the rows' own order. sortKey is read once a row
	// and compared as text (a pinyin key, a date); compare is for orders
	// text cannot tell (numbers, states). Equal rows keep their own order.
	sortKey   func(x T) string
	compare   func(a, b T) int
	descFirst bool // largest first, as for a total
	// initial says that the rows' own order is this column's first order
	// (案号 and 排名 ascending, dates newest first): its header shows no
	// arrow then, and its first click reverses.
	initial bool

	// importance colours the column's cells (超期 in red); nil leaves them
	// to the table's rowImportance.
	importance func(x T) widget.Importance

	// A column of controls rather than text (a check box, a drop-down):
	// create makes one, fill sets it for a row.
	create func() fyne.CanvasObject
	fill   func(row int, x T, o fyne.CanvasObject)
}

func (c *tableColumn[T]) sorts() bool { return c.sortKey != nil || c.compare != nil }

// columnTable shows records of type T as a table: one row a record, one
// column a tableColumn, a header that sorts by a click and shows an arrow
// on the sorted column, and a note over the table while it has no rows.
// The rows are the screen's: rows returns them in the order shown, and
// sort puts them in the order the header chose.
type columnTable[T any] struct {
	table   *widget.Table
	obj     fyne.CanvasObject // the table under its empty-state note: what a screen lays out
	columns []*tableColumn[T]
	rows    func() []T

	sortBy string // title of the column sorted by; "" for the rows' own order
	desc   bool

	// onSort runs after a click on a header changed the order; the screen
	// sorts and shows its rows again (keeping its selection). Without it
	// the table sorts the rows in place and starts at the first row.
	onSort func()
	// empty is what the table says while it has no rows (暂无数据 when nil).
	empty func() string
	// rowImportance colours whole rows (excluded members, stopped units).
	rowImportance func(x T) widget.Importance
	custom        bool // some column holds controls
}

func newColumnTable[T any](columns []*tableColumn[T], rows func() []T) *columnTable[T] {
	t := &columnTable[T]{rows: rows}
	t.table = widget.NewTable(
		func() (int, int) { return len(t.rows()), len(t.columns) },
		t.createCell, t.updateCell)
	t.table.ShowHeaderRow = true
	t.table.CreateHeader = func() fyne.CanvasObject { return newHeaderCell() }
	t.table.UpdateHeader = t.updateHeader
	t.setColumns(columns)
	t.obj = emptyTable(t.table, func() string {
		if t.empty != nil {
			return t.empty()
		}
		return noRows
	})
	return t
}

// setColumns replaces the columns (a rule set's items, the result classes
// configured); the order stays when its column is still there.
func (t *columnTable[T]) setColumns(columns []*tableColumn[T]) {
	t.columns = columns
	for i, c := range columns {
		t.table.SetColumnWidth(i, t.width(c))
		if c.create != nil {
			t.custom = true
		}
	}
	if t.sortBy != "" && t.column(t.sortBy) == nil {
		t.sortBy, t.desc = "", false
	}
}

// width is a column's width, made wide enough for its title, and the
// arrow when it sorts (主办 ▼ in a column of two-digit counts).
func (t *columnTable[T]) width(c *tableColumn[T]) float32 {
	title := c.title
	if c.sorts() {
		title += " ▼"
	}
	return max(c.width, fyne.MeasureText(title, theme.TextSize(), fyne.TextStyle{Bold: true}).Width+2*theme.InnerPadding())
}

// column is the column with a title, or nil.
func (t *columnTable[T]) column(title string) *tableColumn[T] {
	for _, c := range t.columns {
		if c.title == title {
			return c
		}
	}
	return nil
}

// cell is the text a row shows in the column titled so ("" when none).
func (t *columnTable[T]) cell(row int, title string) string {
	rows, c := t.rows(), t.column(title)
	if c == nil || row < 0 || row >= len(rows) {
		return ""
	}
	return c.cellText(row, rows[row])
}

func (c *tableColumn[T]) cellText(row int, x T) string {
	switch {
	case c.seq != nil:
		if c.seq(x) {
			return strconv.Itoa(row + 1)
		}
		return ""
	case c.text != nil:
		return c.text(x)
	}
	return ""
}

// header is a column's title with an arrow when the rows are sorted by it.
func (t *columnTable[T]) header(c *tableColumn[T]) string {
	if t.sortBy == "" || c.title != t.sortBy {
		return c.title
	}
	if t.desc {
		return c.title + " ▼"
	}
	return c.title + " ▲"
}

// sortable tells whether a click on the table's headers orders the rows.
func (t *columnTable[T]) sortable() bool {
	return slices.ContainsFunc(t.columns, (*tableColumn[T]).sorts)
}

// onHeader is a click on a column's header: sort by it, reverse, or go
// back to the rows' own order.
func (t *columnTable[T]) onHeader(c *tableColumn[T]) {
	switch {
	case !c.sorts():
		if c.seq == nil {
			return
		}
		t.sortBy, t.desc = "", false
	case t.sortBy != c.title:
		t.sortBy, t.desc = c.title, c.descFirst != c.initial // the initial column is in its first order already
	case t.desc == c.descFirst:
		t.desc = !t.desc
	default:
		t.sortBy, t.desc = "", false
	}
	if t.onSort != nil {
		t.onSort()
		return
	}
	t.sort(t.rows())
	t.table.Refresh()
	scrollRows(t.table, true, -1)
}

// sort puts rows in the order the header chose. Rows are first put in the
// initial column's order, so that equal rows keep it.
func (t *columnTable[T]) sort(rows []T) {
	var by *tableColumn[T]
	for _, c := range t.columns {
		if c.initial && c.sorts() {
			sortRows(rows, c, c.descFirst)
		}
		if c.title == t.sortBy {
			by = c
		}
	}
	if by != nil && !(by.initial && t.desc == by.descFirst) {
		sortRows(rows, by, t.desc)
	}
}

func sortRows[T any](rows []T, c *tableColumn[T], desc bool) {
	sign := 1
	if desc {
		sign = -1
	}
	if c.compare != nil {
		slices.SortStableFunc(rows, func(a, b T) int { return sign * c.compare(a, b) })
		return
	}
	type keyed struct {
		key string
		x   T
	}
	k := make([]keyed, len(rows))
	for i, x := range rows {
		k[i] = keyed{c.sortKey(x), x}
	}
	slices.SortStableFunc(k, func(a, b keyed) int { return sign * strings.Compare(a.key, b.key) })
	for i := range k {
		rows[i] = k[i].x
	}
}

func (t *columnTable[T]) createCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	if !t.custom {
		return l
	}
	objs := []fyne.CanvasObject{l}
	for _, c := range t.columns {
		if c.create != nil {
			objs = append(objs, c.create())
		}
	}
	return container.NewStack(objs...)
}

func (t *columnTable[T]) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	var l *widget.Label
	var custom []fyne.CanvasObject
	switch x := o.(type) {
	case *widget.Label:
		l = x
	case *fyne.Container:
		l, custom = x.Objects[0].(*widget.Label), x.Objects[1:]
		for _, c := range x.Objects {
			c.Hide()
		}
	}
	rows := t.rows()
	if id.Row < 0 || id.Row >= len(rows) || id.Col < 0 || id.Col >= len(t.columns) {
		l.SetText("")
		l.Show()
		return
	}
	c, x := t.columns[id.Col], rows[id.Row]
	if c.create != nil {
		k := 0 // the column's control among the cell's controls
		for _, d := range t.columns[:id.Col] {
			if d.create != nil {
				k++
			}
		}
		custom[k].Show()
		c.fill(id.Row, x, custom[k])
		return
	}
	l.Importance = widget.MediumImportance
	switch {
	case c.importance != nil:
		l.Importance = c.importance(x)
	case t.rowImportance != nil:
		l.Importance = t.rowImportance(x)
	}
	l.Show()
	l.SetText(c.cellText(id.Row, x))
}

func (t *columnTable[T]) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	h := o.(*headerCell)
	if id.Col < 0 || id.Col >= len(t.columns) {
		h.set("", nil)
		return
	}
	c := t.columns[id.Col]
	var tap func()
	if c.sorts() || (c.seq != nil && t.sortable()) {
		tap = func() { t.onHeader(c) }
	}
	h.set(t.header(c), tap)
}

// sticky keeps the first n columns in sight while the table scrolls
// sideways (序号 and 姓名).
func (t *columnTable[T]) sticky(n int) { t.table.StickyColumnCount = n }

// selectable makes the table a list of records: a click selects and marks
// the whole row, a double click opens it (open may be nil). selected and
// unselected (either may be nil) hear of the selection.
func (t *columnTable[T]) selectable(win fyne.Window, selected func(row int), unselected func(), open func(row int)) {
	if selected != nil {
		t.table.OnSelected = func(id widget.TableCellID) { selected(id.Row) }
	}
	if unselected != nil {
		t.table.OnUnselected = func(widget.TableCellID) { unselected() }
	}
	selectRows(t.table, func() { win.Canvas().Focus(t.table) }, open)
}

// selectRow selects a row (which hears of it) and brings it into sight.
func (t *columnTable[T]) selectRow(row int) {
	t.table.Select(widget.TableCellID{Row: row, Col: max(t.table.StickyColumnCount-1, 0)})
}

// Refresh draws the rows again.
func (t *columnTable[T]) Refresh() { t.table.Refresh() }

// UnselectAll clears the selection.
func (t *columnTable[T]) UnselectAll() { t.table.UnselectAll() }

// scroll is scrollRows for the table.
func (t *columnTable[T]) scroll(top bool, row int) { scrollRows(t.table, top, row) }

// headerCell is a column's title in bold. When the column sorts, a click
// on it sorts and the pointer and a hover colour tell that it can be
// clicked.
type headerCell struct {
	widget.BaseWidget
	label *widget.Label
	bg    *canvas.Rectangle
	onTap func() // nil: the column does not sort
}

func newHeaderCell() *headerCell {
	h := &headerCell{label: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		bg: canvas.NewRectangle(color.Transparent)}
	h.label.Truncation = fyne.TextTruncateEllipsis
	h.ExtendBaseWidget(h)
	return h
}

func (h *headerCell) set(text string, onTap func()) {
	h.onTap = onTap
	if onTap == nil {
		h.hover(false)
	}
	h.label.SetText(text)
}

func (h *headerCell) hover(on bool) { tint(h.bg, on && h.onTap != nil, theme.ColorNameHover) }

func (h *headerCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(h.bg, h.label))
}

// Tapped sorts by the column.
func (h *headerCell) Tapped(*fyne.PointEvent) {
	if h.onTap != nil {
		h.onTap()
	}
}

// Cursor is a pointing hand over a header that sorts.
func (h *headerCell) Cursor() desktop.Cursor {
	if h.onTap != nil {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// MouseIn, MouseMoved and MouseOut colour a header that sorts while the
// pointer is over it.
func (h *headerCell) MouseIn(*desktop.MouseEvent)    { h.hover(true) }
func (h *headerCell) MouseMoved(*desktop.MouseEvent) {}
func (h *headerCell) MouseOut()                      { h.hover(false) }
