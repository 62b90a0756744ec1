package report

import (
	"fmt"
	"strings"

	"zhengxie/data"
	"zhengxie/data/composition"
	"zhengxie/data/proposalstats"
	"zhengxie/data/rules"
	"zhengxie/export/pdf"
)

// appendFigures sets the statistics of section 一: meetings, activities,
// proposals, 社情民意, the assessment and the roster, each a 楷体
// sub-heading with its sentences, tables and charts.
func (r *AnnualReport) appendFigures(d *pdf.Doc) {
	n := 1
	sub := func(title string) {
		d.Heading2("（" + data.ChineseNumber(n) + "）" + title)
		n++
	}
	sub("会议和协商议政")
	d.Paragraph(r.MeetingText())
	if len(r.Stats.Meetings) > 0 {
		keepTable(d, r.meetingTable())
		d.BarChart(pdf.Chart{Title: "图1　各类会议召开次数", Items: r.meetingItems()})
	}
	sub("调研视察和民主监督")
	d.Paragraph(r.ActivityText())
	sub("提案工作")
	d.Paragraph(r.ProposalText())
	sub("社情民意信息工作")
	d.Paragraph(r.InfoText())
	if items, total := r.adoptionItems(); total > 0 {
		d.PieChart(pdf.Chart{Title: "图2　社情民意信息采用层级", Items: items, Ring: true, Center: fmt.Sprintf("采用%d篇次", total)})
	}
	sub("委员履职考核")
	d.Paragraph(r.AssessmentText())
	if t, ok := r.gradeTable(); ok {
		keepTable(d, t)
	}
	sub("委员队伍建设")
	d.Paragraph(r.CompositionText())
	if t, ok := r.Composition.Table(composition.TitleSector); ok && r.Composition.Total > 0 {
		d.Table(compositionTable("表3　在任委员界别构成", "界别", t))
	}
}

// MeetingText is the sentence on the meetings held and their attendance.
func (r *AnnualReport) MeetingText() string {
	ms := r.Stats.Meetings
	if len(ms) == 0 {
		return r.periodPhrase() + "，尚未登记召开的会议。"
	}
	var held, rates []string
	total := 0
	for _, m := range ms {
		held = append(held, fmt.Sprintf("%s%d次", m.Type, m.Held))
		total += m.Held
		if m.Rate.Valid() {
			rates = append(rates, m.Type+m.Rate.String())
		}
	}
	s := fmt.Sprintf("%s，共召开各类会议%d次，其中%s", r.periodPhrase(), total, strings.Join(held, "、"))
	if len(rates) > 0 {
		s += "；委员出席率分别为" + strings.Join(rates, "、")
	}
	return s + "。"
}

// ActivityText is the sentence on 协商, 调研, 视察, 民主监督 and the other
// activities (学习培训, 界别活动 …).
func (r *AnnualReport) ActivityText() string {
	a := r.Stats
	s := fmt.Sprintf("%s，围绕中心工作开展专题协商%d次，组织调研%d次、视察%d次，开展民主监督活动%d次",
		r.periodPhrase(), a.Consultations, a.Research, a.Inspections, a.Supervision)
	var other []string
	for _, e := range a.Events {
		// 小组讨论 are part of their 全体会议, counted there.
		if !isNamedActivity(e.Type) && !contains(a.Meetings, e.Type) && !strings.Contains(e.Type, "讨论") {
			other = append(other, fmt.Sprintf("%s%d次", e.Type, e.Held))
		}
	}
	if len(other) > 0 {
		s += "；此外，组织" + strings.Join(other, "、")
	}
	return s + "。"
}

// isNamedActivity reports whether the activity sentence already counts a type.
func isNamedActivity(typ string) bool {
	for _, w := range []string{"协商", "调研", "视察", "民主监督"} {
		if strings.Contains(typ, w) {
			return true
		}
	}
	return false
}

func contains(es []data.EventCount, typ string) bool {
	for _, e := range es {
		if e.Type == typ {
			return true
		}
	}
	return false
}

