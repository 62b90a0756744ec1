package app

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// noTier is the 重点提案 choice for an ordinary proposal.
const noTier = "（非重点）"

// proposalForm is the add/edit dialog of one proposal. It stays open while
// the store refuses the input and shows each problem under its field; a
// panel beside it lists earlier proposals like the one being typed.
type proposalForm struct {
	l   *proposalList
	p   data.Proposal // what is being edited (IDs kept)
	dlg dialog.Dialog

	session     *widget.Select
	number      *widget.Entry
	numberShown *widget.Label // the 案号 as printed, e.g. 第012号
	title       *widget.Entry
	category    *widget.Select
	kind        *widget.Select
	submitted   *widget.Entry
	ptype       *widget.Select
	proposers   *proposerPicker
	org         *widget.Entry // the organisation of a collective proposal
	sector      *widget.SelectEntry
	suggested   *widget.SelectEntry
	body        *widget.Entry
	keyTier     *widget.Select
	keyLeader   *widget.Entry
	excYear     *widget.Entry
	excAward    *widget.Entry
	public      *widget.Check
	impl        *widget.Entry
	note        *widget.Entry

	errs       fieldErrors
	general    *widget.Label
	saveBtn    *widget.Button
	similar    *similarPanel
	autoSector string // the 界别 last filled in from the first proposer
}

// onAdd opens the form for a new proposal (the 新增提案 button; Ctrl+N on
// this tab).
func (l *proposalList) onAdd() {
	u := l.ps.u
	if u.term.ID == 0 {
		showError(data.UserErr("请先在“设置”中建立届次。"), u.win)
		return
	}
	if len(l.ps.sessions) == 0 {
		showError(data.UserErr("本届还没有会次，请先在“设置 → 届次与会议”中添加。"), u.win)
		return
	}
	p := data.Proposal{SessionID: l.ps.sessions[len(l.ps.sessions)-1].ID, Submitted: l.ps.today(),
		Kind: proposal.Kinds[0], ProposerType: proposal.ProposerTypes[0], EnteredBy: u.operator()}
	if l.sessionID > 0 {
		p.SessionID = l.sessionID
	}
	l.openForm(p)
}

func (l *proposalList) openForm(p data.Proposal) {
	u := l.ps.u
	cfg := l.ps.cfg
	f := &proposalForm{l: l, p: p, errs: fieldErrors{}}
	term := p.TermID
	if term == 0 {
		term = u.term.ID
	}
	members, err := u.store.ListMembers(u.ctx, data.MemberFilter{TermID: term})
	if err != nil {
		showError(err, u.win)
	}
	sectors, err := u.store.CatalogNames(u.ctx, term, data.KindSector)
	if err != nil {
		showError(err, u.win)
	}
	var unitNames []string
	for _, x := range l.units {
		if x.Active {
			unitNames = append(unitNames, x.Name)
		}
	}
	var sessionNames []string
	for _, s := range l.ps.sessions {
		sessionNames = append(sessionNames, s.SessionName())
	}

	f.session = widget.NewSelect(sessionNames, func(string) { f.onSession() })
	f.number = widget.NewEntry()
	f.number.OnChanged = func(string) { f.showNumber() }
	f.numberShown = widget.NewLabel("")
	f.title = widget.NewEntry()
	f.title.SetPlaceHolder("关于……的建议")
	f.category = widget.NewSelect(cfg.Categories, nil)
	f.category.PlaceHolder = "请选择"
	f.kind = widget.NewSelect(proposal.Kinds, nil)
	f.submitted = newDateEntry("", "YYYY-MM-DD")
	f.ptype = widget.NewSelect(proposal.ProposerTypes, func(string) { f.onProposerType() })
	f.proposers = newProposerPicker(members, p.Proposers)
	f.proposers.onChange = f.onProposersChanged
	f.org = widget.NewEntry()
	f.org.SetPlaceHolder("提案单位名称，如 民盟清河县委员会")
	f.sector = widget.NewSelectEntry(sectors)
	f.suggested = widget.NewSelectEntry(unitNames)
	f.suggested.SetPlaceHolder("可不填")
	f.body = widget.NewMultiLineEntry()
	f.body.Wrapping = fyne.TextWrapWord
	f.body.SetPlaceHolder("情况、分析和具体建议")
	f.keyTier = widget.NewSelect(append([]string{noTier}, proposal.KeyTiers...), nil)
	f.keyLeader = widget.NewEntry()
	f.keyLeader.SetPlaceHolder("如 副县长 王某")
	f.excYear = widget.NewEntry()
	f.excYear.SetPlaceHolder("年度，如 2025")
	f.excAward = widget.NewEntry()
	f.excAward.SetPlaceHolder("如 年度优秀提案")
	f.public = widget.NewCheck("同意公开", nil)
	f.impl = widget.NewMultiLineEntry()
	f.impl.Wrapping = fyne.TextWrapWord
	f.impl.SetMinRowsVisible(2)
	f.note = widget.NewEntry()
	f.similar = newSimilarPanel(l.similar, cfg, p.ID, l.ps.u.store.Path())

	f.fill(p)
	f.title.OnChanged = func(string) { f.onTextChanged() }
	f.body.OnChanged = func(string) { f.onTextChanged() }
	f.layout()
	if strings.TrimSpace(p.Title+p.Body) != "" {
		f.onTextChanged()
	}
	u.win.Canvas().Focus(f.title)
}

// row is one label/field pair with the message line under the field.
func (f *proposalForm) row(label string, w fyne.CanvasObject, required bool) []fyne.CanvasObject {
	e := f.errs.line(label)
	if required {
		label += " *"
	}
	return []fyne.CanvasObject{widget.NewLabel(label), container.NewVBox(w, e)}
}

