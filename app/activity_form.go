package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

var errNoTerm = data.UserErr("请先在“设置”中建立届次。")

// activityForm is what every 履职 add/edit dialog shares: labelled fields
// with the store's refusals under them, a general message line and
// 保存/取消. The dialog stays open while the store refuses the input.
type activityForm struct {
	l       *activityList
	a       data.Activity // what is being edited (IDs kept)
	dlg     dialog.Dialog
	errs    fieldErrors
	cells   []fyne.CanvasObject
	general *widget.Label
	saveBtn *widget.Button
	read    func() data.Activity // the record as the widgets say
	open    bool
}

func newActivityForm(l *activityList, a data.Activity) *activityForm {
	f := &activityForm{l: l, a: a, errs: fieldErrors{}}
	f.general = widget.NewLabel("")
	f.general.Importance = widget.DangerImportance
	f.general.Wrapping = fyne.TextWrapWord
	f.saveBtn = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), f.save)
	f.saveBtn.Importance = widget.HighImportance
	return f
}

// add appends a label/field row; it returns both cells so that a row can
// be hidden.
func (f *activityForm) add(label string, w fyne.CanvasObject, required bool, aliases ...string) []fyne.CanvasObject {
	e := f.errs.line(append([]string{label}, aliases...)...)
	if required {
		label += " *"
	}
	row := []fyne.CanvasObject{widget.NewLabel(label), container.NewVBox(w, e)}
	f.cells = append(f.cells, row...)
	return row
}

// show opens the dialog: the fields on the left, side (the people) on the
// right when given.
func (f *activityForm) show(title string, side fyne.CanvasObject, size fyne.Size) {
	var main fyne.CanvasObject = container.NewVScroll(container.New(layout.NewFormLayout(), f.cells...))
	if side != nil {
		split := container.NewHSplit(main, side)
		split.Offset = 0.45
		main = split
	}
	cancel := widget.NewButton("取消", f.close)
	buttons := container.NewHBox(layout.NewSpacer(), cancel, f.saveBtn)
	content := container.NewBorder(nil, container.NewVBox(f.general, buttons), nil, nil, main)
	f.dlg = dialog.NewCustomWithoutButtons(title, content, f.l.s.u.win)
	f.dlg.Resize(size)
	f.open = true
	f.dlg.Show()
}

// save stores the record; on refusal it marks the fields and stays open.
func (f *activityForm) save() {
	u := f.l.s.u
	f.errs.clear()
	f.general.SetText("")
	a := f.read()
	if op := u.operator(); op != "" || a.ID == 0 {
		a.EnteredBy = op
	}
	var err error
	if a.ID == 0 {
		err = u.store.CreateActivity(u.ctx, &a)
	} else {
		err = u.store.UpdateActivity(u.ctx, &a)
	}
	if err != nil {
		f.general.SetText(f.errs.place(err, markedFields))
		return
	}
	f.a = a
	f.close()
	f.l.saved(a)
}

// errorText is the message under a field ("" when none).
func (f *activityForm) errorText(field string) string { return f.errs.text(field) }

func (f *activityForm) close() {
	f.open = false
	if f.dlg != nil {
		f.dlg.Hide()
	}
}

// formTitle is "新增…" or "编辑…：title".
func formTitle(a data.Activity, what string) string {
	if a.ID == 0 {
		return "新增" + what
	}
	return "编辑" + what + "：" + a.Title
}

func dateEntry(v string) *widget.Entry { return newDateEntry(v, "YYYY-MM-DD") }

func textEntry(v, hint string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(hint)
	e.SetText(v)
	return e
}

// newSelect is a select over options showing v (kept even when no longer
// in the list).
func newSelect(options []string, v string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, nil)
	s.PlaceHolder = "请选择"
	selectValue(s, v)
	s.OnChanged = changed
	return s
}

// Field names the store may use for the same thing (Activity.Validate).
var (
	titleAliases  = []string{"名称", "题目", "名称/题目", "事由", "名称/事由"}
	peopleAliases = []string{"参加人员", "人员", "作者", "发言人", "委员", "出席情况", "参加人员/作者", "角色"}
)

func trimmed(e *widget.Entry) string { return strings.TrimSpace(e.Text) }
