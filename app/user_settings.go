package app

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// userSettings is 设置 → 用户与权限: the users who log in, their roles,
// password resets and disabling. Setting the first administrator password
// turns login on.
type userSettings struct {
	u        *UI
	obj      fyne.CanvasObject
	users    []data.User
	selected int
	status   *widget.Label
	table    *columnTable[data.User]

	addBtn, resetBtn, roleBtn, disableBtn *widget.Button
	form                                  *userForm // the open form, for tests
}

func newUserSettings(u *UI) *userSettings {
	s := &userSettings{u: u, selected: -1, status: widget.NewLabel("")}
	s.status.Wrapping = fyne.TextWrapWord
	s.table = s.newTable()
	s.addBtn = widget.NewButtonWithIcon("新增用户", theme.ContentAddIcon(), s.onAdd)
	s.resetBtn = widget.NewButtonWithIcon("重设密码", theme.LoginIcon(), s.onReset)
	s.roleBtn = widget.NewButtonWithIcon("修改角色", theme.AccountIcon(), s.onRole)
	s.disableBtn = widget.NewButtonWithIcon("停用", theme.VisibilityOffIcon(), s.onDisable)
	roles := widget.NewLabel("角色：管理员——全部功能，包括用户、设置和彻底删除；录入员——录入和修改；只读——查看和打印（供领导使用）。")
	roles.Wrapping = fyne.TextWrapWord
	roles.TextStyle.Italic = true
	top := container.NewVBox(s.status, container.NewHBox(s.addBtn, s.resetBtn, s.roleBtn, s.disableBtn), roles)
	s.obj = container.NewBorder(top, nil, nil, nil, s.table.obj)
	return s
}

func (s *userSettings) newTable() *columnTable[data.User] {
	t := newColumnTable(s.columns(), func() []data.User { return s.users })
	t.empty = func() string { return "尚未设置用户。点“设置管理员密码”启用登录。" }
	t.selectable(s.u.win, func(row int) { s.selected = row; s.updateButtons() },
		func() { s.selected = -1; s.updateButtons() }, nil)
	return t
}

// columns are a user's 用户名, 角色, 状态 and 最近登录.
func (s *userSettings) columns() []*tableColumn[data.User] {
	return []*tableColumn[data.User]{
		{title: "用户名", width: 160, text: func(x data.User) string { return x.Name }},
		{title: "角色", width: 90, text: func(x data.User) string { return string(x.Role) }},
		{title: "状态", width: 130, text: func(x data.User) string {
			switch {
			case x.Disabled:
				return "已停用"
			case x.Locked(s.u.store.Now()):
				return "锁定至 " + x.LockedUntil.Local().Format("15:04")
			}
			return "正常"
		}},
		{title: "最近登录", width: 200, text: func(x data.User) string {
			if t, err := time.Parse(time.RFC3339, x.LastLogin); err == nil {
				return t.Local().Format("2006-01-02 15:04")
			}
			return "从未登录"
		}},
	}
}

func (s *userSettings) view() fyne.CanvasObject { return s.obj }

func (s *userSettings) reload(ctx context.Context) {
	var err error
	if s.users, err = s.u.store.Users(ctx); err != nil {
		showError(err, s.u.win)
		return
	}
	switch {
	case len(s.users) == 0 || !s.loginOn():
		s.status.SetText("未启用登录：打开本程序即可使用全部功能，适合只有一人使用的电脑。\n" +
			"多人使用时，请先设置管理员密码：设置后每次打开程序都要登录，并按角色限制可做的操作。")
		s.addBtn.SetText("设置管理员密码")
	default:
		who := "（本次未登录）"
		if n := s.u.userName(); n != "" {
			who = "当前用户：" + n + "（" + string(s.u.access.user.Role) + "）"
		}
		s.status.SetText("已启用登录。" + who + "\n连续输错 5 次密码的用户锁定 15 分钟；管理员重设密码可立即解锁。")
		s.addBtn.SetText("新增用户")
	}
	s.selected = -1
	s.table.UnselectAll()
	s.table.Refresh()
	s.updateButtons()
}

func (s *userSettings) loginOn() bool {
	for _, x := range s.users {
		if x.Role == data.RoleAdmin && !x.Disabled {
			return true
		}
	}
	return false
}

func (s *userSettings) current() (data.User, bool) {
	if s.selected < 0 || s.selected >= len(s.users) {
		return data.User{}, false
	}
	return s.users[s.selected], true
}

