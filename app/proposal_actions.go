package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// actionForm is the dialog of one workflow action on one proposal. It
// collects what data.Step needs, and stays open while the store refuses
// the step, showing each problem under its field.
type actionForm struct {
	d      *proposalDetail
	p      data.Proposal
	action proposal.Action
	dlg    dialog.Dialog

	cells   []fyne.CanvasObject // label/field pairs
	errs    fieldErrors         // the message under a field, by the store's field name
	entries map[string]*widget.Entry
	combos  map[string]*widget.SelectEntry
	selects map[string]*widget.Select
	general *widget.Label
	okBtn   *widget.Button

	dateLabel   string // the label of the date entry
	reasonField string // the label of the reason entry, "" when the action takes none
	// fill adds what the action's own widgets hold to the step.
	fill func(st *data.Step)

	assign *assignFields // 交办
	merge  *mergeFields  // 并案
	answer *answerFields // 登记答复
	rate   *rateFields   // 登记评价
}

func (d *proposalDetail) openAction(a proposal.Action) {
	cfg := d.l.ps.cfg
	f := &actionForm{d: d, p: d.p, action: a, errs: fieldErrors{},
		entries: map[string]*widget.Entry{}, combos: map[string]*widget.SelectEntry{}, selects: map[string]*widget.Select{}}
	f.fill = func(*data.Step) {}
	today := d.l.ps.today()
	switch a {
	case proposal.ActReject:
		f.dateField("日期", today)
		f.combo("不予立案理由", cfg.RejectReasons, "选择或填写理由")
		f.choice("去向", cfg.Dispositions)
		f.reasonField = "不予立案理由"
	case proposal.ActMerge:
		f.dateField("日期", today)
		f.addMergeFields()
	case proposal.ActWithdraw:
		f.dateField("日期", today)
		f.reasonEntry("撤案理由", "如 提案人申请撤回")
	case proposal.ActAssign:
		f.addAssignFields(today)
	case proposal.ActReturn:
		f.dateField("日期", today, "退回日期")
		f.info("原承办单位", f.p.UnitNames(""))
		f.reasonEntry("退回理由", "如 不属于本单位职责范围")
	case proposal.ActExtend:
		f.dateField("日期", today)
		f.info("原办理期限", deadlineText(f.p, today))
		f.deadlineEntry(proposal.AddMonths(f.p.Deadline, 1), fmt.Sprintf("自交办起最长 %d 个月（至 %s）",
			cfg.MaxMonths, proposal.AddMonths(f.p.AssignedDate, cfg.MaxMonths)))
		f.reasonEntry("延期理由", "")
	case proposal.ActAnswer:
		f.addAnswerFields(today)
	case proposal.ActRate:
		f.dateField("日期", today)
		f.addRateFields()
	case proposal.ActRehandle:
		f.dateField("日期", today)
		f.deadlineEntry(proposal.AddMonths(today, cfg.DeadlineMonths), fmt.Sprintf("默认再给 %d 个月", cfg.DeadlineMonths))
	case proposal.ActReopen:
		f.dateField("日期", today)
		f.info("当前状态", string(f.p.Status))
		f.reasonEntry("理由", "说明为何重新审查")
	default: // 送审, 立案, 办结
		f.dateField("日期", today)
	}
	f.noteEntry()
	f.show()
}

// field adds a row; its message shows under the widget for the field's
// name and for any alias the store uses for it.
func (f *actionForm) field(label string, w fyne.CanvasObject, aliases ...string) *fyne.Container {
	box := container.NewVBox(w, f.errs.line(append([]string{label}, aliases...)...))
	f.cells = append(f.cells, widget.NewLabel(label), box)
	return box
}

func (f *actionForm) entry(label, text, hint string, aliases ...string) *widget.Entry {
	w := widget.NewEntry()
	w.SetText(text)
	w.SetPlaceHolder(hint)
	f.entries[label] = w
	f.field(label, w, aliases...)
	return w
}

// dateEntry is a date field (typed or picked from a calendar).
func (f *actionForm) dateEntry(label, text string, aliases ...string) *widget.Entry {
	w := newDateEntry(text, "YYYY-MM-DD")
	f.entries[label] = w
	f.field(label, w, aliases...)
	return w
}

// dateField is the date the step takes effect (the store's "日期").
func (f *actionForm) dateField(label, today string, aliases ...string) *widget.Entry {
	f.dateLabel = label
	return f.dateEntry(label, today, append(aliases, "日期")...)
}

func (f *actionForm) reasonEntry(label, hint string) {
	f.entry(label, "", hint)
	f.reasonField = label
}

