package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/proposal"
	"zhengxie/data/validate"
)

// assignRow is one proposal on the 交办 board with the units chosen for it.
type assignRow struct {
	p      data.Proposal
	picked bool    // ticked for 交办
	mode   string  // proposal.ModeLead or proposal.ModeSplit
	lead   int64   // the 主办 unit (主办会办 only)
	others []int64 // the 会办 units, or every 分办 unit
}

// ready reports whether the row names the units a 交办 needs.
func (r *assignRow) ready() bool {
	if r.mode == proposal.ModeSplit {
		return len(r.others) > 0
	}
	return r.lead != 0
}

func (r *assignRow) order() data.AssignOrder {
	o := data.AssignOrder{ProposalID: r.p.ID, Mode: r.mode}
	role := proposal.RoleCo
	if r.mode == proposal.ModeSplit {
		role = proposal.RoleSplit
	} else {
		o.Units = append(o.Units, data.Assignment{UnitID: r.lead, Role: proposal.RoleLead})
	}
	for _, id := range r.others {
		o.Units = append(o.Units, data.Assignment{UnitID: id, Role: role})
	}
	return o
}

// assignBoard is the 交办 tab: the session's 立案 proposals in one table
// where a 交办会 gives each its units, then 交办s them all at once.
type assignBoard struct {
	ps  *proposalScreen
	obj fyne.CanvasObject

	sessionSelect *widget.Select
	dateEntry     *widget.Entry
	deadlineLabel *widget.Label
	allCheck      *widget.Check
	countLabel    *widget.Label
	hint          *widget.Label
	table         *columnTable[*assignRow]
	assignButton  *widget.Button
	message       *widget.Label

	sessionID int64
	units     []data.Unit // active units in display order
	unitNames []string
	rows      []*assignRow
	kept      map[int64]*assignRow // choices made, kept across reloads
	confirm   confirmer
	picker    *unitPicker // the open 会办/分办 dialog, for tests
}

func newAssignBoard(ps *proposalScreen) *assignBoard {
	t := &assignBoard{ps: ps, kept: map[int64]*assignRow{}, confirm: windowConfirmer(ps.u.win)}
	t.sessionSelect = widget.NewSelect(nil, nil)
	t.sessionSelect.PlaceHolder = "（本届尚无会议）"
	t.dateEntry = newDateEntry("", "如 2026-03-20")
	t.dateEntry.OnChanged = func(string) { t.showDeadline() }
	t.deadlineLabel = widget.NewLabel("")
	t.allCheck = widget.NewCheck("全选", t.onPickAll)
	t.countLabel = widget.NewLabel("")
	t.hint = widget.NewLabel("")
	t.hint.TextStyle.Italic = true
	t.hint.Wrapping = fyne.TextWrapWord
	t.assignButton = widget.NewButtonWithIcon("交办所选 0 件", theme.ConfirmIcon(), t.onAssign)
	t.assignButton.Importance = widget.HighImportance
	ps.u.guard(actEdit, t.assignButton)
	t.message = widget.NewLabel("")
	t.message.Wrapping = fyne.TextWrapWord
	t.message.Hide()
	t.table = t.newTable()

	bar := container.NewHBox(widget.NewLabel("会议："),
		container.NewGridWrap(fyne.NewSize(180, t.sessionSelect.MinSize().Height), t.sessionSelect),
		widget.NewLabel("交办日期："), container.NewGridWrap(fyne.NewSize(170, t.dateEntry.MinSize().Height), t.dateEntry),
		t.deadlineLabel)
	actions := container.NewBorder(nil, nil, container.NewHBox(t.allCheck, t.countLabel), t.assignButton)
	top := container.NewVBox(bar, actions, t.message)
	t.obj = container.NewBorder(top, t.hint, nil, nil, t.table.table) // the count says when there is nothing to assign
	t.sessionSelect.OnChanged = func(string) { t.onSession() }
	return t
}

func (t *assignBoard) tabTitle() string        { return "交办" }
func (t *assignBoard) view() fyne.CanvasObject { return t.obj }

