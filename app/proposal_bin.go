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
	list.OnSelected = func(i widget.ListItemID) { chosen = i; restore.Enable() }
	closeBtn := widget.NewButton("关闭", func() { d.Hide() })
	head := widget.NewLabel(fmt.Sprintf("%s已删除的提案（%d 件）", u.term.TermName(), len(deleted)))
	content := container.NewBorder(head, container.NewHBox(restore, closeBtn), nil, nil, list)
	d = dialog.NewCustomWithoutButtons("回收站", content, u.win)
	d.Resize(fyne.NewSize(720, 440))
	d.Show()
}
