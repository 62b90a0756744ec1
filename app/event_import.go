package app

import (
	"errors"
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

// eventImport is the preview of importing meetings and activities with
// their attendance from a workbook: it re-plans whenever "keep unmatched
// names" changes, and writes nothing until 导入.
type eventImport struct {
	u    *UI
	term data.Term
	path string
	done func()
	p    *export.EventImportPreview

	dlg       dialog.Dialog
	keepCheck *widget.Check
	info      *widget.Label
	summary   *widget.Label
	body      *fyne.Container // the events table or the problems table
	confirm   *widget.Button  // 导入
	issues    *widget.Button  // 导出问题清单, shown when there are problems
	shown     bool
}

// showEventImport opens the events import: pick an Excel file, preview
// (events found, participants matched, row problems), apply in one
// transaction; done runs after a successful import.
func (u *UI) showEventImport(termID int64, done func()) {
	if termID == 0 {
		showError(errors.New("请先在“设置”中建立届次。"), u.win)
		return
	}
	u.openFile("导入会议活动及出席情况（Excel .xlsx）", []string{".xlsx"}, func(path string) {
		u.previewEventImport(termID, path, done)
	})
}

// previewEventImport reads and plans path into the term and shows the
// preview; it returns the preview (nil when the term cannot be read).
func (u *UI) previewEventImport(termID int64, path string, done func()) *eventImport {
	term, err := u.store.GetTerm(u.ctx, termID)
	if err != nil {
		showError(err, u.win)
		return nil
	}
	ei := &eventImport{u: u, term: term, path: path, done: done}
	ei.keepCheck = widget.NewCheck("保留名册中没有的人员（只记录姓名，不计入考核）", func(bool) { ei.plan() })
	ei.info = widget.NewLabel("")
	ei.info.Wrapping = fyne.TextWrapWord
	ei.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ei.summary.Wrapping = fyne.TextWrapWord
	ei.body = container.NewStack()
	ei.confirm = widget.NewButtonWithIcon("导入", theme.ConfirmIcon(), ei.onConfirm)
	ei.confirm.Importance = widget.HighImportance
	ei.issues = widget.NewButtonWithIcon("导出问题清单", theme.UploadIcon(), ei.onExportIssues)
	cancel := widget.NewButton("取消", func() { ei.dlg.Hide() })

	top := container.NewVBox(ei.keepCheck, ei.info, ei.summary)
	buttons := container.NewHBox(ei.issues, layout.NewSpacer(), cancel, ei.confirm)
	ei.dlg = dialog.NewCustomWithoutButtons("导入会议活动预览", container.NewBorder(top, buttons, nil, nil, ei.body), u.win)
	ei.dlg.Resize(fyne.NewSize(1000, 640))
	ei.plan() // shows the dialog once the file is read
	return ei
}

// plan reads the file and plans it in the background, then shows the result.
func (ei *eventImport) plan() {
	u := ei.u
	opts := data.EventImportOptions{KeepUnmatched: ei.keepCheck.Checked, Actor: u.operator()}
	ei.confirm.Disable()
	var p *export.EventImportPreview
	u.run("正在读取活动表…", func() (err error) {
		p, err = export.PreviewEventFile(u.ctx, u.store, ei.term, ei.path, opts)
		return err
	}, func(err error) {
		if err != nil {
			ei.dlg.Hide()
			ei.p = nil
			showError(err, u.win)
			return
		}
		ei.show(p)
	})
}

func (ei *eventImport) show(p *export.EventImportPreview) {
	ei.p = p
	ei.info.SetText(strings.Join(p.Info(), "\n"))
	ei.summary.SetText(p.Summary())
	if p.OK() {
		ei.summary.Importance = widget.MediumImportance
		if p.Plan.Created > 0 {
			ei.confirm.Enable()
		}
		ei.issues.Hide()
		ei.body.Objects = []fyne.CanvasObject{ei.eventsTable()}
	} else {
		ei.summary.Importance = widget.DangerImportance
		ei.confirm.Disable()
		ei.issues.Show()
		ei.body.Objects = []fyne.CanvasObject{issuePane(p.Issues)}
	}
	ei.summary.Refresh()
	ei.body.Refresh()
	if !ei.shown {
		ei.shown = true
		ei.dlg.Show()
	}
}

// eventColumns are the preview table's columns.
var eventColumns = []string{"日期", "类型", "名称", "人数", "出席", "请假", "缺席", "操作"}

// eventCell is the text of one cell of the events table.
func eventCell(e data.PlannedEvent, col int) string {
	a := e.Activity
	present, leave, absent := e.Attendance()
	switch col {
	case 0:
		if a.EndDate != "" {
			return a.Date + "至" + a.EndDate[5:]
		}
		return a.Date
	case 1:
		return a.Type
	case 2:
		return a.Title
	case 3:
		if e.Action == data.ActionSkip {
			return "—"
		}
		return fmt.Sprint(len(a.Members))
	case 4, 5, 6:
		if e.Action == data.ActionSkip {
			return "—"
		}
		return fmt.Sprint([]int{present, leave, absent}[col-4])
	}
	return export.EventAction(e)
}

// eventsTable lists the events found, then the warnings.
func (ei *eventImport) eventsTable() fyne.CanvasObject {
	events := ei.p.Plan.Events
	table := previewTable(eventColumns, []float32{150, 100, 380, 55, 55, 55, 55, 130}, len(events),
		func(r, c int) string { return eventCell(events[r], c) })
	if len(ei.p.Warnings) == 0 {
		return table
	}
	warn := widget.NewLabel(fmt.Sprintf("提示（%d 条，不影响导入）：", len(ei.p.Warnings)))
	split := container.NewVSplit(table, container.NewBorder(warn, nil, nil, nil, issuePane(ei.p.Warnings)))
	split.Offset = 0.7
	return split
}

func (ei *eventImport) onExportIssues() {
	u := ei.u
	p := ei.p
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

func (ei *eventImport) onConfirm() {
	u := ei.u
	p := ei.p
	if p == nil || !p.OK() {
		return
	}
	ei.confirm.Disable()
	var res data.EventImportResult
	u.run("正在导入活动…", func() (err error) {
		res, err = p.Apply(u.ctx, u.store)
		return err
	}, func(err error) {
		ei.dlg.Hide()
		if err != nil {
			showError(err, u.win)
			return
		}
		dialog.ShowInformation("导入完成", export.EventResultMessage(res), u.win)
		if ei.done != nil {
			ei.done()
		}
	})
}
