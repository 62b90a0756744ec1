package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// The 表彰惩戒 tab: awards, 通报批评 and 约谈 of one member.

// awardHonour is the award kind that has a level.
const awardHonour = "表彰"

func awardSpec(s *activityScreen) activitySpec {
	return activitySpec{
		kind:  data.ActAward,
		title: "表彰惩戒",
		columns: []*tableColumn[activityRow]{
			activityDateColumn(),
			{title: "委员", width: 110, text: func(r activityRow) string { return r.Names }},
			{title: "类别", width: 90, text: func(r activityRow) string { return r.Type }},
			{title: "级别", width: 80, text: func(r activityRow) string { return r.full.Level }},
			{title: "名称/事由", width: 380, text: func(r activityRow) string { return r.Title }},
		},
		types: func() []string { return s.cfg.AwardKinds },
		count: func(rows []activityRow) string {
			honours := 0
			for _, r := range rows {
				if r.Type == awardHonour {
					honours++
				}
			}
			return fmt.Sprintf("共 %d 条：表彰 %d，批评与约谈 %d", len(rows), honours, len(rows)-honours)
		},
		detailed: true,
		open:     s.openAwardForm,
	}
}

// awardForm adds or edits one award or sanction of one member.
type awardForm struct {
	*activityForm
	member *participantEditor
	kind   *widget.Select // 表彰 / 通报批评 / 约谈
	level  *widget.Select // 国家/省/市(地)/县, only for 表彰
	title  *widget.Entry
	date   *widget.Entry
	note   *widget.Entry
}

func (s *activityScreen) openAwardForm(a data.Activity) {
	f := &awardForm{activityForm: newActivityForm(s.awards, a)}
	f.read = f.readAward
	f.member = newParticipantEditor(s, false, 1, a.Members)
	f.level = newSelect(s.cfg.AwardLevels, a.Level, nil)
	f.kind = newSelect(s.cfg.AwardKinds, orDefaultText(a.Type, first(s.cfg.AwardKinds)), func(string) { f.onKind() })
	f.title = textEntry(a.Title, "如 优秀政协委员；或批评、约谈的事由")
	f.date = dateEntry(a.Date)
	f.note = textEntry(a.Note, "")

	f.add("委员", f.member.obj, true, peopleAliases...)
	f.add("类别", f.kind, true, "类型")
	f.add("级别", f.level, false, "表彰级别")
	f.add("名称/事由", f.title, true, titleAliases...)
	f.add("日期", f.date, true)
	f.add("备注", f.note, false)
	f.onKind()
	f.show(formTitle(a, "表彰惩戒"), nil, fyne.NewSize(720, 560))
	s.awardForm = f
	s.u.win.Canvas().Focus(f.member.search)
}

// onKind offers a level only for 表彰.
func (f *awardForm) onKind() {
	if f.kind.Selected == awardHonour {
		f.level.Enable()
	} else {
		f.level.Disable()
	}
}

func (f *awardForm) readAward() data.Activity {
	a := f.a
	a.Type, a.Level = f.kind.Selected, ""
	if a.Type == awardHonour {
		a.Level = f.level.Selected
	}
	a.Title, a.Date, a.Note = trimmed(f.title), trimmed(f.date), trimmed(f.note)
	a.Members = f.member.attendees()
	return a
}
