package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"zhengxie/data"
)

// infoWorld is the 社情民意 screen over a county with three members.
type infoWorld struct {
	t       *testing.T
	u       *UI
	s       *infoScreen
	members []data.Member // 张明, 李红, 王强
}

func newInfoWorld(t *testing.T) *infoWorld {
	t.Helper()
	u := testUI(t, true)
	w := &infoWorld{t: t, u: u}
	for _, s := range u.screens {
		if x, ok := s.(*infoScreen); ok {
			w.s = x
		}
	}
	if w.s == nil {
		t.Fatal("no 社情民意 screen in the navigation")
	}
	w.members = []data.Member{
		addMember(t, u, "张明", "男", "经济界", "中共"),
		addMember(t, u, "李红", "女", "教育界", "民盟"),
		addMember(t, u, "王强", "男", "经济界", "九三学社"),
	}
	u.app.Preferences().SetString(prefOperator, "办公室 小李")
	u.nav.Select(u.screenIndex(w.s))
	w.s.list.yearSelect.SetSelected(allYears)
	return w
}

// addAuthor types a member's name into the author search and presses Enter.
func addAuthor(f *infoForm, name string) {
	test.Type(f.authors.search, name)
	f.authors.search.OnSubmitted(f.authors.search.Text)
}

// addAdoption fills the adoption fields and taps 添加.
func addAdoption(f *infoForm, kind, level, leader, date string) {
	ae := f.adoptions
	ae.kindSelect.SetSelected(kind)
	ae.levelSelect.SetSelected(level)
	ae.leaderEntry.SetText(leader)
	ae.dateEntry.SetText(date)
	test.Tap(ae.addBtn)
}

