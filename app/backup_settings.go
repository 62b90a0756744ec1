package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/backup"
	"zhengxie/data/backup/seal"
)

// backupSettings is 设置 → 备份与恢复: when the last backup was made,
// backing up now or to a USB stick (optionally encrypted), the backups
// with their contents and 恢复…, and how many backups are kept.
type backupSettings struct {
	u   *UI
	obj fyne.CanvasObject

	status  *widget.Label
	failure *widget.Label // 自动备份失败：… in red, hidden while backups succeed
	backups []data.BackupInfo
	list    *widget.List

	daily, weekly, monthly, manual *widget.Entry
	policyMsg                      *widget.Label

	// chooseFolder asks for a folder (a USB stick); tests answer at once.
	chooseFolder func(cb func(dir string))
	// startErr is why the backup at start failed when even recording the
	// failure in the database failed; shown until a backup succeeds.
	startErr error
}

func newBackupSettings(u *UI) *backupSettings {
	b := &backupSettings{u: u}
	b.chooseFolder = func(cb func(string)) { b.u.pickFolder("选择备份到的文件夹（如U盘）", cb) }
	b.status = widget.NewLabel("")
	b.status.Wrapping = fyne.TextWrapWord
	b.failure = widget.NewLabel("")
	b.failure.Wrapping = fyne.TextWrapWord
	b.failure.Importance = widget.DangerImportance
	b.failure.Hide()
	now := widget.NewButtonWithIcon("立即备份", theme.DocumentSaveIcon(), b.onBackupNow)
	now.Importance = widget.HighImportance
	usb := widget.NewButtonWithIcon("备份到U盘…", theme.UploadIcon(), b.onBackupToFolder)
	fromFile := widget.NewButtonWithIcon("从文件恢复…", theme.DownloadIcon(), b.onRestoreFromFile)
	b.list = widget.NewList(func() int { return len(b.backups) }, b.createRow, b.updateRow)
	top := container.NewVBox(b.status, b.failure, container.NewHBox(now, usb, fromFile),
		widget.NewLabelWithStyle("备份文件夹中的备份（最新的在前）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	b.obj = container.NewBorder(top, b.policyForm(), nil, nil, b.list)
	return b
}

func (b *backupSettings) view() fyne.CanvasObject { return b.obj }

func (b *backupSettings) reload(ctx context.Context) {
	s := b.u.store
	var err error
	if b.backups, err = data.ListBackups(ctx, data.BackupDir(s.Path())); err != nil {
		showError(err, b.u.win)
	}
	b.list.Refresh()
	last := "还没有备份"
	if t := s.NewestBackup(ctx); !t.IsZero() { // of any kind, to a USB stick too
		last = t.Format("2006-01-02 15:04")
	}
	text := fmt.Sprintf("上次备份：%s\n备份文件夹：%s\n程序每天第一次启动时和退出时自动备份；恢复前、程序升级前也会先备份当前数据。",
		last, data.BackupDir(s.Path()))
	b.status.SetText(text)
	if f, ok := b.u.backupFailure(ctx); ok {
		b.failure.SetText(f.Line())
		b.failure.Show()
	} else {
		b.failure.Hide()
	}
	p, err := s.BackupPolicy(ctx)
	if err != nil {
		showError(err, b.u.win)
	}
	for _, f := range []struct {
		e *widget.Entry
		n int
	}{{b.daily, p.Daily}, {b.weekly, p.Weekly}, {b.monthly, p.Monthly}, {b.manual, p.Manual}} {
		f.e.SetText(strconv.Itoa(f.n))
	}
}

func (b *backupSettings) createRow() fyne.CanvasObject {
	restore := widget.NewButton("恢复…", nil)
	return container.NewBorder(nil, nil, nil, restore, widget.NewLabel(""))
}

func (b *backupSettings) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	row := o.(*fyne.Container)
	x := b.backups[i]
	what := x.Summary()
	if x.Problem != "" {
		what = "不可用：" + x.Problem
	}
	row.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s　%s备份　%s　%s",
		x.Time.Format("2006-01-02 15:04"), x.Kind.Label(), sizeText(x.Size), what))
	btn := row.Objects[1].(*widget.Button)
	btn.OnTapped = func() { b.confirmRestore(x, "") }
	if x.Problem != "" {
		btn.Disable()
	} else {
		btn.Enable()
	}
}

