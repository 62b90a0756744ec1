package report

import (
	"fmt"

	"zhengxie/data"
	"zhengxie/data/proposal"
	"zhengxie/data/proposalstats"
	"zhengxie/export/pdf"
)

// appendFigures sets section 一: every figure from r.Paragraphs, the
// category table and chart, the result-class chart and the key proposals.
func (r *ProposalReport) appendFigures(d *pdf.Doc) {
	p := r.Paragraphs
	d.Heading1("一、提案工作基本情况")
	d.Heading2("（一）提案提交和审查情况")
	d.Paragraph(p.Submission)
	if r.Stats.Received == 0 {
		return
	}
	if p.Categories != "" {
		d.Heading2("（二）提案反映的主要内容")
		d.Paragraph(p.Categories)
		d.Table(shareTable("表1　立案提案类别分布", "类别", r.Stats.Categories, ""))
		d.BarChart(pdf.Chart{Title: "图1　立案提案类别分布", Items: chartItems(r.Stats.Categories, "")})
	}
	if p.Handling != "" {
		d.Heading2("（三）提案办理情况")
		d.Paragraph(p.Handling)
		if r.Stats.Classes.Total > 0 {
			d.PieChart(pdf.Chart{Title: "图2　提案办理结果分类", Items: chartItems(r.Stats.Classes, "类"), Ring: true,
				Center: fmt.Sprintf("共%d件", r.Stats.Classes.Total)})
		}
	}
	if p.Evaluation != "" {
		d.Heading2("（四）委员评价情况")
		d.Paragraph(p.Evaluation)
	}
	if p.Key != "" {
		d.Heading2("（五）重点提案督办情况")
		d.Paragraph(p.Key)
		if len(r.Key) > 0 {
			d.Table(r.keyTable())
		}
	}
}

// shareTable lists a breakdown with counts and shares, and a total row.
func shareTable(title, what string, t proposalstats.Table, suffix string) pdf.Table {
	tb := pdf.Table{Title: title, Columns: []pdf.Column{
		{Header: what, Width: 4}, {Header: "件数", Width: 1.5, Align: pdf.AlignRight}, {Header: "占比", Width: 1.5, Align: pdf.AlignRight},
	}, Note: t.SumNote()}
	for _, row := range t.Rows {
		tb.Rows = append(tb.Rows, []string{row.Label + suffix, fmt.Sprint(row.N), row.Share.String()})
	}
	tb.Rows = append(tb.Rows, []string{"合计", fmt.Sprint(t.Total), proposalstats.Of(t.Total, t.Total).String()})
	return tb
}

// chartItems are a breakdown's rows with their printed count and share.
func chartItems(t proposalstats.Table, suffix string) []pdf.ChartItem {
	var items []pdf.ChartItem
	for _, row := range t.Rows {
		items = append(items, pdf.ChartItem{Label: row.Label + suffix, Value: float64(row.N),
			Text: fmt.Sprintf("%d件 %s", row.N, row.Share)})
	}
	return items
}

// keyTable lists the key proposals with their 主办 units and 督办领导.
func (r *ProposalReport) keyTable() pdf.Table {
	tb := pdf.Table{Title: "表2　重点提案及督办领导", Columns: []pdf.Column{
		{Header: "案号", Width: 1.6, Align: pdf.AlignCenter}, {Header: "案由", Width: 4.1}, {Header: "提案人", Width: 1.4},
		{Header: "主办单位", Width: 2.4}, {Header: "督办领导", Width: 2.6},
	}}
	sessions := map[int64]string{}
	for _, se := range r.Sessions {
		sessions[se.ID] = data.ChineseNumber(se.Number) + "次会议"
	}
	for i := range r.Key {
		p := &r.Key[i]
		unit := p.UnitNames(proposal.RoleLead)
		if unit == "" {
			unit = p.UnitNames("")
		}
		number := r.Config.FormatNumber(p.Number)
		if r.Scope.Session == nil { // numbers restart at each session
			number += "\n" + sessions[p.SessionID]
		}
		tb.Rows = append(tb.Rows, []string{number, p.Title, p.FirstProposer(), orDash(unit), orDash(p.KeyLeader)})
	}
	return tb
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
