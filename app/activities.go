package app

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"zhengxie/data"
)

// Event types the forms treat specially: a 小组讨论 belongs to a 全体会议.
const (
	eventPlenary    = "全体会议"
	eventGroupTalk  = "小组讨论"
	organizerOffice = "办公室"
	allYears        = "全部年度"
	allTypes        = "全部类型"
)

// activityTab is one tab of the 履职活动 screen.
type activityTab interface {
	tabTitle() string
	view() fyne.CanvasObject
	reload(ctx context.Context)
}

// activityScreen is 履职活动: the term's meetings and activities with
// attendance, 大会发言, awards and sanctions, and the county's own records,
// each in a tab with its list and form, and a recycle bin.
type activityScreen struct {
	u    *UI
	obj  fyne.CanvasObject
	tabs *container.AppTabs

	cfg        data.ActivityConfig // the county's lists, reloaded with the screen
	members    []data.Member       // the term's roster, for the member pickers
	sectors    []string            // the term's 界别
	committees []string            // 专委会
	groups     []string            // 活动组

	events   *activityList
	speeches *activityList
	awards   *activityList
	records  *activityList
	bin      *recycleBin[data.ActivitySummary]
	all      []activityTab

	// the forms last opened, for tests
	eventForm  *eventForm
	speechForm *speechForm
	awardForm  *awardForm
	recordForm *recordForm
}

func newActivityScreen(u *UI) *activityScreen {
	s := &activityScreen{u: u, cfg: data.DefaultActivityConfig()}
	s.events = newActivityList(s, eventSpec(s))
	s.speeches = newActivityList(s, speechSpec(s))
	s.awards = newActivityList(s, awardSpec(s))
	s.records = newActivityList(s, recordSpec(s))
	s.bin = newActivityBin(s)
	s.all = []activityTab{s.events, s.speeches, s.awards, s.records, s.bin}
	var items []*container.TabItem
	for _, t := range s.all {
		items = append(items, container.NewTabItem(t.tabTitle(), t.view()))
	}
	s.tabs = container.NewAppTabs(items...)
	s.tabs.OnSelected = func(*container.TabItem) { s.reloadTab(u.ctx) }
	s.obj = s.tabs
	return s
}

func (s *activityScreen) title() string           { return "履职活动" }
func (s *activityScreen) icon() fyne.Resource     { return theme.CalendarIcon() }
func (s *activityScreen) view() fyne.CanvasObject { return s.obj }

// reload re-reads the lists, the roster and the term's catalogs, then the
// tab being shown.
func (s *activityScreen) reload(ctx context.Context) {
	u := s.u
	cfg, err := u.store.ActivityConfig(ctx)
	if err != nil {
		showError(err, u.win)
	}
	s.cfg = cfg
	s.members, s.sectors, s.committees, s.groups = nil, nil, nil, nil
	if u.term.ID != 0 {
		if s.members, err = u.store.ListMembers(ctx, data.MemberFilter{TermID: u.term.ID}); err != nil {
			showError(err, u.win)
		}
		for kind, dst := range map[string]*[]string{data.KindSector: &s.sectors, data.KindCommittee: &s.committees,
			data.KindGroup: &s.groups} {
			if *dst, err = u.store.CatalogNames(ctx, u.term.ID, kind); err != nil {
				showError(err, u.win)
			}
		}
	}
	s.reloadTab(ctx)
}

func (s *activityScreen) reloadTab(ctx context.Context) {
	i := s.tabs.SelectedIndex()
	if i >= 0 && i < len(s.all) {
		s.all[i].reload(ctx)
	}
}

// today is the date new records start with.
func (s *activityScreen) today() string { return s.u.store.Now().Format("2006-01-02") }

// years are the calendar years of the term being viewed, newest first.
func (s *activityScreen) years() []string {
	t := s.u.term
	var out []string
	for y := t.EndYear; y >= t.StartYear && y > 0; y-- {
		out = append(out, strconv.Itoa(y))
	}
	return out
}

// organizers are the 主办 choices: 办公室, then the term's 专委会 and 活动组.
func (s *activityScreen) organizers() []string {
	out := []string{organizerOffice}
	out = append(out, s.committees...)
	return append(out, s.groups...)
}

// kindName is how a kind is called in lists and messages.
func kindName(kind string) string {
	switch kind {
	case data.ActEvent:
		return "会议活动"
	case data.ActSpeech:
		return "大会发言"
	case data.ActAward:
		return "表彰惩戒"
	case data.ActRecord:
		return "其他履职"
	case data.ActInfo:
		return "社情民意"
	}
	return kind
}
