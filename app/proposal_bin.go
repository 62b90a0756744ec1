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

// deleteProposal moves a proposal to the recycle bin.
func (l *proposalList) deleteProposal(p data.Proposal) {
	u := l.ps.u
	if err := u.store.DeleteProposal(u.ctx, p.ID, u.operator()); err != nil {
		showError(err, u.win)
		return
	}
	l.query(u.ctx)
}

// deletedProposals are the term's proposals in the recycle bin.
func (l *proposalList) deletedProposals() ([]data.Proposal, error) {
	u := l.ps.u
	return u.store.ListProposals(u.ctx, data.ProposalFilter{TermID: u.term.ID, DeletedOnly: true})
}

// restoreProposal takes a proposal out of the recycle bin and selects it.
func (l *proposalList) restoreProposal(p data.Proposal) error {
	u := l.ps.u
	if err := u.store.RestoreProposal(u.ctx, p.ID, u.operator()); err != nil {
		return err
	}
	l.query(u.ctx)
	l.selectProposal(p.ID)
	return nil
}

// purgeProposal removes a proposal in the recycle bin for good (管理员).
func (l *proposalList) purgeProposal(p data.Proposal) error {
	u := l.ps.u
	if err := u.store.PurgeProposal(u.ctx, p.ID); err != nil {
		return err
	}
	l.query(u.ctx)
	return nil
}

// onRecycleBin lists the term's deleted proposals and restores the chosen one.
func (l *proposalList) onRecycleBin() {
	u := l.ps.u
	deleted, err := l.deletedProposals()
	if err != nil {
		showError(err, u.win)
		return
	}
	if len(deleted) == 0 {
		dialog.ShowInformation("回收站", "回收站是空的。", u.win)
		return
	}
	sessions := map[int64]string{}
	for _, s := range l.ps.sessions {
		sessions[s.ID] = s.SessionName()
	}
	chosen := -1
	list := widget.NewList(
		func() int { return len(deleted) },
		func() fyne.CanvasObject {
			lb := widget.NewLabel("")
			lb.Truncation = fyne.TextTruncateEllipsis
			return lb
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			p := deleted[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s %s　%s　%s", sessions[p.SessionID],
				l.ps.cfg.FormatNumber(p.Number), p.Title, p.FirstProposer()))
		},
	)
	var d dialog.Dialog
	restore := widget.NewButtonWithIcon("恢复", theme.ContentUndoIcon(), func() {
		if chosen < 0 {
			return
		}
		if err := l.restoreProposal(deleted[chosen]); err != nil {
			showError(err, u.win)
			return
		}
		d.Hide()
	})
	restore.Importance = widget.HighImportance
	restore.Disable()
	purge := widget.NewButtonWithIcon("彻底删除", theme.DeleteIcon(), func() {
		if chosen < 0 {
			return
		}
		p := deleted[chosen]
		msg := fmt.Sprintf("确定彻底删除提案《%s》吗？\n其答复、评价、办理记录和附件一并删除，不能恢复。", p.Title)
		dialog.ShowConfirm("彻底删除", msg, func(yes bool) {
			if !yes {
				return
			}
			if err := l.purgeProposal(p); err != nil {
				showError(err, u.win)
				return
			}
			d.Hide()
		}, u.win)
	})
	purge.Importance = widget.DangerImportance
	purge.Disable()
	showIf(restore, u.can(actEdit))
	showIf(purge, u.can(actPurge))
	list.OnSelected = func(i widget.ListItemID) { chosen = i; restore.Enable(); purge.Enable() }
	closeBtn := widget.NewButton("关闭", func() { d.Hide() })
	head := widget.NewLabel(fmt.Sprintf("%s已删除的提案（%d 件）", u.term.TermName(), len(deleted)))
	content := container.NewBorder(head, container.NewHBox(restore, purge, closeBtn), nil, nil, list)
	d = dialog.NewCustomWithoutButtons("回收站", content, u.win)
	d.Resize(fyne.NewSize(720, 440))
	d.Show()
}
