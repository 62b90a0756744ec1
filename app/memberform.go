package app

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// ethnicities offered first in the 民族 field; any other may be typed.
var ethnicities = []string{"汉族", "回族", "满族", "蒙古族", "壮族", "藏族", "维吾尔族", "苗族", "彝族", "土家族", "朝鲜族"}

// memberForm is the add/edit dialog for one member. It stays open while the
// store refuses the input and shows each problem under its field.
type memberForm struct {
	list   *memberList
	member data.Member // what is being edited (IDs kept)
	dlg    dialog.Dialog

	entries map[string]*widget.Entry
	selects map[string]*widget.Select
	combos  map[string]*widget.SelectEntry
	checks  map[string]*widget.Check
	errs    fieldErrors
	general *widget.Label
	saveBtn *widget.Button
}

func (m *memberList) openForm(x data.Member) {
	u := m.u
	f := &memberForm{list: m, member: x,
		entries: map[string]*widget.Entry{}, selects: map[string]*widget.Select{},
		combos: map[string]*widget.SelectEntry{}, checks: map[string]*widget.Check{}, errs: fieldErrors{}}
	catalog := func(kind string, optional bool) []string {
		names, err := u.store.CatalogNames(u.ctx, x.TermID, kind)
		if err != nil {
			showError(err, u.win)
		}
		if optional {
			names = append([]string{"（无）"}, names...)
		}
		return names
	}

	var cells []fyne.CanvasObject
	addField := func(label string, w fyne.CanvasObject, required bool) {
		name := label
		if required {
			name += " *"
		}
		l := widget.NewLabel(name)
		cells = append(cells, l, container.NewVBox(w, f.errs.line(label)))
	}
	entry := func(label, hint string, required bool) {
		w := widget.NewEntry()
		w.SetPlaceHolder(hint)
		f.entries[label] = w
		addField(label, w, required)
	}
	choice := func(label string, options []string, required bool) {
		w := widget.NewSelect(options, nil)
		w.PlaceHolder = "请选择"
		f.selects[label] = w
		addField(label, w, required)
	}
	combo := func(label string, options []string, hint string) {
		w := widget.NewSelectEntry(options)
		w.SetPlaceHolder(hint)
		f.combos[label] = w
		addField(label, w, false)
	}
	check := func(label, text string) {
		w := widget.NewCheck(text, nil)
		f.checks[label] = w
		addField(label, w, false)
	}

	entry(data.FieldName, "", true)
	choice(data.FieldGender, data.Genders, true)
	combo(data.FieldEthnicity, ethnicities, "如 汉族")
	entry(data.FieldBirth, "如 1975.03（可由身份证号自动填写）", false)
	entry(data.FieldIDNumber, "18 位", false)
	entry(data.FieldNativePlace, "如 河北清河", false)
	choice(data.FieldParty, catalog(data.KindParty, false), false)
	choice(data.FieldSector, catalog(data.KindSector, false), true)
	entry(data.FieldWorkUnit, "如 清河县第一中学副校长", false)
	choice(data.FieldEducation, data.Educations, false)
	choice(data.FieldDegree, data.Degrees, false)
	entry(data.FieldTitle, "如 高级教师", false)
	entry(data.FieldPhone, "手机或带区号的固定电话", false)
	entry(data.FieldAddress, "", false)
	choice(data.FieldRole, data.Roles, false)
	check(data.FieldStanding, "是常委")
	choice(data.FieldCommittee, catalog(data.KindCommittee, true), false)
	choice(data.FieldGroup, catalog(data.KindGroup, true), false)
	choice(data.FieldStatus, data.Statuses, false)
	f.entries[data.FieldStatusDate] = newDateEntry("", "如 2024-03-15")
	addField(data.FieldStatusDate, f.entries[data.FieldStatusDate], false)
	check(data.FieldIsNew, "本届新委员")
	entry(data.FieldNote, "", false)

	f.fill(x)
	// Two columns of label/field pairs read faster than one long column.
	half := (len(cells)/2 + 1) / 2 * 2
	left := container.New(layout.NewFormLayout(), cells[:half]...)
	right := container.New(layout.NewFormLayout(), cells[half:]...)
	f.general = widget.NewLabel("")
	f.general.Importance = widget.DangerImportance
	f.general.Wrapping = fyne.TextWrapWord
	f.saveBtn = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), f.save)
	f.saveBtn.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { f.close() })
	buttons := container.NewHBox(layout.NewSpacer(), cancel, f.saveBtn)
	body := container.NewVScroll(container.NewGridWithColumns(2, left, right))
	content := container.NewBorder(nil, container.NewVBox(f.general, buttons), nil, nil, body)

	title := "新增委员"
	if x.Membership.ID != 0 {
		title = "编辑委员：" + x.Name
	}
	f.dlg = dialog.NewCustomWithoutButtons(title, content, u.win)
	f.dlg.Resize(fyne.NewSize(980, 660))
	m.form = f
	f.dlg.Show()
	u.win.Canvas().Focus(f.entries[data.FieldName])
}

