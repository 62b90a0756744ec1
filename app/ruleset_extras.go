package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data/assess"
)

const noCount = "（不按次数）"

// extrasEditor edits the parts of a rule set besides the items: groups
// (caps over several items) and grades, gates (minimum duties) and
// consequences (结果运用). Each is a list of simple rows; adding or
// removing a row rebuilds its list.
type extrasEditor struct {
	e                                *ruleSetEditor
	groupsBox, gradesBox             *fyne.Container
	gatesBox, consBox                *fyne.Container
	groupScope, gradeScope           fieldScope
	gateScope, consScope             fieldScope
	gradeMinEntries, groupCapEntries []*widget.Entry // for tests
}

func newExtrasEditor(e *ruleSetEditor) *extrasEditor {
	x := &extrasEditor{e: e, groupsBox: container.NewVBox(), gradesBox: container.NewVBox(),
		gatesBox: container.NewVBox(), consBox: container.NewVBox()}
	x.buildGroups()
	x.buildGrades()
	x.buildGates()
	x.buildConsequences()
	return x
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// labeled puts a short label before a field.
func labeled(label string, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, widget.NewLabel(label), nil, o)
}

func removeButton(f func()) *widget.Button {
	b := widget.NewButtonWithIcon("", theme.DeleteIcon(), f)
	b.Importance = widget.LowImportance
	return b
}

func (x *extrasEditor) gradesTab() fyne.CanvasObject {
	r := &x.e.rules
	addGroup := widget.NewButtonWithIcon("添加合计组", theme.ContentAddIcon(), func() {
		r.Groups = append(r.Groups, assess.Group{Name: "加分类", Cap: assess.Int(20)})
		x.buildGroups()
		x.e.changed()
	})
	addGrade := widget.NewButtonWithIcon("添加等次", theme.ContentAddIcon(), func() {
		r.Grades = append(r.Grades, assess.Grade{Name: "等次"})
		x.buildGrades()
		x.e.changed()
	})
	return container.NewVScroll(container.NewVBox(
		bold("合计组（几个项目加在一起的上限）"), x.groupsBox, container.NewHBox(addGroup), widget.NewSeparator(),
		bold("等次（从高到低；最后一档可不填最低分，即其余所有人）"), x.gradesBox, container.NewHBox(addGrade)))
}

func (x *extrasEditor) gatesTab() fyne.CanvasObject {
	r := &x.e.rules
	addGate := widget.NewButtonWithIcon("添加门槛", theme.ContentAddIcon(), func() {
		r.Gates = append(r.Gates, assess.Gate{Name: "基本要求",
			Require: []assess.Requirement{{Name: "提交提案", Match: assess.Match{Kind: assess.KindProposal}}}})
		x.buildGates()
		x.e.changed()
	})
	addCons := widget.NewButtonWithIcon("添加结果运用", theme.ContentAddIcon(), func() {
		r.Consequences = append(r.Consequences, assess.Consequence{Name: "约谈"})
		x.buildConsequences()
		x.e.changed()
	})
	return container.NewVScroll(container.NewVBox(
		bold("门槛（未达到任一要求者，等次不高于“最高等次”）"), x.gatesBox, container.NewHBox(addGate), widget.NewSeparator(),
		bold("结果运用（低于某分、某等次或某类记录达到次数时提示）"), x.consBox, container.NewHBox(addCons)))
}

func (x *extrasEditor) buildGroups() {
	e, r := x.e, &x.e.rules
	e.forget(&x.groupScope)
	x.groupCapEntries = nil
	x.groupsBox.RemoveAll()
	for i := range r.Groups {
		g := func() *assess.Group { return &r.Groups[i] }
		name := e.textField(g().Name, "名称", func(s string) { g().Name = s })
		capEntry, capBox := e.checked(&x.groupScope, g().Cap.Exact(), "上限", false, func(s string) error {
			p, err := assess.ParsePoints(s)
			if err == nil {
				g().Cap = p
			}
			return err
		})
		x.groupCapEntries = append(x.groupCapEntries, capEntry)
		del := removeButton(func() {
			r.Groups = slices.Delete(r.Groups, i, i+1)
			x.buildGroups()
			e.changed()
		})
		x.groupsBox.Add(container.NewBorder(nil, nil, nil, del,
			container.NewGridWithColumns(2, labeled("名称", name), labeled("上限", capBox))))
	}
}

func (x *extrasEditor) buildGrades() {
	e, r := x.e, &x.e.rules
	e.forget(&x.gradeScope)
	x.gradeMinEntries = nil
	x.gradesBox.RemoveAll()
	for i := range r.Grades {
		g := func() *assess.Grade { return &r.Grades[i] }
		name := e.textField(g().Name, "如 优秀", func(s string) { g().Name = s })
		minEntry, minBox := e.pointsField(&x.gradeScope, g().Min, "最低分（含）", func(p *assess.Points) { g().Min = p })
		x.gradeMinEntries = append(x.gradeMinEntries, minEntry)
		del := removeButton(func() {
			r.Grades = slices.Delete(r.Grades, i, i+1)
			x.buildGrades()
			e.changed()
		})
		x.gradesBox.Add(container.NewBorder(nil, nil, nil, del,
			container.NewGridWithColumns(2, labeled("名称", name), labeled("最低分", minBox))))
	}
}