func TestInfoCreateWithAuthorsAndAdoptions(t *testing.T) {
	w := newInfoWorld(t)
	l := w.s.list
	test.Tap(l.addBtn)
	f := l.form
	if f == nil || !f.open {
		t.Fatal("新增 did not open the form")
	}
	test.Type(f.title, "关于加强农村饮水安全的建议")
	f.date.SetText("2025-03-10")
	addAuthor(f, "李红")
	addAuthor(f, "张明")
	f.issue.SetText("2025年第3期")
	f.issueDate.SetText("2025-03-20")
	addAdoption(f, adoptKindAdopt, "市政协", "", "2025-04-01")
	addAdoption(f, adoptKindInstruct, "县", "王县长", "2025-04-05")
	if got := len(f.adoptions.rows); got != 2 {
		t.Fatalf("adoption rows = %d, want 2 (message %q)", got, f.adoptions.msg.Text)
	}
	test.Tap(f.saveBtn)
	if f.open {
		t.Fatalf("form stayed open: %q", f.general.Text)
	}
	list, err := w.u.store.ListActivities(w.u.ctx, data.ActivityFilter{TermID: w.u.term.ID, Kind: data.ActInfo})
	if err != nil || len(list) != 1 {
		t.Fatalf("stored infos = %v, %v", list, err)
	}
	a, err := w.u.store.GetActivity(w.u.ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range a.Members {
		names = append(names, m.Name)
	}
	if strings.Join(names, "、") != "李红、张明" {
		t.Errorf("authors = %v, want 李红 first then 张明", names)
	}
	if a.Members[0].MembershipID != w.members[1].Membership.ID {
		t.Errorf("first author is not 李红's membership")
	}
	if len(a.Adoptions) != 2 || a.Adoptions[0].Level != "市政协" || a.Adoptions[1].Leader != "王县长" {
		t.Errorf("adoptions = %+v", a.Adoptions)
	}
	if a.Issue != "2025年第3期" || a.EnteredBy != "办公室 小李" || !a.Counted {
		t.Errorf("issue %q, entered by %q, counted %v", a.Issue, a.EnteredBy, a.Counted)
	}
	if len(l.shown) != 1 || l.table.cell(0, "第一作者") != "李红" || l.table.cell(0, "最高采用级别") != "市政协" || l.table.cell(0, "批示") != "县：王县长" {
		t.Errorf("row = %q %q %q", l.table.cell(0, "第一作者"), l.table.cell(0, "最高采用级别"), l.table.cell(0, "批示"))
	}
}

func TestInfoFormValidation(t *testing.T) {
	w := newInfoWorld(t)
	l := w.s.list
	test.Tap(l.addBtn)
	f := l.form
	f.sourceSelect.SetSelected(sourceProposal)
	test.Tap(f.saveBtn)
	if !f.open {
		t.Fatal("a 提案转来 record without its proposal was saved")
	}
	if f.errorText("所转提案") == "" {
		t.Error("no message under 所转提案")
	}
	f.sourceSelect.SetSelected(sourceDirect)
	test.Tap(f.saveBtn) // no title, no authors
	if !f.open || f.errorText("题目") == "" {
		t.Errorf("empty title: open %v, message %q, general %q", f.open, f.errorText("题目"), f.general.Text)
	}
	addAdoption(f, adoptKindAdopt, "", "", "2025-04-01")
	if !strings.Contains(f.adoptions.msg.Text, "采用级别") || len(f.adoptions.rows) != 0 {
		t.Errorf("adoption without level: message %q, rows %d", f.adoptions.msg.Text, len(f.adoptions.rows))
	}
	addAdoption(f, adoptKindAdopt, "市政协", "", "2025-02-30")
	if !strings.Contains(f.adoptions.msg.Text, "2025-02-30") {
		t.Errorf("bad date message = %q", f.adoptions.msg.Text)
	}
	if n := len(w.stored()); n != 0 {
		t.Errorf("%d records stored after refusals", n)
	}
}

func (w *infoWorld) stored() []data.ActivitySummary {
	w.t.Helper()
	list, err := w.u.store.ListActivities(w.u.ctx, data.ActivityFilter{TermID: w.u.term.ID, Kind: data.ActInfo})
	if err != nil {
		w.t.Fatal(err)
	}
	return list
}

// seedInfo stores a record by one author with the given adoptions.
func (w *infoWorld) seedInfo(title string, author data.Member, ad ...data.Adoption) {
	w.t.Helper()
	a := data.Activity{TermID: w.u.term.ID, Kind: data.ActInfo, Title: title, Date: "2025-05-06",
		Source: sourceDirect, Counted: true, Members: []data.Attendee{{MembershipID: author.Membership.ID, Name: author.Name}},
		Adoptions: ad}
	if err := w.u.store.CreateActivity(w.u.ctx, &a); err != nil {
		w.t.Fatal(err)
	}
}

func TestInfoListFiltersByAdoptionLevel(t *testing.T) {
	w := newInfoWorld(t)
	w.seedInfo("县里采用的", w.members[0], data.Adoption{Kind: adoptKindAdopt, Level: "县委县政府", Mode: "单篇", Date: "2025-06-01"})
	w.seedInfo("省里采用的", w.members[1], data.Adoption{Kind: adoptKindAdopt, Level: "省政协", Mode: "转送", Date: "2025-06-02"})
	w.seedInfo("未采用的", w.members[2])
	l := w.s.list
	w.s.reload(w.u.ctx)
	titles := func() string {
		var out []string
		for _, a := range l.shown {
			out = append(out, a.Title)
		}
		return strings.Join(out, ",")
	}
	if len(l.shown) != 3 {
		t.Fatalf("shown %q, want all three", titles())
	}
	l.adoptSelect.SetSelected("省政协")
	if titles() != "省里采用的" {
		t.Errorf("省政协 shows %q", titles())
	}
	l.adoptSelect.SetSelected(adoptNone)
	if titles() != "未采用的" {
		t.Errorf("未采用 shows %q", titles())
	}
	l.adoptSelect.SetSelected(adoptAny)
	if len(l.shown) != 2 {
		t.Errorf("已采用 shows %q", titles())
	}
	if !strings.HasPrefix(l.countLabel.Text, "收到 2 篇") {
		t.Errorf("counts line = %q", l.countLabel.Text)
	}
}

func TestInfoCountsLine(t *testing.T) {
	levels := []string{"县委县政府", "市政协", "省政协", "全国政协"}
	adopt := func(level string) data.Adoption { return data.Adoption{Kind: adoptKindAdopt, Level: level} }
	rows := []data.Activity{
		{Issue: "第1期", Adoptions: []data.Adoption{adopt("县委县政府"), adopt("市政协"), adopt("市政协")}},
		{Issue: "第1期", Adoptions: []data.Adoption{adopt("省政协"), {Kind: adoptKindInstruct, Level: "县", Leader: "王"}}},
		{Issue: "第2期"},
		{Adoptions: []data.Adoption{{Kind: adoptKindInstruct, Level: "市", Leader: "李"}}},
	}
	want := "收到 4 篇，编发 2 期，被采用 2 篇：县委县政府 1、市政协 1、省政协 1、全国政协 0；领导批示 2 篇"
	if got := infoCounts(rows, levels); got != want {
		t.Errorf("counts line\n got %s\nwant %s", got, want)
	}
	if got := highestAdoption(rows[0], levels); got != "市政协" {
		t.Errorf("highest level = %q, want 市政协", got)
	}
}
