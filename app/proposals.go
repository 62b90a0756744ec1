package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// proposalTab is one tab of the 提案 screen. Each tab owns its widgets and
// reloads from the store when it is shown or the term changes.
type proposalTab interface {
	tabTitle() string
	view() fyne.CanvasObject
	reload(ctx context.Context)
}

// proposalScreen is 提案: the proposals of the term being viewed, in tabs
// for the list, the 交办会, overdue proposals, handling units and the
// statistics.
type proposalScreen struct {
	u    *UI
	obj  fyne.CanvasObject
	tabs *container.AppTabs

	cfg      proposal.Config // the committee's proposal settings, reloaded with the screen
	sessions []data.Session  // sessions of the term being viewed

	list    *proposalList
	assign  *assignBoard
	overdue *overdueList
	units   *unitList
	stats   *proposalStats
	all     []proposalTab
}

func newProposalScreen(u *UI) *proposalScreen {
	ps := &proposalScreen{u: u, cfg: proposal.Default()}
	ps.list = newProposalList(ps)
	ps.assign = newAssignBoard(ps)
	ps.overdue = newOverdueList(ps)
	ps.units = newUnitList(ps)
	ps.stats = newProposalStats(ps)
	ps.all = []proposalTab{ps.list, ps.assign, ps.overdue, ps.units, ps.stats}
	var items []*container.TabItem
	for _, t := range ps.all {
		items = append(items, container.NewTabItem(t.tabTitle(), t.view()))
	}
	ps.tabs = container.NewAppTabs(items...)
	ps.tabs.OnSelected = func(*container.TabItem) { ps.reloadTab(u.ctx) }
	ps.obj = ps.tabs
	return ps
}

func (ps *proposalScreen) title() string           { return "提案" }
func (ps *proposalScreen) icon() fyne.Resource     { return theme.DocumentIcon() }
func (ps *proposalScreen) view() fyne.CanvasObject { return ps.obj }

// reload re-reads the settings and sessions, then the tab being shown.
func (ps *proposalScreen) reload(ctx context.Context) {
	u := ps.u
	cfg, err := u.store.ProposalConfig(ctx)
	if err != nil {
		showError(err, u.win)
	}
	ps.cfg = cfg
	ps.sessions = nil
	if u.term.ID != 0 {
		if ps.sessions, err = u.store.ListSessions(ctx, u.term.ID); err != nil {
			showError(err, u.win)
		}
	}
	ps.reloadTab(ctx)
}

func (ps *proposalScreen) reloadTab(ctx context.Context) {
	i := ps.tabs.SelectedIndex()
	if i >= 0 && i < len(ps.all) {
		ps.all[i].reload(ctx)
	}
}

// today is the date the screens count deadlines from.
func (ps *proposalScreen) today() string { return ps.u.store.Now().Format("2006-01-02") }

// operator is the staff member recorded as 录入人 and in the history.
// With login on it is the logged-in user.
func (u *UI) operator() string {
	if n := u.userName(); n != "" {
		return n
	}
	return u.app.Preferences().String(prefOperator)
}

const prefOperator = "operator.name"