// ProposalText is the proposals' figures, in the words of the
// 提案工作情况报告 (proposalstats.Paragraphs of the same ProposalStats).
func (r *AnnualReport) ProposalText() string {
	p := r.Proposals
	parts := []string{p.Submission}
	for _, s := range []string{p.Handling, p.Evaluation} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "")
}

// InfoText is the 社情民意 sentence: submitted, 编发, adopted by level, 批示.
func (r *AnnualReport) InfoText() string {
	in := r.Stats.Infos
	if in.Submitted == 0 {
		return r.periodPhrase() + "，尚未收到社情民意信息。"
	}
	s := fmt.Sprintf("%s，共收到委员和各参加单位报送的社情民意信息%d篇", r.periodPhrase(), in.Submitted)
	if in.FromProposals > 0 {
		s += fmt.Sprintf("（其中由提案转来%d篇）", in.FromProposals)
	}
	s += fmt.Sprintf("，编发%d篇，被采用%d篇，采用率%s", in.Issued, in.Adopted, in.AdoptRate)
	var levels []string
	for _, l := range in.Levels {
		if l.N > 0 {
			levels = append(levels, fmt.Sprintf("%s采用%d篇", l.Label, l.N))
		}
	}
	if len(levels) > 0 {
		s += "，其中" + strings.Join(levels, "、")
	}
	if in.Instructions > 0 {
		s += fmt.Sprintf("；%d篇信息获领导批示%d次", in.Instructed, in.Instructions)
	}
	return s + "。"
}

// AssessmentText is each year's result by grade and consequence, and the
// awards (表彰, 通报批评, 约谈) recorded in the period.
func (r *AnnualReport) AssessmentText() string {
	var parts []string
	for _, y := range r.Stats.Assessments {
		if y.RuleSet == "" {
			parts = append(parts, fmt.Sprintf("%d年度委员履职考核尚未选定考核规则，结果待定", y.Year))
			continue
		}
		basis := ""
		if doc := rules.OwnDocument(y.Document, r.Committee); doc != "" {
			basis = "按照《" + doc + "》"
		}
		s := fmt.Sprintf("%d年度%s对%d名委员进行了履职考核", y.Year, basis, y.Assessed)
		var grades []string
		for _, g := range y.Grades {
			grades = append(grades, fmt.Sprintf("%s%d人", g.Label, g.N))
		}
		if len(grades) > 0 {
			s += "，评定" + strings.Join(grades, "、")
		}
		for _, c := range y.Consequences {
			s += fmt.Sprintf("，需%s%d人", c.Label, c.N)
		}
		parts = append(parts, s)
	}
	var awards []string
	for _, a := range r.Stats.Awards {
		if a.N > 0 {
			awards = append(awards, fmt.Sprintf("%s%d人次", awardVerb(a.Label), a.N))
		}
	}
	if len(awards) > 0 {
		parts = append(parts, r.periodPhrase()+"，委员"+strings.Join(awards, "、"))
	}
	if len(parts) == 0 {
		return r.periodPhrase() + "，尚无委员履职考核结果。"
	}
	return strings.Join(parts, "；") + "。"
}

// awardVerb words an award kind for "委员…N人次".
func awardVerb(kind string) string {
	switch {
	case strings.Contains(kind, "表彰"), strings.Contains(kind, "表扬"):
		return "受到" + kind
	case strings.HasPrefix(kind, "被"):
		return kind
	}
	return "被" + kind
}

// CompositionText is the roster sentence of the 委员构成统计 (set solid,
// without the spaces the screen puts around its numbers).
func (r *AnnualReport) CompositionText() string {
	return fmt.Sprintf("截至%s，本届%s", data.ChineseISODate(r.Today), strings.ReplaceAll(composition.Summary(r.Composition), " ", ""))
}

