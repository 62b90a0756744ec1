package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// unitList is the 承办单位 tab of the 提案 screen (being built).
type unitList struct {
	ps  *proposalScreen
	obj fyne.CanvasObject
}

func newUnitList(ps *proposalScreen) *unitList {
	return &unitList{ps: ps, obj: widget.NewLabel("承办单位")}
}

func (t *unitList) tabTitle() string           { return "承办单位" }
func (t *unitList) view() fyne.CanvasObject    { return t.obj }
func (t *unitList) reload(ctx context.Context) {}
