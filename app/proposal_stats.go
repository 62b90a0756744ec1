package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// proposalStats is the 统计 tab of the 提案 screen (being built).
type proposalStats struct {
	ps  *proposalScreen
	obj fyne.CanvasObject
}

func newProposalStats(ps *proposalScreen) *proposalStats {
	return &proposalStats{ps: ps, obj: widget.NewLabel("统计")}
}

func (t *proposalStats) tabTitle() string           { return "统计" }
func (t *proposalStats) view() fyne.CanvasObject    { return t.obj }
func (t *proposalStats) reload(ctx context.Context) {}
