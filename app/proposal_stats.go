package app

import (
	"context"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/proposalstats"
)

// chartWidth is the width of a bar chart on the 统计 tab.
const chartWidth = 520

// wholeTerm is the scope choice for a whole 届.
const wholeTerm = "本届全部"

// proposalStats is the 统计 tab: the figures of a 提案工作情况报告 for one
// session or the whole term, as a paragraph to copy into the report, as
// figures, and as bar charts.
type proposalStats struct {
	ps  *proposalScreen
	obj fyne.CanvasObject

	scope   *widget.Select
	summary *widget.Entry // read-only-ish text staff copy into their report
	figures *widget.Label
	charts  *fyne.Container

	report proposalstats.Report
}

func newProposalStats(ps *proposalScreen) *proposalStats {
	t := &proposalStats{ps: ps}
	t.scope = widget.NewSelect(nil, func(string) { t.reload(ps.u.ctx) })
	t.summary = widget.NewMultiLineEntry()
	t.summary.Wrapping = fyne.TextWrapWord
	t.summary.SetMinRowsVisible(5)
	t.figures = widget.NewLabel("")
	t.charts = wrapRow()
	top := container.NewVBox(
		container.NewHBox(widget.NewLabel("统计范围"), t.scope),
		widget.NewLabel("报告用语（可复制到提案工作情况报告中）："), t.summary)
	body := container.NewVBox(t.figures, t.charts)
	t.obj = container.NewBorder(top, nil, nil, nil, container.NewVScroll(body))
	return t
}

func (t *proposalStats) tabTitle() string        { return "统计" }
func (t *proposalStats) view() fyne.CanvasObject { return t.obj }

// scopeOptions lists the sessions newest first, then the whole term.
func (t *proposalStats) scopeOptions() []string {
	var opts []string
	for i := len(t.ps.sessions) - 1; i >= 0; i-- {
		opts = append(opts, t.ps.sessions[i].SessionName())
	}
	return append(opts, wholeTerm)
}

// filter is the ProposalFilter for the chosen scope, and the words the
// summary starts with.
func (t *proposalStats) filter() (data.ProposalFilter, string) {
	f := data.ProposalFilter{TermID: t.ps.u.term.ID}
	for _, s := range t.ps.sessions {
		if s.SessionName() == t.scope.Selected {
			f.SessionID = s.ID
			return f, s.SessionName() + "以来"
		}
	}
	return f, "本届以来"
}

func (t *proposalStats) reload(ctx context.Context) {
	u := t.ps.u
	opts := t.scopeOptions()
	if !slices.Equal(t.scope.Options, opts) {
		t.scope.Options = opts
		t.scope.SetSelectedIndex(0) // calls reload again with the new scope
		return
	}
	f, scope := t.filter()
	r, err := u.store.ProposalStats(ctx, f, t.ps.today())
	if err != nil {
		showError(err, u.win)
		return
	}
	t.report = r
	t.summary.SetText(r.Summary(scope))
	t.figures.SetText(figureText(r))
	// Two charts side by side on a wide window, one under the other on a
	// narrow one; each as tall as its bars and note need.
	t.charts.Objects = nil
	for _, c := range []fyne.CanvasObject{
		barChart("立案提案类别", r.Categories, ""),
		barChart("办理结果", r.Classes, "类"),
		barChart("提案者性质", r.ProposerTypes, ""),
		barChart("审查结果", r.Outcomes, ""),
	} {
		t.charts.Add(fixedWidth(c, max(chartWidth, c.MinSize().Width)))
	}
	t.charts.Refresh()
}

// figureText lists the main figures, one group a line.
func figureText(r proposalstats.Report) string {
	return fmt.Sprintf("收到 %d 件　立案 %d 件（立案率 %s）　并案 %d 件　撤案 %d 件　不予立案 %d 件　待审查 %d 件\n"+
		"交办 %d 件　承办单位 %d 个（主办 %d 个）　已答复 %d 件（办复率 %s）　办结 %d 件（办结率 %s）　超期 %d 件\n"+
		"评价 %d 份：满意 %d、基本满意 %d、不满意 %d（满意率 %s）　委员参与 %d / %d 人（参与率 %s）　重点 %d 件　优秀 %d 件",
		r.Received, r.Filed, r.FiledRate, r.Merged, r.Withdrawn, r.Rejected, r.Pending,
		r.Assigned, r.Units, r.LeadUnits, r.Answered, r.AnswerRate, r.Closed, r.CloseRate, r.Overdue,
		r.Evaluations, r.Satisfied, r.Basic, r.Unsatisfied, r.SatisfactionRate,
		r.Participants, r.Members, r.ParticipationRate, r.Key, r.Excellent)
}
