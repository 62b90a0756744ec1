package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/export/sheet"
)

// eventImport is the preview of importing meetings and activities with
// their attendance from a workbook: the one import dialog, with the "keep
// unmatched names" choice on top; it re-plans whenever that changes, and
// writes nothing until 导入.
type eventImport struct {
	*importDialog
	u    *UI
	term data.Term
	path string
	p    *sheet.EventImportPreview

	keepCheck *widget.Check
}

// showEventImport opens the events import: pick an Excel file, preview
// (events found, participants matched, row problems), apply in one
// transaction; done runs after a successful import.
func (u *UI) showEventImport(termID int64, done func()) {
	if termID == 0 {
		showError(data.UserErr("请先在“设置”中建立届次。"), u.win)
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
	ei := &eventImport{u: u, term: term, path: path}
	ei.keepCheck = widget.NewCheck("保留名册中没有的人员（只记录姓名，不计入考核）", func(bool) { ei.plan() })
	ei.importDialog = u.newImportDialog(importDialogSpec{
		title:   "导入会议活动预览",
		confirm: "导入",
		busy:    "正在导入活动…",
		choices: ei.keepCheck,
		rows:    ei.rows,
		done:    done,
	})
	ei.plan() // shows the dialog once the file is read
	return ei
}

// plan reads the file and plans it in the background, then shows the result.
func (ei *eventImport) plan() {
	u := ei.u
	opts := data.EventImportOptions{KeepUnmatched: ei.keepCheck.Checked, Actor: u.operator()}
	ei.confirm.Disable()
	var p *sheet.EventImportPreview
	u.run("正在读取活动表…", func(ctx context.Context, _ progress) (err error) {
		p, err = sheet.PreviewEventFile(ctx, u.store, ei.term, ei.path, opts)
		return err
	}, func(err error) {
		if err != nil {
			ei.failed(err)
			return
		}
		ei.p = p
		ei.show(p)
	})
}

// rows lists the events found.
func (ei *eventImport) rows() fyne.CanvasObject {
	return readOnlyTable(eventColumns(), ei.p.Plan.Events).obj
}

// eventColumns are the preview table's columns.
func eventColumns() []*tableColumn[data.PlannedEvent] {
	// count is a figure of an event to be added; a skipped one shows —.
	count := func(n func(e data.PlannedEvent) int) func(e data.PlannedEvent) string {
		return func(e data.PlannedEvent) string {
			if e.Action == data.ActionSkip {
				return "—"
			}
			return fmt.Sprint(n(e))
		}
	}
	attendance := func(i int) func(e data.PlannedEvent) string {
		return count(func(e data.PlannedEvent) int {
			present, leave, absent := e.Attendance()
			return []int{present, leave, absent}[i]
		})
	}
	return []*tableColumn[data.PlannedEvent]{
		{title: "日期", width: 150, text: func(e data.PlannedEvent) string {
			if a := e.Activity; a.EndDate != "" {
				return a.Date + "至" + a.EndDate[5:]
			}
			return e.Activity.Date
		}},
		{title: "类型", width: 100, text: func(e data.PlannedEvent) string { return e.Activity.Type }},
		{title: "名称", width: 380, text: func(e data.PlannedEvent) string { return e.Activity.Title }},
		{title: "人数", width: 55, text: count(func(e data.PlannedEvent) int { return len(e.Activity.Members) })},
		{title: "出席", width: 55, text: attendance(0)},
		{title: "请假", width: 55, text: attendance(1)},
		{title: "缺席", width: 55, text: attendance(2)},
		{title: "操作", width: 130, text: sheet.EventAction},
	}
}
