package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// narrativeEditor edits the sections of a report the office writes itself
// (主要做法, 存在的不足, 工作安排 …): one tab per section with a
// multi-line entry. The text is saved to the store for the report's kind
// and scope, so the next report starts from it.
type narrativeEditor struct {
	u        *UI
	obj      fyne.CanvasObject
	tabs     *container.AppTabs
	entries  map[string]*widget.Entry // by section key
	saveBtn  *widget.Button
	status   *widget.Label
	empty    *widget.Label
	rep      *preparedReport
	body     *fyne.Container
	editable fyne.CanvasObject
}

func newNarrativeEditor(u *UI) *narrativeEditor {
	e := &narrativeEditor{u: u, entries: map[string]*widget.Entry{}}
	e.tabs = container.NewAppTabs()
	e.saveBtn = widget.NewButtonWithIcon("保存文字", theme.DocumentSaveIcon(), e.onSave)
	e.status = widget.NewLabel("")
	e.empty = widget.NewLabel("这份文件没有需要填写的文字部分。")
	hint := widget.NewLabel("每行一段；“（一）……”这样的短行印为小标题。")
	hint.Wrapping = fyne.TextWrapWord
	e.editable = container.NewBorder(widget.NewLabelWithStyle("报告文字", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewBorder(nil, nil, nil, container.NewHBox(e.status, e.saveBtn), hint), nil, nil, e.tabs)
	e.body = container.NewStack(e.empty)
	e.obj = e.body
	return e
}

// show puts rep's sections into the tabs (nil: nothing to edit).
func (e *narrativeEditor) show(rep *preparedReport) {
	e.rep = rep
	e.entries = map[string]*widget.Entry{}
	e.tabs.Items = nil
	e.status.SetText("")
	if rep == nil || rep.kind == "" {
		e.body.Objects = []fyne.CanvasObject{e.empty}
		e.body.Refresh()
		return
	}
	for _, sec := range rep.sections {
		entry := widget.NewMultiLineEntry()
		entry.Wrapping = fyne.TextWrapWord
		entry.SetPlaceHolder("（留空则不打印）")
		entry.SetText(rep.text[sec.Key])
		entry.OnChanged = func(string) { e.status.SetText("未保存") }
		e.entries[sec.Key] = entry
		e.tabs.Append(container.NewTabItem(sec.Name, entry))
	}
	e.tabs.SelectIndex(0)
	e.body.Objects = []fyne.CanvasObject{e.editable}
	e.body.Refresh()
}

// apply copies the entries into the report's text, so that a preview or a
// saved file prints what is on the screen.
func (e *narrativeEditor) apply() {
	if e.rep == nil {
		return
	}
	for key, entry := range e.entries {
		e.rep.text[key] = strings.TrimSpace(entry.Text)
	}
}

// save stores the report's narrative (nothing for a document without
// one); call apply first. It touches no widget, so it may run off the UI
// thread.
func (e *narrativeEditor) save(ctx context.Context) error {
	if e.rep == nil || e.rep.kind == "" || !e.u.can(actEdit) {
		return nil // a 只读 user prints the text as typed without keeping it
	}
	sections := map[string]string{}
	for _, sec := range e.rep.sections {
		sections[sec.Key] = e.rep.text[sec.Key]
	}
	return e.u.store.SaveReportText(ctx, data.ReportText{Kind: e.rep.kind, Scope: e.rep.scopeKey, Sections: sections})
}

func (e *narrativeEditor) onSave() {
	if !e.u.can(actEdit) {
		e.status.SetText("只读用户不能保存文字；生成的文件使用当前文字。")
		return
	}
	e.apply()
	if err := e.save(e.u.ctx); err != nil {
		showError(err, e.u.win)
		return
	}
	e.status.SetText("已保存")
}