// reload re-reads the units and the sessions, keeping the session shown,
// then the proposals waiting for 交办.
func (t *assignBoard) reload(ctx context.Context) {
	u := t.ps.u
	units, err := u.store.ListUnits(ctx, false)
	if err != nil {
		showError(err, u.win)
		return
	}
	t.units, t.unitNames = units, make([]string, len(units))
	for i, x := range units {
		t.unitNames[i] = x.Name
	}
	names := make([]string, len(t.ps.sessions))
	chosen := -1
	for i, x := range t.ps.sessions {
		names[i] = x.SessionName()
		if x.ID == t.sessionID {
			chosen = i
		}
	}
	if chosen < 0 {
		chosen = len(names) - 1 // the latest session
	}
	t.sessionSelect.OnChanged = nil
	t.sessionSelect.Options = names
	t.sessionSelect.ClearSelected()
	if chosen >= 0 {
		t.sessionSelect.SetSelectedIndex(chosen)
	}
	t.sessionSelect.OnChanged = func(string) { t.onSession() }
	if strings.TrimSpace(t.dateEntry.Text) == "" {
		t.dateEntry.SetText(t.ps.today())
	}
	t.onSession()
}

func (t *assignBoard) onSession() {
	t.sessionID = 0
	if i := t.sessionSelect.SelectedIndex(); i >= 0 && i < len(t.ps.sessions) {
		t.sessionID = t.ps.sessions[i].ID
	}
	t.say("", widget.MediumImportance)
	t.loadRows(t.ps.u.ctx)
}

// loadRows reads the session's 立案 proposals; a proposal keeps the
// choices already made for it, a new one is prefilled from its 建议承办单位.
func (t *assignBoard) loadRows(ctx context.Context) {
	u := t.ps.u
	t.rows = nil
	if t.sessionID != 0 {
		list, err := u.store.ListProposals(ctx, data.ProposalFilter{SessionID: t.sessionID, Status: proposal.Filed})
		if err != nil {
			showError(err, u.win)
		}
		for _, p := range list {
			r := t.kept[p.ID]
			if r == nil {
				r = t.newRow(p)
				t.kept[p.ID] = r
			}
			r.p = p
			t.dropStopped(r)
			t.rows = append(t.rows, r)
		}
	}
	hint := "主办单位按提案者建议的承办单位预填，可逐行修改；点击“会办/分办单位”一栏选择多个单位。Tab 键在各栏之间移动，左右方向键切换选项，空格键展开选择。"
	switch {
	case len(t.ps.sessions) == 0:
		hint = "本届尚无全体会议，请先在“设置”的“届次与会议”页添加。"
	case len(t.units) == 0:
		hint = "尚无承办单位，请先在“承办单位”页添加。"
	case u.operator() == "":
		hint += "\n尚未设置操作人，交办记录将不署名（在“设置”的“提案”页填写）。"
	}
	t.hint.SetText(hint)
	t.showDeadline()
	t.update()
}

func (t *assignBoard) unitName(id int64) string {
	for _, u := range t.units {
		if u.ID == id {
			return u.Name
		}
	}
	return ""
}

func (t *assignBoard) unitID(name string) int64 {
	for _, u := range t.units {
		if u.Name == name {
			return u.ID
		}
	}
	return 0
}

// date is the 交办日期 as typed, normalised.
func (t *assignBoard) date() (string, error) {
	v, err := validate.Date(t.dateEntry.Text)
	if err != nil || !data.IsDate(v) {
		return "", data.Invalid("交办日期", "请写成 2026-03-20 的形式")
	}
	return v, nil
}

func (t *assignBoard) showDeadline() {
	d, err := t.date()
	if err != nil {
		t.deadlineLabel.SetText(userMessage(err))
		t.deadlineLabel.Importance = widget.DangerImportance
	} else {
		t.deadlineLabel.SetText(fmt.Sprintf("办理期限：%s（交办后 %d 个月）", proposal.AddMonths(d, t.ps.cfg.DeadlineMonths), t.ps.cfg.DeadlineMonths))
		t.deadlineLabel.Importance = widget.MediumImportance
	}
	t.deadlineLabel.Refresh()
}

// update refreshes the counts, the button and the table after a change.
func (t *assignBoard) update() {
	picked, ready := 0, 0
	for _, r := range t.rows {
		if r.picked {
			picked++
		}
		if r.ready() {
			ready++
		}
	}
	t.countLabel.SetText(fmt.Sprintf("待交办 %d 件，已定承办单位 %d 件", len(t.rows), ready))
	if len(t.rows) == 0 {
		t.countLabel.SetText("本次会议没有等待交办的提案（立案后的提案会列在这里）。")
	}
	t.assignButton.SetText(fmt.Sprintf("交办所选 %d 件", picked))
	if picked == 0 {
		t.assignButton.Disable()
	} else {
		t.assignButton.Enable()
	}
	t.allCheck.OnChanged = nil
	t.allCheck.SetChecked(len(t.rows) > 0 && picked == len(t.rows))
	t.allCheck.OnChanged = t.onPickAll
	t.table.Refresh()
}

