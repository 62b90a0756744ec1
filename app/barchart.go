package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data/proposalstats"
)

// barChart draws a table of counts as horizontal bars: label, bar scaled to
// the largest count, then "N 件 · share". Vector shapes from Fyne's canvas,
// so it is sharp at any scale and follows the theme; no chart library is
// needed for bars.
func barChart(title string, t proposalstats.Table, suffix string) fyne.CanvasObject {
	max := 0
	for _, r := range t.Rows {
		if r.N > max {
			max = r.N
		}
	}
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	rows := container.NewVBox(head)
	if len(t.Rows) == 0 || max == 0 {
		rows.Add(widget.NewLabel("（暂无数据）"))
		return rows
	}
	labels := container.New(layout.NewFormLayout())
	for _, r := range t.Rows {
		label := widget.NewLabel(r.Label + suffix)
		label.Alignment = fyne.TextAlignTrailing
		labels.Add(label)
		labels.Add(newBar(float32(r.N)/float32(max), fmt.Sprintf("%d 件 · %s", r.N, r.Share)))
	}
	rows.Add(labels)
	if note := t.SumNote(); note != "" {
		n := widget.NewLabel(note)
		n.TextStyle.Italic = true
		rows.Add(n)
	}
	return rows
}

// newBar is one bar: a filled rectangle taking frac of barWidth and its
// figure after it.
func newBar(frac float32, text string) fyne.CanvasObject {
	const barWidth = 260
	rect := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	rect.CornerRadius = 2
	w := barWidth * frac
	if w < 2 {
		w = 2
	}
	rect.SetMinSize(fyne.NewSize(w, 18))
	bar := container.NewGridWrap(fyne.NewSize(barWidth, 18), container.NewHBox(rect))
	return container.NewHBox(container.NewCenter(bar), widget.NewLabel(text))
}
