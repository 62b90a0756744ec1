package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// memberBin is the 回收站 of the term's deleted members: 恢复 for those who
// may edit, 彻底删除 for administrators only.
type memberBin struct {
	m       *memberList
	d       dialog.Dialog
	deleted []data.Member
	chosen  int
	list    *widget.List

	restoreBtn, purgeBtn *widget.Button
}

// onRecycleBin lists the term's deleted members.
func (m *memberList) onRecycleBin() {
	u := m.u
	deleted, err := u.store.ListMembers(u.ctx, data.MemberFilter{TermID: u.term.ID, DeletedOnly: true})
	if err != nil {
		showError(err, u.win)
		return
	}
	if len(deleted) == 0 {
		dialog.ShowInformation("回收站", "回收站是空的。", u.win)
		return
	}
	b := &memberBin{m: m, deleted: deleted, chosen: -1}
	b.list = widget.NewList(
		func() int { return len(b.deleted) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			x := b.deleted[i]
			when := ""
			if x.DeletedAt != nil {
				when = x.DeletedAt.Local().Format("2006-01-02 15:04")
			}
			o.(*widget.Label).SetText(fmt.Sprintf("%s　%s　%s　删除于 %s", x.Name, x.Sector, x.WorkUnit, when))
		},
	)
	b.restoreBtn = widget.NewButtonWithIcon("恢复", theme.ContentUndoIcon(), b.onRestore)
	b.purgeBtn = widget.NewButtonWithIcon("彻底删除", theme.DeleteIcon(), b.onPurge)
	b.purgeBtn.Importance = widget.DangerImportance
	b.restoreBtn.Disable()
	b.purgeBtn.Disable()
	showIf(b.restoreBtn, u.can(actEdit))
	showIf(b.purgeBtn, u.can(actPurge))
	b.list.OnSelected = func(i widget.ListItemID) { b.chosen = i; b.restoreBtn.Enable(); b.purgeBtn.Enable() }
	closeBtn := widget.NewButton("关闭", b.close)
	content := container.NewBorder(widget.NewLabel(fmt.Sprintf("%s已删除的委员（%d 人）", u.term.TermName(), len(deleted))),
		container.NewHBox(b.restoreBtn, b.purgeBtn, closeBtn), nil, nil, b.list)
	b.d = dialog.NewCustomWithoutButtons("回收站", content, u.win)
	b.d.Resize(fyne.NewSize(640, 420))
	b.d.Show()
	m.bin = b
}

func (b *memberBin) close() {
	b.d.Hide()
	b.m.bin = nil
}

func (b *memberBin) onRestore() {
	u := b.m.u
	if b.chosen < 0 {
		return
	}
	if err := u.store.RestoreMember(u.ctx, b.deleted[b.chosen].Membership.ID); err != nil {
		showError(err, u.win)
		return
	}
	b.close()
	b.m.reload(u.ctx)
}

func (b *memberBin) onPurge() {
	u := b.m.u
	if b.chosen < 0 {
		return
	}
	x := b.deleted[b.chosen]
	msg := fmt.Sprintf("确定彻底删除委员“%s”吗？\n彻底删除后不能恢复。", x.Name)
	dialog.ShowConfirm("彻底删除", msg, func(yes bool) {
		if yes {
			b.purge(x)
		}
	}, u.win)
}

func (b *memberBin) purge(x data.Member) {
	u := b.m.u
	if err := u.store.PurgeMember(u.ctx, x.Membership.ID); err != nil {
		showError(err, u.win)
		return
	}
	b.close()
	b.m.reload(u.ctx)
}