func (s *userSettings) updateButtons() {
	x, ok := s.current()
	for _, b := range []*widget.Button{s.resetBtn, s.roleBtn, s.disableBtn} {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if ok && x.Disabled {
		s.disableBtn.SetText("启用")
	} else {
		s.disableBtn.SetText("停用")
	}
}

func (s *userSettings) onAdd() {
	first := !s.loginOn()
	f := newUserForm(s, "新增用户", true, true, true)
	if first {
		f.title = "设置管理员密码"
		f.role.SetSelected(string(data.RoleAdmin))
		f.role.Disable()
		f.warning.SetText("注意：设置后将启用登录，每次打开程序都要输入用户名和密码。请牢记密码——" +
			"忘记唯一管理员的密码将无法管理用户。")
	}
	f.save = func() error {
		user, err := s.u.store.CreateUser(s.u.ctx, f.name.Text, data.Role(f.role.Selected), f.password.Text)
		if err != nil {
			return err
		}
		if first { // the one who set it is logged in as the administrator from now on
			s.u.access.user, s.u.access.checked = user, true
			s.u.syncActor()
			s.u.applyAccess()
			s.u.updateTitle()
		}
		return nil
	}
	f.show()
}

func (s *userSettings) onReset() {
	x, ok := s.current()
	if !ok {
		return
	}
	f := newUserForm(s, "重设密码："+x.Name, false, false, true)
	f.save = func() error { return s.u.store.SetPassword(s.u.ctx, x.ID, f.password.Text) }
	f.show()
}

func (s *userSettings) onRole() {
	x, ok := s.current()
	if !ok {
		return
	}
	f := newUserForm(s, "修改角色："+x.Name, false, true, false)
	f.role.SetSelected(string(x.Role))
	f.save = func() error { return s.u.store.SetRole(s.u.ctx, x.ID, data.Role(f.role.Selected)) }
	f.show()
}

func (s *userSettings) onDisable() {
	x, ok := s.current()
	if !ok {
		return
	}
	var err error
	if x.Disabled {
		err = s.u.store.EnableUser(s.u.ctx, x.ID)
	} else {
		err = s.u.store.DisableUser(s.u.ctx, x.ID)
	}
	if err != nil {
		showError(err, s.u.win)
	}
	s.reload(s.u.ctx)
}

// userForm asks for what a user change needs: name, role, password twice.
type userForm struct {
	s                 *userSettings
	title             string
	d                 dialog.Dialog
	items             []*widget.FormItem
	name              *widget.Entry
	role              *widget.Select
	password, confirm *widget.Entry
	message, warning  *widget.Label
	okBtn             *widget.Button
	save              func() error
	askSecret         bool // password and confirmation asked
}

func newUserForm(s *userSettings, title string, name, role, password bool) *userForm {
	f := &userForm{s: s, title: title, name: widget.NewEntry(), password: widget.NewPasswordEntry(),
		confirm: widget.NewPasswordEntry(), message: widget.NewLabel(""), warning: widget.NewLabel(""),
		askSecret: password}
	labels := make([]string, len(data.UserRoles))
	for i, r := range data.UserRoles {
		labels[i] = string(r)
	}
	f.role = widget.NewSelect(labels, nil)
	f.role.SetSelected(string(data.RoleClerk))
	if name {
		f.items = append(f.items, widget.NewFormItem("用户名", f.name))
	}
	if role {
		f.items = append(f.items, widget.NewFormItem("角色", f.role))
	}
	if password {
		f.password.SetPlaceHolder(fmt.Sprintf("至少 %d 位", data.MinPassword))
		f.items = append(f.items, widget.NewFormItem("密码", f.password), widget.NewFormItem("确认密码", f.confirm))
	}
	return f
}

func (f *userForm) show() {
	w := f.s.u.win
	f.message.Importance = widget.DangerImportance
	f.message.Wrapping = fyne.TextWrapWord
	f.warning.Importance = widget.WarningImportance
	f.warning.Wrapping = fyne.TextWrapWord
	f.okBtn = widget.NewButton("确定", f.onOK)
	f.okBtn.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", f.close)
	content := container.NewVBox(widget.NewForm(f.items...), f.warning, f.message,
		container.NewHBox(layout.NewSpacer(), cancel, f.okBtn))
	f.d = dialog.NewCustomWithoutButtons(f.title, content, w)
	f.d.Resize(fyne.NewSize(480, content.MinSize().Height+100))
	f.d.Show()
	f.s.form = f
}

func (f *userForm) onOK() {
	if f.askSecret && f.password.Text != f.confirm.Text {
		f.message.SetText("确认密码：两次输入的密码不一致")
		return
	}
	if err := f.save(); err != nil {
		f.message.SetText(userMessage(err))
		return
	}
	f.close()
	f.s.reload(f.s.u.ctx)
}

func (f *userForm) close() {
	f.d.Hide()
	f.s.form = nil
}
