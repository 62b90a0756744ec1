package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// activityWorld is the 履职活动 screen over a county with four members in
// three 界别.
type activityWorld struct {
	t       *testing.T
	u       *UI
	s       *activityScreen
	members []data.Member // 张明 经济界, 李红 教育界, 王强 经济界, 赵敏 医药卫生界
}

func newActivityWorld(t *testing.T) *activityWorld {
	t.Helper()
	u := testUI(t, true)
	w := &activityWorld{t: t, u: u}
	for _, s := range u.screens {
		if x, ok := s.(*activityScreen); ok {
			w.s = x
		}
	}
	if w.s == nil {
		t.Fatal("no 履职活动 screen in the navigation")
	}
	w.members = []data.Member{
		addMember(t, u, "张明", "男", "经济界", "中共"),
		addMember(t, u, "李红", "女", "教育界", "民盟"),
		addMember(t, u, "王强", "男", "经济界", "九三学社"),
		addMember(t, u, "赵敏", "女", "医药卫生界", "无党派"),
	}
	u.app.Preferences().SetString(prefOperator, "办公室 小李")
	u.nav.Select(u.screenIndex(w.s))
	return w
}

// stored lists the term's records of a kind, deleted ones when asked.
func (w *activityWorld) stored(kind string, deleted bool) []data.ActivitySummary {
	w.t.Helper()
	list, err := w.u.store.ListActivities(w.u.ctx, data.ActivityFilter{TermID: w.u.term.ID, Kind: kind, Deleted: deleted})
	if err != nil {
		w.t.Fatal(err)
	}
	return list
}

func (w *activityWorld) get(id int64) data.Activity {
	w.t.Helper()
	a, err := w.u.store.GetActivity(w.u.ctx, id)
	if err != nil {
		w.t.Fatal(err)
	}
	return a
}

// addPerson adds a member through the editor's search as a user does.
func addPerson(t *testing.T, pe *participantEditor, query string) {
	t.Helper()
	pe.search.SetText("")
	test.Type(pe.search, query)
	if len(pe.matches) == 0 {
		t.Fatalf("search %q finds no member", query)
	}
	pe.matchList.Select(0)
}

func attendeeNames(xs []data.Attendee) []string {
	var out []string
	for _, x := range xs {
		out = append(out, x.Name)
	}
	return out
}

