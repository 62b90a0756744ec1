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

// Scoring modes of a rule: one value per record, or a value looked up by
// the record's status, level or role.
const (
	modePoints   = "每件分值"
	modeByStatus = "按出席情况"
	modeByLevel  = "按级别"
	modeByRole   = "按角色"
)

var scoringModes = []string{modePoints, modeByStatus, modeByLevel, modeByRole}

// ruleEditor is the rules of one item: a short list (添加, 删除, 上移,
// 下移) and the selected rule's form.
type ruleEditor struct {
	e        *ruleSetEditor
	item     int
	list     *pickList
	selected int
	buttons  []*widget.Button
	form     *fyne.Container
	scope    fieldScope
	obj      fyne.CanvasObject

	// the selected rule's fields
	nameEntry   *widget.Entry
	kindSelect  *widget.Select
	modeSelect  *widget.Select
	pointsEntry *widget.Entry
	mapEntry    *widget.Entry
	splitSelect *widget.Select
	firstEntry  *widget.Entry
	othersEntry *widget.Entry
	fromEntry   *widget.Entry
	limitEntry  *widget.Entry
	capEntry    *widget.Entry
	onceCheck   *widget.Check
}

func newRuleEditor(e *ruleSetEditor, item int) *ruleEditor {
	re := &ruleEditor{e: e, item: item, selected: -1}
	re.list = newPickList(func() int { return len(re.rules()) }, func(i int) string {
		r := re.rules()[i]
		return fmt.Sprintf("%d. %s（%s）", i+1, orDefaultText(r.Name, "未命名"), kindLabel(r.Kind))
	})
	re.list.OnSelected = func(i int) {
		if i != re.selected {
			re.selected = i
			re.showForm()
		}
	}
	var bar *fyne.Container
	bar, re.buttons = orderButtons(re.onAdd, re.onRemove, func() { re.move(-1) }, func() { re.move(+1) })
	re.form = container.NewStack()
	re.obj = container.NewVBox(re.list.box, bar, widget.NewSeparator(), re.form)
	if len(re.rules()) > 0 {
		re.list.Select(0)
	} else {
		re.showForm()
	}
	return re
}

func (re *ruleEditor) rules() []assess.Rule { return re.e.rules.Items[re.item].Rules }

func (re *ruleEditor) onAdd() {
	it := &re.e.rules.Items[re.item]
	one := assess.Int(1)
	it.Rules = append(it.Rules, assess.Rule{Name: fmt.Sprintf("规则%d", len(it.Rules)+1),
		Match: assess.Match{Kind: assess.KindEvent}, Points: &one})
	re.list.Refresh()
	re.list.Select(len(it.Rules) - 1)
	re.e.changed()
}

func (re *ruleEditor) onRemove() {
	it := &re.e.rules.Items[re.item]
	if re.selected < 0 || re.selected >= len(it.Rules) {
		return
	}
	it.Rules = slices.Delete(it.Rules, re.selected, re.selected+1)
	i := min(re.selected, len(it.Rules)-1)
	re.selected = -1
	re.list.UnselectAll()
	re.list.Refresh()
	if i >= 0 {
		re.list.Select(i)
	} else {
		re.showForm()
	}
	re.e.changed()
}

func (re *ruleEditor) move(delta int) {
	rs := re.rules()
	i, j := re.selected, re.selected+delta
	if i < 0 || j < 0 || i >= len(rs) || j >= len(rs) {
		return
	}
	rs[i], rs[j] = rs[j], rs[i]
	re.list.Refresh()
	re.selected = -1
	re.list.Select(j)
	re.e.changed()
}

func (re *ruleEditor) updateButtons() {
	n := len(re.rules())
	on := re.selected >= 0 && re.selected < n
	setEnabled(re.buttons[1], on)
	setEnabled(re.buttons[2], on && re.selected > 0)
	setEnabled(re.buttons[3], on && re.selected < n-1)
}

