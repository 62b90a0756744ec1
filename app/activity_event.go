package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// The 会议活动 tab: meetings and activities with their participants.

func eventSpec(s *activityScreen) activitySpec {
	return activitySpec{
		kind:  data.ActEvent,
		title: "会议活动",
		columns: []*tableColumn[activityRow]{
			activityDateColumn(),
			{title: "类型", width: 140, text: activityType, sortKey: activityType},
			{title: "名称", width: 320, text: func(r activityRow) string { return r.Title }},
			{title: "主办", width: 150, text: func(r activityRow) string { return r.Organizer }},
			activityCountColumn("人数", 60, func(r activityRow) int { return r.Count }),
			activityCountColumn("请假/缺席", 84, func(r activityRow) int { return r.Absent }),
		},
		types: func() []string { return s.cfg.EventTypes },
		count: func(rows []activityRow) string {
			people, absent := 0, 0
			for _, r := range rows {
				people += r.Count
				absent += r.Absent
			}
			return fmt.Sprintf("共 %d 次会议活动，参加 %d 人次，请假/缺席 %d 人次", len(rows), people, absent)
		},
		open:    s.openEventForm,
		imports: true,
	}
}

// eventForm adds or edits one meeting or activity with its participants.
type eventForm struct {
	*activityForm
	typeSelect *widget.Select
	title      *widget.Entry
	date       *widget.Entry
	endDate    *widget.Entry
	organizer  *widget.SelectEntry
	place      *widget.Entry
	parent     *widget.Select
	parentRow  []fyne.CanvasObject
	parents    []data.ActivitySummary // the term's 全体会议, for a 小组讨论
	note       *widget.Entry
	people     *participantEditor
}

func (s *activityScreen) openEventForm(a data.Activity) {
	u := s.u
	f := &eventForm{activityForm: newActivityForm(s.events, a)}
	f.read = f.readEvent
	if list, err := u.store.ListActivities(u.ctx, data.ActivityFilter{TermID: a.TermID, Kind: data.ActEvent,
		Type: eventPlenary}); err != nil {
		showError(err, u.win)
	} else {
		for _, p := range list {
			if p.ID != a.ID {
				f.parents = append(f.parents, p)
			}
		}
	}
	f.typeSelect = newSelect(s.cfg.EventTypes, a.Type, func(string) { f.onType() })
	f.title = textEntry(a.Title, "如 十一届政协第五次全体会议")
	f.date = dateEntry(a.Date)
	f.endDate = dateEntry(a.EndDate)
	f.endDate.SetPlaceHolder("多日活动填写最后一天，可不填")
	f.organizer = widget.NewSelectEntry(s.organizers())
	f.organizer.SetText(a.Organizer)
	f.place = textEntry(a.Place, "可不填")
	var names []string
	chosen := -1
	for i, p := range f.parents {
		names = append(names, p.Date+" "+p.Title)
		if p.ID == a.ParentID {
			chosen = i
		}
	}
	f.parent = widget.NewSelect(names, nil)
	f.parent.PlaceHolder = "（不属于某次全体会议）"
	if chosen >= 0 {
		f.parent.SetSelectedIndex(chosen)
	}
	f.note = textEntry(a.Note, "")
	f.people = newParticipantEditor(s, true, 0, a.Members)

	f.add("类型", f.typeSelect, true)
	f.add("名称", f.title, true, titleAliases...)
	f.add("日期", f.date, true, "开始日期")
	f.add("结束日期", f.endDate, false)
	f.add("主办", f.organizer, false, "主办单位")
	f.add("地点", f.place, false)
	f.parentRow = f.add("上级会议", f.parent, false, "所属会议")
	f.add("备注", f.note, false)
	peopleErr := f.errs.line(peopleAliases...)
	f.onType()
	f.show(formTitle(a, "会议活动"), f.people.withMessage("参加人员 *", peopleErr), fyne.NewSize(1180, 760))
	s.eventForm = f
	u.win.Canvas().Focus(f.title)
}

// onType offers the 全体会议 a 小组讨论 belongs to.
func (f *eventForm) onType() {
	on := f.typeSelect.Selected == eventGroupTalk || f.parent.SelectedIndex() >= 0
	for _, o := range f.parentRow {
		setVisible(o, on)
	}
}

func (f *eventForm) readEvent() data.Activity {
	a := f.a
	a.Type, a.Title = f.typeSelect.Selected, trimmed(f.title)
	a.Date, a.EndDate = trimmed(f.date), trimmed(f.endDate)
	a.Organizer, a.Place, a.Note = trimmed(&f.organizer.Entry), trimmed(f.place), trimmed(f.note)
	a.ParentID = 0
	if i := f.parent.SelectedIndex(); i >= 0 && i < len(f.parents) && f.parentRow[0].Visible() {
		a.ParentID = f.parents[i].ID
	}
	a.Members = f.people.attendees()
	return a
}
