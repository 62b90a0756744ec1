package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/assess"
)

// explainLine is one line of a member's explanation: level 0 is the
// member, 1 an item, 2 a rule, 3 a record.
type explainLine struct {
	level int
	text  string
}

// explainPanel shows how one member's total came about: item by item, rule
// by rule, record by record, then the manual adjustments and exclusion.
type explainPanel struct {
	s   *assessmentScreen
	obj fyne.CanvasObject

	head   *widget.Label
	box    *fyne.Container // everything, scrolled
	lines  *fyne.Container // the explanation, one indented label a line
	adjust *adjustForm

	member int64 // membership id shown (0 = none)
	text   []explainLine
}

func newExplainPanel(s *assessmentScreen) *explainPanel {
	p := &explainPanel{s: s}
	p.head = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.head.Wrapping = fyne.TextWrapWord
	p.lines = container.New(layout.NewCustomPaddedVBoxLayout(0))
	p.adjust = newAdjustForm(s)
	p.box = container.NewVBox(p.head, p.lines, widget.NewSeparator(), p.adjust.obj)
	p.obj = container.NewVScroll(p.box)
	p.refresh()
	return p
}

// show explains a member.
func (p *explainPanel) show(id int64) {
	p.member = id
	p.refresh()
}

// refresh rebuilds the panel for the member shown from the latest result.
func (p *explainPanel) refresh() {
	m, ok := p.s.res.Find(p.member)
	if !ok {
		p.text = nil
		p.head.SetText("点击表中的委员，查看得分的来历。")
		p.lines.RemoveAll()
		p.adjust.show(assess.MemberResult{}, false)
		p.box.Refresh()
		return
	}
	p.text = explain(m, p.s.rs, p.s.decimals())
	p.head.SetText(p.text[0].text)
	rows := make([]fyne.CanvasObject, 0, len(p.text)-1)
	for _, l := range p.text[1:] {
		rows = append(rows, explainRow(l))
	}
	p.lines.Objects = rows
	p.lines.Refresh()
	p.adjust.show(m, true)
	p.box.Refresh() // lays out the form, which was hidden
}

// explainIndent is how far each level below an item is indented.
const explainIndent = 28

// explainRow is one line of the explanation: an item in bold, a rule
// indented under it, a record further in, and a record that does not count
// in the secondary colour. The indent is a margin, so a line that wraps
// keeps it (leading spaces were dropped by the word wrap).
func explainRow(l explainLine) fyne.CanvasObject {
	label := widget.NewLabel(l.text)
	label.Wrapping = fyne.TextWrapWord
	switch {
	case l.level == 1:
		label.TextStyle.Bold = true
	case l.level == 3 && strings.Contains(l.text, "不计分"):
		label.Importance = widget.LowImportance
	}
	return container.New(layout.NewCustomPaddedLayout(0, 0, explainIndent*float32(max(l.level-1, 0)), 0), label)
}

// lineTexts is the explanation as plain lines, for tests and copying.
func (p *explainPanel) lineTexts() []string {
	out := make([]string, len(p.text))
	for i, l := range p.text {
		out[i] = l.text
	}
	return out
}

// explain is a member's result as readable lines: the total and grade,
// then per item its points with base, caps and notes, per rule its count
// and points, and per record its date, title, status or role, points and
// note; then gates, manual adjustments and consequences.
func explain(m assess.MemberResult, rs assess.RuleSet, decimals int) []explainLine {
	pts := func(p assess.Points) string { return p.Format(decimals) }
	name := m.Member.Name
	if m.Member.Sector != "" {
		name += "（" + m.Member.Sector + "）"
	}
	if m.Excluded != "" {
		return []explainLine{{0, name + "：不参加考核（" + m.Excluded + "）"}}
	}
	head := fmt.Sprintf("%s：总分 %s 分，%s，第 %d 名", name, pts(m.Total), m.Grade, m.Rank)
	if m.GradeByScore != "" && m.GradeByScore != m.Grade {
		head += fmt.Sprintf("（按分数为%s）", m.GradeByScore)
	}
	out := []explainLine{{0, head}}
	for i, it := range m.Items {
		out = append(out, itemLines(i, it, itemOf(rs, it.Name), pts)...)
	}
	if len(m.Adjustments) > 0 {
		out = append(out, explainLine{1, fmt.Sprintf("加分 %s 分，扣分 %s 分", pts(m.Bonus), pts(m.Penalty))})
		for _, l := range m.Adjustments {
			out = append(out, explainLine{3, recordLine(l, pts)})
		}
	}
	if m.Raw.Cmp(m.Total) != 0 {
		out = append(out, explainLine{1, fmt.Sprintf("各项合计 %s 分，按总分上下限计 %s 分", pts(m.Raw), pts(m.Total))})
	}
	for _, g := range m.Gates {
		if g.Passed {
			out = append(out, explainLine{1, fmt.Sprintf("“%s”：已达到", g.Name)})
		} else {
			out = append(out, explainLine{1, fmt.Sprintf("“%s”：未达到，缺%s", g.Name, strings.Join(missedRequirements(g), "、"))})
		}
	}
	for _, n := range m.Notes {
		out = append(out, explainLine{1, n})
	}
	if len(m.Consequences) > 0 {
		out = append(out, explainLine{1, "结果运用：" + strings.Join(m.Consequences, "、")})
	}
	return out
}

