package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// newTable lists the session's 立案 proposals: a tick to pick each, its
// 案号, 案由, 类别, 第一提案人 and 建议承办单位, and the controls choosing
// how it is assigned and to whom.
func (t *assignBoard) newTable() *columnTable[*assignRow] {
	check := func() fyne.CanvasObject { return widget.NewCheck("", nil) }
	choice := func() fyne.CanvasObject { return widget.NewSelect(nil, nil) }
	tb := newColumnTable([]*tableColumn[*assignRow]{
		{title: "", width: 36, create: check, fill: func(row int, r *assignRow, o fyne.CanvasObject) {
			c := o.(*widget.Check)
			c.OnChanged = nil
			c.SetChecked(r.picked)
			c.OnChanged = func(on bool) { t.setPicked(row, on) }
		}},
		{title: "案号", width: 76, text: func(r *assignRow) string { return t.ps.cfg.FormatNumber(r.p.Number) }},
		{title: "案由", width: 220, text: func(r *assignRow) string { return r.p.Title }},
		{title: "类别", width: 76, text: func(r *assignRow) string { return r.p.Category }},
		{title: "第一提案人", width: 84, text: func(r *assignRow) string { return r.p.FirstProposer() }},
		{title: "建议承办单位", width: 120, text: func(r *assignRow) string { return r.p.SuggestedUnit }},
		{title: "交办方式", width: 104, create: choice, fill: func(row int, r *assignRow, o fyne.CanvasObject) {
			fillSelect(o.(*widget.Select), proposal.AssignModes, r.mode, "", func(s string) { t.setMode(row, s) })
		}},
		{title: "主办单位", width: 168, create: choice, fill: func(row int, r *assignRow, o fyne.CanvasObject) {
			sel := o.(*widget.Select)
			if r.mode == proposal.ModeSplit {
				fillSelect(sel, nil, "", "（分办无主办）", nil)
				sel.Disable()
				return
			}
			fillSelect(sel, t.unitNames, t.unitName(r.lead), "（请选择）", func(s string) { t.setLead(row, s) })
		}},
		{title: "会办 / 分办单位", width: 200, create: func() fyne.CanvasObject {
			b := widget.NewButton("", nil)
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			return b
		}, fill: func(row int, r *assignRow, o fyne.CanvasObject) {
			b := o.(*widget.Button)
			b.SetText(t.othersText(r))
			b.OnTapped = func() { t.onPickOthers(row) }
		}},
	}, func() []*assignRow { return t.rows })
	tb.sticky(3)
	return tb
}

// fillSelect shows a select in a table cell without firing its handler.
func fillSelect(sel *widget.Select, options []string, selected, placeholder string, changed func(string)) {
	sel.OnChanged = nil
	sel.Options = options
	sel.Selected = selected
	sel.PlaceHolder = placeholder
	sel.Enable()
	sel.Refresh()
	sel.OnChanged = changed
}

func (t *assignBoard) othersText(r *assignRow) string {
	names := make([]string, len(r.others))
	for i, id := range r.others {
		names[i] = t.unitName(id)
	}
	switch {
	case len(names) > 0:
		return strings.Join(names, "、")
	case r.mode == proposal.ModeSplit:
		return "选择分办单位…"
	default:
		return "（无）点击选择会办单位"
	}
}

// unitPicker is the dialog choosing a row's 会办 or 分办 units.
type unitPicker struct {
	checks   map[string]*widget.Check
	okButton *widget.Button
}

// onPickOthers opens a compact dialog with every active unit as a check
// box; 确定 replaces the row's 会办 (or 分办) units.
func (t *assignBoard) onPickOthers(row int) {
	r := t.rows[row]
	role := proposal.RoleCo
	if r.mode == proposal.ModeSplit {
		role = proposal.RoleSplit
	}
	p := &unitPicker{checks: map[string]*widget.Check{}}
	chosen := map[int64]bool{}
	for _, id := range r.others {
		chosen[id] = true
	}
	var boxes []fyne.CanvasObject
	for _, u := range t.units {
		if u.ID == r.lead {
			continue // the 主办 cannot also be a 会办
		}
		c := widget.NewCheck(u.Name, nil)
		c.SetChecked(chosen[u.ID])
		p.checks[u.Name] = c
		boxes = append(boxes, c)
	}
	title := fmt.Sprintf("%s提案的%s单位", t.ps.cfg.FormatNumber(r.p.Number), role)
	head := widget.NewLabel("《" + r.p.Title + "》")
	head.Wrapping = fyne.TextWrapWord
	if r.lead != 0 {
		head.SetText(head.Text + "\n主办单位：" + t.unitName(r.lead))
	}
	var d dialog.Dialog
	p.okButton = widget.NewButton("确定", func() {
		var names []string
		for _, u := range t.units {
			if c := p.checks[u.Name]; c != nil && c.Checked {
				names = append(names, u.Name)
			}
		}
		t.setOthers(row, names)
		t.picker = nil
		d.Hide()
	})
	p.okButton.Importance = widget.HighImportance
	none := widget.NewButton("全部取消", func() {
		for _, c := range p.checks {
			c.SetChecked(false)
		}
	})
	cancel := widget.NewButton("取消", func() { t.picker = nil; d.Hide() })
	boxGrid := container.NewGridWithColumns(3, boxes...)
	grid := container.NewVScroll(container.NewVBox(boxGrid))
	grid.SetMinSize(fyne.NewSize(640, min(boxGrid.MinSize().Height, 400)))
	content := container.NewBorder(head, container.NewHBox(none, layout.NewSpacer(), cancel, p.okButton), nil, nil, grid)
	d = dialog.NewCustomWithoutButtons(title, content, t.ps.u.win)
	t.picker = p
	d.Show()
}

// newRow prefills a proposal's units from its 建议承办单位: the first
// unit named is the 主办, the others 会办.
func (t *assignBoard) newRow(p data.Proposal) *assignRow {
	r := &assignRow{p: p, picked: true, mode: proposal.ModeLead}
	for _, name := range splitUnitNames(p.SuggestedUnit) {
		id := matchUnit(t.units, name)
		if id == 0 || id == r.lead || slices.Contains(r.others, id) {
			continue
		}
		if r.lead == 0 {
			r.lead = id
		} else {
			r.others = append(r.others, id)
		}
	}
	return r
}

// dropStopped forgets units chosen earlier that have since been stopped
// or deleted.
func (t *assignBoard) dropStopped(r *assignRow) {
	if t.unitName(r.lead) == "" {
		r.lead = 0
	}
	r.others = slices.DeleteFunc(r.others, func(id int64) bool { return t.unitName(id) == "" })
}

// splitUnitNames splits what a proposer wrote as suggested units
// ("县教育局、县财政局") into names.
func splitUnitNames(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、,，;；/ 　\n", r) })
}

// matchUnit finds a unit by its exact name, else the one unit whose name
// contains what was written (“教育局” for 县教育局); 0 when none or unclear.
func matchUnit(units []data.Unit, name string) int64 {
	var found int64
	for _, u := range units {
		if u.Name == name {
			return u.ID
		}
		if len([]rune(name)) >= 2 && strings.Contains(u.Name, name) {
			if found != 0 {
				return 0
			}
			found = u.ID
		}
	}
	return found
}