func (f *actionForm) deadlineEntry(value, hint string) *widget.Entry {
	e := f.dateEntry("办理期限", value)
	f.hintRow(hint)
	return e
}

func (f *actionForm) noteEntry() {
	f.entry("备注", "", "可不填；记入办理记录")
}

func (f *actionForm) combo(label string, options []string, hint string) {
	w := widget.NewSelectEntry(options)
	w.SetPlaceHolder(hint)
	f.combos[label] = w
	f.field(label, w)
}

func (f *actionForm) choice(label string, options []string) *widget.Select {
	w := widget.NewSelect(options, nil)
	w.PlaceHolder = "请选择"
	f.selects[label] = w
	f.field(label, w)
	return w
}

// info adds a read-only row.
func (f *actionForm) info(label, value string) {
	v := widget.NewLabel(orDefaultText(value, "—"))
	v.Wrapping = fyne.TextWrapWord
	f.cells = append(f.cells, widget.NewLabel(label), v)
}

// hintRow adds an explanation under the previous row.
func (f *actionForm) hintRow(text string) *widget.Label {
	h := widget.NewLabel(text)
	h.TextStyle.Italic = true
	h.Wrapping = fyne.TextWrapWord
	f.cells = append(f.cells, layout.NewSpacer(), h)
	return h
}

// text is what a field holds ("" for a field the action lacks).
func (f *actionForm) text(label string) string {
	switch {
	case f.entries[label] != nil:
		return f.entries[label].Text
	case f.combos[label] != nil:
		return f.combos[label].Text
	case f.selects[label] != nil:
		return f.selects[label].Selected
	}
	return ""
}

func (f *actionForm) show() {
	u := f.d.l.ps.u
	f.general = widget.NewLabel("")
	f.general.Importance = widget.DangerImportance
	f.general.Wrapping = fyne.TextWrapWord
	f.okBtn = widget.NewButtonWithIcon("确定", theme.ConfirmIcon(), f.onOK)
	f.okBtn.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", f.close)
	form := container.New(layout.NewFormLayout(), f.cells...)
	head := widget.NewLabel(f.d.l.ps.cfg.FormatNumber(f.p.Number) + "　" + f.p.Title)
	head.Wrapping = fyne.TextWrapWord
	head.TextStyle.Bold = true
	buttons := container.NewHBox(layout.NewSpacer(), cancel, f.okBtn)
	content := container.NewBorder(head, container.NewVBox(f.general, buttons), nil, nil, container.NewVScroll(form))
	f.dlg = dialog.NewCustomWithoutButtons(string(f.action), content, u.win)
	f.dlg.Resize(fyne.NewSize(640, f.height(form, u.win)))
	f.d.action = f
	f.dlg.Show()
}

// height fits the dialog to its rows, within the window.
func (f *actionForm) height(form fyne.CanvasObject, w fyne.Window) float32 {
	h := form.MinSize().Height + 200
	return min(max(h, 300), w.Canvas().Size().Height-40)
}

// step reads the widgets into the step to apply.
func (f *actionForm) step() data.Step {
	u := f.d.l.ps.u
	st := data.Step{Action: f.action, Date: f.text(f.dateLabel), Actor: u.operator(), Note: f.text("备注"),
		Reason: f.text(f.reasonField), Disposition: f.text("去向"), Deadline: f.text("办理期限")}
	f.fill(&st)
	return st
}

// onOK applies the step; on success the list and the detail reload, the
// proposal stays selected and in the list even when the filters no longer
// select it, and the detail confirms the step.
func (f *actionForm) onOK() {
	u := f.d.l.ps.u
	f.errs.clear()
	f.general.SetText("")
	if err := u.store.Apply(u.ctx, f.p.ID, f.step()); err != nil {
		f.showErrors(err)
		return
	}
	f.close()
	l := f.d.l
	l.selected, l.pinned = f.p.ID, f.p.ID
	l.query(u.ctx)
	if f.d.shown && f.d.p.ID == f.p.ID {
		f.d.stepDone(f.action)
	}
}

// showErrors puts validation messages under their fields and any other
// refusal (a step not valid from the state, a failure) in the dialog.
func (f *actionForm) showErrors(err error) {
	f.general.SetText(f.errs.place(err, func(int) string { return "请按提示修改后再确定。" }))
}

// errorText is the message shown under a field ("" when none).
func (f *actionForm) errorText(field string) string { return f.errs.text(field) }

func (f *actionForm) close() {
	f.dlg.Hide()
	if f.d.action == f {
		f.d.action = nil
	}
}
