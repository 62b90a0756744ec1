package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/export"
)

// proposalImport is the preview of importing a past proposal register
// (提案台账) into one session: it re-plans whenever the session or the
// "keep unmatched proposers" choice changes, and writes nothing until
// 确认导入.
type proposalImport struct {
	l        *proposalList
	path     string
	sessions []data.Session
	p        *export.ProposalImportPreview

	dlg           dialog.Dialog
	sessionSelect *widget.Select
	keepCheck     *widget.Check
	info          *widget.Label
	summary       *widget.Label
	body          *fyne.Container // the rows table or the problems table
	confirm       *widget.Button
	issues        *widget.Button // 导出问题清单, shown when there are problems
}

func (l *proposalList) onImport() {
	u := l.ps.u
	if u.term.ID == 0 {
		showError(fmt.Errorf("请先在“设置”中建立届次。"), u.win)
		return
	}
	sessions, err := u.store.ListSessions(u.ctx, u.term.ID)
	if err != nil {
		showError(err, u.win)
		return
	}
	if len(sessions) == 0 {
		showError(fmt.Errorf("%s还没有会次，请先在“设置 → 届次与会议”中添加，再导入提案台账。", u.term.TermName()), u.win)
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
	pi.info = widget.NewLabel("")
	pi.info.Wrapping = fyne.TextWrapWord
	pi.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	pi.summary.Wrapping = fyne.TextWrapWord
	pi.body = container.NewStack()
	pi.confirm = widget.NewButtonWithIcon("确认导入", theme.ConfirmIcon(), pi.onConfirm)
	pi.confirm.Importance = widget.HighImportance
	pi.issues = widget.NewButtonWithIcon("导出问题清单", theme.UploadIcon(), pi.onExportIssues)
	cancel := widget.NewButton("取消", func() { pi.dlg.Hide(); l.importing = nil })

	choices := container.NewHBox(widget.NewLabel("导入到"), pi.sessionSelect, pi.keepCheck)
	top := container.NewVBox(choices, pi.info, pi.summary)
	buttons := container.NewHBox(pi.issues, layout.NewSpacer(), cancel, pi.confirm)
	pi.dlg = dialog.NewCustomWithoutButtons("导入提案台账预览", container.NewBorder(top, buttons, nil, nil, pi.body), u.win)
	pi.dlg.Resize(fyne.NewSize(980, 640))
	l.importing = pi
	pi.sessionSelect.SetSelectedIndex(chosen) // plans
	pi.dlg.Show()
}

// plan reads the file and plans it into the chosen session, in the
// background, then shows the result.
func (pi *proposalImport) plan() {
	i := pi.sessionSelect.SelectedIndex()
	if i < 0 {
		return
	}
	u := pi.l.ps.u
	session, term := pi.sessions[i], u.term
	opts := data.ProposalImportOptions{KeepUnmatched: pi.keepCheck.Checked, Actor: u.operator()}
	pi.confirm.Disable()
	var p *export.ProposalImportPreview
	u.run("正在读取提案台账…", func() (err error) {
		p, err = export.PreviewProposalFile(u.ctx, u.store, session, pi.path, opts)
		return err
	}, func(err error) {
		if err != nil {
			pi.dlg.Hide()
			pi.l.importing = nil
			showError(err, u.win)
			return
		}
		pi.show(p, term)
	})
}

func (pi *proposalImport) show(p *export.ProposalImportPreview, term data.Term) {
	pi.p = p
	pi.info.SetText(strings.Join(p.Info(term), "\n"))
	pi.summary.SetText(p.Summary())
	if p.OK() {
		pi.summary.Importance = widget.MediumImportance
		if created, _ := p.Counts(); created > 0 {
			pi.confirm.Enable()
		}
		pi.issues.Hide()
		pi.body.Objects = []fyne.CanvasObject{pi.rowsTable()}
	} else {
		pi.summary.Importance = widget.DangerImportance
		pi.confirm.Disable()
		pi.issues.Show()
		pi.body.Objects = []fyne.CanvasObject{issuePane(p.Issues)}
	}
	pi.summary.Refresh()
	pi.body.Refresh()
}

// rowsTable lists what each row will do, then the warnings.
func (pi *proposalImport) rowsTable() fyne.CanvasObject {
	p := pi.p
	rows := p.Plan.Rows
	table := previewTable([]string{"行号", "案号", "案由", "第一提案人", "操作"}, []float32{60, 90, 380, 110, 260}, len(rows),
		func(r, c int) string {
			x := rows[r]
			switch c {
			case 0:
				return fmt.Sprint(x.Row)
			case 1:
				return p.Plan.Config.FormatNumber(x.Proposal.Number)
			case 2:
				return x.Proposal.Title
			case 3:
				return x.Proposal.FirstProposer()
			}
			return export.RowAction(x)
		})
	if len(p.Warnings) == 0 {
		return table
	}
	warn := widget.NewLabel(fmt.Sprintf("提示（%d 条，不影响导入）：", len(p.Warnings)))
	split := container.NewVSplit(table, container.NewBorder(warn, nil, nil, nil, issuePane(p.Warnings)))
	split.Offset = 0.7
	return split
}

// issueTable lists import problems or warnings by row and field.
func issueTable(issues []data.ImportIssue) *widget.Table {
	return previewTable([]string{"行号", "字段", "说明"}, []float32{60, 120, 660}, len(issues),
		func(r, c int) string {
			x := issues[r]
			switch c {
			case 0:
				if x.Row == 0 {
					return "—"
				}
				return fmt.Sprint(x.Row)
			case 1:
				return x.Field
			}
			return x.Msg
		})
}

// issuePane is an issue table with the selected issue's whole text below
// it, since long messages do not fit their cell.
func issuePane(issues []data.ImportIssue) fyne.CanvasObject {
	full := widget.NewLabel("点选一行可查看完整说明。")
	full.Wrapping = fyne.TextWrapWord
	t := issueTable(issues)
	t.OnSelected = func(id widget.TableCellID) {
		x := issues[id.Row]
		where := "第 " + fmt.Sprint(x.Row) + " 行"
		if x.Row == 0 {
			where = "整张表"
		}
		if x.Field != "" {
			where += "“" + x.Field + "”"
		}
		full.SetText(where + "：" + x.Msg)
	}
	return container.NewBorder(nil, full, nil, nil, t)
}

func (pi *proposalImport) onExportIssues() {
	u := pi.l.ps.u
	p := pi.p
	if p == nil {
		return
	}
	source := filepath.Base(p.Path)
	name := strings.TrimSuffix(source, filepath.Ext(source)) + "（导入问题清单）.xlsx"
	u.saveFile("导出问题清单", name, func(path string) {
		if err := export.IssuesFile(path, source, p.Issues); err != nil {
			showError(err, u.win)
			return
		}
		dialog.ShowInformation("已导出", "问题清单已保存到：\n"+path, u.win)
	})
}

func (pi *proposalImport) onConfirm() {
	u := pi.l.ps.u
	p := pi.p
	if p == nil || !p.OK() {
		return
	}
	pi.confirm.Disable()
	var res data.ProposalImportResult
	u.run("正在导入提案…", func() (err error) {
		res, err = p.Apply(u.ctx, u.store)
		return err
	}, func(err error) {
		pi.dlg.Hide()
		pi.l.importing = nil
		if err != nil {
			showError(err, u.win)
			return
		}
		dialog.ShowInformation("导入完成", export.ResultMessage(res), u.win)
		pi.l.sessionID = p.Session.ID
		u.reloadAll()
	})
}