// missedRequirements names the requirements a member missed, with found
// and needed counts when the engine gives them: "报送社情民意（0/1）".
func missedRequirements(g assess.GateResult) []string {
	if len(g.Requirements) == 0 {
		return g.Missing
	}
	var out []string
	for _, r := range g.Requirements {
		if !r.Met {
			out = append(out, fmt.Sprintf("%s（%d/%d）", r.Name, r.Found, r.Need))
		}
	}
	return out
}

func itemOf(rs assess.RuleSet, name string) assess.Item {
	for _, it := range rs.Items {
		if it.Name == name {
			return it
		}
	}
	return assess.Item{}
}

// itemLines explains one item: "一、参加政协会议：45 分（起始 50 分，上限 50 分）".
func itemLines(i int, it assess.ItemResult, def assess.Item, pts func(assess.Points) string) []explainLine {
	title := fmt.Sprintf("%s、%s", data.ChineseNumber(i+1), it.Name)
	if !it.Applies {
		who := def.AppliesTo
		if who == "" {
			who = "部分委员"
		}
		return []explainLine{{1, title + "：不适用（本项只考核" + who + "）"}}
	}
	var bounds []string
	if def.Base != nil {
		bounds = append(bounds, "起始 "+pts(*def.Base)+" 分")
	}
	if def.Cap != nil {
		bounds = append(bounds, "上限 "+pts(*def.Cap)+" 分")
	}
	if def.Floor != nil {
		bounds = append(bounds, "下限 "+pts(*def.Floor)+" 分")
	}
	text := fmt.Sprintf("%s：%s 分", title, pts(it.Final))
	if len(bounds) > 0 {
		text += "（" + strings.Join(bounds, "，") + "）"
	}
	out := []explainLine{{1, text}}
	for _, n := range it.Notes {
		out = append(out, explainLine{2, n})
	}
	for _, r := range it.Rules {
		name := r.Name
		if name == "" {
			name = "规则"
		}
		if r.Count == 0 {
			out = append(out, explainLine{2, name + "：没有相应记录"})
			continue
		}
		out = append(out, explainLine{2, fmt.Sprintf("%s：%d 条记录，%s 分", name, r.Count, signedPoints(r.Points, pts))})
		for _, l := range r.Lines {
			out = append(out, explainLine{3, recordLine(l, pts)})
		}
	}
	return out
}

// recordLine is one record: "2026-03-01　提案第012号 关于……　立案　第一提案人　+5（联名4人，第一提案人得一半）".
func recordLine(l assess.Line, pts func(assess.Points) string) string {
	r := l.Record
	if r.Kind == assess.KindAdjust {
		reason := r.Note
		if reason == "" {
			reason = l.Note
		}
		return strings.Join(nonEmpty([]string{r.Date, reason, signedPoints(r.Points, pts)}), "　")
	}
	title := r.Title
	if r.Ref != "" && !strings.Contains(title, r.Ref) {
		title = strings.TrimSpace(r.Ref + " " + title)
	}
	parts := []string{r.Date, title}
	for _, x := range []string{r.Type, r.Status, r.Role, r.Level} {
		if x != "" && !strings.Contains(title, x) {
			parts = append(parts, x)
		}
	}
	value := "不计分"
	if l.Counted {
		value = signedPoints(l.Points, pts)
	}
	parts = append(parts, value)
	text := strings.Join(nonEmpty(parts), "　")
	if l.Note != "" {
		text += "（" + l.Note + "）"
	}
	return text
}

func nonEmpty(xs []string) []string {
	var out []string
	for _, x := range xs {
		if strings.TrimSpace(x) != "" {
			out = append(out, x)
		}
	}
	return out
}

// signedPoints prints points with their sign: "+5", "-2", "0".
func signedPoints(p assess.Points, pts func(assess.Points) string) string {
	if p.Sign() > 0 {
		return "+" + pts(p)
	}
	return pts(p)
}
