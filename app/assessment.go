package app

import (
	"context"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/assess"
)

// assessmentScreen is 履职考核: one year of the term, one of the year's
// stored rule sets, the result table with every member's explanation, the
// manual 加分/扣分 and exclusions, and the 未履职 list. Every change
// recomputes the year off the UI thread.
type assessmentScreen struct {
	u    *UI
	obj  fyne.CanvasObject
	tabs *container.AppTabs
	body *fyne.Container // the tabs, or the empty state

	yearSelect, ruleSelect *widget.Select
	presetButton           *widget.Button // 新建（从预置）
	importButton           *widget.Button // 导入规则文件
	exportRulesButton      *widget.Button // 导出规则文件
	editButton             *widget.Button // 编辑规则
	copyButton             *widget.Button // 复制到下一年
	deleteButton           *widget.Button // 删除
	exportButton           *widget.Button // 导出结果表
	detailCheck            *widget.Check  // 含明细
	status                 *widget.Label  // 正在计算… / why nothing is shown
	empty                  fyne.CanvasObject
	emptyPreset            *widget.Button // 从预置新建 in the empty state

	results *resultTable
	missing *missingList
	explain *explainPanel

	years       []int
	year        int
	sets        []data.StoredRuleSet // the year's rule sets
	setup       data.AssessmentSetup
	rs          assess.RuleSet
	res         assess.Result
	adjustments []data.Adjustment // the year's, all members
	computed    bool              // res belongs to the chosen year and rule set

	computing debouncer // the latest recompute, off the UI thread; older ones are dropped
	confirm   confirmer
	presets   *presetChooser // the open 新建（从预置） dialog, for tests
}

func newAssessmentScreen(u *UI) *assessmentScreen {
	s := &assessmentScreen{u: u, confirm: windowConfirmer(u.win), computing: debouncer{dbPath: u.store.Path()}}
	s.yearSelect = widget.NewSelect(nil, s.onYearSelected)
	s.yearSelect.PlaceHolder = "（年度）"
	s.ruleSelect = widget.NewSelect(nil, s.onRuleSetSelected)
	s.ruleSelect.PlaceHolder = "（尚无规则集）"
	s.presetButton = widget.NewButtonWithIcon("新建（从预置）", theme.ContentAddIcon(), s.onNewFromPreset)
	s.importButton = widget.NewButtonWithIcon("导入规则文件", theme.DownloadIcon(), s.onImportRules)
	s.exportRulesButton = widget.NewButtonWithIcon("导出规则文件", theme.UploadIcon(), s.onExportRules)
	s.editButton = widget.NewButtonWithIcon("编辑规则", theme.DocumentCreateIcon(), s.onEditRules)
	s.copyButton = widget.NewButtonWithIcon("复制到下一年", theme.ContentCopyIcon(), s.onCopyToNextYear)
	s.deleteButton = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), s.onDeleteRuleSet)
	s.exportButton = widget.NewButtonWithIcon("导出结果表", theme.DocumentSaveIcon(), s.onExportResult)
	s.exportButton.Importance = widget.HighImportance
	s.detailCheck = widget.NewCheck("含明细", nil)
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.status.Importance = widget.WarningImportance
	s.status.Hide()

	s.explain = newExplainPanel(s)
	s.results = newResultTable(s)
	s.missing = newMissingList(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItem("考核结果", s.results.obj),
		container.NewTabItem("未履职", s.missing.obj))

	s.emptyPreset = widget.NewButtonWithIcon("从预置新建", theme.ContentAddIcon(), s.onNewFromPreset)
	s.emptyPreset.Importance = widget.HighImportance
	msg := widget.NewLabel("本年度还没有考核规则集。\n可从预置的考核办法（桐城、安庆、济南……）新建一份再按本县办法修改，" +
		"或导入规则文件。")
	msg.Alignment = fyne.TextAlignCenter
	msg.Wrapping = fyne.TextWrapWord
	s.empty = container.NewVBox(layout.NewSpacer(), msg,
		container.NewCenter(container.NewHBox(s.emptyPreset, widget.NewButtonWithIcon("导入规则文件", theme.DownloadIcon(), s.onImportRules))),
		layout.NewSpacer())
	s.body = container.NewStack(s.tabs)

	sized := func(o fyne.CanvasObject, w float32) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
	}
	choose := container.NewHBox(widget.NewLabel("年度"), sized(s.yearSelect, 110),
		widget.NewLabel("规则集"), sized(s.ruleSelect, 280), s.editButton)
	manage := container.NewHBox(s.presetButton, s.importButton, s.exportRulesButton, s.copyButton, s.deleteButton)
	results := container.NewHBox(s.exportButton, s.detailCheck)
	top := container.NewVBox(heading("履职考核"), container.NewBorder(nil, nil, choose, results), manage, s.status)
	s.obj = container.NewBorder(top, nil, nil, nil, s.body)
	s.updateButtons()
	u.guard(actEdit, s.presetButton, s.importButton, s.copyButton, s.deleteButton, s.emptyPreset)
	return s
}

