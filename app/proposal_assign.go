package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// assignBoard is the 交办 tab of the 提案 screen (being built).
type assignBoard struct {
	ps  *proposalScreen
	obj fyne.CanvasObject
}

func newAssignBoard(ps *proposalScreen) *assignBoard {
	return &assignBoard{ps: ps, obj: widget.NewLabel("交办")}
}

func (t *assignBoard) tabTitle() string           { return "交办" }
func (t *assignBoard) view() fyne.CanvasObject    { return t.obj }
func (t *assignBoard) reload(ctx context.Context) {}
