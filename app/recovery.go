package app

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// recovery is the window shown when the database cannot be opened. When
// the file is damaged and the backup folder holds a sound backup, it offers
// to restore the newest one and then opens the main window on it.
type recovery struct {
	a       fyne.App
	win     fyne.Window
	path    string
	newest  *data.BackupInfo // newest restorable backup, nil when none
	restore *widget.Button
	// opened is the main window after a successful restore.
	opened *UI
	lock   *data.DBLock // held on path (nil when another program holds it, and in tests)
}

func newRecovery(a fyne.App, path string, openErr error, lock *data.DBLock) *recovery {
	useChinese()
	a.Settings().SetTheme(newOfficeTheme())
	r := &recovery{a: a, path: path, win: a.NewWindow("政协履职"), lock: lock}
	head := "无法打开数据文件："
	if errors.Is(openErr, data.ErrInUse) {
		head = "数据文件已在另一个窗口中打开："
	}
	msg := widget.NewLabel(head + "\n" + path + "\n\n" + userMessage(openErr))
	msg.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(msg)
	if errors.Is(openErr, data.ErrDamaged) {
		list, _ := data.ListBackups(context.Background(), data.BackupDir(path))
		for i := range list {
			if list[i].Problem == "" {
				r.newest = &list[i]
				break
			}
		}
	}
	if r.newest != nil {
		r.restore = widget.NewButton("恢复最近的备份（"+r.newest.Time.Format("2006-01-02 15:04")+"）…", r.onRestore)
		r.restore.Importance = widget.HighImportance
		box.Add(r.restore)
	}
	box.Add(widget.NewButton("关闭", a.Quit))
	r.win.SetContent(container.NewPadded(box))
	r.win.Resize(fyne.NewSize(640, 280))
	return r
}

func (r *recovery) onRestore() {
	b := r.newest
	msg := "将恢复到 " + b.Time.Format("2006-01-02 15:04") + " 的数据：\n" + b.Committee + "\n" + b.Summary() +
		"\n\n损坏的文件会先另存到备份文件夹。确定恢复吗？"
	d := dialog.NewConfirm("恢复备份", msg, func(ok bool) {
		if ok {
			r.doRestore()
		}
	}, r.win)
	d.SetConfirmText("恢复")
	d.Show()
}

func (r *recovery) doRestore() {
	s, _, err := data.Restore(context.Background(), r.newest.Path, r.path, data.RestoreOptions{Held: r.lock})
	if err != nil {
		showError(err, r.win)
		return
	}
	r.opened = New(r.a, s)
	r.opened.lock = r.lock
	r.opened.win.SetMaster()
	r.opened.Start()
	r.opened.win.Show()
	r.win.Close()
}

// runRecovery shows the recovery window until the program ends. It
// returns 0 when a backup was restored and used, 1 otherwise. It also says
// why a second window does not open a file another window holds.
func runRecovery(a fyne.App, path string, openErr error, lock *data.DBLock) int {
	r := newRecovery(a, path, openErr, lock)
	r.win.ShowAndRun()
	if r.opened == nil {
		return 1
	}
	r.opened.backupAtExit()
	return 0
}
