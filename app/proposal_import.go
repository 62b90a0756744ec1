package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/export/sheet"
)

// proposalImport is the preview of importing a past proposal register
// (提案台账) into one session: the one import dialog, with the session and
// the "keep unmatched proposers" choice on top; it re-plans whenever either
// changes, and writes nothing until 确认导入.
type proposalImport struct {
	*importDialog
	l        *proposalList
	path     string
	sessions []data.Session
	p        *sheet.ProposalImportPreview

	sessionSelect *widget.Select
	keepCheck     *widget.Check
}

func (l *proposalList) onImport() {
	u := l.ps.u
	if u.term.ID == 0 {
		showError(data.UserErr("请先在“设置”中建立届次。"), u.win)
		return
	}
	sessions, err := u.store.ListSessions(u.ctx, u.term.ID)
	if err != nil {
		showError(err, u.win)
		return
	}
	if len(sessions) == 0 {
		showError(data.UserErr(fmt.Sprintf("%s还没有会次，请先在“设置 → 届次与会议”中添加，再导入提案台账。", u.term.TermName())), u.win)
		return
	}
	u.openFile("导入提案台账（Excel .xlsx）", []string{".xlsx"}, func(path string) {
		l.showImport(path, sessions)
	})
}

// showImport opens the preview for path, planned into the session shown
// in the list (the newest session when the list shows the whole term).
func (l *proposalList) showImport(path string, sessions []data.Session) {
	u := l.ps.u
	pi := &proposalImport{l: l, path: path, sessions: sessions}
	names := make([]string, len(sessions))
	chosen := len(sessions) - 1
	for i, s := range sessions {
		names[i] = s.SessionName()
		if s.ID == l.sessionID {
			chosen = i
		}
	}
	pi.sessionSelect = widget.NewSelect(names, func(string) { pi.plan() })
	pi.keepCheck = widget.NewCheck("保留名册中没有的提案人（只记录姓名）", func(bool) { pi.plan() })
	pi.importDialog = u.newImportDialog(importDialogSpec{
		title:   "导入提案台账预览",
		busy:    "正在导入提案…",
		choices: container.NewHBox(widget.NewLabel("导入到"), pi.sessionSelect, pi.keepCheck),
		size:    fyne.NewSize(980, 640),
		rows:    pi.rows,
		closed:  func() { l.importing = nil },
		done: func() {
			l.sessionID = pi.p.Session.ID
			u.reloadAll()
		},
	})
	l.importing = pi
	pi.sessionSelect.SetSelectedIndex(chosen) // plans and shows
}

// plan reads the file and plans it into the chosen session, in the
// background, then shows the result.
func (pi *proposalImport) plan() {
	i := pi.sessionSelect.SelectedIndex()
	if i < 0 {
		return
	}
	u := pi.l.ps.u
	session := pi.sessions[i]
	opts := data.ProposalImportOptions{KeepUnmatched: pi.keepCheck.Checked, Actor: u.operator()}
	pi.confirm.Disable()
	var p *sheet.ProposalImportPreview
	u.run("正在读取提案台账…", func(ctx context.Context, _ progress) (err error) {
		p, err = sheet.PreviewProposalFile(ctx, u.store, session, pi.path, opts)
		return err
	}, func(err error) {
		if err != nil {
			pi.failed(err)
			return
		}
		pi.p = p
		pi.show(p)
	})
}

// rows lists what each row will do.
func (pi *proposalImport) rows() fyne.CanvasObject {
	p := pi.p
	return readOnlyTable([]*tableColumn[data.PlannedProposal]{
		{title: "行号", width: 60, text: func(x data.PlannedProposal) string { return fmt.Sprint(x.Row) }},
		{title: "案号", width: 90, text: func(x data.PlannedProposal) string { return p.Plan.Config.FormatNumber(x.Proposal.Number) }},
		{title: "案由", width: 380, text: func(x data.PlannedProposal) string { return x.Proposal.Title }},
		{title: "第一提案人", width: 110, text: func(x data.PlannedProposal) string { return x.Proposal.FirstProposer() }},
		{title: "操作", width: 260, text: sheet.RowAction},
	}, p.Plan.Rows).obj
}
