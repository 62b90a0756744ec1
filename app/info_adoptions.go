package app

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// adoptionEditor edits the adoptions (采用) and leaders' instructions (批示)
// of one 社情民意: a row is added from the fields at the top (级别 from the
// county's lists, 单篇/转送 for 采用, the leader for 批示, a date) and
// removed by its button.
type adoptionEditor struct {
	s    *infoScreen
	rows []data.Adoption

	kindSelect  *widget.Select
	levelSelect *widget.Select
	modeSelect  *widget.Select
	leaderEntry *widget.Entry
	dateEntry   *widget.Entry
	addBtn      *widget.Button
	modeBox     fyne.CanvasObject // holds modeSelect
	leaderBox   fyne.CanvasObject // holds leaderEntry
	addBox      *fyne.Container
	msg         *canvas.Text
	list        *widget.List
	obj         fyne.CanvasObject
}

func newAdoptionEditor(s *infoScreen, rows []data.Adoption) *adoptionEditor {
	ae := &adoptionEditor{s: s, rows: slices.Clone(rows)}
	wide := func(o fyne.CanvasObject, w float32) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
	}
	ae.levelSelect = widget.NewSelect(nil, nil)
	ae.levelSelect.PlaceHolder = "级别"
	ae.modeSelect = widget.NewSelect(adoptModes, nil)
	ae.modeSelect.SetSelected(adoptModes[0])
	ae.leaderEntry = textEntry("", "批示领导")
	ae.dateEntry = dateEntry("")
	ae.modeBox = wide(ae.modeSelect, 80)
	ae.leaderBox = wide(ae.leaderEntry, 110)
	ae.kindSelect = widget.NewSelect([]string{adoptKindAdopt, adoptKindInstruct}, ae.onKind)
	ae.kindSelect.SetSelected(adoptKindAdopt)
	ae.addBtn = widget.NewButtonWithIcon("添加", theme.ContentAddIcon(), ae.onAdd)
	ae.msg = canvas.NewText("", errorColor())
	ae.msg.TextSize = theme.CaptionTextSize()
	ae.list = widget.NewList(func() int { return len(ae.rows) },
		func() fyne.CanvasObject {
			del := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), nil)
			del.Importance = widget.LowImportance
			lb := widget.NewLabel("")
			lb.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil, del, lb)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(ae.rows) {
				return
			}
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(adoptionLine(ae.rows[i]))
			row.Objects[1].(*widget.Button).OnTapped = func() { ae.remove(i) }
		})
	ae.addBox = container.NewHBox(wide(ae.kindSelect, 80), wide(ae.levelSelect, 130), ae.modeBox,
		ae.leaderBox, wide(ae.dateEntry, 120), ae.addBtn)
	scroll := container.NewVScroll(ae.list)
	scroll.SetMinSize(fyne.NewSize(300, 110))
	ae.obj = container.NewBorder(container.NewVBox(ae.addBox, ae.msg), nil, nil, nil, scroll)
	return ae
}

// onKind shows the fields of the kind chosen: 单篇/转送 for 采用, the
// leader for 批示, and that kind's levels.
func (ae *adoptionEditor) onKind(kind string) {
	if kind == adoptKindInstruct {
		ae.levelSelect.Options = ae.s.instructLevels()
	} else {
		ae.levelSelect.Options = ae.s.adoptLevels()
	}
	setVisible(ae.modeBox, kind != adoptKindInstruct)
	setVisible(ae.leaderBox, kind == adoptKindInstruct)
	if ae.addBox != nil {
		ae.addBox.Refresh()
	}
	ae.levelSelect.ClearSelected()
}

// onAdd appends the row the fields describe, or says what is missing.
func (ae *adoptionEditor) onAdd() {
	x := data.Adoption{Kind: ae.kindSelect.Selected, Level: ae.levelSelect.Selected, Date: trimmed(ae.dateEntry)}
	if x.Kind == adoptKindAdopt {
		x.Mode = ae.modeSelect.Selected
	} else {
		x.Leader = trimmed(ae.leaderEntry)
	}
	if msg := adoptionProblem(x); msg != "" {
		ae.msg.Text = msg
		ae.msg.Refresh()
		return
	}
	ae.msg.Text = ""
	ae.msg.Refresh()
	ae.rows = append(ae.rows, x)
	ae.leaderEntry.SetText("")
	ae.dateEntry.SetText("")
	ae.list.Refresh()
}

// adoptionProblem is what is wrong with a new row ("" when nothing).
func adoptionProblem(x data.Adoption) string {
	switch {
	case x.Level == "" && x.Kind == adoptKindInstruct:
		return "请选择批示领导的级别。"
	case x.Level == "":
		return "请选择采用级别。"
	case x.Kind == adoptKindInstruct && x.Leader == "":
		return "请填写批示领导。"
	case x.Date == "":
		return "请填写日期（YYYY-MM-DD）。"
	}
	if _, err := time.Parse("2006-01-02", x.Date); err != nil {
		return fmt.Sprintf("日期“%s”应为 YYYY-MM-DD，且是存在的日子。", x.Date)
	}
	return ""
}

func (ae *adoptionEditor) remove(i int) {
	if i >= 0 && i < len(ae.rows) {
		ae.rows = slices.Delete(ae.rows, i, i+1)
		ae.list.Refresh()
	}
}

// adoptions is the list as it will be stored.
func (ae *adoptionEditor) adoptions() []data.Adoption { return slices.Clone(ae.rows) }

// adoptionLine is one row: "采用　市政协　单篇　2025-03-02".
func adoptionLine(x data.Adoption) string {
	parts := []string{x.Kind, x.Level}
	if x.Kind == adoptKindInstruct {
		parts = append(parts, x.Leader)
	} else if x.Mode != "" {
		parts = append(parts, x.Mode)
	}
	parts = append(parts, x.Date)
	if x.Note != "" {
		parts = append(parts, x.Note)
	}
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), "　")
}