func (x *extrasEditor) buildGates() {
	e, r := x.e, &x.e.rules
	e.forget(&x.gateScope)
	x.gatesBox.RemoveAll()
	for i := range r.Gates {
		g := func() *assess.Gate { return &r.Gates[i] }
		name := e.textField(g().Name, "如 三个一", func(s string) { g().Name = s })
		maxGrade := e.textField(g().MaxGrade, "空 = 只列出未达到者", func(s string) { g().MaxGrade = s })
		del := removeButton(func() {
			r.Gates = slices.Delete(r.Gates, i, i+1)
			x.buildGates()
			e.changed()
		})
		box := container.NewVBox(container.NewBorder(nil, nil, nil, del,
			container.NewGridWithColumns(2, labeled("名称", name), labeled("最高等次", maxGrade))))
		for j := range g().Require {
			q := func() *assess.Requirement { return &r.Gates[i].Require[j] }
			box.Add(x.requirementRow(q, &x.gateScope, func() {
				g().Require = slices.Delete(g().Require, j, j+1)
				x.buildGates()
				e.changed()
			}))
		}
		add := widget.NewButtonWithIcon("添加要求", theme.ContentAddIcon(), func() {
			g().Require = append(g().Require, assess.Requirement{Name: "要求", Match: assess.Match{Kind: assess.KindEvent}})
			x.buildGates()
			e.changed()
		})
		box.Add(container.NewHBox(add))
		x.gatesBox.Add(widget.NewCard("", "", box))
	}
}

// requirementRow edits one requirement: at least 最少 records of a kind
// (with types and tags).
func (x *extrasEditor) requirementRow(q func() *assess.Requirement, sc *fieldScope, remove func()) fyne.CanvasObject {
	e := x.e
	name := e.textField(q().Name, "如 提交提案", func(s string) { q().Name = s })
	kind := choiceSelect(ruleKindChoices, q().Kind, func(v string) { q().Kind = v; e.changed() })
	types := e.listField(q().Types, "类型，不限", func(l []string) { q().Types = l })
	tags := e.listField(q().Tags, "标签，如 立案", func(l []string) { q().Tags = l })
	_, minBox := e.intField(sc, q().Min, "1", func(n int) { q().Min = n })
	return container.NewBorder(nil, nil, widget.NewLabel("　要求"), removeButton(remove),
		container.NewGridWithColumns(5, name, kind, types, tags, labeled("最少", minBox)))
}

func (x *extrasEditor) buildConsequences() {
	e, r := x.e, &x.e.rules
	e.forget(&x.consScope)
	x.consBox.RemoveAll()
	for i := range r.Consequences {
		c := func() *assess.Consequence { return &r.Consequences[i] }
		name := e.textField(c().Name, "如 约谈", func(s string) { c().Name = s })
		_, below := e.pointsField(&x.consScope, c().Below, "不限", func(p *assess.Points) { c().Below = p })
		grades := e.listField(c().Grades, "如 不称职", func(l []string) { c().Grades = l })
		_, years := e.intField(&x.consScope, c().Years, "1", func(n int) { c().Years = n })
		countKind := ""
		if c().Count != nil {
			countKind = c().Count.Kind
		}
		kinds := append([]choice{{"", noCount}}, ruleKindChoices...)
		kind := choiceSelect(kinds, countKind, func(v string) {
			if v == "" {
				c().Count = nil
			} else if c().Count == nil {
				c().Count = &assess.Requirement{Name: c().Name, Match: assess.Match{Kind: v}, Min: 1}
			} else {
				c().Count.Kind = v
			}
			e.changed()
		})
		countMin := 0
		if c().Count != nil {
			countMin = c().Count.Min
		}
		_, times := e.intField(&x.consScope, countMin, "次数", func(n int) {
			if c().Count != nil {
				c().Count.Min = n
			}
		})
		del := removeButton(func() {
			r.Consequences = slices.Delete(r.Consequences, i, i+1)
			x.buildConsequences()
			e.changed()
		})
		box := container.NewVBox(
			container.NewGridWithColumns(3, labeled("名称", name), labeled("总分低于", below), labeled("等次为", grades)),
			container.NewGridWithColumns(3, labeled("记录类别", kind), labeled("达到次数", times), labeled("连续年数", years)))
		x.consBox.Add(widget.NewCard("", "", container.NewBorder(nil, nil, nil, del, box)))
	}
}
