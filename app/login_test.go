package app

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/datatest"
)

// loginUI opens the window over a county with three users — 王主任
// (管理员, admin123), 李干事 (录入员, clerk123), 张主席 (只读, viewer123) —
// and one member, 张三, with 身份证号 and phone. The login dialog is up.
func loginUI(t *testing.T) *UI {
	t.Helper()
	s, term := datatest.County(t)
	for _, x := range []struct {
		name string
		role data.Role
		pw   string
	}{{"王主任", data.RoleAdmin, "admin123"}, {"李干事", data.RoleClerk, "clerk123"}, {"张主席", data.RoleViewer, "viewer123"}} {
		if _, err := s.CreateUser(t.Context(), x.name, x.role, x.pw); err != nil {
			t.Fatal(err)
		}
	}
	m := data.Member{}
	m.Name, m.Gender, m.IDNumber, m.Phone, m.Sector, m.Party, m.TermID = "张三", "女", "11010519491231002X", "13812345678",
		"中国共产党", "中共", term.ID
	if err := s.CreateMember(t.Context(), &m); err != nil {
		t.Fatal(err)
	}
	u := New(test.NewTempApp(t), s)
	u.run = syncRunner
	u.pickers = pickers{
		openFile: func(string, []string, func(string)) { t.Fatal("unexpected file dialog") },
		saveFile: func(string, string, func(string)) { t.Fatal("unexpected file dialog") },
	}
	u.win.Resize(fyne.NewSize(1280, 800))
	u.Start()
	return u
}

// logIn types into the login dialog and presses 登录.
func logIn(t *testing.T, u *UI, name, password string) {
	t.Helper()
	l := u.access.login
	if l == nil {
		t.Fatal("no login dialog")
	}
	l.name.SetText("")
	test.Type(l.name, name)
	test.Type(l.password, password)
	test.Tap(l.loginBtn)
}

func TestLoginBeforeTheWindowIsUsable(t *testing.T) {
	u := loginUI(t)
	if u.access.login == nil {
		t.Fatal("login is on but no login dialog was shown")
	}
	if u.term.ID != 0 || len(u.members.all) != 0 {
		t.Fatal("the roster was loaded before login")
	}
	u.onFind() // Ctrl+F and Ctrl+N behind the dialog
	u.onNewMember()
	if len(u.body.Objects) != 0 || u.members.form != nil {
		t.Fatal("a screen or the member form opened behind the login dialog")
	}
	var pe *data.PermissionError
	if err := u.store.SaveSession(u.ctx, &data.Session{TermID: 1, Number: 9}); !errors.As(err, &pe) {
		t.Fatalf("store took a change before login: %v", err)
	}
	logIn(t, u, "王主任", "wrong-password")
	if got := u.access.login.message.Text; got != "用户名或密码错误" {
		t.Fatalf("wrong password: message %q", got)
	}
	if u.term.ID != 0 {
		t.Fatal("window started after a wrong password")
	}
	// Keyboard only: name, Enter, password, Enter.
	l := u.access.login
	l.name.SetText("")
	test.Type(l.name, "王主任")
	l.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u.win.Canvas().Focused() != l.password {
		t.Error("Enter after the name does not move to the password")
	}
	test.Type(l.password, "admin123")
	l.password.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u.access.login != nil {
		t.Fatalf("login dialog still open after the right password: %q (name %q, password %d characters)",
			l.message.Text, l.name.Text, len(l.password.Text))
	}
	if u.term.ID == 0 || !strings.Contains(u.win.Title(), "王主任") {
		t.Fatalf("after login: term %d, title %q", u.term.ID, u.win.Title())
	}
	audit, _ := u.store.ListAudit(u.ctx, 2)
	if audit[0].Action != "登录" || audit[0].Actor != "王主任" || audit[1].Action != "登录失败" {
		t.Errorf("audit = %+v", audit)
	}
}