func (s *assessmentScreen) title() string           { return "履职考核" }
func (s *assessmentScreen) icon() fyne.Resource     { return theme.ListIcon() }
func (s *assessmentScreen) view() fyne.CanvasObject { return s.obj }

// reload lists the years of the term being viewed, keeps the chosen one
// (else the latest year with records up to this year) and loads it.
func (s *assessmentScreen) reload(ctx context.Context) {
	t := s.u.term
	s.years = nil
	for y := t.StartYear; t.ID != 0 && y <= t.EndYear; y++ {
		s.years = append(s.years, y)
	}
	if !slices.Contains(s.years, s.year) {
		s.year = s.defaultYear(ctx)
	}
	opts := make([]string, len(s.years))
	for i, y := range s.years {
		opts[i] = yearLabel(y)
	}
	fn := s.yearSelect.OnChanged
	s.yearSelect.OnChanged = nil
	s.yearSelect.Options = opts
	if i := slices.Index(s.years, s.year); i >= 0 {
		s.yearSelect.SetSelectedIndex(i)
	} else {
		s.yearSelect.ClearSelected()
	}
	s.yearSelect.OnChanged = fn
	s.loadYear(ctx, 0)
}

func yearLabel(y int) string { return fmt.Sprintf("%d年度", y) }

// defaultYear is the latest year of the term, not after this year, that
// has 履职 records or a rule set; else this year (within the term).
func (s *assessmentScreen) defaultYear(ctx context.Context) int {
	if len(s.years) == 0 {
		return 0
	}
	now := s.u.store.Now().Year()
	this := min(max(now, s.years[0]), s.years[len(s.years)-1])
	for y := this; y >= s.years[0]; y-- {
		acts, err := s.u.store.ListActivities(ctx, data.ActivityFilter{TermID: s.u.term.ID, Year: y})
		if err == nil && len(acts) > 0 {
			return y
		}
		sets, err := s.u.store.ListRuleSets(ctx, y)
		if err == nil && len(sets) > 0 {
			return y
		}
	}
	return this
}

func (s *assessmentScreen) onYearSelected(string) {
	if i := s.yearSelect.SelectedIndex(); i >= 0 && i < len(s.years) && s.years[i] != s.year {
		s.year = s.years[i]
		s.explain.member = 0
		s.loadYear(s.u.ctx, 0)
	}
}

// loadYear reads the year's rule sets and setup, chooses the set (want,
// else the setup's, else the first) and recomputes.
func (s *assessmentScreen) loadYear(ctx context.Context, want int64) {
	u := s.u
	s.sets, s.setup = nil, data.AssessmentSetup{Year: s.year}
	if s.year != 0 {
		var err error
		if s.sets, err = u.store.ListRuleSets(ctx, s.year); err != nil {
			s.setStatus(userMessage(err))
		}
		if setup, err := u.store.AssessmentSetup(ctx, s.year); err != nil {
			s.setStatus(userMessage(err))
		} else {
			s.setup = setup
		}
	}
	if s.setup.Excluded == nil {
		s.setup.Excluded = map[int64]string{}
	}
	if want == 0 {
		want = s.setup.RuleSetID
	}
	i := slices.IndexFunc(s.sets, func(x data.StoredRuleSet) bool { return x.ID == want })
	if i < 0 && len(s.sets) > 0 {
		i = 0
	}
	opts := make([]string, len(s.sets))
	for j, x := range s.sets {
		opts[j] = x.Rules.Name
	}
	fn := s.ruleSelect.OnChanged
	s.ruleSelect.OnChanged = nil
	s.ruleSelect.Options = opts
	if i >= 0 {
		s.ruleSelect.SetSelectedIndex(i)
		s.setup.RuleSetID = s.sets[i].ID
		s.rs = s.sets[i].Rules
	} else {
		s.ruleSelect.ClearSelected()
		s.setup.RuleSetID = 0
		s.rs = assess.RuleSet{}
	}
	s.ruleSelect.OnChanged = fn
	s.recompute()
}

