package app

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// binEmpty is what every 回收站 says while it holds nothing.
const binEmpty = "回收站是空的。"

// recycleBin is a 回收站: the term's deleted records of one kind in a
// table, 恢复 for those who may edit and 彻底删除 for those who may purge
// (both guarded by u.guard), the same on every screen. The 履职活动 screen
// shows it as a tab; 委员, 提案 and 社情民意 open it as a dialog from their
// 回收站 button. After 恢复 the record is shown selected in its own list;
// 彻底删除 asks first. The store writes the audit line of both.
type recycleBin[T any] struct {
	u    *UI
	spec binSpec[T]
	obj  fyne.CanvasObject // hint and buttons, the table, the count

	rows     []T
	selected int // index in rows, -1 for none

	table      *columnTable[T]
	countLabel *widget.Label
	restoreBtn *widget.Button
	purgeBtn   *widget.Button
	closeBtn   *widget.Button // in the dialog only
	confirm    confirmer

	dlg   dialog.Dialog // built on first opening as a dialog
	shown bool          // the dialog is open
}

// binSpec is what one bin holds and how its records go back or away.
type binSpec[T any] struct {
	hint    string            // what the bin holds, above the table
	unit    string            // the measure word of the count: 人, 件, 篇, 条
	columns []*tableColumn[T] // title, width and text; no sorting
	load    func(ctx context.Context) ([]T, error)
	// name is a record as a question names it: 委员“张三”.
	name    func(x T) string
	restore func(ctx context.Context, x T) error
	purge   func(ctx context.Context, x T) error
	// purgeAlso is what 彻底删除 removes with the record ("" for nothing
	// that a user would miss).
	purgeAlso string
	// restored shows a record just restored, selected, in its own list
	// (which it reloads).
	restored func(x T)
}

func newRecycleBin[T any](u *UI, spec binSpec[T]) *recycleBin[T] {
	b := &recycleBin[T]{u: u, spec: spec, selected: -1, confirm: windowConfirmer(u.win)}
	b.table = newColumnTable(spec.columns, func() []T { return b.rows })
	b.table.empty = func() string { return binEmpty }
	b.table.selectable(u.win, b.onSelected, func() { b.onSelected(-1) }, nil)

	b.countLabel = widget.NewLabel("")
	b.restoreBtn = widget.NewButtonWithIcon("恢复", theme.ContentUndoIcon(), b.onRestore)
	b.restoreBtn.Importance = widget.HighImportance
	b.purgeBtn = widget.NewButtonWithIcon("彻底删除", theme.DeleteIcon(), b.onPurge)
	b.purgeBtn.Importance = widget.DangerImportance
	b.restoreBtn.Disable()
	b.purgeBtn.Disable()
	u.guard(actEdit, b.restoreBtn)
	u.guard(actPurge, b.purgeBtn)
	b.closeBtn = widget.NewButton("关闭", b.close)
	b.closeBtn.Hide()

	hint := widget.NewLabel(spec.hint)
	hint.TextStyle.Italic = true
	hint.Wrapping = fyne.TextWrapWord
	top := container.NewBorder(nil, nil, container.NewHBox(b.restoreBtn, b.purgeBtn), nil, hint)
	bottom := container.NewHBox(b.countLabel, layout.NewSpacer(), b.closeBtn)
	b.obj = container.NewBorder(top, bottom, nil, nil, b.table.obj)
	return b
}

// tabTitle and view make the bin a tab of a screen.
func (b *recycleBin[T]) tabTitle() string        { return "回收站" }
func (b *recycleBin[T]) view() fyne.CanvasObject { return b.obj }

// cell is the text of one table cell.
func (b *recycleBin[T]) cell(row, col int) string {
	if row < 0 || row >= len(b.rows) || col < 0 || col >= len(b.spec.columns) {
		return ""
	}
	return b.spec.columns[col].cellText(row, b.rows[row])
}

// reload lists the term's deleted records, none selected.
func (b *recycleBin[T]) reload(ctx context.Context) {
	b.rows = nil
	if b.u.term.ID != 0 {
		rows, err := b.spec.load(ctx)
		if err != nil {
			showError(err, b.u.win)
		}
		b.rows = rows
	}
	b.table.UnselectAll()
	b.onSelected(-1)
	b.table.Refresh()
	b.table.scroll(true, -1)
	b.countLabel.SetText(fmt.Sprintf("回收站中共 %d %s", len(b.rows), b.spec.unit))
}

// open shows the bin as a dialog over the window.
func (b *recycleBin[T]) open() {
	b.reload(b.u.ctx)
	if b.dlg == nil {
		b.closeBtn.Show()
		b.dlg = dialog.NewCustomWithoutButtons("回收站", b.obj, b.u.win)
		b.dlg.SetOnClosed(func() { b.shown = false })
	}
	b.shown = true
	b.dlg.Show()
	b.dlg.Resize(fyne.NewSize(760, 460))
}

// close hides the dialog (a tab stays).
func (b *recycleBin[T]) close() {
	if b.dlg != nil && b.shown {
		b.dlg.Hide()
	}
	b.shown = false
}

func (b *recycleBin[T]) onSelected(row int) {
	if row < 0 || row >= len(b.rows) {
		row = -1
	}
	b.selected = row
	setEnabled(b.restoreBtn, row >= 0)
	setEnabled(b.purgeBtn, row >= 0)
}

// onRestore brings the selected record back and shows it in its list.
func (b *recycleBin[T]) onRestore() {
	if b.selected < 0 {
		return
	}
	x := b.rows[b.selected]
	if err := b.spec.restore(b.u.ctx, x); err != nil {
		showError(err, b.u.win)
		return
	}
	b.reload(b.u.ctx)
	b.close()
	b.spec.restored(x)
}

// onPurge removes the selected record for good after asking.
func (b *recycleBin[T]) onPurge() {
	if b.selected < 0 {
		return
	}
	x := b.rows[b.selected]
	also := ""
	if b.spec.purgeAlso != "" {
		also = "，" + b.spec.purgeAlso + "一并删除"
	}
	msg := fmt.Sprintf("确定彻底删除%s吗？\n彻底删除后不能恢复%s。", b.spec.name(x), also)
	b.confirm("彻底删除", msg, func() { b.purge(x) })
}

func (b *recycleBin[T]) purge(x T) {
	if err := b.spec.purge(b.u.ctx, x); err != nil {
		showError(err, b.u.win)
		return
	}
	b.reload(b.u.ctx)
	b.close()
}

// deletedTime is when a record went to the bin, as the bins show it.
func deletedTime(t time.Time) string { return t.Local().Format("2006-01-02 15:04") }

// deletedStamp is deletedTime for a stored RFC 3339 stamp.
func deletedStamp(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return deletedTime(t)
}
