package app

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data/assess"
)

const noGroup = "（不属于合计组）"

// itemEditor is the 考核项目 tab: the items in column order (添加, 删除,
// 上移, 下移) and the selected item's form with its rules.
type itemEditor struct {
	e        *ruleSetEditor
	list     *widget.List
	selected int // index in rules.Items, -1 for none
	buttons  []*widget.Button
	form     *fyne.Container
	scroll   *container.Scroll // around form
	scope    fieldScope
	rules    *ruleEditor
	obj      fyne.CanvasObject

	// the selected item's fields
	nameEntry     *widget.Entry
	columnEntry   *widget.Entry
	baseEntry     *widget.Entry
	capEntry      *widget.Entry
	floorEntry    *widget.Entry
	groupSelect   *widget.Select
	appliesSelect *widget.Select
	combineSelect *widget.Select
}

func newItemEditor(e *ruleSetEditor) *itemEditor {
	ie := &itemEditor{e: e, selected: -1}
	ie.list = widget.NewList(func() int { return len(e.rules.Items) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(e.rules.Items) {
				o.(*widget.Label).SetText(fmt.Sprintf("%d. %s", i+1, orDefaultText(e.rules.Items[i].Name, "（未命名）")))
			}
		})
	ie.list.OnSelected = func(i widget.ListItemID) { ie.selectItem(i) }
	var bar *fyne.Container
	bar, ie.buttons = orderButtons(ie.onAdd, ie.onRemove, func() { ie.move(-1) }, func() { ie.move(+1) })
	ie.form = container.NewStack()
	left := container.NewBorder(widget.NewLabel("考核项目（按表格列的顺序）"), bar, nil, nil, ie.list)
	ie.scroll = container.NewVScroll(ie.form)
	split := container.NewHSplit(left, ie.scroll)
	split.Offset = 0.28
	ie.obj = split
	if len(e.rules.Items) > 0 {
		ie.list.Select(0)
	}
	ie.updateButtons()
	return ie
}

func (ie *itemEditor) updateButtons() {
	on := ie.selected >= 0 && ie.selected < len(ie.e.rules.Items)
	setEnabled(ie.buttons[1], on)
	setEnabled(ie.buttons[2], on && ie.selected > 0)
	setEnabled(ie.buttons[3], on && ie.selected < len(ie.e.rules.Items)-1)
}

func (ie *itemEditor) onAdd() {
	r := &ie.e.rules
	r.Items = append(r.Items, assess.Item{Name: fmt.Sprintf("考核项目%d", len(r.Items)+1)})
	ie.list.Refresh()
	ie.list.Select(len(r.Items) - 1)
	ie.e.changed()
}

func (ie *itemEditor) onRemove() {
	r := &ie.e.rules
	if ie.selected < 0 || ie.selected >= len(r.Items) {
		return
	}
	r.Items = slices.Delete(r.Items, ie.selected, ie.selected+1)
	i := min(ie.selected, len(r.Items)-1)
	ie.selected = -1
	ie.list.UnselectAll()
	ie.list.Refresh()
	if i >= 0 {
		ie.list.Select(i)
	} else {
		ie.showForm()
	}
	ie.e.changed()
}

// move swaps the selected item with its neighbour.
func (ie *itemEditor) move(delta int) {
	r := &ie.e.rules
	i, j := ie.selected, ie.selected+delta
	if i < 0 || j < 0 || i >= len(r.Items) || j >= len(r.Items) {
		return
	}
	r.Items[i], r.Items[j] = r.Items[j], r.Items[i]
	ie.list.Refresh()
	ie.selected = -1
	ie.list.Select(j)
	ie.e.changed()
}

func (ie *itemEditor) selectItem(i int) {
	if i == ie.selected {
		return
	}
	ie.selected = i
	ie.showForm()
}

// showForm builds the selected item's form.
func (ie *itemEditor) showForm() {
	e := ie.e
	e.forget(&ie.scope)
	if ie.rules != nil {
		e.forget(&ie.rules.scope)
	}
	ie.updateButtons()
	if ie.selected < 0 || ie.selected >= len(e.rules.Items) {
		ie.form.Objects = []fyne.CanvasObject{widget.NewLabel("请在左侧选择或添加考核项目。")}
		ie.relayout()
		return
	}
	i := ie.selected
	it := func() *assess.Item { return &e.rules.Items[i] }
	x := it()
	ie.nameEntry = e.textField(x.Name, "如 参加政协会议", func(s string) {
		it().Name = s
		ie.list.RefreshItem(i)
	})
	ie.columnEntry = e.textField(x.Column, "表头简称，默认同名称", func(s string) { it().Column = s })
	groups := []string{noGroup}
	for _, g := range e.rules.Groups {
		groups = append(groups, g.Name)
	}
	ie.groupSelect = widget.NewSelect(groups, nil)
	selectValue(ie.groupSelect, orDefaultText(x.Group, noGroup))
	ie.groupSelect.OnChanged = func(s string) {
		if s == noGroup {
			s = ""
		}
		it().Group = s
		e.changed()
	}
	ie.appliesSelect = choiceSelect(appliesChoices, x.AppliesTo, func(v string) { it().AppliesTo = v; e.changed() })
	ie.combineSelect = choiceSelect(combineChoices, x.Combine, func(v string) { it().Combine = v; e.changed() })
	var base, capBox, floorBox fyne.CanvasObject
	ie.baseEntry, base = e.pointsField(&ie.scope, x.Base, "默认 0", func(p *assess.Points) { it().Base = p })
	ie.capEntry, capBox = e.pointsField(&ie.scope, x.Cap, "不限", func(p *assess.Points) { it().Cap = p })
	ie.floorEntry, floorBox = e.pointsField(&ie.scope, x.Floor, "不限，0 即扣完为止", func(p *assess.Points) { it().Floor = p })
	fields := container.New(layout.NewFormLayout(),
		widget.NewLabel("名称 *"), ie.nameEntry,
		widget.NewLabel("列名"), ie.columnEntry,
		widget.NewLabel("合计组"), ie.groupSelect,
		widget.NewLabel("适用于"), ie.appliesSelect,
		widget.NewLabel("起始分"), base,
		widget.NewLabel("上限"), capBox,
		widget.NewLabel("下限"), floorBox,
		widget.NewLabel("取法"), ie.combineSelect)
	ie.rules = newRuleEditor(e, i)
	head := widget.NewLabelWithStyle("计分规则", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ie.form.Objects = []fyne.CanvasObject{container.NewVBox(fields, widget.NewSeparator(), head, ie.rules.obj)}
	ie.relayout()
}

// relayout lays the form out again after its content changed.
func (ie *itemEditor) relayout() {
	ie.form.Refresh()
	if ie.scroll != nil {
		ie.scroll.Refresh()
	}
}
