package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// noRows is what an empty list says when nothing more specific fits.
const noRows = "暂无数据"

// emptyNote is a message centred over a table or list while it has no
// rows, so that an empty list reads as "nothing here" rather than as a
// blank area. It follows the rows by itself: it watches the widget's
// Length callback, which the widget calls whenever it draws.
type emptyNote struct {
	label *widget.Label
	box   *fyne.Container // the centred label, over the widget
	text  func() string   // what to say; it may depend on the filters
	empty bool
}

func newEmptyNote(text func() string) *emptyNote {
	if text == nil {
		text = func() string { return noRows }
	}
	n := &emptyNote{label: widget.NewLabel(""), text: text, empty: true}
	n.label.Alignment = fyne.TextAlignCenter
	n.label.Importance = widget.LowImportance
	n.label.Wrapping = fyne.TextWrapWord
	n.label.SetText(text())
	n.box = container.NewCenter(n.label)
	return n
}

// sync shows the note when there are no rows, with the text for now.
func (n *emptyNote) sync(rows int) {
	empty := rows == 0
	if empty && n.label.Text != n.text() {
		n.label.SetText(n.text())
		n.box.Refresh()
	}
	if empty != n.empty {
		n.empty = empty
		showIf(n.box, empty)
	}
}

// emptyTable lays t over the note; text may be nil (暂无数据). Call it after
// t's Length is set.
func emptyTable(t *widget.Table, text func() string) fyne.CanvasObject {
	n := newEmptyNote(text)
	length := t.Length
	t.Length = func() (int, int) {
		rows, cols := length()
		n.sync(rows)
		return rows, cols
	}
	n.sync(rowsOf(length))
	return container.NewStack(t, n.box)
}

// emptyList is emptyTable for a widget.List.
func emptyList(l *widget.List, text func() string) fyne.CanvasObject {
	n := newEmptyNote(text)
	length := l.Length
	l.Length = func() int {
		rows := length()
		n.sync(rows)
		return rows
	}
	n.sync(length())
	return container.NewStack(l, n.box)
}

func rowsOf(length func() (int, int)) int {
	rows, _ := length()
	return rows
}

// hiddenNote tells that a record just saved is left out of the list by
// the filters, with a button that clears them: a clerk who adds someone
// and does not see him would otherwise think the save failed.
type hiddenNote struct {
	obj      *fyne.Container
	label    *widget.Label
	clearBtn *widget.Button
	onClear  func() // after the filters were cleared: selects the record
}

func newHiddenNote(clearFilters func()) *hiddenNote {
	n := &hiddenNote{label: widget.NewLabel("")}
	n.label.Importance = widget.WarningImportance
	n.clearBtn = widget.NewButtonWithIcon("清除筛选", theme.ContentClearIcon(), func() {
		n.hide()
		clearFilters()
		if n.onClear != nil {
			n.onClear()
		}
	})
	n.obj = container.NewHBox(n.label, n.clearBtn)
	n.obj.Hide()
	return n
}

// show says that what (“张三”) was saved and is not shown.
func (n *hiddenNote) show(what string) {
	n.label.SetText("已保存" + what + "；当前筛选下不显示。")
	n.obj.Show()
}

func (n *hiddenNote) hide() { n.obj.Hide() }