func (b *backupSettings) onBackupNow() {
	var made data.BackupInfo
	b.u.run("正在备份…", func(ctx context.Context, _ progress) (err error) {
		made, err = b.u.store.Backup(ctx, backup.Manual)
		return err
	}, func(err error) {
		if err != nil {
			showError(err, b.u.win)
			return
		}
		b.startErr = nil // the store forgot its recorded failure too
		b.reload(b.u.ctx)
		dialog.ShowInformation("备份完成", "已备份："+made.Path+"\n"+made.Summary(), b.u.win)
	})
}

// onBackupToFolder asks for a folder, then for an optional passphrase.
func (b *backupSettings) onBackupToFolder() {
	b.chooseFolder(func(dir string) {
		pass, again := widget.NewPasswordEntry(), widget.NewPasswordEntry()
		encrypt := widget.NewCheck("加密（推荐：U盘丢失时他人无法查看委员信息）", func(on bool) {
			if on {
				pass.Enable()
				again.Enable()
			} else {
				pass.Disable()
				again.Disable()
			}
		})
		encrypt.SetChecked(true)
		hint := widget.NewLabel("请牢记密码：忘记密码将无法恢复此备份。")
		hint.Wrapping = fyne.TextWrapWord
		p := ""
		askFormThen(b.u.win, "备份到 "+dir, []*widget.FormItem{
			widget.NewFormItem("", encrypt), widget.NewFormItem("密码", pass),
			widget.NewFormItem("再次输入", again), widget.NewFormItem("", hint),
		}, func() error {
			if !encrypt.Checked {
				return nil
			}
			if pass.Text != again.Text {
				return data.Invalid("密码", "两次输入的密码不一致")
			}
			if p = pass.Text; p == "" {
				return data.Invalid("密码", "请输入密码，或不勾选“加密”")
			}
			return nil
		}, func() { b.backupToFolder(dir, p) })
	})
}

func (b *backupSettings) backupToFolder(dir, pass string) {
	var path string
	b.u.run("正在备份…", func(ctx context.Context, _ progress) (err error) {
		path, err = seal.BackupToFolder(ctx, b.u.store, dir, pass)
		return err
	}, func(err error) {
		if err != nil {
			showError(err, b.u.win)
			return
		}
		b.reload(b.u.ctx) // 上次备份
		msg := "已备份到：" + path
		if pass == "" {
			msg += "\n此备份未加密，含委员身份证号和电话，请妥善保管。"
		}
		dialog.ShowInformation("备份完成", msg, b.u.win)
	})
}

// onRestoreFromFile restores a backup file from anywhere, e.g. a USB
// stick; an encrypted one asks for its passphrase first.
func (b *backupSettings) onRestoreFromFile() {
	b.u.openFile("选择备份文件", []string{".db", seal.Ext}, func(path string) {
		if !seal.IsSealed(path) {
			info, err := data.InspectBackup(b.u.ctx, path)
			if err != nil {
				showError(err, b.u.win)
				return
			}
			b.confirmRestore(info, "")
			return
		}
		pass := widget.NewPasswordEntry()
		var plain string
		var info data.BackupInfo
		askFormThen(b.u.win, "输入备份密码", []*widget.FormItem{widget.NewFormItem("密码", pass)}, func() (err error) {
			plain, info, err = seal.Open(b.u.ctx, path, pass.Text, b.u.store.Path())
			return err
		}, func() { b.confirmRestore(info, plain) })
	})
}

