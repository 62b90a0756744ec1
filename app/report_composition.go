package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data/composition"
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
		tbl := readOnlyTable([]*tableColumn[composition.Count]{
			{title: "类别", width: 150, text: func(r composition.Count) string { return r.Label }},
			{title: "人数", width: 60, text: func(r composition.Count) string { return fmt.Sprint(r.N) }},
			{title: "占比", width: 70, text: func(r composition.Count) string { return fmt.Sprintf("%.1f%%", r.Share*100) }},
		}, t.Rows)
		c.tables.Add(widget.NewCard("", t.Title, tbl.table))
	}
}
