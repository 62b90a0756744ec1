package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// The 其他履职 tab: the county's own countable records (学习笔记, 调研报告 …)
// with their ordered authors.

func recordSpec(s *activityScreen) activitySpec {
	return activitySpec{
		kind:  data.ActRecord,
		title: "其他履职",
		columns: []*tableColumn[activityRow]{
			activityDateColumn(),
			{title: "类型", width: 120, text: activityType, sortKey: activityType},
			{title: "题目", width: 380, text: func(r activityRow) string { return r.Title }},
			{title: "作者", width: 200, text: func(r activityRow) string { return r.Names }},
		},
		types: func() []string { return s.cfg.RecordTypes },
		count: countRows("条记录"),
		open:  s.openRecordForm,
	}
}

// recordForm adds or edits one county-defined record.
type recordForm struct {
	*activityForm
	authors    *participantEditor
	typeSelect *widget.Select
	title      *widget.Entry
	date       *widget.Entry
	note       *widget.Entry
}

func (s *activityScreen) openRecordForm(a data.Activity) {
	f := &recordForm{activityForm: newActivityForm(s.records, a)}
	f.read = f.readRecord
	f.authors = newParticipantEditor(s, false, 0, a.Members)
	f.typeSelect = newSelect(s.cfg.RecordTypes, a.Type, nil)
	f.title = textEntry(a.Title, "题目")
	f.date = dateEntry(a.Date)
	f.note = textEntry(a.Note, "")

	f.add("类型", f.typeSelect, true)
	f.add("题目", f.title, true, titleAliases...)
	f.add("日期", f.date, true)
	f.add("备注", f.note, false)
	msg := f.errs.line(peopleAliases...)
	f.show(formTitle(a, "履职记录"), f.authors.withMessage("作者 *（按排名先后，第一位为第一作者）", msg), fyne.NewSize(1000, 520))
	s.recordForm = f
	s.u.win.Canvas().Focus(f.title)
}

func (f *recordForm) readRecord() data.Activity {
	a := f.a
	a.Type, a.Title, a.Date, a.Note = f.typeSelect.Selected, trimmed(f.title), trimmed(f.date), trimmed(f.note)
	a.Members = f.authors.attendees()
	return a
}
