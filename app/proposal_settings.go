package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// Field labels of the proposal settings, as Config.Validate names them.
const (
	cfgFieldCategories   = "提案类别"
	cfgFieldRejectReason = "不予立案理由"
	cfgFieldDisposition  = "不予立案去向"
	cfgFieldClasses      = "办理结果分类"
	cfgFieldAxes         = "评价维度"
	cfgFieldMonths       = "办理期限"
	cfgFieldMaxMonths    = "最长期限"
	cfgFieldReturnDays   = "退回时限"
	cfgFieldNumberWidth  = "案号位数"
)

// maxClasses and minClasses bound the result classes (Config.Validate).
const minClasses, maxClasses = 2, 5

// proposalSettings is the 提案 tab of 设置: the operator's name and the
// committee's proposal.Config.
type proposalSettings struct {
	u   *UI
	obj fyne.CanvasObject

	operatorEntry *widget.Entry
	lists         map[string]*widget.Entry // one item a line, by field
	classBox      *fyne.Container
	classEntries  []*widget.Entry
	addClass      *widget.Button
	removeClass   *widget.Button
	monthsEntry   *widget.Entry
	maxEntry      *widget.Entry
	returnEntry   *widget.Entry
	prefixEntry   *widget.Entry
	widthEntry    *widget.Entry
	suffixEntry   *widget.Entry
	exampleLabel  *widget.Label
	errs          map[string]*widget.Label // the message under each field
	message       *widget.Label
	saveButton    *widget.Button
	resetButton   *widget.Button
	confirm       confirmer
}

func newProposalSettings(u *UI) *proposalSettings {
	p := &proposalSettings{u: u, lists: map[string]*widget.Entry{}, errs: map[string]*widget.Label{},
		confirm: windowConfirmer(u.win)}
	p.operatorEntry = widget.NewEntry()
	p.operatorEntry.SetPlaceHolder("您的姓名，如 提案委 周丽")
	p.operatorEntry.OnChanged = func(s string) { u.app.Preferences().SetString(prefOperator, strings.TrimSpace(s)) }
	for field, rows := range map[string]int{cfgFieldCategories: 6, cfgFieldRejectReason: 10, cfgFieldDisposition: 4, cfgFieldAxes: 2} {
		e := widget.NewMultiLineEntry()
		e.SetMinRowsVisible(rows)
		p.lists[field] = e
	}
	p.lists[cfgFieldAxes].SetPlaceHolder("可不填；如分别评价“办理过程”“办理结果”，每行写一项")
	p.classBox = container.NewVBox()
	p.addClass = widget.NewButtonWithIcon("增加一类", theme.ContentAddIcon(), func() { p.setClasses(append(p.classLabels(), "")) })
	p.removeClass = widget.NewButtonWithIcon("删除最后一类", theme.ContentRemoveIcon(), func() {
		labels := p.classLabels()
		p.setClasses(labels[:len(labels)-1])
	})
	p.monthsEntry, p.maxEntry, p.returnEntry = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	p.prefixEntry, p.widthEntry, p.suffixEntry = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	for _, e := range []*widget.Entry{p.prefixEntry, p.widthEntry, p.suffixEntry} {
		e.OnChanged = func(string) { p.showExample() }
	}
	p.exampleLabel = widget.NewLabel("")
	p.message = widget.NewLabel("")
	p.message.Wrapping = fyne.TextWrapWord
	p.saveButton = widget.NewButtonWithIcon("保存提案设置", theme.DocumentSaveIcon(), p.onSave)
	p.saveButton.Importance = widget.HighImportance
	p.resetButton = widget.NewButtonWithIcon("恢复默认", theme.ViewRefreshIcon(), p.onReset)
	p.obj = p.layout()
	return p
}

func (p *proposalSettings) view() fyne.CanvasObject { return p.obj }

