package app

import (
	"fmt"
	"image/color"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// shownTexts is the text of every label drawn inside o: what a user can
// read there. A table draws only the cells in sight.
func shownTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, l := range drawn[*widget.Label](o) {
		if l.Text != "" {
			out = append(out, l.Text)
		}
	}
	return out
}

// roster adds n members of 中国共产党 and then those of 民进, so that the
// 民进 members come last in roster order.
func roster(t *testing.T, u *UI, n int, minJin ...string) {
	t.Helper()
	for i := range n {
		addMember(t, u, fmt.Sprintf("党员%02d", i+1), "男", "中国共产党", "中共")
	}
	for _, name := range minJin {
		addMember(t, u, name, "女", "民进", "民进")
	}
}

func TestMemberFilterScrollsToTheFirstRow(t *testing.T) {
	u := testUI(t, true)
	roster(t, u, 40, "甲一", "乙二", "丙三")
	u.nav.Select(u.screenIndex(u.members))
	m := u.members
	m.reload(u.ctx)
	m.table.table.ScrollToBottom() // the clerk scrolled down the whole roster
	if slices.Contains(shownTexts(m.table.table), "党员01") {
		t.Fatal("the first member is still in sight after scrolling down; the test shows nothing")
	}
	m.filters[data.KindSector].SetSelected("民进")
	if got := shownNames(m); len(got) != 3 {
		t.Fatalf("界别 民进 shows %v", got)
	}
	if texts := shownTexts(m.table.table); !slices.Contains(texts, m.shown[0].Name) {
		t.Errorf("after the filter the first of 3 rows (%s) is out of sight; drawn: %v", m.shown[0].Name, texts)
	}

	m.filters[data.KindSector].SetSelected(all)
	m.table.table.ScrollToBottom()
	test.Type(m.searchEntry, "dy")
	if texts := shownTexts(m.table.table); len(m.shown) == 0 || !slices.Contains(texts, m.shown[0].Name) {
		t.Errorf("after a search the first row is out of sight; drawn: %v", texts)
	}
}

func TestMemberDetailShowsTheEditAtOnce(t *testing.T) {
	u := testUI(t, true)
	addMember(t, u, "李四", "男", "中国共产党", "中共")
	u.nav.Select(u.screenIndex(u.members))
	m := u.members
	m.table.selectRow(0)
	test.Tap(m.editBtn)
	test.Type(m.form.entries[data.FieldTitle], "高级工程师")
	test.Tap(m.form.saveBtn)
	if m.form != nil {
		t.Fatalf("edit refused: %q", m.form.general.Text)
	}
	if d := m.detail.String(); !strings.Contains(d, "高级工程师") {
		t.Errorf("the detail pane still shows the old record:\n%s", d)
	}
}

// scrolledSearch scrolls a table to its bottom, then types a search that
// leaves few rows, and reports whether the first of them is in sight.
func scrolledSearch(t *testing.T, tb *widget.Table, search *widget.Entry, query string, first func() string) {
	t.Helper()
	tb.ScrollToBottom()
	if texts := shownTexts(tb); slices.Contains(texts, first()) {
		t.Fatalf("row 1 (%s) still in sight after scrolling down; the test shows nothing", first())
	}
	test.Type(search, query)
	if got := first(); got == "" || !slices.Contains(shownTexts(tb), got) {
		t.Errorf("after searching %q the first row (%q) is out of sight; drawn: %v", query, got, shownTexts(tb))
	}
}

func TestProposalSearchScrollsToTheFirstRow(t *testing.T) {
	w := newListWorld(t)
	for i := range 40 {
		title := fmt.Sprintf("关于第%02d项民生工程的建议", i+1)
		if i >= 37 {
			title = fmt.Sprintf("关于缓解停车难第%02d的建议", i+1)
		}
		w.add(1, title, "正文", "社会建设", 0)
	}
	w.reload()
	l := w.l
	scrolledSearch(t, l.table.table, l.searchEntry, "停车", func() string {
		if len(l.shown) == 0 {
			return ""
		}
		return l.shown[0].Title
	})
}

