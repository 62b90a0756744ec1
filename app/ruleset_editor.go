package app

import (
	"encoding/json"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/assess"
)

// ruleSetEditor is the 编辑考核规则 dialog: the set's own fields, its items
// with their rules, groups and grades, gates and consequences, and a live
// preview of one member's result under the rules as they are being edited.
// Nothing is stored until 保存.
type ruleSetEditor struct {
	u       *UI
	stored  data.StoredRuleSet
	rules   assess.RuleSet // the working copy the widgets edit
	onSaved func(data.StoredRuleSet)
	dlg     dialog.Dialog
	open    bool

	bad  map[*widget.Entry]string // entries whose text is refused, with the message
	msgs map[*widget.Entry]*canvas.Text

	nameEntry     *widget.Entry
	documentEntry *widget.Entry
	descEntry     *widget.Entry
	decimalsEntry *widget.Entry
	capEntry      *widget.Entry
	floorEntry    *widget.Entry
	excludeEntry  *widget.Entry
	inactiveCheck *widget.Check

	tabs    *container.AppTabs
	items   *itemEditor
	extras  *extrasEditor
	preview *rulePreview
	general *widget.Label
	saveBtn *widget.Button
}

// showRuleSetEditor edits a stored rule set in a dialog: the set's own
// fields, a form per item and rule, grades, gates and consequences, with a
// live preview of the effect on a chosen member. onSaved runs after a save.
func (u *UI) showRuleSetEditor(rs data.StoredRuleSet, onSaved func(data.StoredRuleSet)) {
	e := newRuleSetEditor(u, rs, onSaved)
	e.show()
}

func newRuleSetEditor(u *UI, rs data.StoredRuleSet, onSaved func(data.StoredRuleSet)) *ruleSetEditor {
	e := &ruleSetEditor{u: u, stored: rs, rules: cloneRules(rs.Rules), onSaved: onSaved,
		bad: map[*widget.Entry]string{}, msgs: map[*widget.Entry]*canvas.Text{}}
	e.preview = newRulePreview(e)
	e.general = widget.NewLabel("")
	e.general.Importance = widget.DangerImportance
	e.general.Wrapping = fyne.TextWrapWord
	e.saveBtn = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), e.onSave)
	e.saveBtn.Importance = widget.HighImportance
	e.items = newItemEditor(e)
	e.extras = newExtrasEditor(e)
	return e
}

// cloneRules copies a rule set deeply, so that editing never touches the
// caller's copy.
func cloneRules(rs assess.RuleSet) assess.RuleSet {
	b, err := json.Marshal(rs)
	if err != nil {
		return rs
	}
	var out assess.RuleSet
	if err := json.Unmarshal(b, &out); err != nil {
		return rs
	}
	return out
}

// topForm is the set's own fields.
func (e *ruleSetEditor) topForm() fyne.CanvasObject {
	r := &e.rules
	e.nameEntry = e.textField(r.Name, "如 清河县委员履职考核", func(s string) { r.Name = s })
	e.documentEntry = e.textField(r.Document, "如 政协清河县委员会委员履职考核办法", func(s string) { r.Document = s })
	e.descEntry = e.textField(r.Description, "", func(s string) { r.Description = s })
	var decimals, capBox, floorBox fyne.CanvasObject
	e.decimalsEntry, decimals = e.intField(nil, r.Decimals, "默认 2", func(n int) { r.Decimals = n })
	e.capEntry, capBox = e.pointsField(nil, r.Cap, "不限", func(p *assess.Points) { r.Cap = p })
	e.floorEntry, floorBox = e.pointsField(nil, r.Floor, "不限", func(p *assess.Points) { r.Floor = p })
	e.excludeEntry = e.listField(r.Exclude.Roles, "如 主席、副主席", func(l []string) { r.Exclude.Roles = l })
	e.inactiveCheck = widget.NewCheck("离任者（辞去、撤销、调离、逝世）不考核", func(on bool) {
		r.Exclude.Inactive = on
		e.changed()
	})
	e.inactiveCheck.SetChecked(r.Exclude.Inactive)
	return container.New(layout.NewFormLayout(),
		widget.NewLabel("名称 *"), e.nameEntry,
		widget.NewLabel("文件名称"), e.documentEntry,
		widget.NewLabel("说明"), e.descEntry,
		widget.NewLabel("小数位"), decimals,
		widget.NewLabel("总分上限"), capBox,
		widget.NewLabel("总分下限"), floorBox,
		widget.NewLabel("不参加考核的职务"), e.excludeEntry,
		widget.NewLabel(""), e.inactiveCheck)
}