func (f *proposalForm) layout() {
	var cells []fyne.CanvasObject
	add := func(label string, w fyne.CanvasObject, required bool) {
		cells = append(cells, f.row(label, w, required)...)
	}
	add("会次", f.session, true)
	add("案号", container.NewBorder(nil, nil, nil, f.numberShown, f.number), true)
	add("案由", f.title, true)
	add("类别", f.category, true)
	add("提案类型", f.kind, true)
	add("提交日期", f.submitted, false)
	add("提案者性质", f.ptype, true)
	add("提案人", container.NewStack(f.proposers.obj, f.org), true)
	add("所属界别", f.sector, false)
	add("建议承办单位", f.suggested, false)
	add("重点提案", container.NewGridWithColumns(2, f.keyTier, f.keyLeader), false)
	add("优秀提案", container.NewGridWithColumns(2, f.excYear, f.excAward), false)
	add("是否公开", f.public, false)
	add("落实情况", f.impl, false)
	add("备注", f.note, false)
	left := container.NewVScroll(container.New(layout.NewFormLayout(), cells...))
	bodyBox := container.NewBorder(widget.NewLabel("正文"), f.errs.line("正文"), nil, nil, f.body)
	right := container.NewVSplit(bodyBox, f.similar.obj)
	right.Offset = 0.55
	main := container.NewHSplit(left, right)
	main.Offset = 0.52

	f.general = widget.NewLabel("")
	f.general.Importance = widget.DangerImportance
	f.general.Wrapping = fyne.TextWrapWord
	f.saveBtn = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), f.save)
	f.saveBtn.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", f.close)
	buttons := container.NewHBox(layout.NewSpacer(), cancel, f.saveBtn)
	content := container.NewBorder(nil, container.NewVBox(f.general, buttons), nil, nil, main)
	title := "新增提案"
	if f.p.ID != 0 {
		title = "编辑提案：" + f.l.ps.cfg.FormatNumber(f.p.Number) + " " + f.p.Title
	}
	u := f.l.ps.u
	f.dlg = dialog.NewCustomWithoutButtons(title, content, u.win)
	f.dlg.Resize(fyne.NewSize(1160, 740))
	f.l.form = f
	f.dlg.Show()
}

// fill puts a proposal into the widgets.
func (f *proposalForm) fill(p data.Proposal) {
	for i, s := range f.l.ps.sessions {
		if s.ID == p.SessionID {
			f.session.SetSelectedIndex(i)
		}
	}
	if p.ID != 0 {
		f.session.Disable() // the store keeps a proposal in its session
		f.number.SetText(strconv.Itoa(p.Number))
	}
	f.title.SetText(p.Title)
	selectValue(f.category, p.Category)
	selectValue(f.kind, p.Kind)
	f.submitted.SetText(p.Submitted)
	selectValue(f.ptype, p.ProposerType)
	if proposal.Collective(p.ProposerType) {
		f.org.SetText(p.FirstProposer())
		f.proposers.chosen = nil
	}
	f.onProposerType()
	f.sector.SetText(p.Sector)
	f.autoSector = f.proposers.firstSector()
	f.suggested.SetText(p.SuggestedUnit)
	f.body.SetText(p.Body)
	selectValue(f.keyTier, orDefaultText(p.KeyTier, noTier))
	f.keyLeader.SetText(p.KeyLeader)
	if p.ExcellentYear != 0 {
		f.excYear.SetText(strconv.Itoa(p.ExcellentYear))
	}
	f.excAward.SetText(p.ExcellentAward)
	f.public.SetChecked(p.Public)
	f.impl.SetText(p.Implementation)
	f.note.SetText(p.Note)
}

// selectValue selects v, adding it when it is no longer in the list so
// that an old value stays visible.
func selectValue(s *widget.Select, v string) {
	if v == "" {
		return
	}
	if !slices.Contains(s.Options, v) {
		s.Options = append(s.Options, v)
	}
	s.SetSelected(v)
}

// onSession proposes the next free 案号 of the chosen session.
func (f *proposalForm) onSession() {
	i := f.session.SelectedIndex()
	if f.p.ID != 0 || i < 0 {
		return
	}
	u := f.l.ps.u
	n, err := u.store.NextProposalNumber(u.ctx, f.l.ps.sessions[i].ID)
	if err != nil {
		showError(err, u.win)
		return
	}
	f.number.SetText(strconv.Itoa(n))
}

func (f *proposalForm) showNumber() {
	n, err := strconv.Atoi(strings.TrimSpace(f.number.Text))
	if err != nil || n <= 0 {
		f.numberShown.SetText("")
		return
	}
	f.numberShown.SetText(f.l.ps.cfg.FormatNumber(n))
}

// onProposerType shows the member picker for 委员 proposals and one
// organisation name for collective ones.
func (f *proposalForm) onProposerType() {
	collective := proposal.Collective(f.ptype.Selected)
	setVisible(f.proposers.obj, !collective)
	setVisible(f.org, collective)
}

// onProposersChanged keeps 委员个人/委员联名 in step with the number of
// proposers, and the 界别 with the 第一提案人's while nobody typed another.
func (f *proposalForm) onProposersChanged() {
	n := len(f.proposers.chosen)
	switch {
	case f.ptype.Selected == "委员个人" && n > 1:
		f.ptype.SetSelected("委员联名")
	case f.ptype.Selected == "委员联名" && n == 1:
		f.ptype.SetSelected("委员个人")
	}
	if first := f.proposers.firstSector(); f.sector.Text == "" || f.sector.Text == f.autoSector {
		f.sector.SetText(first)
		f.autoSector = first
	}
}

func (f *proposalForm) onTextChanged() {
	f.similar.schedule(f.l.ps.u.ctx, f.title.Text, f.body.Text)
}
