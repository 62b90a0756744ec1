package app

import "fyne.io/fyne/v2/widget"

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