func (e *ruleSetEditor) show() {
	u := e.u
	e.tabs = container.NewAppTabs(
		container.NewTabItem("基本信息", container.NewVScroll(e.topForm())),
		container.NewTabItem("考核项目", e.items.obj),
		container.NewTabItem("合计组与等次", e.extras.gradesTab()),
		container.NewTabItem("门槛与结果运用", e.extras.gatesTab()),
	)
	split := container.NewHSplit(e.tabs, e.preview.obj)
	split.Offset = 0.7
	cancel := widget.NewButton("取消", e.close)
	buttons := container.NewHBox(layout.NewSpacer(), cancel, e.saveBtn)
	content := container.NewBorder(nil, container.NewVBox(e.general, buttons), nil, nil, split)
	title := fmt.Sprintf("编辑考核规则：%s（%d年度）", e.stored.Rules.Name, e.stored.Year)
	e.dlg = dialog.NewCustomWithoutButtons(title, content, u.win)
	e.dlg.Resize(fyne.NewSize(1240, 760))
	e.open = true
	e.dlg.Show()
	e.preview.load()
}

// changed runs after every edit: the preview is recomputed once typing
// pauses.
func (e *ruleSetEditor) changed() {
	if e.preview != nil {
		e.preview.schedule()
	}
}

// refusals are the messages of the entries whose text is not valid.
func (e *ruleSetEditor) refusals() []string {
	var out []string
	for _, msg := range e.bad {
		out = append(out, msg)
	}
	return out
}

// onSave stores the rule set; nothing is stored while an entry is refused
// or the store finds a problem.
func (e *ruleSetEditor) onSave() {
	e.general.SetText("")
	if bad := e.refusals(); len(bad) > 0 {
		e.general.SetText(fmt.Sprintf("有 %d 处填写有误，请查看标红的提示：%s", len(bad), strings.Join(bad, "；")))
		return
	}
	rs := e.stored
	rs.Rules = cloneRules(e.rules)
	if rs.Rules.Year == 0 {
		rs.Rules.Year = rs.Year
	}
	if err := e.u.store.SaveRuleSet(e.u.ctx, &rs); err != nil {
		e.general.SetText(ruleSaveMessage(err))
		return
	}
	e.stored = rs
	e.close()
	if e.onSaved != nil {
		e.onSaved(rs)
	}
}

// ruleSaveMessage lists the store's refusals of a rule set.
func ruleSaveMessage(err error) string {
	fe := fieldErrors{}
	return fe.place(err, func(n int) string { return fmt.Sprintf("规则有 %d 处问题，未保存：", n) })
}

func (e *ruleSetEditor) close() {
	e.open = false
	e.preview.stop()
	if e.dlg != nil {
		e.dlg.Hide()
	}
}

// kindLabel is a record kind in Chinese.
func kindLabel(kind string) string {
	for _, c := range ruleKindChoices {
		if c.value == kind {
			return c.label
		}
	}
	return kind
}

// orderButtons are 添加/删除/上移/下移 for an ordered list.
func orderButtons(add, remove, up, down func()) (*fyne.Container, []*widget.Button) {
	b := []*widget.Button{
		widget.NewButtonWithIcon("添加", theme.ContentAddIcon(), add),
		widget.NewButtonWithIcon("删除", theme.DeleteIcon(), remove),
		widget.NewButtonWithIcon("", theme.MoveUpIcon(), up),
		widget.NewButtonWithIcon("", theme.MoveDownIcon(), down),
	}
	return container.NewHBox(b[0], b[1], b[2], b[3]), b
}