// showForm builds the selected rule's form.
func (re *ruleEditor) showForm() {
	e := re.e
	e.forget(&re.scope)
	re.updateButtons()
	if re.selected < 0 || re.selected >= len(re.rules()) {
		re.form.Objects = []fyne.CanvasObject{widget.NewLabel("本项还没有规则，请点“添加”。")}
		re.relayout()
		return
	}
	item, i := re.item, re.selected
	r := func() *assess.Rule { return &e.rules.Items[item].Rules[i] }
	x := r()
	re.nameEntry = e.textField(x.Name, "如 每次出席", func(s string) {
		r().Name = s
		re.list.RefreshItem(i)
	})
	re.kindSelect = choiceSelect(ruleKindChoices, x.Kind, func(v string) {
		r().Kind = v
		re.list.RefreshItem(i)
		e.changed()
	})
	types := e.listField(x.Types, "不限；多个用、分隔", func(l []string) { r().Types = l })
	statuses := e.listField(x.Statuses, "如 出席、迟到", func(l []string) { r().Statuses = l })
	roles := e.listField(x.Roles, "如 第一提案人", func(l []string) { r().Roles = l })
	levels := e.listField(x.Levels, "如 省、市(地)", func(l []string) { r().Levels = l })
	tags := e.listField(x.Tags, "须全部具备，如 立案", func(l []string) { r().Tags = l })
	anyTags := e.listField(x.AnyTags, "具备其一即可", func(l []string) { r().AnyTags = l })
	notTags := e.listField(x.NotTags, "具备其一即不计", func(l []string) { r().NotTags = l })
	applies := choiceSelect(appliesChoices, x.AppliesTo, func(v string) { r().AppliesTo = v; e.changed() })
	first := widget.NewCheck("仅计第一作者/第一提案人", func(on bool) { r().Match.First = on; e.changed() })
	first.SetChecked(x.Match.First)

	scoring := re.scoringFields(r)
	splitBox := re.splitFields(r)
	var from, limit, capBox fyne.CanvasObject
	re.fromEntry, from = e.intField(&re.scope, x.From, "从第1件起", func(n int) { r().From = n })
	re.limitEntry, limit = e.intField(&re.scope, x.Limit, "不限", func(n int) { r().Limit = n })
	re.capEntry, capBox = e.pointsField(&re.scope, x.Cap, "不限", func(p *assess.Points) { r().Cap = p })
	re.onceCheck = widget.NewCheck("只计一次（取最高一件）", func(on bool) { r().Once = on; e.changed() })
	re.onceCheck.SetChecked(x.Once)

	re.form.Objects = []fyne.CanvasObject{container.New(layout.NewFormLayout(),
		widget.NewLabel("名称"), re.nameEntry,
		widget.NewLabel("记录类别"), re.kindSelect,
		widget.NewLabel("类型"), types,
		widget.NewLabel("状态"), statuses,
		widget.NewLabel("角色"), roles,
		widget.NewLabel("级别"), levels,
		widget.NewLabel("标签"), tags,
		widget.NewLabel("任一标签"), anyTags,
		widget.NewLabel("排除标签"), notTags,
		widget.NewLabel("适用于"), applies,
		widget.NewLabel(""), first,
		widget.NewLabel("计分方式"), scoring,
		widget.NewLabel("联名计分"), splitBox,
		widget.NewLabel("从第N件起"), from,
		widget.NewLabel("最多N件"), limit,
		widget.NewLabel(""), re.onceCheck,
		widget.NewLabel("本条上限"), capBox)}
	re.relayout()
}

func (re *ruleEditor) relayout() {
	re.form.Refresh()
	if ie := re.e.items; ie != nil {
		ie.relayout()
	}
}

