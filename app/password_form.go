package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// passwordForm lets the logged-in user change their own password.
type passwordForm struct {
	u                      *UI
	d                      dialog.Dialog
	old, password, confirm *widget.Entry
	message                *widget.Label
	okBtn                  *widget.Button
}

func (u *UI) onChangePassword() {
	f := &passwordForm{u: u, old: widget.NewPasswordEntry(), password: widget.NewPasswordEntry(),
		confirm: widget.NewPasswordEntry(), message: widget.NewLabel("")}
	f.password.SetPlaceHolder(fmt.Sprintf("至少 %d 位", data.MinPassword))
	f.message.Importance = widget.DangerImportance
	f.message.Wrapping = fyne.TextWrapWord
	f.okBtn = widget.NewButton("确定", f.onOK)
	f.okBtn.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", f.close)
	content := container.NewVBox(widget.NewForm(widget.NewFormItem("用户", widget.NewLabel(u.userName())),
		widget.NewFormItem("原密码", f.old), widget.NewFormItem("新密码", f.password), widget.NewFormItem("确认新密码", f.confirm)),
		f.message, container.NewHBox(layout.NewSpacer(), cancel, f.okBtn))
	f.d = dialog.NewCustomWithoutButtons("修改密码", content, u.win)
	f.d.Resize(fyne.NewSize(440, content.MinSize().Height+80))
	f.d.Show()
	u.access.passwd = f
}

func (f *passwordForm) onOK() {
	u := f.u
	if f.password.Text != f.confirm.Text {
		f.message.SetText("确认新密码：两次输入的新密码不一致")
		return
	}
	if err := u.store.ChangePassword(u.ctx, u.access.user.ID, f.old.Text, f.password.Text); err != nil {
		f.message.SetText(userMessage(err))
		return
	}
	f.close()
	dialog.ShowInformation("修改密码", "密码已修改，下次登录请使用新密码。", u.win)
}

func (f *passwordForm) close() {
	f.d.Hide()
	f.u.access.passwd = nil
}
