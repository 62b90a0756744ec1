package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/proposal"
	"zhengxie/export/sheet"
)

// unitForm adds or edits one handling unit in a dialog; a refused save
// keeps it open with the message.
type unitForm struct {
	t *unitList
	x data.Unit
	d dialog.Dialog

	nameEntry, contactEntry, phoneEntry *widget.Entry
	kindSelect                          *widget.Select
	activeCheck                         *widget.Check
	message                             *widget.Label
	saveButton                          *widget.Button
}

func (t *unitList) onAdd() {
	t.openForm(data.Unit{Kind: proposal.UnitKinds[0], Active: true}, "新增承办单位")
}

func (t *unitList) onEdit() {
	if x, ok := t.current(); ok {
		t.openForm(x, "修改承办单位")
	}
}

func (t *unitList) openForm(x data.Unit, title string) {
	f := &unitForm{t: t, x: x,
		nameEntry: widget.NewEntry(), contactEntry: widget.NewEntry(), phoneEntry: widget.NewEntry()}
	f.nameEntry.SetText(x.Name)
	f.nameEntry.SetPlaceHolder("如 县教育局")
	f.contactEntry.SetText(x.Contact)
	f.phoneEntry.SetText(x.Phone)
	f.kindSelect = widget.NewSelect(proposal.UnitKinds, nil)
	f.kindSelect.SetSelected(x.Kind)
	f.activeCheck = widget.NewCheck("在用（停用的单位不再出现在交办的选择中）", nil)
	f.activeCheck.SetChecked(x.Active)
	items := []*widget.FormItem{widget.NewFormItem("单位名称", f.nameEntry), widget.NewFormItem("单位类型", f.kindSelect),
		widget.NewFormItem("联系人", f.contactEntry), widget.NewFormItem("联系电话", f.phoneEntry)}
	if x.ID != 0 {
		items = append(items, widget.NewFormItem("", f.activeCheck))
	}
	f.message = widget.NewLabel("")
	f.message.Importance = widget.DangerImportance
	f.message.Wrapping = fyne.TextWrapWord
	f.saveButton = widget.NewButton("保存", f.onSave)
	f.saveButton.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", f.close)
	content := container.NewVBox(widget.NewForm(items...), f.message, container.NewHBox(layout.NewSpacer(), cancel, f.saveButton))
	f.d = dialog.NewCustomWithoutButtons(title, content, t.ps.u.win)
	f.d.Resize(fyne.NewSize(480, content.MinSize().Height+80))
	t.form = f
	f.d.Show()
	t.ps.u.win.Canvas().Focus(f.nameEntry)
}

func (f *unitForm) onSave() {
	u := f.t.ps.u
	x := f.x
	x.Name, x.Kind, x.Contact, x.Phone = f.nameEntry.Text, f.kindSelect.Selected, f.contactEntry.Text, f.phoneEntry.Text
	x.Active = f.activeCheck.Checked
	if err := u.store.SaveUnit(u.ctx, &x); err != nil {
		f.message.SetText(userMessage(err))
		return
	}
	f.close()
	f.t.selectUnit(x.ID)
}

func (f *unitForm) close() {
	f.d.Hide()
	if f.t.form == f {
		f.t.form = nil
	}
}

// selectUnit reloads the list with one unit selected.
func (t *unitList) selectUnit(id int64) {
	t.want = id
	t.reload(t.ps.u.ctx)
}

// onDelete deletes the selected unit after asking; a unit that holds
// proposals cannot be deleted, and 停用 is offered instead.
func (t *unitList) onDelete() {
	x, ok := t.current()
	if !ok {
		return
	}
	t.confirm("删除承办单位", fmt.Sprintf("确定删除承办单位“%s”吗？", x.Name), func() { t.deleteUnit(x) })
}

func (t *unitList) deleteUnit(x data.Unit) {
	u := t.ps.u
	err := u.store.DeleteUnit(u.ctx, x.ID)
	switch {
	case err == nil:
		t.selected = -1
		t.reload(u.ctx)
	case x.Active:
		t.confirm("不能删除", userMessage(err)+"\n\n是否改为停用？停用后它不再出现在交办的选择中，已有的办理记录和统计不受影响。",
			func() { t.setActive(x, false) })
	default:
		showError(err, u.win)
	}
}

func (t *unitList) onToggleActive() {
	if x, ok := t.current(); ok {
		t.setActive(x, !x.Active)
	}
}

// setActive marks a unit in use or not; a unit stopped while hidden ones
// are not shown drops out of the list.
func (t *unitList) setActive(x data.Unit, on bool) {
	u := t.ps.u
	x.Active = on
	if err := u.store.SaveUnit(u.ctx, &x); err != nil {
		showError(err, u.win)
		return
	}
	t.selectUnit(x.ID)
}

func (t *unitList) onDefaults() {
	u := t.ps.u
	if err := u.store.AddDefaultUnits(u.ctx); err != nil {
		showError(err, u.win)
		return
	}
	t.reload(u.ctx)
}

// onExport writes the 承办单位办理情况统计表 of the chosen scope.
func (t *unitList) onExport() {
	u := t.ps.u
	if u.term.ID == 0 {
		showError(data.UserErr("请先在“设置”中建立届次。"), u.win)
		return
	}
	f := t.scope()
	var session *data.Session
	for i := range t.ps.sessions {
		if t.ps.sessions[i].ID == f.SessionID {
			session = &t.ps.sessions[i]
		}
	}
	today := t.ps.today()
	u.saveFile("导出承办单位办理情况统计表", sheet.UnitSheetTitle(u.committee, u.term, session)+".xlsx", func(path string) {
		u.run("正在导出…", func(ctx context.Context, _ progress) error {
			return sheet.UnitSheetFile(ctx, u.store, path, f.TermID, f.SessionID, today)
		}, func(err error) {
			if err != nil {
				showError(err, u.win)
				return
			}
			dialog.ShowInformation("导出完成", "承办单位办理情况统计表已保存到：\n"+path, u.win)
		})
	})
}