func (t *assignBoard) onPickAll(on bool) {
	for _, r := range t.rows {
		r.picked = on
	}
	t.update()
}

func (t *assignBoard) setPicked(row int, on bool) {
	t.rows[row].picked = on
	t.update()
}

// setMode switches a row between 主办会办 and 分办; the units chosen stay:
// the 主办 becomes the first 分办 unit and back.
func (t *assignBoard) setMode(row int, mode string) {
	r := t.rows[row]
	if r.mode == mode {
		return
	}
	r.mode = mode
	switch {
	case mode == proposal.ModeSplit && r.lead != 0:
		r.others = append([]int64{r.lead}, r.others...)
		r.lead = 0
	case mode == proposal.ModeLead && len(r.others) > 0:
		r.lead, r.others = r.others[0], r.others[1:]
	}
	t.update()
}

// setLead makes a unit the row's 主办; it stops being a 会办 if it was one.
func (t *assignBoard) setLead(row int, name string) {
	r := t.rows[row]
	r.lead = t.unitID(name)
	r.others = slices.DeleteFunc(r.others, func(id int64) bool { return id == r.lead })
	t.update()
}

// setOthers sets a row's 会办 (or 分办) units by name.
func (t *assignBoard) setOthers(row int, names []string) {
	r := t.rows[row]
	r.others = nil
	for _, n := range names {
		if id := t.unitID(n); id != 0 && id != r.lead {
			r.others = append(r.others, id)
		}
	}
	t.update()
}

func (t *assignBoard) say(text string, imp widget.Importance) {
	t.message.Importance = imp
	t.message.SetText(text)
	if text == "" {
		t.message.Hide()
	} else {
		t.message.Show()
	}
	if t.obj != nil {
		t.obj.Refresh() // the bar above the table grows or shrinks
	}
}

// onAssign 交办s the ticked rows that have their units; the others are
// skipped and counted.
func (t *assignBoard) onAssign() {
	date, err := t.date()
	if err != nil {
		t.say(userMessage(err), widget.DangerImportance)
		return
	}
	var orders []data.AssignOrder
	skipped := 0
	for _, r := range t.rows {
		switch {
		case !r.picked:
		case r.ready():
			orders = append(orders, r.order())
		default:
			skipped++
		}
	}
	if len(orders) == 0 {
		t.say(fmt.Sprintf("所选 %d 件提案都还没有选定主办单位，未交办。", skipped), widget.DangerImportance)
		return
	}
	deadline := proposal.AddMonths(date, t.ps.cfg.DeadlineMonths)
	msg := fmt.Sprintf("将交办 %d 件提案：\n交办日期 %s，办理期限至 %s。", len(orders), date, deadline)
	if skipped > 0 {
		msg += fmt.Sprintf("\n另有 %d 件尚未选定主办单位，本次跳过。", skipped)
	}
	t.confirm("交办提案", msg, func() { t.assign(orders, date, deadline, skipped) })
}

// assign saves the orders all or nothing and reloads the board.
func (t *assignBoard) assign(orders []data.AssignOrder, date, deadline string, skipped int) {
	u := t.ps.u
	if err := u.store.BulkAssign(u.ctx, orders, date, u.operator()); err != nil {
		msg := userMessage(err)
		t.say(msg+"\n本次未交办任何提案，请修改该行后重试。", widget.DangerImportance)
		t.showRefused(msg)
		return
	}
	for _, o := range orders {
		delete(t.kept, o.ProposalID)
	}
	t.loadRows(u.ctx)
	text := fmt.Sprintf("已交办 %d 件，办理期限至 %s。", len(orders), deadline)
	if skipped > 0 {
		text += fmt.Sprintf("%d 件尚未选定主办单位，未交办，仍在下表中。", skipped)
	}
	t.say(text, widget.SuccessImportance)
}

// showRefused selects the row a refusal names by its 案号.
func (t *assignBoard) showRefused(msg string) {
	for i, r := range t.rows {
		if strings.HasPrefix(msg, t.ps.cfg.FormatNumber(r.p.Number)+"提案") {
			t.table.selectRow(i)
			return
		}
	}
}

// confirmer asks a yes/no question and runs ok on yes. Screens ask
// through a dialog; tests answer at once.
type confirmer func(title, msg string, ok func())

func windowConfirmer(w fyne.Window) confirmer {
	return func(title, msg string, ok func()) {
		dialog.ShowConfirm(title, msg, func(yes bool) {
			if yes {
				ok()
			}
		}, w)
	}
}
