package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// pickList is a short list whose rows are all shown, one button a row, the
// selected one highlighted: the rules of one 考核项目. Unlike widget.List it
// has no scroll area of its own, so the mouse wheel over it scrolls the form
// it sits in (a scroll area inside a scroll area keeps the wheel).
type pickList struct {
	box        *fyne.Container
	length     func() int
	label      func(int) string
	selected   int
	OnSelected func(int)
}

func newPickList(length func() int, label func(int) string) *pickList {
	l := &pickList{box: container.NewVBox(), length: length, label: label, selected: -1}
	l.Refresh()
	return l
}

// Refresh rebuilds the rows after rows were added, removed or moved.
func (l *pickList) Refresh() {
	n := l.length()
	rows := make([]fyne.CanvasObject, n)
	for i := range n {
		b := widget.NewButton(l.label(i), func() { l.Select(i) })
		b.Alignment = widget.ButtonAlignLeading
		rows[i] = b
	}
	l.box.Objects = rows
	l.mark()
}

// RefreshItem shows row i's label again after it changed.
func (l *pickList) RefreshItem(i int) {
	if i >= 0 && i < len(l.box.Objects) {
		l.box.Objects[i].(*widget.Button).SetText(l.label(i))
	}
}

// Select highlights row i and calls OnSelected when it was not selected.
func (l *pickList) Select(i int) {
	if i < 0 || i >= len(l.box.Objects) || i == l.selected {
		return
	}
	l.selected = i
	l.mark()
	if l.OnSelected != nil {
		l.OnSelected(i)
	}
}

// UnselectAll clears the highlight.
func (l *pickList) UnselectAll() {
	l.selected = -1
	l.mark()
}

func (l *pickList) mark() {
	for i, o := range l.box.Objects {
		b := o.(*widget.Button)
		b.Importance = widget.LowImportance
		if i == l.selected {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
	l.box.Refresh()
}