func TestLoginLocksAfterFiveWrongPasswords(t *testing.T) {
	u := loginUI(t)
	now := datatest.Today
	u.store.Now = func() time.Time { return now }
	for i := 1; i < data.MaxFailures; i++ {
		logIn(t, u, "李干事", "guess"+string(rune('0'+i)))
		if got := u.access.login.message.Text; got != "用户名或密码错误" {
			t.Fatalf("failure %d: %q", i, got)
		}
	}
	logIn(t, u, "李干事", "guess5")
	if got := u.access.login.message.Text; got != "已锁定，请在15分钟后再试" {
		t.Fatalf("fifth failure: %q", got)
	}
	now = now.Add(10 * time.Minute)
	logIn(t, u, "李干事", "clerk123")
	if got := u.access.login.message.Text; got != "已锁定，请在5分钟后再试" || u.term.ID != 0 {
		t.Fatalf("right password while locked: %q, window started %v", got, u.term.ID != 0)
	}
	now = now.Add(5 * time.Minute)
	logIn(t, u, "李干事", "clerk123")
	if u.access.login != nil || u.userName() != "李干事" {
		t.Fatal("right password after the lock did not log in")
	}
	if u.operator() != "李干事" {
		t.Errorf("录入人 would be %q, want the logged-in user", u.operator())
	}
}

func TestViewerCannotSeeOrUseEditButtons(t *testing.T) {
	u := loginUI(t)
	logIn(t, u, "张主席", "viewer123")
	u.nav.Select(u.screenIndex(u.members))
	m := u.members
	m.table.selectRow(0)
	for name, b := range map[string]*widget.Button{"编辑": m.editBtn, "删除": m.deleteBtn} {
		if b.Visible() {
			t.Errorf("只读 user sees 委员 %s", name)
		}
	}
	if got := visibleButtons(m.view()); strings.Contains(got, "新增委员") || strings.Contains(got, "导入名册") ||
		!strings.Contains(got, "导出名册") {
		t.Errorf("委员 toolbar for 只读: %s", got)
	}
	if got := visibleButtons(u.home.view()); strings.Contains(got, "新增委员") || strings.Contains(got, "导入名册") ||
		!strings.Contains(got, "委员构成统计") {
		t.Errorf("首页 actions for 只读: %s", got)
	}
	u.onNewMember() // Ctrl+N
	if m.form != nil {
		t.Error("Ctrl+N opened the member form for a 只读 user")
	}
	if d := u.proposals.list.detail; u.proposals.list.addBtn.Visible() || u.proposals.list.editBtn.Visible() ||
		d.actionBar.Visible() || d.removeBtn.Visible() {
		t.Error("只读 user sees 新增提案, 编辑, the workflow steps or 移除 (附件)")
	}
	if u.proposals.assign.assignButton.Visible() {
		t.Error("只读 user sees 交办所选")
	}
	u.nav.Select(u.screenIndex(u.settings))
	if !strings.Contains(labelText(u.body), "仅限管理员") {
		t.Errorf("设置 for 只读 shows %q", labelText(u.body))
	}
	// Whatever a missed control might call, the store changes nothing.
	var pe *data.PermissionError
	if err := u.store.DeleteMember(u.ctx, m.all[0].Membership.ID); !errors.As(err, &pe) {
		t.Errorf("store lets 只读 delete: %v", err)
	}
	if n := countMembers(t, u); n != 1 {
		t.Errorf("%d members after the refused delete", n)
	}
	// Exports are masked, without a way to ask for full numbers.
	u.nav.Select(u.screenIndex(u.members))
	m.onExport()
	if !m.exportID.Disabled() {
		t.Error("只读 user may tick 含完整身份证号")
	}
}

// visibleButtons lists the texts of the visible buttons under o.
func visibleButtons(o fyne.CanvasObject) string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.Button:
			out = append(out, x.Text)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(x.Content)
		}
	}
	walk(o)
	return strings.Join(out, " ")
}