func (p *proposalSettings) layout() fyne.CanvasObject {
	small := func(e *widget.Entry, w float32) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, e.MinSize().Height), e)
	}
	months := container.NewHBox(small(p.monthsEntry, 70), widget.NewLabel("个月，自交办日起算"))
	maxMonths := container.NewHBox(small(p.maxEntry, 70), widget.NewLabel("个月，延期后也不超过"))
	returnDays := container.NewHBox(small(p.returnEntry, 70), widget.NewLabel("个工作日（0 为不限）"))
	number := container.NewVBox(container.NewHBox(widget.NewLabel("前缀"), small(p.prefixEntry, 60), widget.NewLabel("位数"),
		small(p.widthEntry, 50), widget.NewLabel("后缀"), small(p.suffixEntry, 60)), p.exampleLabel)
	left := widget.NewForm(
		widget.NewFormItem("操作人", p.withError("", p.operatorEntry,
			"记为新录入提案的录入人，并写入每一条办理记录和操作日志；启用登录后改用登录的用户名。修改后立即生效。")),
		widget.NewFormItem(cfgFieldCategories, p.withError(cfgFieldCategories, p.lists[cfgFieldCategories], "每行一项，顺序即报表中的顺序")),
		widget.NewFormItem(cfgFieldDisposition, p.withError(cfgFieldDisposition, p.lists[cfgFieldDisposition], "不予立案的提案转往何处，每行一项")),
		widget.NewFormItem(cfgFieldAxes, p.withError(cfgFieldAxes, p.lists[cfgFieldAxes], "")),
		widget.NewFormItem(cfgFieldMonths, p.withError(cfgFieldMonths, months, "")),
		widget.NewFormItem(cfgFieldMaxMonths, p.withError(cfgFieldMaxMonths, maxMonths, "")),
		widget.NewFormItem(cfgFieldReturnDays, p.withError(cfgFieldReturnDays, returnDays, "交办后在此期限内，承办单位可申请退回重新交办")),
		widget.NewFormItem("案号格式", p.withError(cfgFieldNumberWidth, number, "")),
	)
	classes := container.NewVBox(p.classBox, container.NewHBox(p.addClass, p.removeClass))
	right := widget.NewForm(
		widget.NewFormItem(cfgFieldRejectReason, p.withError(cfgFieldRejectReason, p.lists[cfgFieldRejectReason], "每行一项，不予立案时从中选择")),
		widget.NewFormItem(cfgFieldClasses, p.withError(cfgFieldClasses, classes, "答复函右上角标注的类别，A 类最好；共 2 到 5 类")),
	)
	bar := container.NewBorder(nil, nil, container.NewHBox(p.saveButton, p.resetButton), nil, p.message)
	return container.NewBorder(nil, container.NewPadded(bar), nil, nil,
		container.NewScroll(container.NewPadded(container.NewGridWithColumns(2, left, right))))
}

// withError puts a hint and the field's error message under a widget.
func (p *proposalSettings) withError(field string, o fyne.CanvasObject, hint string) fyne.CanvasObject {
	box := container.NewVBox(o)
	if hint != "" {
		h := widget.NewLabel(hint)
		h.TextStyle.Italic = true
		h.Wrapping = fyne.TextWrapWord
		box.Add(h)
	}
	if field != "" {
		e := widget.NewLabel("")
		e.Importance = widget.DangerImportance
		e.Wrapping = fyne.TextWrapWord
		e.Hide()
		p.errs[field] = e
		box.Add(e)
	}
	return box
}

func (p *proposalSettings) reload(ctx context.Context) {
	cfg, err := p.u.store.ProposalConfig(ctx)
	if err != nil {
		showError(err, p.u.win)
	}
	p.operatorEntry.SetText(p.u.operator())
	p.fill(cfg)
	p.showErrors(nil)
	p.message.SetText("")
}

// fill shows a configuration in the fields.
func (p *proposalSettings) fill(c proposal.Config) {
	for field, xs := range map[string][]string{cfgFieldCategories: c.Categories, cfgFieldRejectReason: c.RejectReasons,
		cfgFieldDisposition: c.Dispositions, cfgFieldAxes: c.RatingAxes} {
		p.lists[field].SetText(strings.Join(xs, "\n"))
	}
	labels := make([]string, len(c.Classes))
	for i, cl := range c.Classes {
		labels[i] = cl.Label
	}
	p.setClasses(labels)
	p.monthsEntry.SetText(strconv.Itoa(c.DeadlineMonths))
	p.maxEntry.SetText(strconv.Itoa(c.MaxMonths))
	p.returnEntry.SetText(strconv.Itoa(c.ReturnDays))
	p.prefixEntry.SetText(c.NumberPrefix)
	p.widthEntry.SetText(strconv.Itoa(c.NumberWidth))
	p.suffixEntry.SetText(c.NumberSuffix)
}

// setClasses shows one entry per class, lettered A, B, C….
func (p *proposalSettings) setClasses(labels []string) {
	p.classEntries = nil
	p.classBox.RemoveAll()
	for i, l := range labels {
		e := widget.NewEntry()
		e.SetText(l)
		e.SetPlaceHolder("如 所提问题已经解决或基本解决")
		p.classEntries = append(p.classEntries, e)
		p.classBox.Add(container.NewBorder(nil, nil, widget.NewLabel(classLetter(i)+" 类"), nil, e))
	}
	if len(labels) >= maxClasses {
		p.addClass.Disable()
	} else {
		p.addClass.Enable()
	}
	if len(labels) <= minClasses {
		p.removeClass.Disable()
	} else {
		p.removeClass.Enable()
	}
}