// current is the stored rule set shown.
func (s *assessmentScreen) current() (data.StoredRuleSet, bool) {
	for _, x := range s.sets {
		if x.ID == s.setup.RuleSetID {
			return x, true
		}
	}
	return data.StoredRuleSet{}, false
}

// onRuleSetSelected keeps the choice in the year's setup and recomputes.
func (s *assessmentScreen) onRuleSetSelected(string) {
	i := s.ruleSelect.SelectedIndex()
	if i < 0 || i >= len(s.sets) || s.sets[i].ID == s.setup.RuleSetID {
		return
	}
	next := s.setup
	next.RuleSetID = s.sets[i].ID
	if err := s.u.store.SaveAssessmentSetup(s.u.ctx, next); err != nil {
		showError(err, s.u.win)
		s.loadYear(s.u.ctx, 0)
		return
	}
	s.loadYear(s.u.ctx, next.RuleSetID)
}

// recompute evaluates the year off the UI thread; while it runs the
// screen says so, and only the latest run's result is shown.
func (s *assessmentScreen) recompute() {
	s.updateButtons()
	if _, ok := s.current(); !ok {
		s.computing.stop() // a year without rules: no earlier answer may arrive
		s.computed = false
		s.res = assess.Result{}
		s.body.Objects = []fyne.CanvasObject{s.empty}
		s.body.Refresh()
		s.setStatus("")
		if s.year == 0 {
			s.setStatus("请先在“设置”中建立届次。")
		}
		s.showResult()
		return
	}
	s.body.Objects = []fyne.CanvasObject{s.tabs}
	s.body.Refresh()
	year, id, store := s.year, s.setup.RuleSetID, s.u.store
	s.setStatus("正在计算…")
	var (
		res  assess.Result
		rs   assess.RuleSet
		adjs []data.Adjustment
	)
	s.computing.run(s.u.ctx, func(ctx context.Context) (err error) {
		if res, rs, err = store.Assess(ctx, year, id); err == nil {
			adjs, err = store.ListAdjustments(ctx, year)
		}
		return err
	}, func(err error) {
		if err != nil {
			s.computed = false
			s.res = assess.Result{}
			s.setStatus("无法计算：" + userMessage(err))
		} else {
			s.computed = true
			s.res, s.rs, s.adjustments = res, rs, adjs
			s.setStatus("")
		}
		s.showResult()
	})
}

// showResult refreshes both tabs and the explanation from s.res.
func (s *assessmentScreen) showResult() {
	s.updateButtons()
	s.results.refresh()
	s.missing.refresh()
	s.explain.refresh()
}

func (s *assessmentScreen) updateButtons() {
	_, ok := s.current()
	for _, b := range []*widget.Button{s.exportRulesButton, s.editButton, s.copyButton, s.deleteButton} {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	for _, b := range []*widget.Button{s.presetButton, s.importButton, s.emptyPreset} {
		if s.year != 0 {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if ok && s.computed {
		s.exportButton.Enable()
	} else {
		s.exportButton.Disable()
	}
}

// decimals is how many decimals the rule set prints.
func (s *assessmentScreen) decimals() int { return assess.Decimals(s.rs) }

// setStatus shows a line under the bar (正在计算…, why nothing is shown);
// empty hides it.
func (s *assessmentScreen) setStatus(text string) {
	s.status.SetText(text)
	s.status.Hidden = text == ""
	s.status.Refresh()
}
