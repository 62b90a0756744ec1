package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// wrapRow lays its objects out left to right at their minimum size and
// starts a new line when the next one does not fit, like words in a
// paragraph: a toolbar or filter row that is one line on a wide window and
// two on a 1024-pixel one. Each line is as tall as its tallest object.
//
// Unlike Fyne's RowWrapLayout it never asks for more width than its widest
// object, so a window that was wide can be made narrow again; its height is
// that of the lines of the last layout (Fyne lays the parent out again when
// it changes).
func wrapRow(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(&wrapLayout{}, objs...)
}

type wrapLayout struct {
	height float32 // of the last layout; 0 before the first
}

func (l *wrapLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		if o.Visible() {
			m := o.MinSize()
			w, h = max(w, m.Width), max(h, m.Height)
		}
	}
	if l.height > 0 {
		h = l.height
	}
	return fyne.NewSize(w, h)
}

func (l *wrapLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	var x, y, line, widest float32
	first := true
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		widest = max(widest, m.Width)
		if !first && x+m.Width > size.Width {
			x, y, line = 0, y+line+pad, 0
		}
		o.Move(fyne.NewPos(x, y))
		o.Resize(m)
		x += m.Width + pad
		line = max(line, m.Height)
		first = false
	}
	if size.Width >= widest { // narrower is a hidden tab's first layout, not a real one
		l.height = y + line
	}
}

// fixedWidth gives o a width of its own, at its minimum height: a filter
// field in a wrapRow.
func fixedWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
}