func classLetter(i int) string { return string(rune('A' + i)) }

func (p *proposalSettings) classLabels() []string {
	out := make([]string, len(p.classEntries))
	for i, e := range p.classEntries {
		out[i] = e.Text
	}
	return out
}

func (p *proposalSettings) showExample() {
	c := proposal.Config{NumberPrefix: p.prefixEntry.Text, NumberSuffix: p.suffixEntry.Text}
	w, err := strconv.Atoi(strings.TrimSpace(p.widthEntry.Text))
	if err != nil || w < 1 || w > 6 {
		p.exampleLabel.SetText("示例：—")
		return
	}
	c.NumberWidth = w
	p.exampleLabel.SetText("示例：" + c.FormatNumber(1) + "、" + c.FormatNumber(12))
}

// listLines splits a list field into its non-blank, trimmed lines.
func listLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// config reads the fields; numbers that are not numbers are reported by
// field.
func (p *proposalSettings) config() (proposal.Config, data.ValidationErrors) {
	c := proposal.Config{
		Categories:    listLines(p.lists[cfgFieldCategories].Text),
		RejectReasons: listLines(p.lists[cfgFieldRejectReason].Text),
		Dispositions:  listLines(p.lists[cfgFieldDisposition].Text),
		RatingAxes:    listLines(p.lists[cfgFieldAxes].Text),
		NumberPrefix:  strings.TrimSpace(p.prefixEntry.Text),
		NumberSuffix:  strings.TrimSpace(p.suffixEntry.Text),
	}
	for i, l := range p.classLabels() {
		c.Classes = append(c.Classes, proposal.Class{Code: classLetter(i), Label: strings.TrimSpace(l)})
	}
	var errs data.ValidationErrors
	for field, f := range map[string]struct {
		e   *widget.Entry
		dst *int
	}{cfgFieldMonths: {p.monthsEntry, &c.DeadlineMonths}, cfgFieldMaxMonths: {p.maxEntry, &c.MaxMonths},
		cfgFieldReturnDays: {p.returnEntry, &c.ReturnDays}, cfgFieldNumberWidth: {p.widthEntry, &c.NumberWidth}} {
		n, err := strconv.Atoi(strings.TrimSpace(f.e.Text))
		if err != nil {
			errs = append(errs, &data.ValidationError{Field: field, Msg: "请填写数字"})
		}
		*f.dst = n
	}
	return c, errs
}

func (p *proposalSettings) onSave() {
	c, errs := p.config()
	if len(errs) > 0 {
		p.refused(errs)
		return
	}
	if err := p.u.store.SaveProposalConfig(p.u.ctx, c); err != nil {
		var ves data.ValidationErrors
		if errors.As(err, &ves) {
			p.refused(ves)
			return
		}
		showError(err, p.u.win)
		return
	}
	p.showErrors(nil)
	p.fill(c) // show the lists as saved: trimmed, blank lines gone
	p.say("提案设置已保存。", widget.SuccessImportance)
}

func (p *proposalSettings) refused(errs data.ValidationErrors) {
	p.showErrors(errs)
	p.say(fmt.Sprintf("有 %d 处需要修改，设置未保存。", len(errs)), widget.DangerImportance)
}

// showErrors puts each message under its field and clears the others.
func (p *proposalSettings) showErrors(errs data.ValidationErrors) {
	msgs := map[string][]string{}
	for _, e := range errs {
		msgs[e.Field] = append(msgs[e.Field], e.Msg)
	}
	for field, l := range p.errs {
		l.SetText(strings.Join(msgs[field], "；"))
		if len(msgs[field]) == 0 {
			l.Hide()
		} else {
			l.Show()
		}
	}
	p.obj.Refresh() // lay the forms out again around the shown messages
}

func (p *proposalSettings) say(text string, imp widget.Importance) {
	p.message.Importance = imp
	p.message.SetText(text)
}

// onReset puts the default settings back after asking.
func (p *proposalSettings) onReset() {
	p.confirm("恢复默认", "将提案类别、不予立案理由、办理结果分类、办理期限和案号格式等全部恢复为默认值并保存。\n已录入的提案不受影响。确定吗？",
		func() {
			p.fill(proposal.Default())
			p.onSave()
			if p.message.Importance == widget.SuccessImportance {
				p.say("已恢复默认设置。", widget.SuccessImportance)
			}
		})
}
