package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// proposalList is the 提案列表 tab of the 提案 screen (being built).
type proposalList struct {
	ps  *proposalScreen
	obj fyne.CanvasObject
}

func newProposalList(ps *proposalScreen) *proposalList {
	return &proposalList{ps: ps, obj: widget.NewLabel("提案列表")}
}

func (t *proposalList) tabTitle() string           { return "提案列表" }
func (t *proposalList) view() fyne.CanvasObject    { return t.obj }
func (t *proposalList) reload(ctx context.Context) {}
