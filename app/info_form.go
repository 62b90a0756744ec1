package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// infoForm adds or edits one 社情民意: the fields on the left, the ordered
// authors (roster members, and names typed for non-members) and the
// adoptions on the right. The store's refusals appear under the fields.
type infoForm struct {
	s    *infoScreen
	a    data.Activity
	dlg  dialog.Dialog
	errs fieldErrors
	open bool

	title        *widget.Entry
	date         *widget.Entry
	sourceSelect *widget.Select
	proposal     *proposalPicker
	proposalRow  *fyne.Container
	issue        *widget.Entry
	issueDate    *widget.Entry
	counted      *widget.Check
	note         *widget.Entry
	authors      *participantEditor
	otherName    *widget.Entry
	adoptions    *adoptionEditor
	general      *widget.Label
	saveBtn      *widget.Button
}

func (s *infoScreen) openInfoForm(a data.Activity) {
	u := s.u
	f := &infoForm{s: s, a: a, errs: fieldErrors{}}
	f.title = textEntry(a.Title, "题目")
	f.date = dateEntry(a.Date)
	f.proposal = newProposalPicker(u, a.ProposalID)
	f.sourceSelect = newSelect(s.sources(), orDefaultText(a.Source, sourceDirect), f.onSource)
	f.issue = textEntry(a.Issue, "如 2025年第3期；未编发留空")
	f.issueDate = dateEntry(a.IssueDate)
	f.counted = widget.NewCheck("计入履职考核", nil)
	f.counted.SetChecked(a.Counted || a.ID == 0)
	f.note = textEntry(a.Note, "")
	f.authors = newParticipantEditor(s.base, false, 0, a.Members)
	f.otherName = textEntry("", "非本届委员的作者姓名")
	f.otherName.OnSubmitted = func(string) { f.onAddOther() }
	f.adoptions = newAdoptionEditor(s, a.Adoptions)
	f.general = widget.NewLabel("")
	f.general.Importance = widget.DangerImportance
	f.general.Wrapping = fyne.TextWrapWord
	f.saveBtn = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), f.onSave)
	f.saveBtn.Importance = widget.HighImportance

	var cells []fyne.CanvasObject
	add := func(label string, w fyne.CanvasObject, aliases ...string) *fyne.Container {
		e := f.errs.line(append([]string{strings.TrimSuffix(label, " *")}, aliases...)...)
		box := container.NewVBox(w, e)
		cells = append(cells, widget.NewLabel(label), box)
		return box
	}
	add("题目 *", f.title, titleAliases...)
	add("报送日期 *", f.date, "日期")
	add("来源", f.sourceSelect)
	f.proposalRow = add("所转提案", f.proposal.obj, "提案")
	add("编发期号", f.issue, "期号")
	add("编发日期", f.issueDate)
	add("考核", f.counted, "计入考核")
	add("备注", f.note)
	f.onSource(f.sourceSelect.Selected)

	other := container.NewBorder(nil, nil, nil,
		widget.NewButtonWithIcon("添加", theme.ContentAddIcon(), f.onAddOther), f.otherName)
	authorHead := widget.NewLabelWithStyle("作者 *（按排名先后，第一位为第一作者）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	authors := container.NewBorder(authorHead, container.NewVBox(other, f.errs.line(peopleAliases...)), nil, nil, f.authors.obj)
	adoptHead := widget.NewLabelWithStyle("采用与批示", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	adoptions := container.NewBorder(adoptHead, f.errs.line("采用", "采用级别", "批示", "批示级别", "采用与批示"), nil, nil, f.adoptions.obj)
	side := container.NewVSplit(authors, adoptions)
	split := container.NewHSplit(container.NewVScroll(container.New(layout.NewFormLayout(), cells...)), side)
	split.Offset = 0.42
	buttons := container.NewHBox(layout.NewSpacer(), widget.NewButton("取消", f.close), f.saveBtn)
	content := container.NewBorder(nil, container.NewVBox(f.general, buttons), nil, nil, split)
	f.dlg = dialog.NewCustomWithoutButtons(formTitle(a, "社情民意"), content, u.win)
	f.dlg.Resize(fyne.NewSize(1120, 640))
	f.open = true
	f.dlg.Show()
	s.list.form = f
	u.win.Canvas().Focus(f.title)
}

// onSource shows the proposal choice only for 提案转来.
func (f *infoForm) onSource(src string) {
	if f.proposalRow != nil {
		setVisible(f.proposalRow, src == sourceProposal)
	}
}

// onAddOther adds a typed name as an author who is not on the roster.
func (f *infoForm) onAddOther() {
	name := trimmed(f.otherName)
	if name == "" {
		return
	}
	f.authors.rows = append(f.authors.rows, data.Attendee{Name: name})
	f.authors.changed()
	f.otherName.SetText("")
}

// read is the record as the widgets say.
func (f *infoForm) read() data.Activity {
	a := f.a
	a.Kind = data.ActInfo
	a.Title, a.Date, a.Source = trimmed(f.title), trimmed(f.date), f.sourceSelect.Selected
	a.ProposalID = 0
	if a.Source == sourceProposal {
		a.ProposalID = f.proposal.chosen
	}
	a.Issue, a.IssueDate, a.Counted, a.Note = trimmed(f.issue), trimmed(f.issueDate), f.counted.Checked, trimmed(f.note)
	a.Members = f.authors.attendees()
	a.Adoptions = f.adoptions.adoptions()
	return a
}

// check finds what the form itself can tell before the store is asked.
func (f *infoForm) check(a data.Activity) data.ValidationErrors {
	var out data.ValidationErrors
	if a.Source == sourceProposal && a.ProposalID == 0 {
		out = append(out, &data.ValidationError{Field: "所转提案", Msg: "来源为提案转来时，请选择所转的提案。"})
	}
	if a.IssueDate != "" && a.Issue == "" {
		out = append(out, &data.ValidationError{Field: "编发期号", Msg: "填写了编发日期，请同时填写编发期号。"})
	}
	return out
}

// onSave stores the record; on refusal it marks the fields and stays open.
func (f *infoForm) onSave() {
	u := f.s.u
	f.errs.clear()
	f.general.SetText("")
	a := f.read()
	if op := u.operator(); op != "" || a.ID == 0 {
		a.EnteredBy = op
	}
	var err error
	if ves := f.check(a); len(ves) > 0 {
		err = ves
	} else if a.ID == 0 {
		err = u.store.CreateActivity(u.ctx, &a)
	} else {
		err = u.store.UpdateActivity(u.ctx, &a)
	}
	if err != nil {
		f.general.SetText(f.errs.place(err, markedFields))
		return
	}
	f.a = a
	f.close()
	f.s.list.saved(a)
}

func (f *infoForm) errorText(field string) string { return f.errs.text(field) }

func (f *infoForm) close() {
	f.open = false
	if f.dlg != nil {
		f.dlg.Hide()
	}
}