// scoringFields are the 计分方式 choice and its value: one entry for
// 每件分值, lines like "出席=50" for the lookups.
func (re *ruleEditor) scoringFields(r func() *assess.Rule) fyne.CanvasObject {
	e, x := re.e, re.selectedRule()
	mode, table := modePoints, map[string]assess.Points(nil)
	switch {
	case x.ByStatus != nil:
		mode, table = modeByStatus, x.ByStatus
	case x.ByLevel != nil:
		mode, table = modeByLevel, x.ByLevel
	case x.ByRole != nil:
		mode, table = modeByRole, x.ByRole
	}
	var single, lines fyne.CanvasObject
	re.pointsEntry, single = e.checked(&re.scope, pointsText(x.Points), "如 5、-2、7.5 或 10/3", false, func(s string) error {
		p, err := assess.ParsePoints(s)
		if err == nil && re.modeSelect.Selected == modePoints {
			r().Points = &p
		}
		return err
	})
	re.mapEntry, lines = e.checked(&re.scope, pointsMapText(table), "每行一项，如\n出席=5\n请假(已批准)=-2", true, func(s string) error {
		m, err := parsePointsMap(s)
		if err == nil {
			setLookup(r(), re.modeSelect.Selected, m)
		}
		return err
	})
	re.modeSelect = widget.NewSelect(scoringModes, nil)
	re.modeSelect.SetSelected(mode)
	show := func(m string) {
		setVisible(single, m == modePoints)
		setVisible(lines, m != modePoints)
	}
	show(mode)
	re.modeSelect.OnChanged = func(m string) {
		rule := r()
		rule.Points, rule.ByStatus, rule.ByLevel, rule.ByRole = nil, nil, nil, nil
		show(m)
		delete(e.bad, re.pointsEntry)
		delete(e.bad, re.mapEntry)
		if m == modePoints {
			re.pointsEntry.OnChanged(re.pointsEntry.Text)
		} else {
			re.mapEntry.OnChanged(re.mapEntry.Text)
		}
	}
	return container.NewVBox(re.modeSelect, single, lines)
}

// setLookup stores a lookup table under the chosen mode.
func setLookup(r *assess.Rule, mode string, m map[string]assess.Points) {
	switch mode {
	case modeByStatus:
		r.ByStatus = m
	case modeByLevel:
		r.ByLevel = m
	case modeByRole:
		r.ByRole = m
	}
}

// splitFields are how a joint record is shared, with the two values of
// 固定分值.
func (re *ruleEditor) splitFields(r func() *assess.Rule) fyne.CanvasObject {
	e, x := re.e, re.selectedRule()
	split := x.Split
	if split == assess.SplitWhole {
		split = ""
	}
	var firstBox, othersBox fyne.CanvasObject
	re.firstEntry, firstBox = e.pointsField(&re.scope, x.First, "第一人分值", func(p *assess.Points) { r().First = p })
	re.othersEntry, othersBox = e.pointsField(&re.scope, x.Others, "其他人分值", func(p *assess.Points) { r().Others = p })
	fixed := container.NewGridWithColumns(2, container.NewBorder(nil, nil, widget.NewLabel("第一人"), nil, firstBox),
		container.NewBorder(nil, nil, widget.NewLabel("其他人"), nil, othersBox))
	setVisible(fixed, split == assess.SplitFixed)
	re.splitSelect = choiceSelect(splitChoices, split, func(v string) {
		rule := r()
		rule.Split = v
		if v != assess.SplitFixed { // first and others belong to 固定分值 only
			rule.First, rule.Others = nil, nil
			delete(e.bad, re.firstEntry)
			delete(e.bad, re.othersEntry)
		} else {
			re.firstEntry.OnChanged(re.firstEntry.Text)
			re.othersEntry.OnChanged(re.othersEntry.Text)
		}
		setVisible(fixed, v == assess.SplitFixed)
		e.changed()
	})
	return container.NewVBox(re.splitSelect, fixed)
}

func (re *ruleEditor) selectedRule() assess.Rule { return re.rules()[re.selected] }