func TestActivityAndInfoSearchScrollToTheFirstRow(t *testing.T) {
	w := newActivityWorld(t)
	u := w.u
	for i := range 40 {
		title := fmt.Sprintf("视察第%02d号工程", i+1)
		if i >= 37 {
			title = fmt.Sprintf("调研停车场第%02d", i+1)
		}
		a := data.Activity{TermID: u.term.ID, Kind: data.ActEvent, Type: "视察", Title: title, Date: "2026-05-12",
			Members: []data.Attendee{{MembershipID: w.members[0].Membership.ID}}}
		if err := u.store.CreateActivity(u.ctx, &a); err != nil {
			t.Fatal(err)
		}
		info := data.Activity{TermID: u.term.ID, Kind: data.ActInfo, Title: title, Date: "2026-05-12", Source: sourceDirect,
			Counted: true, Members: []data.Attendee{{MembershipID: w.members[0].Membership.ID}}}
		if err := u.store.CreateActivity(u.ctx, &info); err != nil {
			t.Fatal(err)
		}
	}
	l := w.s.events
	w.s.reload(u.ctx)
	w.s.tabs.SelectIndex(0)
	scrolledSearch(t, l.table.table, l.searchEntry, "停车", func() string {
		if len(l.rows) == 0 {
			return ""
		}
		return l.rows[0].Title
	})

	var is *infoScreen
	for _, s := range u.screens {
		if x, ok := s.(*infoScreen); ok {
			is = x
		}
	}
	u.nav.Select(u.screenIndex(is))
	il := is.list
	scrolledSearch(t, il.table.table, il.searchEntry, "停车", func() string {
		if len(il.shown) == 0 {
			return ""
		}
		return il.shown[0].Title
	})
}

func TestStepKeepsProposalSelectedAndOffersTheNextStep(t *testing.T) {
	w := newListWorld(t)
	_, water, _ := w.seed()
	l, d := w.l, w.l.detail
	l.statusSelect.SetSelected(string(proposal.Submitted)) // the clerk works through the new proposals
	w.selectRow(titleWater)
	if b := d.actionButtons[proposal.ActFile]; b == nil || b.Importance != widget.HighImportance {
		t.Errorf("已提交: 立案 is not the highlighted step")
	}
	test.Tap(d.actionButtons[proposal.ActFile])
	test.Tap(d.action.okBtn)
	if d.action != nil {
		t.Fatalf("立案 refused: %q", d.action.general.Text)
	}
	if w.get(water.ID).Status != proposal.Filed {
		t.Fatalf("stored %s", w.get(water.ID).Status)
	}
	if l.selected != water.ID || !d.shown || d.p.ID != water.ID || d.p.Status != proposal.Filed {
		t.Fatalf("after 立案 the selection moved: selected %d, detail shown %v of %d (%s)", l.selected, d.shown, d.p.ID, d.p.Status)
	}
	if !slices.Contains(shownTexts(l.table.table), titleWater) {
		t.Errorf("the proposal left the list although it is still being worked on; drawn %v", shownTexts(l.table.table))
	}
	if !d.notice.Visible() || !strings.HasPrefix(d.notice.Text, "已立案") || !strings.Contains(d.notice.Text, "下一步：交办") {
		t.Errorf("confirmation %q (visible %v)", d.notice.Text, d.notice.Visible())
	}
	for a, b := range d.actionButtons {
		if (b.Importance == widget.HighImportance) != (a == proposal.ActAssign) {
			t.Errorf("after 立案 %s has importance %v; want only 交办 highlighted", a, b.Importance)
		}
	}
	if first := d.actionBar.Objects[0].(*widget.Button); first.Text != string(proposal.ActAssign) {
		t.Errorf("the first step offered is %s, want 交办", first.Text)
	}

	l.statusSelect.SetSelected(string(proposal.Submitted)) // choosing a filter again ends the exception
	if slices.Contains(shownTitles(l), titleWater) {
		t.Errorf("a filter change still shows the 立案 proposal under 已提交: %v", shownTitles(l))
	}
}

func TestStepNoticeLeavesAfterAWhile(t *testing.T) {
	w := newListWorld(t)
	w.seed()
	d := w.l.detail
	var expire func()
	d.noticeRead.now = func(request func()) { expire = request }
	w.selectRow(titleWater)
	test.Tap(d.actionButtons[proposal.ActReview])
	test.Tap(d.action.okBtn)
	if !strings.HasPrefix(d.notice.Text, "已送审") {
		t.Fatalf("notice %q", d.notice.Text)
	}
	expire()
	if d.notice.Visible() {
		t.Errorf("the confirmation %q stays", d.notice.Text)
	}
	test.Tap(d.actionButtons[proposal.ActFile])
	test.Tap(d.action.okBtn)
	w.selectRow(titleParking)
	if d.notice.Visible() {
		t.Error("a confirmation shows over another proposal")
	}
}