// confirmRestore shows what the backup holds and restores it when the user
// agrees. plain is a decrypted copy to restore from and remove afterwards.
func (b *backupSettings) confirmRestore(x data.BackupInfo, plain string) {
	from := x.Path
	if plain != "" {
		from = plain
	}
	msg := fmt.Sprintf("将恢复到 %s 的数据：\n%s\n%s\n\n当前数据将被替换；替换前会先另存为一份备份，需要时可再恢复回来。确定恢复吗？",
		x.Time.Format("2006-01-02 15:04"), x.Committee, x.Summary())
	d := dialog.NewConfirm("恢复备份", msg, func(ok bool) {
		if ok {
			b.restore(from, x.Name)
		}
		if plain != "" {
			os.Remove(plain)
		}
	}, b.u.win)
	d.SetConfirmText("恢复")
	d.Show()
}

// restore closes the store, replaces the database and opens the restored
// one; on failure it opens the old database again.
func (b *backupSettings) restore(from, name string) {
	u := b.u
	path := u.store.Path()
	actor, role := u.store.Actor()
	if err := data.CanRestore(role); err != nil {
		showError(err, u.win)
		return
	}
	if err := u.store.Close(); err != nil {
		showError(err, u.win)
		return
	}
	s, res, err := data.Restore(u.ctx, from, path, data.RestoreOptions{Actor: actor, Role: role, Source: name, Held: u.lock})
	if err != nil {
		old, openErr := data.Open(u.ctx, path)
		if openErr != nil {
			showError(errors.Join(err, openErr), u.win)
			return
		}
		old.SetActor(actor, role)
		u.store = old
		showError(err, u.win)
		return
	}
	u.store = s
	u.fileWarned = false
	msg := "已恢复。"
	if res.Safety != "" {
		msg += "\n恢复前的数据已备份为：" + filepath.Base(res.Safety)
	}
	if res.Check.OK() {
		msg += "\n检查通过：文件完整，数据关联正确。"
	} else {
		msg += fmt.Sprintf("\n检查发现 %d 个问题：\n%s", len(res.Check.Problems), strings.Join(firstLines(res.Check.Problems, 5), "\n"))
	}
	u.afterRestore()
	dialog.ShowInformation("恢复完成", msg, u.win)
}

// afterRestore reads who may work from the restored file: its users and
// roles may differ from the ones before. With login off before and after,
// the window simply shows the restored data; otherwise the session ends and
// the window starts again on the restored file — with its login dialog when
// it has users, for everyone when it has none.
func (u *UI) afterRestore() {
	on, err := u.store.LoginRequired(u.ctx)
	if err == nil && !on && u.userName() == "" {
		u.syncActor()
		u.reloadAll()
		u.settings.backup.reload(u.ctx)
		return
	}
	u.access = access{}
	u.syncActor()
	u.committee, u.term = data.Committee{}, data.Term{}
	u.build()
	u.updateTitle()
	u.Start()
}

// fileWatchEvery is how often the window checks that its database file is
// still the one it opened.
const fileWatchEvery = 5 * time.Second

// watchFile checks, every interval, on the window's thread, that the
// database file is still the one the store opened (data.Store.Replaced):
// another program — one that ignored the lock, or a file copied over it —
// may have replaced it. The store then refuses every change; the window
// says so once and asks the user to reopen. stop ends the checks.
func (u *UI) watchFile(every time.Duration) (stop func()) {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				fyne.Do(func() { u.warnIfReplaced() })
			}
		}
	}()
	return func() { close(done) }
}

// warnIfReplaced tells the user, once, that the database file was replaced
// underneath the window; it reports whether the file was replaced.
func (u *UI) warnIfReplaced() bool {
	err := u.store.Replaced()
	if err == nil {
		return false
	}
	if !u.fileWarned {
		u.fileWarned = true
		dialog.ShowInformation("数据文件已被替换", userMessage(err), u.win)
	}
	return true
}