func errorColor() color.Color {
	return theme.Current().Color(theme.ColorNameError, fyne.CurrentApp().Settings().ThemeVariant())
}

func (f *memberForm) fill(x data.Member) {
	set := func(label, v string) {
		switch {
		case f.entries[label] != nil:
			f.entries[label].SetText(v)
		case f.combos[label] != nil:
			f.combos[label].SetText(v)
		case f.selects[label] != nil:
			s := f.selects[label]
			if v == "" && slices.Contains(s.Options, "（无）") {
				v = "（无）"
			}
			if v != "" && !slices.Contains(s.Options, v) {
				s.Options = append(s.Options, v) // a value no longer in the list stays visible
			}
			if v != "" {
				s.SetSelected(v)
			}
		}
	}
	if x.Membership.ID == 0 {
		x.Ethnicity = "汉族"
		x.Role = "委员"
		x.Status = data.StatusServing
		x.IsNew = true
	}
	for _, label := range data.RosterFields {
		set(label, x.FieldValue(label))
	}
	f.entries[data.FieldBirth].SetText(dotted(x.Birth))
	f.checks[data.FieldStanding].SetChecked(x.Standing)
	f.checks[data.FieldIsNew].SetChecked(x.IsNew)
}

// dotted shows "1975-03" as "1975.03", the way rosters write it.
func dotted(ym string) string {
	if len(ym) == 7 && ym[4] == '-' {
		return ym[:4] + "." + ym[5:]
	}
	return ym
}

// read builds the member from the widgets.
func (f *memberForm) read() data.Member {
	x := f.member
	get := func(label string) string {
		switch {
		case f.entries[label] != nil:
			return f.entries[label].Text
		case f.combos[label] != nil:
			return f.combos[label].Text
		case f.selects[label] != nil:
			if v := f.selects[label].Selected; v != "（无）" {
				return v
			}
		}
		return ""
	}
	x.Name = get(data.FieldName)
	x.Gender = get(data.FieldGender)
	x.Ethnicity = get(data.FieldEthnicity)
	x.Birth = get(data.FieldBirth)
	x.IDNumber = get(data.FieldIDNumber)
	x.NativePlace = get(data.FieldNativePlace)
	x.Party = get(data.FieldParty)
	x.Sector = get(data.FieldSector)
	x.WorkUnit = get(data.FieldWorkUnit)
	x.Education = get(data.FieldEducation)
	x.Degree = get(data.FieldDegree)
	x.Title = get(data.FieldTitle)
	x.Phone = get(data.FieldPhone)
	x.Address = get(data.FieldAddress)
	x.Role = get(data.FieldRole)
	x.Standing = f.checks[data.FieldStanding].Checked
	x.Committee = get(data.FieldCommittee)
	x.Group = get(data.FieldGroup)
	x.Status = get(data.FieldStatus)
	x.StatusDate = get(data.FieldStatusDate)
	x.IsNew = f.checks[data.FieldIsNew].Checked
	x.Note = get(data.FieldNote)
	return x
}

// save stores the member; on validation errors it marks the fields and
// keeps the dialog open, so nothing typed is lost.
func (f *memberForm) save() {
	u := f.list.u
	x := f.read()
	f.errs.clear()
	f.general.SetText("")
	var err error
	if x.Membership.ID == 0 {
		err = u.store.CreateMember(u.ctx, &x)
	} else {
		err = u.store.UpdateMember(u.ctx, &x)
	}
	if err != nil {
		f.showErrors(err)
		return
	}
	f.close()
	f.list.saved(x)
}

func (f *memberForm) showErrors(err error) {
	f.general.SetText(f.errs.place(err, markedFields))
}

// errorText is the message shown under a field ("" when none).
func (f *memberForm) errorText(field string) string { return f.errs.text(field) }

func (f *memberForm) close() {
	f.dlg.Hide()
	f.list.form = nil
}

// selectMember selects the row of a membership if it is shown, and
// reports whether it is.
func (m *memberList) selectMember(id int64) bool {
	for i, x := range m.shown {
		if x.Membership.ID == id {
			m.table.selectRow(i)
			m.table.scroll(false, i)
			return true
		}
	}
	return false
}