func TestNewMemberHiddenByFilterIsAnnounced(t *testing.T) {
	u := testUI(t, true)
	addMember(t, u, "甲一", "女", "民进", "民进")
	u.nav.Select(u.screenIndex(u.members))
	m := u.members
	m.reload(u.ctx)
	m.filters[data.KindSector].SetSelected("民进")
	if m.hidden.obj.Visible() {
		t.Fatal("the note shows before anything was saved")
	}
	m.onAdd()
	f := m.form
	test.Type(f.entries[data.FieldName], "王五")
	f.selects[data.FieldGender].SetSelected("男")
	f.selects[data.FieldSector].SetSelected("中国共产党")
	test.Tap(f.saveBtn)
	if m.form != nil {
		t.Fatalf("save refused: %q", f.general.Text)
	}
	if slices.Contains(shownNames(m), "王五") {
		t.Fatalf("the filter 民进 shows 王五 of 中国共产党: %v", shownNames(m))
	}
	if !m.hidden.obj.Visible() || m.hidden.label.Text != "已保存“王五”；当前筛选下不显示。" {
		t.Errorf("note %q (visible %v)", m.hidden.label.Text, m.hidden.obj.Visible())
	}
	test.Tap(m.hidden.clearBtn)
	if x, ok := m.current(); !ok || x.Name != "王五" {
		t.Errorf("清除筛选 did not show and select 王五; shown %v", shownNames(m))
	}
	if m.hidden.obj.Visible() || m.filters[data.KindSector].Selected != all {
		t.Errorf("after 清除筛选 the note shows %v, 界别 %q", m.hidden.obj.Visible(), m.filters[data.KindSector].Selected)
	}
}

func TestEmptyMemberListSaysWhy(t *testing.T) {
	u := testUI(t, true)
	u.nav.Select(u.screenIndex(u.members))
	m := u.members
	m.reload(u.ctx)
	if texts := strings.Join(shownTexts(m.view()), "|"); !strings.Contains(texts, "本届名册还没有委员") {
		t.Errorf("an empty roster shows %q", texts)
	}
	addMember(t, u, "甲一", "女", "民进", "民进")
	m.reload(u.ctx)
	if texts := strings.Join(shownTexts(m.view()), "|"); strings.Contains(texts, "委员。") {
		t.Errorf("the roster has a member but says it is empty: %q", texts)
	}
	m.searchEntry.SetText("zzz")
	if texts := strings.Join(shownTexts(m.view()), "|"); !strings.Contains(texts, "没有符合筛选条件的委员") {
		t.Errorf("a search finding nobody shows %q", texts)
	}
}

func TestSavedActivityHiddenByFilterIsAnnounced(t *testing.T) {
	w := newActivityWorld(t)
	u, l := w.u, w.s.events
	w.s.reload(u.ctx)
	if texts := strings.Join(shownTexts(l.view()), "|"); !strings.Contains(texts, "还没有记录") {
		t.Errorf("an empty list shows %q", texts)
	}
	test.Type(l.searchEntry, "污水")
	if texts := strings.Join(shownTexts(l.view()), "|"); !strings.Contains(texts, "没有符合筛选条件的记录") {
		t.Errorf("an empty search shows %q", texts)
	}
	a := data.Activity{TermID: u.term.ID, Kind: data.ActEvent, Type: "视察", Title: "视察农村公路建设",
		Date: u.store.Now().Format("2006-01-02"), Members: []data.Attendee{{MembershipID: w.members[0].Membership.ID}}}
	if err := u.store.CreateActivity(u.ctx, &a); err != nil {
		t.Fatal(err)
	}
	l.saved(a) // what the form does after storing
	if !l.hidden.obj.Visible() || !strings.Contains(l.hidden.label.Text, "视察农村公路建设") {
		t.Fatalf("note %q (visible %v)", l.hidden.label.Text, l.hidden.obj.Visible())
	}
	test.Tap(l.hidden.clearBtn)
	if l.selected != a.ID || l.rowOf(a.ID) < 0 || l.searchEntry.Text != "" {
		t.Errorf("清除筛选: selected %d, row %d, search %q", l.selected, l.rowOf(a.ID), l.searchEntry.Text)
	}
}

func TestSavedProposalStaysInTheFilteredList(t *testing.T) {
	w := newListWorld(t)
	w.seed()
	l := w.l
	l.statusSelect.SetSelected(string(proposal.Filed))
	l.onAdd()
	f := l.form
	test.Type(f.title, "关于改善县城公交线路的建议")
	pick(t, f, "张明")
	f.category.SetSelected("社会建设")
	test.Tap(f.saveBtn)
	if l.form != nil {
		t.Fatalf("save refused: %q", f.general.Text)
	}
	p, ok := l.current()
	if !ok || p.Title != "关于改善县城公交线路的建议" || !l.detail.shown || l.detail.p.ID != p.ID {
		t.Errorf("the new proposal is not shown and selected under 状态 立案: %v", shownTitles(l))
	}
	l.statusSelect.SetSelected(string(proposal.Reviewing))
	if texts := strings.Join(shownTexts(l.view()), "|"); !strings.Contains(texts, "没有符合筛选条件的提案") {
		t.Errorf("an empty filter shows %q", texts)
	}
}

