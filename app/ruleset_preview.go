package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/assess"
)

// rulePreview shows one member's result under the rules as they are being
// edited (unsaved): item points, total and grade, recomputed once typing
// pauses. While the rules have problems it lists them instead.
type rulePreview struct {
	e      *ruleSetEditor
	facts  assess.Facts
	loaded bool

	memberSelect *widget.Select
	text         *widget.Label
	obj          fyne.CanvasObject

	edits debouncer // recomputes once the edits pause
}

func newRulePreview(e *ruleSetEditor) *rulePreview {
	p := &rulePreview{e: e, edits: debouncer{pause: 300 * time.Millisecond, dbPath: e.u.store.Path()}}
	p.memberSelect = widget.NewSelect(nil, func(string) { p.recompute() })
	p.memberSelect.PlaceHolder = "选择委员"
	p.text = widget.NewLabel("正在载入委员……")
	p.text.Wrapping = fyne.TextWrapWord
	head := container.NewVBox(bold("效果预览（未保存的规则）"), p.memberSelect)
	p.obj = container.NewBorder(head, nil, nil, nil, container.NewVScroll(p.text))
	return p
}

// load reads the year's members and records: the term assessed in the
// rule set's year.
func (p *rulePreview) load() {
	u := p.e.u
	year := p.e.stored.Year
	if year == 0 {
		year = p.e.rules.Year
	}
	term, err := u.store.YearTerm(u.ctx, year)
	if err == nil {
		p.facts, err = u.store.AssessmentFacts(u.ctx, term.ID, year)
	}
	if err != nil {
		p.text.SetText("无法载入" + fmt.Sprint(year) + "年度的委员：" + userMessage(err))
		return
	}
	p.loaded = true
	names := map[string]int{}
	for _, m := range p.facts.Members {
		names[m.Name]++
	}
	opts := make([]string, len(p.facts.Members))
	for i, m := range p.facts.Members {
		opts[i] = m.Name
		if names[m.Name] > 1 {
			opts[i] += "（" + m.Sector + "）"
		}
	}
	p.memberSelect.Options = opts
	if len(opts) == 0 {
		p.text.SetText(fmt.Sprintf("%d年度没有可考核的委员。", year))
		return
	}
	p.memberSelect.SetSelectedIndex(0) // recomputes
}

// choose selects a member by name.
func (p *rulePreview) choose(name string) {
	for i, m := range p.facts.Members {
		if m.Name == name {
			p.memberSelect.SetSelectedIndex(i)
		}
	}
}

// schedule recomputes once the edits pause.
func (p *rulePreview) schedule() { p.edits.after(p.recompute) }

// stop drops a pending recomputation when the editor closes.
func (p *rulePreview) stop() { p.edits.stop() }

// recompute evaluates the chosen member under the edited rules.
func (p *rulePreview) recompute() {
	p.text.SetText(p.describe())
}

func (p *rulePreview) describe() (out string) {
	if bad := p.e.refusals(); len(bad) > 0 {
		return "有填写有误的地方，改正后再预览：\n" + strings.Join(bad, "\n")
	}
	if ps := assess.Validate(p.e.rules); len(ps) > 0 {
		lines := make([]string, len(ps))
		for i, x := range ps {
			lines[i] = x.Error()
		}
		return "规则还有问题，改正后再预览：\n" + strings.Join(lines, "\n")
	}
	i := p.memberSelect.SelectedIndex()
	if !p.loaded || i < 0 || i >= len(p.facts.Members) {
		return "请选择委员。"
	}
	defer func() { // values too large for exact arithmetic
		if r := recover(); r != nil {
			out = "分值过大，无法计算，请检查填写的分值。"
		}
	}()
	m := p.facts.Members[i]
	f := assess.Facts{Year: p.facts.Year, Members: []assess.Member{m},
		Records: map[int64][]assess.Record{m.ID: p.facts.Records[m.ID]}, History: p.facts.History}
	res, err := assess.Evaluate(p.e.rules, f)
	if err != nil {
		return userMessage(err)
	}
	return previewText(res, p.e.rules.Decimals)
}

// previewText is one member's result: items, adjustments, total, grade.
func previewText(res assess.Result, decimals int) string {
	if len(res.Members) == 0 {
		return ""
	}
	if decimals == 0 {
		decimals = 2
	}
	mr := res.Members[0]
	var b strings.Builder
	fmt.Fprintf(&b, "%s（%s）\n", mr.Member.Name, orDefaultText(mr.Member.Sector, "—"))
	if mr.Excluded != "" {
		fmt.Fprintf(&b, "不参加考核：%s\n", mr.Excluded)
		return b.String()
	}
	for k, it := range mr.Items {
		v := "—"
		if it.Applies {
			v = it.Final.Format(decimals) + " 分"
		}
		fmt.Fprintf(&b, "%s、%s：%s\n", data.ChineseNumber(k+1), it.Name, v)
		for _, n := range it.Notes {
			fmt.Fprintf(&b, "　　%s\n", n)
		}
	}
	if !mr.Bonus.IsZero() || !mr.Penalty.IsZero() {
		fmt.Fprintf(&b, "加分 %s，扣分 %s\n", mr.Bonus.Format(decimals), mr.Penalty.Format(decimals))
	}
	fmt.Fprintf(&b, "总分：%s\n等次：%s\n", mr.Total.Format(decimals), orDefaultText(mr.Grade, "—"))
	for _, n := range mr.Notes {
		b.WriteString(n + "\n")
	}
	if len(mr.Consequences) > 0 {
		fmt.Fprintf(&b, "结果运用：%s\n", strings.Join(mr.Consequences, "、"))
	}
	return b.String()
}
