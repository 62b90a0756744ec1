package app

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// scrollRows shows the right part of a table whose rows changed. After a
// new filter, search or sort (top) the view starts again at the first row:
// fyne keeps the old scroll offset, which hides the first rows of a shorter
// list ("共 7 人" with only the 7th in sight). Then the selected row
// (row >= 0) is brought into view, moving as little as possible.
func scrollRows(t *widget.Table, top bool, row int) {
	if top {
		t.ScrollToTop()
	}
	if row >= 0 {
		t.ScrollTo(widget.TableCellID{Row: row, Col: 0})
	}
}

// doubleClick is the longest pause between the two clicks of a double click.
const doubleClick = 500 * time.Millisecond // as on Windows

// rowTable makes a widget.Table behave like a list of records: fyne marks
// only the tapped cell, so every cell of the selected row gets the
// selection colour as well; and a double click on a row opens it (open,
// when set), as in the file lists clerks know.
type rowTable struct {
	t      *widget.Table
	open   func(row int) // on a double click; nil for none
	focus  func()        // focuses the table, as fyne's own tap does
	sel    *widget.TableCellID
	last   widget.TableCellID // the row pressed last, and when
	lastAt time.Time
}

// selectRows wraps t's cell, select and unselect callbacks; call it once
// they are set. Cells are drawn by the table's own CreateCell/UpdateCell,
// which receive the content object as before.
func selectRows(t *widget.Table, focus func(), open func(row int)) *rowTable {
	r := &rowTable{t: t, open: open, focus: focus, last: widget.TableCellID{Row: -1}}
	create, update := t.CreateCell, t.UpdateCell
	t.CreateCell = func() fyne.CanvasObject { return newRowCell(r, create()) }
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		c := o.(*rowCell)
		c.id = id
		c.mark(r.sel != nil && r.sel.Row == id.Row && r.sel.Col != id.Col) // fyne marks the selected cell itself
		update(id, c.content)
	}
	selected, unselected := t.OnSelected, t.OnUnselected
	t.OnSelected = func(id widget.TableCellID) {
		r.sel = &id
		t.Refresh()
		if selected != nil {
			selected(id)
		}
	}
	t.OnUnselected = func(id widget.TableCellID) {
		r.sel = nil
		t.Refresh()
		if unselected != nil {
			unselected(id)
		}
	}
	return r
}

// press is a primary mouse button going down on a cell: it selects the
// row at once, and opens it when it is the second press on the row within
// a double click's time. The time counts from the end of the first press's
// work, so that a slow first press (a long detail to show) cannot turn a
// double click into two single ones.
func (r *rowTable) press(id widget.TableCellID, at time.Time) {
	double := r.last.Row == id.Row && at.Sub(r.lastAt) <= doubleClick
	if r.focus != nil {
		r.focus()
	}
	r.t.Select(id)
	r.last, r.lastAt = id, time.Now()
	if double && r.open != nil {
		r.lastAt = time.Time{} // a third click starts again
		r.open(id.Row)
	}
}

// rowCell is one cell: the selection colour behind the content. It takes
// the mouse presses itself, since fyne's table tells no double click.
type rowCell struct {
	widget.BaseWidget
	r       *rowTable
	id      widget.TableCellID
	bg      *canvas.Rectangle
	content fyne.CanvasObject
}

func newRowCell(r *rowTable, content fyne.CanvasObject) *rowCell {
	c := &rowCell{r: r, content: content, bg: canvas.NewRectangle(color.Transparent)}
	c.ExtendBaseWidget(c)
	return c
}

func (c *rowCell) mark(on bool) { tint(c.bg, on, theme.ColorNameSelection) }

// tint gives a cell's background the theme's colour when on, else none.
func tint(bg *canvas.Rectangle, on bool, name fyne.ThemeColorName) {
	fill := color.Color(color.Transparent)
	if on {
		fill = theme.Color(name)
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
}

func (c *rowCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, c.content))
}

// MouseDown selects (and on a double click opens) the cell's row.
func (c *rowCell) MouseDown(e *desktop.MouseEvent) {
	if e.Button == desktop.MouseButtonPrimary {
		c.r.press(c.id, time.Now())
	}
}

// MouseUp is part of desktop.Mouseable; the press did the work.
func (c *rowCell) MouseUp(*desktop.MouseEvent) {}
