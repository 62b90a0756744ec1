package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// binUnderTest is one screen's 回收站 as a user reaches it.
type binUnderTest struct {
	name    string
	open    func() // from the screen: its 回收站 button, or the tab
	obj     fyne.CanvasObject
	choose  func(row int)
	count   func() int
	restore *widget.Button
}

func binOf[T any](name string, open func(), b *recycleBin[T]) binUnderTest {
	return binUnderTest{name: name, open: open, obj: b.obj, choose: b.table.selectRow,
		count: func() int { return len(b.rows) }, restore: b.restoreBtn}
}

// theBins are the four 回收站: 委员, 提案, 履职活动 (a tab) and 社情民意,
// each opened from its screen.
func theBins(t *testing.T, u *UI) []binUnderTest {
	t.Helper()
	acts, infos := screenOf[*activityScreen](t, u), screenOf[*infoScreen](t, u)
	return []binUnderTest{
		binOf("委员", func() {
			u.nav.Select(u.screenIndex(u.members))
			u.members.onRecycleBin()
		}, u.members.bin),
		binOf("提案", func() {
			u.nav.Select(u.screenIndex(u.proposals))
			u.proposals.list.onRecycleBin()
		}, u.proposals.list.bin),
		binOf("履职活动", func() {
			u.nav.Select(u.screenIndex(acts))
			acts.tabs.SelectIndex(len(acts.all) - 1)
		}, acts.bin),
		binOf("社情民意", func() {
			u.nav.Select(u.screenIndex(infos))
			infos.list.onRecycleBin()
		}, infos.list.bin),
	}
}

func TestRecycleBinsOfferRestoreToEditorsOnly(t *testing.T) {
	for _, c := range []struct {
		user, password string
		want           string // the bin's visible buttons
	}{
		{"张主席", "viewer123", ""},       // 只读
		{"李干事", "clerk123", "恢复"},      // 录入员
		{"王主任", "admin123", "恢复 彻底删除"}, // 管理员
	} {
		u := loginUI(t)
		logIn(t, u, c.user, c.password)
		for _, b := range theBins(t, u) {
			b.open()
			got := strings.TrimSpace(strings.TrimSuffix(visibleButtons(b.obj), "关闭")) // the dialog's own button
			if got != c.want {
				t.Errorf("%s's %s 回收站 offers %q, want %q", c.user, b.name, got, c.want)
			}
		}
	}
}

func TestRestoreInEachBinShowsTheRecordInItsList(t *testing.T) {
	u := testUI(t, true)
	ctx := u.ctx
	m := addMember(t, u, "张明", "男", "经济界", "中共")
	session := data.Session{TermID: u.term.ID, Number: 1, StartDate: "2025-01-10"}
	if err := u.store.SaveSession(ctx, &session); err != nil {
		t.Fatal(err)
	}
	p := data.Proposal{SessionID: session.ID, Title: "关于加快农村饮水安全工程建设的建议", Body: "情况、分析和建议。",
		Category: "社会建设", Submitted: "2025-01-11", Proposers: []data.Proposer{{MembershipID: m.Membership.ID}}}
	if err := u.store.CreateProposal(ctx, &p); err != nil {
		t.Fatal(err)
	}
	author := []data.Attendee{{MembershipID: m.Membership.ID, Name: m.Name}}
	event := data.Activity{TermID: u.term.ID, Kind: data.ActEvent, Type: "视察", Title: "视察农村公路建设",
		Date: "2025-05-12", Members: author}
	info := data.Activity{TermID: u.term.ID, Kind: data.ActInfo, Title: "关于校园周边交通安全的建议",
		Date: "2025-05-06", Source: sourceDirect, Counted: true, Members: author}
	for _, a := range []*data.Activity{&event, &info} {
		if err := u.store.CreateActivity(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	// A second member stays on the roster, so that the roster is not empty.
	addMember(t, u, "李红", "女", "教育界", "民盟")
	for _, err := range []error{
		u.store.DeleteMember(ctx, m.Membership.ID),
		u.store.DeleteProposal(ctx, p.ID, "办公室"),
		u.store.DeleteActivity(ctx, event.ID),
		u.store.DeleteActivity(ctx, info.ID),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	// shown tells whether the owning list shows the record, selected.
	shown := map[string]func() bool{
		"委员": func() bool {
			x, ok := u.members.current()
			return ok && x.Membership.ID == m.Membership.ID
		},
		"提案": func() bool {
			x, ok := u.proposals.list.current()
			return ok && x.ID == p.ID
		},
		"履职活动": func() bool {
			s := screenOf[*activityScreen](t, u)
			return s.tabs.Selected().Text == "会议活动" && s.events.selected == event.ID &&
				s.events.rowOf(event.ID) >= 0
		},
		"社情民意": func() bool {
			l := screenOf[*infoScreen](t, u).list
			return l.selected == info.ID && l.rowOf(info.ID) >= 0
		},
	}
	// named is what the audit line of the 恢复 names.
	named := map[string]string{"委员": m.Name, "提案": p.Title, "履职活动": event.Title, "社情民意": info.Title}
	for _, b := range theBins(t, u) {
		b.open()
		if b.count() != 1 {
			t.Fatalf("%s 回收站 holds %d records, want 1", b.name, b.count())
		}
		if shown[b.name]() {
			t.Fatalf("%s: the deleted record is shown in its list", b.name)
		}
		if !b.restore.Disabled() {
			t.Errorf("%s: 恢复 enabled with nothing selected", b.name)
		}
		b.choose(0)
		test.Tap(b.restore)
		if b.count() != 0 {
			t.Errorf("%s 回收站 after 恢复: %d records", b.name, b.count())
		}
		if !shown[b.name]() {
			t.Errorf("%s: the restored record is not shown selected in its list", b.name)
		}
		audit, err := u.store.ListAudit(ctx, 1)
		if err != nil || len(audit) != 1 || audit[0].Action != "恢复" || audit[0].Detail != named[b.name] {
			t.Errorf("%s: last audit line %+v %v", b.name, audit, err)
		}
	}
}