func (b *backupSettings) policyForm() fyne.CanvasObject {
	b.daily, b.weekly, b.monthly, b.manual = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	b.policyMsg = widget.NewLabel("")
	save := widget.NewButtonWithIcon("保存保留规则", theme.DocumentSaveIcon(), b.onSavePolicy)
	row := container.NewHBox(widget.NewLabel("自动备份保留：每日"), sized(b.daily), widget.NewLabel("份，每周"), sized(b.weekly),
		widget.NewLabel("份，每月"), sized(b.monthly), widget.NewLabel("份；手动、恢复前和升级前的备份"), sized(b.manual),
		widget.NewLabel("份"), layout.NewSpacer())
	return container.NewVBox(widget.NewSeparator(), row, container.NewHBox(save, b.policyMsg))
}

func sized(e *widget.Entry) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(60, e.MinSize().Height), e)
}

func (b *backupSettings) onSavePolicy() {
	var p backup.Policy
	for _, f := range []struct {
		label string
		e     *widget.Entry
		dst   *int
	}{{"每日", b.daily, &p.Daily}, {"每周", b.weekly, &p.Weekly}, {"每月", b.monthly, &p.Monthly}, {"手动", b.manual, &p.Manual}} {
		n, err := atoiField(f.label+"份数", f.e.Text)
		if err != nil {
			b.policyMsg.SetText(userMessage(err))
			return
		}
		*f.dst = n
	}
	if err := b.u.store.SetBackupPolicy(b.u.ctx, p); err != nil {
		b.policyMsg.SetText(userMessage(err))
		return
	}
	b.policyMsg.SetText("已保存，下次备份时按新规则清理旧备份。")
}

// backupAtStart is the automatic backup when the program starts: once a
// day, and only for a database that holds a committee.
func (u *UI) backupAtStart() {
	if ok, err := u.store.IsSetUp(u.ctx); err != nil || !ok {
		return
	}
	_, _, err := u.store.BackupIfDue(u.ctx)
	if err != nil && !u.recordBackupFailure("启动时", err) {
		u.settings.backup.startErr = err
	}
}

// recordBackupFailure keeps a failed automatic backup where the window
// shows it (首页 待办, 设置 → 备份与恢复) until a backup succeeds; a
// failure at exit is seen at the next start. It reports whether the
// failure was recorded.
func (u *UI) recordBackupFailure(when string, err error) bool {
	fyne.LogError("automatic backup "+when, err)
	if rerr := u.store.RecordBackupFailure(u.ctx, when, err); rerr != nil {
		fyne.LogError("record the failed backup", rerr)
		return false
	}
	return true
}

// backupFailure is the failed automatic backup to show, if any: the one
// the store recorded, else (when even recording failed) the start's.
func (u *UI) backupFailure(ctx context.Context) (data.BackupFailure, bool) {
	f, ok, err := u.store.BackupFailure(ctx)
	if err == nil && ok {
		return f, true
	}
	if b := u.settings.backup; b != nil && b.startErr != nil {
		return data.BackupFailure{At: u.store.Now(), When: "启动时", Reason: data.BackupFailureReason(b.startErr)}, true
	}
	return data.BackupFailure{}, false
}

// backupAtExit is the automatic backup when the window has closed; it then
// closes the store (which a restore may have replaced).
func (u *UI) backupAtExit() {
	if ok, err := u.store.IsSetUp(u.ctx); err == nil && ok {
		if _, err := u.store.Backup(u.ctx, backup.Auto); err != nil {
			u.recordBackupFailure("退出时", err)
		}
	}
	u.store.Close()
}

func sizeText(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}

func firstLines(lines []string, n int) []string {
	if len(lines) > n {
		return append(lines[:n:n], fmt.Sprintf("……共 %d 条，可运行 zhengxie check 查看全部", len(lines)))
	}
	return lines
}