func (r *AnnualReport) meetingTable() pdf.Table {
	tb := pdf.Table{Title: "表1　会议召开及委员出席情况", Columns: []pdf.Column{
		{Header: "会议类型", Width: 3}, {Header: "召开次数", Width: 1.5, Align: pdf.AlignRight},
		{Header: "应出席人次", Width: 1.8, Align: pdf.AlignRight}, {Header: "实到人次", Width: 1.8, Align: pdf.AlignRight},
		{Header: "出席率", Width: 1.5, Align: pdf.AlignRight},
	}}
	var held, expected, attended int
	for _, m := range r.Stats.Meetings {
		tb.Rows = append(tb.Rows, []string{m.Type, fmt.Sprint(m.Held), fmt.Sprint(m.Expected), fmt.Sprint(m.Attended), m.Rate.String()})
		held, expected, attended = held+m.Held, expected+m.Expected, attended+m.Attended
	}
	tb.Rows = append(tb.Rows, []string{"合计", fmt.Sprint(held), fmt.Sprint(expected), fmt.Sprint(attended),
		proposalstats.Of(attended, expected).String()})
	tb.Note = "注：出席含迟到、早退；请假、缺席计入应出席人次。"
	return tb
}

func (r *AnnualReport) meetingItems() []pdf.ChartItem {
	var items []pdf.ChartItem
	for _, m := range r.Stats.Meetings {
		items = append(items, pdf.ChartItem{Label: m.Type, Value: float64(m.Held), Text: fmt.Sprintf("%d次", m.Held)})
	}
	return items
}

// adoptionItems are the adoption levels for the ring (every configured
// level, so the legend shows the zeros too) and the adoptions in all.
func (r *AnnualReport) adoptionItems() ([]pdf.ChartItem, int) {
	var items []pdf.ChartItem
	total := 0
	for _, l := range r.Stats.Infos.Levels {
		items = append(items, pdf.ChartItem{Label: l.Label, Value: float64(l.N), Text: fmt.Sprintf("%d篇", l.N)})
		total += l.N
	}
	return items, total
}

// gradeTable lists each assessed year's members per grade.
func (r *AnnualReport) gradeTable() (pdf.Table, bool) {
	var years []data.YearAssessment
	for _, y := range r.Stats.Assessments {
		if y.RuleSet != "" {
			years = append(years, y)
		}
	}
	if len(years) == 0 {
		return pdf.Table{}, false
	}
	tb := pdf.Table{Title: "表2　委员履职考核结果", Columns: []pdf.Column{
		{Header: "年度", Width: 1.2, Align: pdf.AlignCenter}, {Header: "参加考核", Width: 1.4, Align: pdf.AlignRight},
		{Header: "考核等次", Width: 4}, {Header: "结果运用", Width: 2.4},
	}}
	for _, y := range years {
		var grades, cons []string
		for _, g := range y.Grades {
			grades = append(grades, fmt.Sprintf("%s%d人（%s）", g.Label, g.N, proposalstats.Of(g.N, y.Assessed)))
		}
		for _, c := range y.Consequences {
			cons = append(cons, fmt.Sprintf("%s%d人", c.Label, c.N))
		}
		tb.Rows = append(tb.Rows, []string{fmt.Sprint(y.Year), fmt.Sprintf("%d人", y.Assessed),
			strings.Join(grades, "；"), orDash(strings.Join(cons, "；"))})
	}
	return tb, true
}

// compositionTable is one composition breakdown with its total.
func compositionTable(title, what string, t composition.Table) pdf.Table {
	tb := pdf.Table{Title: title, Columns: []pdf.Column{
		{Header: what, Width: 4}, {Header: "人数", Width: 1.5, Align: pdf.AlignRight}, {Header: "占比", Width: 1.5, Align: pdf.AlignRight},
	}}
	total := 0
	for _, row := range t.Rows {
		total += row.N
	}
	for _, row := range t.Rows {
		tb.Rows = append(tb.Rows, []string{row.Label, fmt.Sprint(row.N), proposalstats.Of(row.N, total).String()})
	}
	tb.Rows = append(tb.Rows, []string{"合计", fmt.Sprint(total), proposalstats.Of(total, total).String()})
	return tb
}

// keepTable sets a short table (up to half a page) on one page: it starts
// a new page when the whole table does not fit, so that a few rows are not
// parted from the rest.
func keepTable(d *pdf.Doc, t pdf.Table) {
	if h := d.LinePitch(d.Template().TableTitle) + d.TableHeight(t); h <= d.Template().TextH/2 {
		d.Keep(h)
	}
	d.Table(t)
}
