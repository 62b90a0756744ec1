package app

import (
	"context"
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
	"zhengxie/export/sheet"
)

// importDialog is the one preview dialog of every import (any
// sheet.Preview: roster, proposals, events, and each kind added later):
// the choices of its kind on top, the file and columns, the summary, the
// rows it will write (and the hints) or the problems by row and field,
// 导出问题清单, 只导入没有问题的行 (which also saves the rows left out, with
// their reasons, as a sheet to fix and import again), 取消 and the confirm
// button. Nothing is written until confirm.
type importDialog struct {
	u       *UI
	plan    sheet.Preview
	rows    func() fyne.CanvasObject // the kind's table of what each row will do
	busy    string                   // the progress text while applying
	done    func()                   // after a successful import
	closed  func()                   // after the dialog closes, by 取消 or import
	dlg     dialog.Dialog
	info    *widget.Label
	summary *widget.Label
	body    *fyne.Container // the rows table or the problems table
	confirm *widget.Button
	issues  *widget.Button // 导出问题清单, shown when there are problems
	skipBad *widget.Button // 只导入没有问题的行, shown when there are problems and good rows
	shown   bool
}

// importDialogSpec is what one kind of import tells the dialog.
type importDialogSpec struct {
	title   string                   // the dialog's title
	confirm string                   // the confirm button's text; 确认导入 when empty
	busy    string                   // progress text while applying
	choices fyne.CanvasObject        // the kind's own choices above the info (nil: none)
	rows    func() fyne.CanvasObject // the table of what the current plan's rows will do
	size    fyne.Size                // zero: 1000×640
	done    func()
	closed  func()
}

// newImportDialog builds the dialog without showing it: show does, with
// the first plan.
func (u *UI) newImportDialog(spec importDialogSpec) *importDialog {
	d := &importDialog{u: u, busy: spec.busy, done: spec.done, closed: spec.closed, rows: spec.rows}
	d.info = widget.NewLabel("")
	d.info.Wrapping = fyne.TextWrapWord
	d.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.summary.Wrapping = fyne.TextWrapWord
	d.body = container.NewStack()
	label := spec.confirm
	if label == "" {
		label = "确认导入"
	}
	d.confirm = widget.NewButtonWithIcon(label, theme.ConfirmIcon(), d.onConfirm)
	d.confirm.Importance = widget.HighImportance
	d.confirm.Disable()
	d.issues = widget.NewButtonWithIcon("导出问题清单", theme.UploadIcon(), d.onExportIssues)
	d.issues.Hide()
	d.skipBad = widget.NewButtonWithIcon("只导入没有问题的行", theme.ContentCopyIcon(), d.onSkipBad)
	d.skipBad.Hide()
	cancel := widget.NewButton("取消", d.close)
	top := container.NewVBox(d.info, d.summary)
	if spec.choices != nil {
		top.Objects = append([]fyne.CanvasObject{spec.choices}, top.Objects...)
	}
	buttons := container.NewHBox(d.issues, layout.NewSpacer(), cancel, d.skipBad, d.confirm)
	d.dlg = dialog.NewCustomWithoutButtons(spec.title, container.NewBorder(top, buttons, nil, nil, d.body), u.win)
	size := spec.size
	if size.IsZero() {
		size = fyne.NewSize(1000, 640)
	}
	d.dlg.Resize(size)
	return d
}

// show puts a plan into the dialog (the first one opens it).
func (d *importDialog) show(p sheet.Preview) {
	d.plan = p
	d.info.SetText(strings.Join(p.Info(), "\n"))
	summary := p.Summary()
	d.skipBad.Hide()
	d.skipBad.Enable()
	if len(p.Problems()) == 0 {
		d.summary.Importance = widget.MediumImportance
		if p.Writes() {
			d.confirm.Enable()
		} else {
			d.confirm.Disable()
		}
		d.issues.Hide()
		d.body.Objects = []fyne.CanvasObject{d.rowsPane()}
	} else {
		d.summary.Importance = widget.DangerImportance
		d.confirm.Disable()
		d.issues.Show()
		if part := p.Partial(); part.Writes {
			summary += "\n" + part.Summary
			d.skipBad.Show()
		}
		d.body.Objects = []fyne.CanvasObject{issuePane(p.Problems())}
	}
	d.summary.SetText(summary)
	d.summary.Refresh()
	d.body.Refresh()
	if !d.shown {
		d.shown = true
		d.dlg.Show()
	}
}

