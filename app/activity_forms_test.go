package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"zhengxie/data"
)

func TestActivityDeleteToBinAndRestore(t *testing.T) {
	w := newActivityWorld(t)
	a := data.Activity{TermID: w.u.term.ID, Kind: data.ActEvent, Type: "视察", Title: "视察农村公路建设",
		Date: "2026-05-12", Members: []data.Attendee{{MembershipID: w.members[1].Membership.ID}}}
	if err := w.u.store.CreateActivity(w.u.ctx, &a); err != nil {
		t.Fatal(err)
	}
	l := w.s.events
	w.s.reload(w.u.ctx)
	if len(l.rows) != 1 {
		t.Fatalf("list shows %d rows", len(l.rows))
	}
	l.table.selectRow(0)
	asked := answerYes(&l.confirm)
	test.Tap(l.deleteBtn)
	if len(*asked) != 1 || !strings.Contains((*asked)[0], "视察农村公路建设") {
		t.Errorf("asked %v", *asked)
	}
	if len(l.rows) != 0 || len(w.stored(data.ActEvent, false)) != 0 {
		t.Fatalf("deleted event still listed: %d shown", len(l.rows))
	}
	w.s.tabs.SelectIndex(4)
	b := w.s.bin
	if len(b.rows) != 1 || b.cell(0, 1) != "会议活动" || b.cell(0, 4) != "视察农村公路建设" {
		t.Fatalf("bin shows %d rows: %q %q", len(b.rows), b.cell(0, 1), b.cell(0, 4))
	}
	if !b.restoreBtn.Disabled() {
		t.Error("恢复 enabled with nothing selected")
	}
	b.table.selectRow(0)
	test.Tap(b.restoreBtn)
	if len(b.rows) != 0 || b.countLabel.Text != "回收站中共 0 条" {
		t.Errorf("bin after restore: %d rows, %q", len(b.rows), b.countLabel.Text)
	}
	if list := w.stored(data.ActEvent, false); len(list) != 1 || list[0].ID != a.ID {
		t.Errorf("restored events %v", list)
	}
}

func TestSpeechCreateWithJointSpeakers(t *testing.T) {
	w := newActivityWorld(t)
	w.s.tabs.SelectIndex(1)
	l := w.s.speeches
	test.Tap(l.addBtn)
	f := w.s.speechForm
	addPerson(t, f.speakers, "李红")
	addPerson(t, f.speakers, "zhaom")
	f.speakers.move(1, -1) // 赵敏 first
	f.form.SetSelected("书面发言")
	f.meeting.SetSelected("全体会议")
	test.Type(f.title, "推动县域医疗资源均衡布局")
	f.date.SetText("2026-01-07")
	f.adopted.SetChecked(true)
	test.Tap(f.saveBtn)
	if f.open {
		t.Fatalf("save refused: %q", f.general.Text)
	}
	list := w.stored(data.ActSpeech, false)
	if len(list) != 1 {
		t.Fatalf("stored %d speeches", len(list))
	}
	a := w.get(list[0].ID)
	if got := attendeeNames(a.Members); !slices.Equal(got, []string{"赵敏", "李红"}) {
		t.Errorf("speakers %v, want 赵敏, 李红 in that order", got)
	}
	if a.Type != "书面发言" || a.Meeting != "全体会议" || !a.Adopted || a.EnteredBy != "办公室 小李" {
		t.Errorf("stored %q %q adopted=%v 录入人 %q", a.Type, a.Meeting, a.Adopted, a.EnteredBy)
	}
	if len(l.rows) != 1 || l.table.cell(0, "会议") != "全体会议" || l.table.cell(0, "采用") != "采用" {
		t.Errorf("list row: 会议 %q 采用 %q", l.table.cell(0, "会议"), l.table.cell(0, "采用"))
	}
	if l.countLabel.Text != "共 1 篇发言，采用 1 篇" {
		t.Errorf("counts %q", l.countLabel.Text)
	}
}

func TestAwardLevelOnlyForHonours(t *testing.T) {
	w := newActivityWorld(t)
	w.s.tabs.SelectIndex(2)
	l := w.s.awards
	test.Tap(l.addBtn)
	f := w.s.awardForm
	addPerson(t, f.member, "张明")
	addPerson(t, f.member, "王强") // one member per record: replaces
	if got := attendeeNames(f.member.rows); !slices.Equal(got, []string{"王强"}) {
		t.Fatalf("award member %v", got)
	}
	f.kind.SetSelected("通报批评")
	if !f.level.Disabled() {
		t.Error("级别 offered for 通报批评")
	}
	f.kind.SetSelected(awardHonour)
	if f.level.Disabled() {
		t.Fatal("级别 not offered for 表彰")
	}
	f.level.SetSelected("市(地)")
	test.Type(f.title, "全市优秀政协委员")
	f.date.SetText("2026-03-01")
	test.Tap(f.saveBtn)
	if f.open {
		t.Fatalf("save refused: %q", f.general.Text)
	}
	a := w.get(l.selected)
	if a.Type != awardHonour || a.Level != "市(地)" || a.Title != "全市优秀政协委员" || len(a.Members) != 1 ||
		a.Members[0].MembershipID != w.members[2].Membership.ID {
		t.Errorf("stored %+v", a)
	}
	if l.table.cell(0, "级别") != "市(地)" || l.countLabel.Text != "共 1 条：表彰 1，批评与约谈 0" {
		t.Errorf("list 级别 %q, counts %q", l.table.cell(0, "级别"), l.countLabel.Text)
	}

	test.Tap(l.editBtn) // the same record, now a sanction: the level goes
	f = w.s.awardForm
	f.kind.SetSelected("约谈")
	test.Tap(f.saveBtn)
	if f.open {
		t.Fatalf("edit refused: %q", f.general.Text)
	}
	if a := w.get(l.selected); a.Type != "约谈" || a.Level != "" {
		t.Errorf("after edit %q level %q", a.Type, a.Level)
	}
}

func TestRecordCreateWithAuthors(t *testing.T) {
	w := newActivityWorld(t)
	w.s.tabs.SelectIndex(3)
	l := w.s.records
	test.Tap(l.addBtn)
	f := w.s.recordForm
	f.typeSelect.SetSelected("调研报告")
	test.Type(f.title, "关于县域养老服务的调研报告")
	addPerson(t, f.authors, "王强")
	addPerson(t, f.authors, "李红")
	test.Tap(f.saveBtn)
	if f.open {
		t.Fatalf("save refused: %q", f.general.Text)
	}
	a := w.get(l.selected)
	if a.Kind != data.ActRecord || a.Type != "调研报告" || !slices.Equal(attendeeNames(a.Members), []string{"王强", "李红"}) {
		t.Errorf("stored %s %s %v", a.Kind, a.Type, attendeeNames(a.Members))
	}
	l.typeSelect.SetSelected("学习笔记")
	if len(l.rows) != 0 {
		t.Errorf("类型 filter 学习笔记 still shows %d rows", len(l.rows))
	}
	l.typeSelect.SetSelected(allTypes)
	test.Type(l.searchEntry, "养老")
	if len(l.rows) != 1 {
		t.Errorf("search 养老 shows %d rows", len(l.rows))
	}
}
