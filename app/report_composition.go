package app

import (
	"context"
	"fmt"
	"zhengxie/data/composition"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// compositionView shows the 委员构成统计 of the term being viewed: the
// summary sentence and one small table per breakdown (the figures the
// printable sheet holds).
type compositionView struct {
	u       *UI
	obj     fyne.CanvasObject
	summary *widget.Label
	tables  *fyne.Container
}

func newCompositionView(u *UI) *compositionView {
	c := &compositionView{u: u}
	c.summary = widget.NewLabel("")
	c.summary.Wrapping = fyne.TextWrapWord
	c.tables = container.NewGridWrap(fyne.NewSize(340, 300))
	c.obj = container.NewVBox(c.summary, c.tables)
	return c
}

func (c *compositionView) reload(ctx context.Context) {
	u := c.u
	c.tables.RemoveAll()
	st, err := composition.ForTerm(ctx, u.store, u.term)
	if err != nil {
		showError(err, u.win)
		return
	}
	c.summary.SetText(composition.Summary(st))
	for _, t := range st.Tables {
		rows := t.Rows
		tbl := previewTable([]string{"类别", "人数", "占比"}, []float32{150, 60, 70}, len(rows), func(i, col int) string {
			switch col {
			case 0:
				return rows[i].Label
			case 1:
				return fmt.Sprint(rows[i].N)
			}
			return fmt.Sprintf("%.1f%%", rows[i].Share*100)
		})
		c.tables.Add(widget.NewCard("", t.Title, tbl))
	}
}
