package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// activityConfigList is one editable list of data.ActivityConfig.
type activityConfigList struct {
	field string // the label, also the field name of the store's refusals
	hint  string
	rows  int
	get   func(*data.ActivityConfig) *[]string
}

// activityConfigLists are the lists of 设置 → 履职, in the order shown.
var activityConfigLists = []activityConfigList{
	{"会议活动类型", "会议活动的类型，每行一项；“全体会议”“小组讨论”有特殊用途，请保留", 10,
		func(c *data.ActivityConfig) *[]string { return &c.EventTypes }},
	{"参加角色", "参加会议活动时的角色，如 主讲、执笔", 4, func(c *data.ActivityConfig) *[]string { return &c.Roles }},
	{"发言形式", "大会发言的形式", 2, func(c *data.ActivityConfig) *[]string { return &c.SpeechForms }},
	{"发言会议", "大会发言所在的会议", 3, func(c *data.ActivityConfig) *[]string { return &c.SpeechMeetings }},
	{"表彰惩戒类别", "“表彰”可填级别，其余为批评、约谈等", 3, func(c *data.ActivityConfig) *[]string { return &c.AwardKinds }},
	{"表彰级别", "由高到低", 4, func(c *data.ActivityConfig) *[]string { return &c.AwardLevels }},
	{"其他履职类型", "县里自定的可计分记录，如 学习笔记、调研报告", 4, func(c *data.ActivityConfig) *[]string { return &c.RecordTypes }},
	{"社情民意采用级别", "由低到高", 4, func(c *data.ActivityConfig) *[]string { return &c.AdoptLevels }},
	{"社情民意批示级别", "由低到高", 4, func(c *data.ActivityConfig) *[]string { return &c.InstructLevels }},
	{"社情民意来源", "", 2, func(c *data.ActivityConfig) *[]string { return &c.InfoSources }},
}

// activitySettings is the 履职 tab of 设置: the county's own 履职 lists,
// one item a line.
type activitySettings struct {
	u   *UI
	obj fyne.CanvasObject

	lists       map[string]*widget.Entry // by field
	errs        map[string]*widget.Label // the message under each list
	message     *widget.Label
	saveButton  *widget.Button
	resetButton *widget.Button
	confirm     confirmer
}

func newActivitySettings(u *UI) *activitySettings {
	p := &activitySettings{u: u, lists: map[string]*widget.Entry{}, errs: map[string]*widget.Label{},
		confirm: windowConfirmer(u.win)}
	var left, right []*widget.FormItem
	for i, l := range activityConfigLists {
		e := widget.NewMultiLineEntry()
		e.SetMinRowsVisible(l.rows)
		p.lists[l.field] = e
		msg := widget.NewLabel("")
		msg.Importance = widget.DangerImportance
		msg.Wrapping = fyne.TextWrapWord
		msg.Hide()
		p.errs[l.field] = msg
		box := container.NewVBox(e)
		if l.hint != "" {
			h := widget.NewLabel(l.hint)
			h.TextStyle.Italic = true
			h.Wrapping = fyne.TextWrapWord
			box.Add(h)
		}
		box.Add(msg)
		item := widget.NewFormItem(l.field, box)
		if i < 4 {
			left = append(left, item)
		} else {
			right = append(right, item)
		}
	}
	p.message = widget.NewLabel("")
	p.message.Wrapping = fyne.TextWrapWord
	p.saveButton = widget.NewButtonWithIcon("保存履职设置", theme.DocumentSaveIcon(), p.onSave)
	p.saveButton.Importance = widget.HighImportance
	p.resetButton = widget.NewButtonWithIcon("恢复默认", theme.ViewRefreshIcon(), p.onReset)
	bar := container.NewBorder(nil, nil, container.NewHBox(p.saveButton, p.resetButton), nil, p.message)
	p.obj = container.NewBorder(nil, container.NewPadded(bar), nil, nil,
		container.NewScroll(container.NewPadded(container.NewGridWithColumns(2, widget.NewForm(left...), widget.NewForm(right...)))))
	return p
}

func (p *activitySettings) view() fyne.CanvasObject { return p.obj }

func (p *activitySettings) reload(ctx context.Context) {
	cfg, err := p.u.store.ActivityConfig(ctx)
	if err != nil {
		showError(err, p.u.win)
	}
	p.fill(cfg)
	p.showErrors(nil)
	p.message.SetText("")
}

// fill shows a configuration, one item a line.
func (p *activitySettings) fill(c data.ActivityConfig) {
	for _, l := range activityConfigLists {
		p.lists[l.field].SetText(strings.Join(*l.get(&c), "\n"))
	}
}

// config reads the lists: trimmed lines, blank ones dropped.
func (p *activitySettings) config() data.ActivityConfig {
	var c data.ActivityConfig
	for _, l := range activityConfigLists {
		*l.get(&c) = listLines(p.lists[l.field].Text)
	}
	return c
}

func (p *activitySettings) onSave() {
	c := p.config()
	var errs data.ValidationErrors
	for _, l := range activityConfigLists {
		if len(*l.get(&c)) == 0 {
			errs = append(errs, &data.ValidationError{Field: l.field, Msg: "至少填写一项"})
		}
	}
	if len(errs) > 0 {
		p.refused(errs)
		return
	}
	if err := p.u.store.SaveActivityConfig(p.u.ctx, c); err != nil {
		var ves data.ValidationErrors
		var ve *data.ValidationError
		switch {
		case errors.As(err, &ves):
			p.refused(ves)
		case errors.As(err, &ve):
			p.refused(data.ValidationErrors{ve})
		default:
			p.showErrors(nil)
			p.say(userMessage(err), widget.DangerImportance)
		}
		return
	}
	p.showErrors(nil)
	p.fill(c)
	p.say("履职设置已保存。", widget.SuccessImportance)
}

func (p *activitySettings) refused(errs data.ValidationErrors) {
	other := p.showErrors(errs)
	msg := fmt.Sprintf("有 %d 处需要修改，设置未保存。", len(errs))
	for _, e := range other {
		msg += "\n" + e.Error()
	}
	p.say(msg, widget.DangerImportance)
}

// showErrors puts each message under its list, clears the others and
// returns the messages no list shows.
func (p *activitySettings) showErrors(errs data.ValidationErrors) data.ValidationErrors {
	msgs := map[string][]string{}
	var other data.ValidationErrors
	for _, e := range errs {
		if _, ok := p.errs[e.Field]; ok {
			msgs[e.Field] = append(msgs[e.Field], e.Msg)
		} else {
			other = append(other, e)
		}
	}
	for field, l := range p.errs {
		l.SetText(strings.Join(msgs[field], "；"))
		setVisible(l, len(msgs[field]) > 0)
	}
	p.obj.Refresh()
	return other
}

func (p *activitySettings) say(text string, imp widget.Importance) {
	p.message.Importance = imp
	p.message.SetText(text)
}

// onReset puts the default lists back after asking.
func (p *activitySettings) onReset() {
	p.confirm("恢复默认", "将会议活动类型、发言、表彰惩戒和社情民意等各项名单全部恢复为默认值并保存。\n已录入的记录不受影响。确定吗？",
		func() {
			p.fill(data.DefaultActivityConfig())
			p.onSave()
			if p.message.Importance == widget.SuccessImportance {
				p.say("已恢复默认设置。", widget.SuccessImportance)
			}
		})
}
