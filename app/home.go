package app

import (
	"context"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/composition"
	"zhengxie/data/proposal"
	"zhengxie/data/proposalstats"
)

// homeScreen is the 首页: the term at a glance, what needs doing (待办),
// the newest session's proposals by status, quick actions and the latest
// changes in plain words.
type homeScreen struct {
	u           *UI
	obj         fyne.CanvasObject
	head        *widget.Label
	cards       *fyne.Container
	todoHead    *widget.Label
	todo        *fyne.Container // the 待办 lines
	todoButtons []*widget.Button
	chart       *fyne.Container // holds the bar chart, rebuilt on reload
	recent      *fyne.Container // one row per audit line
	dbLabel     *widget.Label
	figures     map[string]*canvas.Text // by caption, for tests
}

var homeCards = []string{"在任委员", "常委", "新委员", "女性委员", "非中共委员占比", "平均年龄"}

// homeRecentLines is how many audit lines 最近的更改 shows.
const homeRecentLines = 8

func newHomeScreen(u *UI) *homeScreen {
	h := &homeScreen{u: u, figures: map[string]*canvas.Text{}}
	h.head = heading("")
	h.cards = container.NewGridWithColumns(len(homeCards))
	for _, caption := range homeCards {
		fig := canvas.NewText("—", theme.Color(theme.ColorNamePrimary))
		fig.TextSize = 26
		fig.TextStyle.Bold = true
		fig.Alignment = fyne.TextAlignCenter
		h.figures[caption] = fig
		cap := widget.NewLabelWithStyle(caption, fyne.TextAlignCenter, fyne.TextStyle{})
		h.cards.Add(widget.NewCard("", "", container.NewVBox(fig, cap)))
	}
	addBtn := widget.NewButtonWithIcon("新增委员", theme.ContentAddIcon(), u.onNewMember)
	importBtn := widget.NewButtonWithIcon("导入名册", theme.DownloadIcon(), func() {
		u.nav.Select(u.screenIndex(u.members))
		u.members.onImport()
	})
	u.guard(actEdit, addBtn, importBtn)
	actions := container.NewHBox(addBtn, importBtn,
		widget.NewButtonWithIcon("委员构成统计", theme.GridIcon(), func() { u.nav.Select(u.screenIndex(u.reports)) }),
	)
	h.todoHead = widget.NewLabelWithStyle("待办事项", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.todo = container.NewVBox()
	h.chart = container.NewStack()
	h.recent = container.NewVBox()
	allLog := widget.NewButton("查看全部操作日志", h.openLog)
	allLog.Importance = widget.LowImportance
	u.guard(actSettings, allLog)
	h.dbLabel = widget.NewLabel("")
	h.dbLabel.Wrapping = fyne.TextWrapWord
	h.dbLabel.TextStyle.Italic = true
	todo := widget.NewCard("", "", container.NewVBox(h.todoHead, h.todo))
	recent := widget.NewCard("", "", container.NewVBox(
		container.NewHBox(widget.NewLabelWithStyle("最近的更改", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), allLog),
		h.recent))
	chart := widget.NewCard("", "", h.chart)
	h.obj = container.NewVScroll(container.NewVBox(
		h.head, h.cards,
		container.NewGridWithColumns(2, container.NewVBox(todo, recent), chart),
		container.NewHBox(widget.NewLabelWithStyle("常用操作", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), actions),
		widget.NewSeparator(), h.dbLabel,
	))
	return h
}

func (h *homeScreen) title() string           { return "首页" }
func (h *homeScreen) icon() fyne.Resource     { return theme.HomeIcon() }
func (h *homeScreen) view() fyne.CanvasObject { return h.obj }

func (h *homeScreen) reload(ctx context.Context) {
	u := h.u
	h.dbLabel.SetText("数据文件：" + u.store.Path())
	items, err := h.todoItems(ctx)
	if err != nil {
		showError(err, u.win)
	}
	h.todoHead.SetText("待办事项" + todoCount(items))
	h.showTodo(items)
	if u.term.ID == 0 {
		h.head.SetText("尚未建立届次")
		return
	}
	h.head.SetText(data.CommitteeTitle(u.committee, u.term) + "（" + fmt.Sprintf("%d—%d年", u.term.StartYear, u.term.EndYear) + "）")
	st, err := composition.ForTerm(ctx, u.store, u.term)
	if err != nil {
		showError(err, u.win)
		return
	}
	set := func(caption, v string) {
		h.figures[caption].Text = v
		h.figures[caption].Refresh()
	}
	set("在任委员", fmt.Sprint(st.Total))
	set("常委", fmt.Sprint(st.Standing))
	set("新委员", fmt.Sprint(st.New))
	set("女性委员", fmt.Sprint(st.Women))
	set("非中共委员占比", "—")
	set("平均年龄", "—")
	if st.Total > 0 {
		set("非中共委员占比", fmt.Sprintf("%.1f%%", 100*float64(st.Total-st.CPC)/float64(st.Total)))
		set("平均年龄", fmt.Sprintf("%.1f 岁", st.AverageAge))
	}
	if err := h.showChart(ctx); err != nil {
		showError(err, u.win)
	}
	if err := h.showRecent(ctx); err != nil {
		showError(err, u.win)
	}
}

// showChart draws the newest session's proposals by status (the term's
// sessions without proposals are skipped).
func (h *homeScreen) showChart(ctx context.Context) error {
	u := h.u
	id, counts, err := u.store.NewestSessionStatusCounts(ctx, u.term.ID)
	if err != nil {
		return err
	}
	sessions, err := u.store.ListSessions(ctx, u.term.ID)
	if err != nil {
		return err
	}
	title := "本届提案办理情况"
	t := proposalstats.Table{}
	if i := slices.IndexFunc(sessions, func(s data.Session) bool { return s.ID == id }); i >= 0 {
		by := map[proposal.Status]int{}
		for _, c := range counts {
			by[c.Status] = c.N
			t.Total += c.N
		}
		for _, s := range proposal.Statuses {
			if n := by[s]; n > 0 {
				t.Rows = append(t.Rows, proposalstats.Row{Label: string(s), N: n, Share: proposalstats.Of(n, t.Total)})
			}
		}
		title = fmt.Sprintf("%s提案办理情况（共 %d 件）", sessions[i].SessionName(), t.Total)
	}
	h.chart.Objects = []fyne.CanvasObject{barChart(title, t, "")}
	h.chart.Refresh()
	return nil
}

// showRecent lists the newest audit lines as sentences with relative dates.
func (h *homeScreen) showRecent(ctx context.Context) error {
	u := h.u
	entries, err := u.store.ListAudit(ctx, homeRecentLines)
	if err != nil {
		return err
	}
	cfg, err := u.store.ProposalConfig(ctx)
	if err != nil {
		cfg = proposal.Default()
	}
	now := u.store.Now()
	h.recent.Objects = nil
	for _, e := range entries {
		when := widget.NewLabel(relativeTime(e.At, now))
		what := widget.NewLabel(auditSentence(e, cfg.FormatNumber))
		what.Truncation = fyne.TextTruncateEllipsis
		h.recent.Add(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(96, when.MinSize().Height), when), nil, what))
	}
	if len(entries) == 0 {
		h.recent.Add(widget.NewLabel("暂无更改"))
	}
	h.recent.Refresh()
	return nil
}

// openLog shows 设置 → 数据与日志, where the whole 操作日志 is.
func (h *homeScreen) openLog() { h.openSettingsTab("数据与日志") }

// openSettingsTab shows the 设置 tab with the given title.
func (h *homeScreen) openSettingsTab(title string) {
	s := h.u.settings
	h.u.nav.Select(h.u.screenIndex(s))
	for i, it := range s.tabs.Items {
		if it.Text == title {
			s.tabs.SelectIndex(i)
		}
	}
}