// statusSelects finds the status select of every participant row shown.
func statusSelects(o fyne.CanvasObject) []*widget.Select {
	var out []*widget.Select
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Select:
			if slices.Equal(x.Options, data.AttendanceStatuses) {
				out = append(out, x)
			}
			return
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
			return
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(wd).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

func TestEventQuickPickSectorAndMarkLeave(t *testing.T) {
	w := newActivityWorld(t)
	l := w.s.events
	test.Tap(l.addBtn)
	f := w.s.eventForm
	if f == nil || !f.open {
		t.Fatal("新增 opened no event form")
	}
	if f.date.Text != "2026-11-22" {
		t.Errorf("a new event starts on %q, want today", f.date.Text)
	}
	f.typeSelect.SetSelected("视察")
	test.Type(f.title, "视察县城污水处理厂")
	f.organizer.SetText("经济委")
	pe := f.people
	pe.pickSelect.SetSelected("界别：经济界")
	test.Tap(pe.pickBtn)
	if got := attendeeNames(pe.rows); !slices.Equal(got, []string{"张明", "王强"}) {
		t.Fatalf("quick pick 经济界 added %v", got)
	}
	if pe.countLabel.Text != "共 2 人：出席 2，请假 0，缺席 0" {
		t.Errorf("counts %q", pe.countLabel.Text)
	}
	addPerson(t, pe, "zm") // 赵敏 joins; 张明 is there already
	if got := attendeeNames(pe.rows); !slices.Equal(got, []string{"张明", "王强", "赵敏"}) {
		t.Fatalf("after search %v", got)
	}
	w.u.win.Resize(fyne.NewSize(1280, 800))
	if sels := statusSelects(w.u.win.Canvas().Overlays().Top()); len(sels) >= 2 {
		sels[1].SetSelected(data.AttLeave) // the second row: 王强
	} else {
		pe.setStatus(1, data.AttLeave)
	}
	pe.setStatus(2, data.AttAbsent)
	if pe.countLabel.Text != "共 3 人：出席 1，请假 1，缺席 1" {
		t.Errorf("counts after marking %q", pe.countLabel.Text)
	}
	test.Tap(pe.allPresent)
	pe.setStatus(1, data.AttLeave)
	test.Tap(f.saveBtn)
	if f.open {
		t.Fatalf("save refused: %q", f.general.Text)
	}
	list := w.stored(data.ActEvent, false)
	if len(list) != 1 {
		t.Fatalf("stored %d events", len(list))
	}
	a := w.get(list[0].ID)
	statuses := map[string]string{}
	for _, x := range a.Members {
		statuses[x.Name] = x.Status
	}
	want := map[string]string{"张明": data.AttPresent, "王强": data.AttLeave, "赵敏": data.AttPresent}
	if len(statuses) != 3 || statuses["张明"] != want["张明"] || statuses["王强"] != want["王强"] || statuses["赵敏"] != want["赵敏"] {
		t.Errorf("stored statuses %v, want %v", statuses, want)
	}
	if a.Type != "视察" || a.Title != "视察县城污水处理厂" || a.Organizer != "经济委" || a.EnteredBy != "办公室 小李" {
		t.Errorf("stored %q %q 主办 %q 录入人 %q", a.Type, a.Title, a.Organizer, a.EnteredBy)
	}
	if len(l.rows) != 1 || l.selected != a.ID || l.table.cell(0, "人数") != "3" || l.table.cell(0, "请假/缺席") != "1" {
		t.Errorf("list shows %d rows (selected %d), 人数 %q 请假/缺席 %q", len(l.rows), l.selected, l.table.cell(0, "人数"), l.table.cell(0, "请假/缺席"))
	}
	if !strings.Contains(l.countLabel.Text, "共 1 次会议活动") {
		t.Errorf("counts line %q", l.countLabel.Text)
	}
}

func TestEventWithoutTitleIsRefusedUnderField(t *testing.T) {
	w := newActivityWorld(t)
	w.s.events.onAdd()
	f := w.s.eventForm
	f.typeSelect.SetSelected("调研")
	addPerson(t, f.people, "李红")
	test.Tap(f.saveBtn)
	if !f.open {
		t.Fatal("form closed although the save was refused")
	}
	if f.errorText("名称") == "" {
		t.Errorf("no message under 名称; general %q", f.general.Text)
	}
	if n := len(w.stored(data.ActEvent, false)); n != 0 {
		t.Fatalf("refused save stored %d events", n)
	}
	test.Type(f.title, "乡村振兴专题调研")
	test.Tap(f.saveBtn)
	if f.open {
		t.Fatalf("complete event refused: %q", f.general.Text)
	}
	if f.errorText("名称") != "" {
		t.Errorf("message under 名称 kept: %q", f.errorText("名称"))
	}
}

func TestGroupTalkBelongsToPlenary(t *testing.T) {
	w := newActivityWorld(t)
	plenary := data.Activity{TermID: w.u.term.ID, Kind: data.ActEvent, Type: eventPlenary, Title: "十一届五次全体会议",
		Date: "2026-01-06", Members: []data.Attendee{{MembershipID: w.members[0].Membership.ID}}}
	if err := w.u.store.CreateActivity(w.u.ctx, &plenary); err != nil {
		t.Fatal(err)
	}
	w.s.events.onAdd()
	f := w.s.eventForm
	if f.parentRow[0].Visible() {
		t.Error("上级会议 offered before choosing 小组讨论")
	}
	f.typeSelect.SetSelected(eventGroupTalk)
	if !f.parentRow[0].Visible() || len(f.parent.Options) != 1 {
		t.Fatalf("小组讨论 offers %v", f.parent.Options)
	}
	f.parent.SetSelectedIndex(0)
	test.Type(f.title, "经济界小组讨论")
	f.date.SetText("2026-01-07")
	addPerson(t, f.people, "wq")
	test.Tap(f.saveBtn)
	if f.open {
		t.Fatalf("save refused: %q", f.general.Text)
	}
	if got := w.get(w.s.events.selected); got.ParentID != plenary.ID {
		t.Errorf("stored parent %d, want %d", got.ParentID, plenary.ID)
	}
}

func TestEventsImportAsksForWorkbook(t *testing.T) {
	w := newActivityWorld(t)
	var asked string
	w.u.openFile = func(title string, _ []string, _ func(string)) { asked = title }
	test.Tap(w.s.events.importBtn)
	if !strings.Contains(asked, "会议活动") {
		t.Errorf("导入 asked %q", asked)
	}
}

// The 会议活动 list comes newest first; 人数 puts the largest first, 日期
// the oldest first, and the selected record stays selected.
func TestActivityListSortsByAHeader(t *testing.T) {
	w := newActivityWorld(t)
	for i, date := range []string{"2026-03-01", "2026-05-12", "2026-04-20"} {
		a := data.Activity{TermID: w.u.term.ID, Kind: data.ActEvent, Type: "视察", Title: "视察" + date, Date: date}
		for _, m := range w.members[:i+2] {
			a.Members = append(a.Members, data.Attendee{MembershipID: m.Membership.ID})
		}
		if err := w.u.store.CreateActivity(w.u.ctx, &a); err != nil {
			t.Fatal(err)
		}
	}
	l := w.s.events
	w.s.reload(w.u.ctx)
	w.s.tabs.SelectIndex(0)
	dates := func() string {
		var out []string
		for _, r := range l.rows {
			out = append(out, r.Date[5:])
		}
		return strings.Join(out, " ")
	}
	if got := dates(); got != "05-12 04-20 03-01" {
		t.Fatalf("own order %s", got)
	}
	l.table.selectRow(1) // 04-20
	tapHeader(t, l.table.table, "人数")
	if got := dates(); got != "04-20 05-12 03-01" {
		t.Errorf("by 人数 %s, want 4, 3, 2 people", got)
	}
	if i := l.rowOf(l.selected); i != 0 || l.rows[0].Date != "2026-04-20" {
		t.Errorf("the selection moved to row %d", i)
	}
	tapHeader(t, l.table.table, "日期")
	if got := dates(); got != "03-01 04-20 05-12" {
		t.Errorf("by 日期 %s, want the oldest first", got)
	}
	tapHeader(t, l.table.table, "日期")
	if got, h := dates(), headerTexts(l.table.table); got != "05-12 04-20 03-01" || slices.Contains(h, "日期 ▼") {
		t.Errorf("back to newest first %s, headers %q", got, h)
	}
}