// failed closes the dialog on an error of reading or planning.
func (d *importDialog) failed(err error) {
	d.close()
	showError(err, d.u.win)
}

func (d *importDialog) close() {
	d.dlg.Hide()
	if d.closed != nil {
		d.closed()
	}
}

// rowsPane lists what each row will do, then the warnings.
func (d *importDialog) rowsPane() fyne.CanvasObject {
	table := d.rows()
	warnings := d.plan.Hints()
	if len(warnings) == 0 {
		return table
	}
	warn := widget.NewLabel(fmt.Sprintf("提示（%d 条，不影响导入）：", len(warnings)))
	split := container.NewVSplit(table, container.NewBorder(warn, nil, nil, nil, issuePane(warnings)))
	split.Offset = 0.7
	return split
}

func (d *importDialog) onExportIssues() {
	p := d.plan
	if p == nil {
		return
	}
	u := d.u
	source := filepath.Base(p.File())
	name := strings.TrimSuffix(source, filepath.Ext(source)) + "（导入问题清单）.xlsx"
	u.saveFile("导出问题清单", name, func(path string) {
		if err := sheet.IssuesFile(path, source, p.Problems()); err != nil {
			showError(err, u.win)
			return
		}
		dialog.ShowInformation("已导出", "问题清单已保存到：\n"+path, u.win)
	})
}

func (d *importDialog) onConfirm() {
	p := d.plan
	if p == nil || len(p.Problems()) > 0 {
		return
	}
	d.importNow(false, "")
}

// onSkipBad asks where to save the rows left out, then imports the others.
func (d *importDialog) onSkipBad() {
	p := d.plan
	if p == nil || !p.Partial().Writes {
		return
	}
	d.u.saveFile("保存未导入的行", sheet.LeftName(p.File()), func(path string) { d.importNow(true, path) })
}

// importNow imports in the background (with skipBad only the rows without
// problems, and then writes the rows left out to leftPath), closes the
// dialog and says what was done.
func (d *importDialog) importNow(skipBad bool, leftPath string) {
	p := d.plan
	u := d.u
	d.confirm.Disable()
	d.skipBad.Disable()
	busy := d.busy
	if busy == "" {
		busy = "正在导入…"
	}
	var out sheet.Outcome
	var leftErr error
	u.run(busy, func(ctx context.Context, _ progress) (err error) {
		if out, err = p.Import(ctx, u.store, skipBad); err != nil {
			return err
		}
		if len(out.Left) > 0 {
			leftErr = sheet.LeftFile(leftPath, p.Sources(), out.Left)
		}
		return nil
	}, func(err error) {
		d.close()
		if err != nil {
			showError(err, u.win)
			return
		}
		msg := out.Message
		switch {
		case leftErr != nil:
			msg += fmt.Sprintf("\n有问题的 %d 行未导入，但未能保存这些行：%s", len(out.Left), data.UserMessage(leftErr))
		case len(out.Left) > 0:
			msg += "\n" + sheet.LeftMessage(len(out.Left), leftPath)
		}
		dialog.ShowInformation("导入完成", msg, u.win)
		if d.done != nil {
			d.done()
		}
	})
}

// readOnlyTable shows rows that are only looked at: no sorting, no
// selection of its own.
func readOnlyTable[T any](columns []*tableColumn[T], rows []T) *columnTable[T] {
	return newColumnTable(columns, func() []T { return rows })
}

// issueTable lists import problems or warnings by row and field.
func issueTable(issues []data.ImportIssue) *columnTable[data.ImportIssue] {
	return readOnlyTable([]*tableColumn[data.ImportIssue]{
		{title: "行号", width: 60, text: func(x data.ImportIssue) string {
			if x.Row == 0 {
				return "—"
			}
			return fmt.Sprint(x.Row)
		}},
		{title: "字段", width: 120, text: func(x data.ImportIssue) string { return x.Field }},
		{title: "说明", width: 660, text: func(x data.ImportIssue) string { return x.Msg }},
	}, issues)
}

// issuePane is an issue table with the selected issue's whole text below
// it, since long messages do not fit their cell.
func issuePane(issues []data.ImportIssue) fyne.CanvasObject {
	full := widget.NewLabel("点选一行可查看完整说明。")
	full.Wrapping = fyne.TextWrapWord
	t := issueTable(issues)
	t.table.OnSelected = func(id widget.TableCellID) {
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
	return container.NewBorder(nil, full, nil, nil, t.obj)
}
