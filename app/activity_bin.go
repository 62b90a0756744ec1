package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

var binColumns = []column{{"删除时间", 150}, {"种类", 90}, {"日期", 100}, {"类型", 140}, {"名称/题目", 320}, {"人员", 200}}

// activityBin is the 回收站 tab: the term's deleted 履职 records of every
// kind, restored one at a time.
type activityBin struct {
	s   *activityScreen
	obj fyne.CanvasObject

	rows       []data.ActivitySummary
	selected   int // index in rows, -1 for none
	table      *widget.Table
	countLabel *widget.Label
	restoreBtn *widget.Button
	purgeBtn   *widget.Button // 管理员 only
}

func newActivityBin(s *activityScreen) *activityBin {
	b := &activityBin{s: s, selected: -1}
	b.table = widget.NewTable(
		func() (int, int) { return len(b.rows), len(binColumns) },
		func() fyne.CanvasObject {
			lb := widget.NewLabel("")
			lb.Truncation = fyne.TextTruncateEllipsis
			return lb
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(b.cell(id.Row, id.Col)) },
	)
	b.table.ShowHeaderRow = true
	b.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	b.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(binColumns[id.Col].field)
	}
	for i, c := range binColumns {
		b.table.SetColumnWidth(i, c.width)
	}
	b.table.OnSelected = func(id widget.TableCellID) {
		b.selected = id.Row
		setEnabled(b.restoreBtn, b.selected >= 0 && b.selected < len(b.rows))
		setEnabled(b.purgeBtn, b.selected >= 0 && b.selected < len(b.rows))
	}
	b.countLabel = widget.NewLabel("")
	b.restoreBtn = widget.NewButtonWithIcon("恢复", theme.ContentUndoIcon(), b.onRestore)
	b.restoreBtn.Importance = widget.HighImportance
	b.restoreBtn.Disable()
	b.purgeBtn = widget.NewButtonWithIcon("彻底删除", theme.DeleteIcon(), b.onPurge)
	b.purgeBtn.Importance = widget.DangerImportance
	b.purgeBtn.Disable()
	s.u.guard(actPurge, b.purgeBtn)
	hint := widget.NewLabel("删除的会议活动、发言、表彰惩戒和履职记录保留在这里，恢复后回到原来的列表。")
	hint.TextStyle.Italic = true
	top := container.NewBorder(nil, nil, container.NewHBox(b.restoreBtn, b.purgeBtn), nil, hint)
	b.obj = container.NewBorder(top, b.countLabel, nil, nil, b.table)
	return b
}

func (b *activityBin) tabTitle() string        { return "回收站" }
func (b *activityBin) view() fyne.CanvasObject { return b.obj }

func (b *activityBin) cell(row, col int) string {
	if row < 0 || row >= len(b.rows) {
		return ""
	}
	r := b.rows[row]
	switch binColumns[col].field {
	case "删除时间":
		return r.DeletedAt
	case "种类":
		return kindName(r.Kind)
	case "日期":
		return r.Date
	case "类型":
		return r.Type
	case "名称/题目":
		return r.Title
	case "人员":
		return r.Names
	}
	return ""
}

// reload lists the term's deleted records (社情民意 has its own screen).
func (b *activityBin) reload(ctx context.Context) {
	u := b.s.u
	b.rows = nil
	if u.term.ID != 0 {
		list, err := u.store.ListActivities(ctx, data.ActivityFilter{TermID: u.term.ID, Deleted: true})
		if err != nil {
			showError(err, u.win)
		}
		for _, r := range list {
			if r.Kind != data.ActInfo {
				b.rows = append(b.rows, r)
			}
		}
	}
	b.selected = -1
	b.table.UnselectAll()
	b.table.Refresh()
	b.restoreBtn.Disable()
	b.purgeBtn.Disable()
	b.countLabel.SetText(fmt.Sprintf("回收站中共 %d 条", len(b.rows)))
}

// onRestore brings the selected record back.
func (b *activityBin) onRestore() {
	if b.selected < 0 || b.selected >= len(b.rows) {
		return
	}
	u := b.s.u
	if err := u.store.RestoreActivity(u.ctx, b.rows[b.selected].ID); err != nil {
		showError(err, u.win)
		return
	}
	b.reload(u.ctx)
}

// onPurge removes the selected record for good after asking (管理员).
func (b *activityBin) onPurge() {
	if b.selected < 0 || b.selected >= len(b.rows) {
		return
	}
	u, r := b.s.u, b.rows[b.selected]
	msg := fmt.Sprintf("确定彻底删除“%s”吗？\n彻底删除后不能恢复。", r.Title)
	dialog.ShowConfirm("彻底删除", msg, func(yes bool) {
		if yes {
			b.purge(r.ID)
		}
	}, u.win)
}

func (b *activityBin) purge(id int64) {
	u := b.s.u
	if err := u.store.PurgeActivity(u.ctx, id); err != nil {
		showError(err, u.win)
		return
	}
	b.reload(u.ctx)
}