// rowCells are the cells of the table drawn inside o.
func rowCells(o fyne.CanvasObject) []*rowCell { return drawn[*rowCell](o) }

func TestSelectionMarksTheWholeRowAndDoubleClickOpens(t *testing.T) {
	u := testUI(t, true)
	addMember(t, u, "张三", "男", "中国共产党", "中共")
	addMember(t, u, "李四", "女", "民进", "民进")
	u.nav.Select(u.screenIndex(u.members))
	m := u.members
	m.reload(u.ctx)
	cells := rowCells(m.table.table)
	var second *rowCell
	for _, c := range cells {
		if c.id.Row == 1 && c.id.Col == 4 {
			second = c
		}
	}
	if second == nil {
		t.Fatalf("no cell of row 2 drawn among %d", len(cells))
	}
	second.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary})
	if x, ok := m.current(); !ok || x.Name != m.shown[1].Name {
		t.Fatalf("a click on row 2 selected %v", x.Name)
	}
	if m.form != nil {
		t.Fatal("one click opened the form")
	}
	for _, c := range rowCells(m.table.table) {
		marked := c.bg.FillColor != color.Transparent
		if c.id.Row == 1 && c.id.Col != 4 && !marked {
			t.Errorf("cell %v of the selected row is not marked", c.id)
		}
		if (c.id.Row != 1 || c.id.Col == 4) && marked {
			t.Errorf("cell %v is marked", c.id) // the clicked cell is fyne's own
		}
	}
	second.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary})
	if m.form == nil || m.form.entries[data.FieldName].Text != m.shown[1].Name {
		t.Fatal("a double click did not open the member")
	}
}

func TestUserListHasColumnHeaders(t *testing.T) {
	u := testUI(t, true)
	s := u.settings.users
	s.reload(u.ctx)
	w := test.NewWindow(s.view())
	defer w.Close()
	w.Resize(fyne.NewSize(900, 400))
	texts := strings.Join(shownTexts(s.view()), "|")
	for _, h := range []string{"用户名", "角色", "状态", "最近登录", "尚未设置用户"} {
		if !strings.Contains(texts, h) {
			t.Errorf("the user tab lacks %q: %s", h, texts)
		}
	}
}

func TestInfoOpensOnDoubleClick(t *testing.T) {
	w := newInfoWorld(t)
	w.seedInfo("关于农村留守老人照护的建议", w.members[0])
	l := w.s.list
	w.s.reload(w.u.ctx)
	var cell *rowCell
	for _, c := range rowCells(l.table.table) {
		if c.id.Row == 0 && c.id.Col == 1 {
			cell = c
		}
	}
	if cell == nil {
		t.Fatal("the record's row is not drawn")
	}
	cell.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary})
	cell.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary})
	if l.form == nil || l.form.a.Title != "关于农村留守老人照护的建议" {
		t.Fatal("a double click did not open the record")
	}
}

func TestEmptyTablesSaySo(t *testing.T) {
	u := testUI(t, true)
	ps := u.proposals
	u.nav.Select(u.screenIndex(ps))
	ps.reload(u.ctx)
	for _, c := range []struct {
		tab  proposalTab
		want string
	}{{ps.list, "尚未设置会次"}, {ps.overdue, "没有超期或即将到期的提案"}, {ps.units, "还没有承办单位"}} {
		ps.tabs.SelectIndex(slices.Index(ps.all, c.tab))
		if texts := strings.Join(shownTexts(c.tab.view()), "|"); !strings.Contains(texts, c.want) {
			t.Errorf("tab %s shows %q, want %q", c.tab.tabTitle(), texts, c.want)
		}
	}
	u.settings.audit.reload(u.ctx)
	test.Type(u.settings.audit.queryEntry, "没有这样的操作")
	u.settings.audit.onApply()
	w := test.NewWindow(u.settings.audit.obj)
	defer w.Close()
	w.Resize(fyne.NewSize(1000, 600))
	if texts := strings.Join(shownTexts(u.settings.audit.obj), "|"); !strings.Contains(texts, "没有符合条件的操作记录") {
		t.Errorf("an empty 操作日志 shows %q", texts)
	}
}