func TestClerkEditsButCannotPurge(t *testing.T) {
	u := loginUI(t)
	logIn(t, u, "李干事", "clerk123")
	u.nav.Select(u.screenIndex(u.members))
	m := u.members
	if !m.editBtn.Visible() || !strings.Contains(visibleButtons(m.view()), "新增委员") {
		t.Fatal("录入员 does not see the edit buttons")
	}
	m.deleteMember(m.all[0])
	m.onRecycleBin()
	if !m.bin.shown {
		t.Fatal("回收站 not shown")
	}
	if m.bin.purgeBtn.Visible() || !m.bin.restoreBtn.Visible() {
		t.Errorf("录入员's 回收站: purge visible %v, restore visible %v", m.bin.purgeBtn.Visible(), m.bin.restoreBtn.Visible())
	}
	var pe *data.PermissionError
	if err := u.store.PurgeMember(u.ctx, m.bin.rows[0].Membership.ID); !errors.As(err, &pe) {
		t.Errorf("store lets 录入员 purge: %v", err)
	}
	m.bin.table.selectRow(0)
	test.Tap(m.bin.restoreBtn)
	if n := countMembers(t, u); n != 1 {
		t.Fatalf("restore by 录入员: %d members", n)
	}
	audit, _ := u.store.ListAudit(u.ctx, 1)
	if audit[0].Action != "恢复" || audit[0].Actor != "李干事" {
		t.Errorf("audit = %+v", audit[0])
	}
}

func TestAdministratorPurges(t *testing.T) {
	u := loginUI(t)
	logIn(t, u, "王主任", "admin123")
	u.nav.Select(u.screenIndex(u.members))
	m := u.members
	m.deleteMember(m.all[0])
	m.onRecycleBin()
	if !m.bin.purgeBtn.Visible() {
		t.Fatal("管理员 does not see 彻底删除")
	}
	m.bin.table.selectRow(0)
	m.bin.purge(m.bin.rows[0])
	bin, _ := u.store.ListMembers(u.ctx, data.MemberFilter{TermID: u.term.ID, DeletedOnly: true})
	if len(bin) != 0 || m.bin.shown {
		t.Errorf("after purge: %d in the bin, dialog open %v", len(bin), m.bin.shown)
	}
}

func TestMemberListMasksIDAndPhone(t *testing.T) {
	for _, c := range []struct {
		user, password string
		detailFull     bool
	}{{"王主任", "admin123", true}, {"张主席", "viewer123", false}} {
		u := loginUI(t)
		logIn(t, u, c.user, c.password)
		u.nav.Select(u.screenIndex(u.members))
		m := u.members
		if got := m.table.cell(0, data.FieldPhone); got != "138****5678" {
			t.Errorf("%s: phone in the list %q", c.user, got)
		}
		m.table.selectRow(0)
		detail := richText(m.detail)
		full := strings.Contains(detail, "11010519491231002X") && strings.Contains(detail, "13812345678")
		masked := strings.Contains(detail, "1101**********002X") && strings.Contains(detail, "138****5678")
		if full != c.detailFull || masked == c.detailFull {
			t.Errorf("%s: detail pane full %v masked %v:\n%s", c.user, full, masked, detail)
		}
	}
}

