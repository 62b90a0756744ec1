package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// overdueList is the 超期督办 tab of the 提案 screen (being built).
type overdueList struct {
	ps  *proposalScreen
	obj fyne.CanvasObject
}

func newOverdueList(ps *proposalScreen) *overdueList {
	return &overdueList{ps: ps, obj: widget.NewLabel("超期督办")}
}

func (t *overdueList) tabTitle() string           { return "超期督办" }
func (t *overdueList) view() fyne.CanvasObject    { return t.obj }
func (t *overdueList) reload(ctx context.Context) {}
