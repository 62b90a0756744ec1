package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// The 大会发言 tab: speeches at plenaries, 常委会议 and 专题协商会.

const adoptedText = "采用"

func speechSpec(s *activityScreen) activitySpec {
	return activitySpec{
		kind:  data.ActSpeech,
		title: "大会发言",
		columns: []*tableColumn[activityRow]{
			activityDateColumn(),
			{title: "发言人", width: 150, text: func(r activityRow) string { return r.Names }},
			{title: "题目", width: 320, text: func(r activityRow) string { return r.Title }},
			{title: "会议", width: 120, text: func(r activityRow) string { return r.full.Meeting }},
			{title: "形式", width: 90, text: func(r activityRow) string { return r.Type }},
			{title: "采用", width: 60, text: func(r activityRow) string {
				if r.full.Adopted || r.Adopted != "" {
					return adoptedText
				}
				return ""
			}},
		},
		types: func() []string { return s.cfg.SpeechForms },
		count: func(rows []activityRow) string {
			adopted := 0
			for _, r := range rows {
				if r.full.Adopted {
					adopted++
				}
			}
			return fmt.Sprintf("共 %d 篇发言，采用 %d 篇", len(rows), adopted)
		},
		detailed: true,
		open:     s.openSpeechForm,
	}
}

// speechForm adds or edits one 大会发言 (one speaker, or joint).
type speechForm struct {
	*activityForm
	speakers *participantEditor
	form     *widget.Select // 口头发言 / 书面发言
	meeting  *widget.Select
	title    *widget.Entry
	date     *widget.Entry
	adopted  *widget.Check
	note     *widget.Entry
}

func (s *activityScreen) openSpeechForm(a data.Activity) {
	f := &speechForm{activityForm: newActivityForm(s.speeches, a)}
	f.read = f.readSpeech
	f.speakers = newParticipantEditor(s, false, 0, a.Members)
	f.form = newSelect(s.cfg.SpeechForms, orDefaultText(a.Type, first(s.cfg.SpeechForms)), nil)
	f.meeting = newSelect(s.cfg.SpeechMeetings, a.Meeting, nil)
	f.title = textEntry(a.Title, "发言题目")
	f.date = dateEntry(a.Date)
	f.adopted = widget.NewCheck("已采用（编入会议材料或转有关部门）", nil)
	f.adopted.SetChecked(a.Adopted)
	f.note = textEntry(a.Note, "")

	f.add("题目", f.title, true, titleAliases...)
	f.add("形式", f.form, true, "类型", "发言形式")
	f.add("会议", f.meeting, true, "发言会议")
	f.add("日期", f.date, true)
	f.add("采用", f.adopted, false)
	f.add("备注", f.note, false)
	msg := f.errs.line(peopleAliases...)
	f.show(formTitle(a, "大会发言"), f.speakers.withMessage("发言人 *（联合发言按排名先后）", msg), fyne.NewSize(1000, 560))
	s.speechForm = f
	s.u.win.Canvas().Focus(f.speakers.search)
}

func (f *speechForm) readSpeech() data.Activity {
	a := f.a
	a.Type, a.Meeting = f.form.Selected, f.meeting.Selected
	a.Title, a.Date, a.Note = trimmed(f.title), trimmed(f.date), trimmed(f.note)
	a.Adopted = f.adopted.Checked
	a.Members = f.speakers.attendees()
	return a
}

// first is the first item of a list, or "".
func first(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return xs[0]
}