func richText(r *widget.RichText) string {
	var b strings.Builder
	for _, s := range r.Segments {
		if t, ok := s.(*widget.TextSegment); ok {
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

func TestFirstAdministratorPasswordTurnsLoginOn(t *testing.T) {
	u := testUI(t, true)
	if u.access.login != nil {
		t.Fatal("login dialog without any user")
	}
	u.nav.Select(u.screenIndex(u.settings))
	s := u.settings.users
	if s.addBtn.Text != "设置管理员密码" {
		t.Fatalf("button %q", s.addBtn.Text)
	}
	test.Tap(s.addBtn)
	f := s.form
	if f == nil || !f.role.Disabled() || f.role.Selected != "管理员" || !strings.Contains(f.warning.Text, "启用登录") {
		t.Fatalf("first-administrator form: %+v", f)
	}
	test.Type(f.name, "王主任")
	test.Type(f.password, "admin123")
	test.Type(f.confirm, "admin124")
	test.Tap(f.okBtn)
	if !strings.Contains(f.message.Text, "不一致") || s.form == nil {
		t.Fatalf("mismatched passwords: %q", f.message.Text)
	}
	f.confirm.SetText("admin123")
	test.Tap(f.okBtn)
	if s.form != nil {
		t.Fatalf("form still open: %q", f.message.Text)
	}
	if on, _ := u.store.LoginRequired(u.ctx); !on || u.userName() != "王主任" || s.addBtn.Text != "新增用户" {
		t.Fatalf("login on %v, user %q, button %q", on, u.userName(), s.addBtn.Text)
	}
	// A 录入员 added from the same tab; the next start asks for a login.
	test.Tap(s.addBtn)
	test.Type(s.form.name, "李干事")
	s.form.role.SetSelected("录入员")
	test.Type(s.form.password, "clerk123")
	test.Type(s.form.confirm, "clerk123")
	test.Tap(s.form.okBtn)
	if len(s.users) != 2 || s.table.cell(1, "角色") != "录入员" {
		t.Fatalf("users %+v", s.users)
	}
	u2 := New(u.app, u.store)
	u2.run = syncRunner
	u2.Start()
	if u2.access.login == nil {
		t.Fatal("no login dialog on the next start")
	}
}

// TestViewerPrintsReports: 只读 is for leaders who view and print, so a
// report file is written although its narrative is not kept.
func TestViewerPrintsReports(t *testing.T) {
	w := newReportWorld(t)
	w.u.access.user = data.User{Name: "张主席", Role: data.RoleViewer}
	w.u.syncActor()
	w.choose(docProposals, "第五次会议提案")
	w.save("proposals.pdf")
	audit, _ := w.u.store.ListAudit(w.u.ctx, 100)
	for _, a := range audit {
		if a.Entity == "报告文字" {
			t.Errorf("只读 user's narrative was stored: %+v", a)
		}
	}
}

func TestLogoutAsksForTheNextUser(t *testing.T) {
	u := loginUI(t)
	if u.access.session.Visible() {
		t.Fatal("注销 shown before anyone logged in")
	}
	logIn(t, u, "王主任", "admin123")
	u.nav.Select(u.screenIndex(u.members))
	if !u.access.session.Visible() || !u.members.editBtn.Visible() {
		t.Fatal("after login: 注销 or 编辑 hidden")
	}
	id := u.members.all[0].Membership.ID
	test.Tap(u.access.logout)
	if u.access.login == nil || len(u.body.Objects) != 0 || strings.Contains(u.win.Title(), "王主任") {
		t.Fatalf("after 注销: login dialog %v, screen shown %v, title %q", u.access.login != nil, len(u.body.Objects) != 0, u.win.Title())
	}
	var pe *data.PermissionError
	if err := u.store.DeleteMember(u.ctx, id); !errors.As(err, &pe) {
		t.Fatalf("store took a change after 注销: %v", err)
	}
	logIn(t, u, "张主席", "viewer123")
	if len(u.body.Objects) == 0 || u.term.ID == 0 {
		t.Fatalf("after the next login: screen shown %v, term %d", len(u.body.Objects) != 0, u.term.ID)
	}
	if u.members.editBtn.Visible() || !strings.Contains(u.win.Title(), "张主席") {
		t.Errorf("the next user 只读 sees 编辑 %v; title %q", u.members.editBtn.Visible(), u.win.Title())
	}
	// From 只读 back to 管理员: the buttons come back with room to show.
	test.Tap(u.access.logout)
	logIn(t, u, "王主任", "admin123")
	u.nav.Select(u.screenIndex(u.members))
	if b := u.members.editBtn; !b.Visible() || b.Size().Width < b.MinSize().Width {
		t.Errorf("编辑 after 只读 → 管理员: visible %v, %v wide (needs %v)", b.Visible(), b.Size().Width, b.MinSize().Width)
	}
}

func TestViewerChangesOwnPassword(t *testing.T) {
	u := loginUI(t)
	logIn(t, u, "张主席", "viewer123")
	u.onChangePassword()
	f := u.access.passwd
	test.Type(f.old, "viewer123")
	test.Type(f.password, "newpass1")
	test.Type(f.confirm, "newpass2")
	test.Tap(f.okBtn)
	if !strings.Contains(f.message.Text, "不一致") {
		t.Fatalf("mismatch: %q", f.message.Text)
	}
	f.old.SetText("wrong")
	f.confirm.SetText("newpass1")
	test.Tap(f.okBtn)
	if !strings.Contains(f.message.Text, "原密码不正确") {
		t.Fatalf("wrong old password: %q", f.message.Text)
	}
	f.old.SetText("viewer123")
	test.Tap(f.okBtn)
	if u.access.passwd != nil {
		t.Fatalf("form still open: %q", f.message.Text)
	}
	test.Tap(u.access.logout)
	logIn(t, u, "张主席", "newpass1")
	if u.userName() != "张主席" {
		t.Fatalf("new password refused: %q", u.access.login.message.Text)
	}
}
