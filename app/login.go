package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// action is something only some roles may do.
type action int

const (
	actEdit     action = iota // create, edit, delete (to the bin), import, restore
	actPurge                  // remove from a recycle bin for good
	actSettings               // the 设置 screen: committee, terms, lists, users
	actFullID                 // see and export 身份证号 and phone numbers in full
)

// rights are what each role may do; without login (RoleNone) everything.
var rights = map[data.Role][]action{
	data.RoleNone:   {actEdit, actPurge, actSettings, actFullID},
	data.RoleAdmin:  {actEdit, actPurge, actSettings, actFullID},
	data.RoleClerk:  {actEdit},
	data.RoleViewer: nil,
}

// access is who uses the window: the logged-in user (none while login is
// off) and the controls that only some roles see.
type access struct {
	checked bool      // login asked for (or not needed) since the window opened
	user    data.User // the logged-in user; zero without login
	guarded []guardedObject
	login   *loginDialog    // while shown, for tests
	session *fyne.Container // 修改密码 and 注销 in the top bar, while a user is logged in
	logout  *widget.Button
	passwd  *passwordForm // while shown, for tests
}

type guardedObject struct {
	act action
	obj fyne.CanvasObject
}

// can reports whether the current user may do a; before login nothing.
func (u *UI) can(a action) bool {
	if !u.access.checked {
		return false
	}
	for _, x := range rights[u.access.user.Role] {
		if x == a {
			return true
		}
	}
	return false
}

// guard shows objs only to users who may do a. Screens call it where they
// build their toolbars; the role is applied again after login. The store
// refuses the change itself as well, so a control that is missed here still
// changes nothing for a 只读 user.
func (u *UI) guard(a action, objs ...fyne.CanvasObject) {
	for _, o := range objs {
		u.access.guarded = append(u.access.guarded, guardedObject{a, o})
		showIf(o, u.can(a))
	}
}

func (u *UI) applyAccess() {
	for _, g := range u.access.guarded {
		showIf(g.obj, u.can(g.act))
	}
	if u.access.session != nil && u.access.session.Visible() != (u.userName() != "") {
		showIf(u.access.session, u.userName() != "")
		u.win.Content().Refresh() // the top bar makes room for the buttons
	}
}

// sessionButtons are 修改密码 and 注销 in the top bar: on a shared PC the
// next person logs in without restarting the program.
func (u *UI) sessionButtons() fyne.CanvasObject {
	u.access.logout = widget.NewButtonWithIcon("注销", theme.LogoutIcon(), u.onLogout)
	passwd := widget.NewButtonWithIcon("修改密码", theme.AccountIcon(), u.onChangePassword)
	u.access.logout.Importance, passwd.Importance = widget.LowImportance, widget.LowImportance
	u.access.session = container.NewHBox(passwd, u.access.logout)
	u.access.session.Hide()
	return u.access.session
}

// onLogout ends the session: the store takes no change, the window is
// built afresh (nothing of the last user stays on screen, and the next
// user's toolbars are laid out for their role) and the login dialog asks
// again.
func (u *UI) onLogout() {
	u.access = access{}
	u.syncActor()
	u.committee, u.term = data.Committee{}, data.Term{}
	u.build()
	u.updateTitle()
	u.access.login = newLoginDialog(u)
}

func showIf(o fyne.CanvasObject, ok bool) {
	if ok {
		o.Show()
	} else {
		o.Hide()
	}
}

// loggedIn reports whether the window may be used: at once while login is
// off; otherwise it shows the login dialog, which starts the window again
// after a successful login.
func (u *UI) loggedIn() bool {
	if u.access.checked {
		return true
	}
	on, err := u.store.LoginRequired(u.ctx)
	if err != nil {
		showError(err, u.win)
		return false
	}
	if !on {
		u.access.checked = true
		u.syncActor()
		u.applyAccess()
		return true
	}
	u.syncActor()
	u.access.login = newLoginDialog(u)
	return false
}

// syncActor tells the store who makes changes: the logged-in user, or
// without login the 操作人 from 设置 → 提案. Until the login the store
// takes no change at all.
func (u *UI) syncActor() {
	if !u.access.checked {
		u.store.SetActor("", data.RoleViewer)
		return
	}
	u.store.SetActor(u.operator(), u.access.user.Role)
}

// userName is the logged-in user's name, "" without login.
func (u *UI) userName() string { return u.access.user.Name }

// loginDialog asks for user name and password before anything else.
type loginDialog struct {
	u        *UI
	d        dialog.Dialog
	name     *widget.Entry
	password *widget.Entry
	message  *widget.Label
	loginBtn *widget.Button
}

func newLoginDialog(u *UI) *loginDialog {
	l := &loginDialog{u: u, name: widget.NewEntry(), password: widget.NewPasswordEntry(), message: widget.NewLabel("")}
	l.name.SetPlaceHolder("用户名")
	l.password.SetPlaceHolder("密码")
	l.name.OnSubmitted = func(string) { u.win.Canvas().Focus(l.password) }
	l.password.OnSubmitted = func(string) { l.onLogin() }
	l.message.Importance = widget.DangerImportance
	l.message.Wrapping = fyne.TextWrapWord
	l.loginBtn = widget.NewButton("登录", l.onLogin)
	l.loginBtn.Importance = widget.HighImportance
	quit := widget.NewButton("退出", func() { u.win.Close() })
	hint := widget.NewLabel("本机已启用登录。忘记密码请联系管理员重设。\n连续输错 5 次密码将锁定 15 分钟。")
	hint.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(
		widget.NewForm(widget.NewFormItem("用户名", l.name), widget.NewFormItem("密码", l.password)),
		l.message, hint, container.NewGridWithColumns(2, quit, l.loginBtn))
	l.d = dialog.NewCustomWithoutButtons("登录 — 政协履职", content, u.win)
	l.d.Resize(fyne.NewSize(420, content.MinSize().Height+80))
	l.d.Show()
	u.win.Canvas().Focus(l.name)
	return l
}

// onLogin checks the password off the UI thread (argon2id takes a moment
// by design) and starts the window when it is right.
func (l *loginDialog) onLogin() {
	u := l.u
	name, password := l.name.Text, l.password.Text
	var user data.User
	u.run("正在登录…", func(ctx context.Context, _ progress) (err error) {
		user, err = u.store.Authenticate(ctx, name, password)
		return err
	}, func(err error) { l.done(user, err) })
}

func (l *loginDialog) done(user data.User, err error) {
	u := l.u
	if err != nil {
		l.message.SetText(userMessage(err))
		l.password.SetText("")
		return
	}
	l.d.Hide()
	u.access.login = nil
	u.access.user, u.access.checked = user, true
	u.syncActor()
	u.applyAccess()
	u.updateTitle()
	u.Start()
}

// adminOnly stands in for a screen the user's role may not open.
func adminOnly(name string) fyne.CanvasObject {
	msg := widget.NewLabel("“" + name + "”仅限管理员使用。\n如需修改，请联系管理员。")
	msg.Alignment = fyne.TextAlignCenter
	return container.NewVBox(heading(name), container.NewCenter(msg))
}
