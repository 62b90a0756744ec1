package report

import (
	"fmt"
	"strconv"
	"strings"

	"zhengxie/data"
	"zhengxie/data/assess"
	"zhengxie/data/proposal"
	"zhengxie/data/rules"
	"zhengxie/export/pdf"
)

// archiveSummary is the paragraph under the 登记表: the term's figures in
// one sentence, naming only what there is.
func archiveSummary(ar data.MemberArchive) string {
	var parts []string
	add := func(n int, format string, args ...any) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf(format, args...))
		}
	}
	meetings, present := 0, 0
	for _, c := range ar.Attendance {
		if data.ArchiveMeeting(c.Type) {
			meetings += c.Total
			present += c.Present
		}
	}
	add(meetings, "应出席各类会议%d次、出席%d次", meetings, present)
	first, filed := 0, 0
	for _, p := range ar.Proposals {
		if p.Role == data.RoleFirstProposer {
			first++
		}
		if proposal.Counted(p.Status) {
			filed++
		}
	}
	add(len(ar.Proposals), "提交提案%d件（其中第一提案人%d件），立案%d件", len(ar.Proposals), first, filed)
	adopted := 0
	for _, in := range ar.Infos {
		if len(adoptions(in.Activity, data.AdoptKindAdopt)) > 0 {
			adopted++
		}
	}
	add(len(ar.Infos), "报送社情民意信息%d篇，被采用%d篇", len(ar.Infos), adopted)
	attended := 0
	for _, e := range ar.Events {
		if attendedStatus(e.Status) {
			attended++
		}
	}
	add(attended, "参加调研、视察等活动%d次", attended)
	add(len(ar.Speeches), "会议发言%d次", len(ar.Speeches))
	praised := 0
	for _, w := range ar.Awards {
		if w.Type == "表彰" {
			praised++
		}
	}
	add(praised, "受到表彰%d次", praised)
	add(len(ar.Awards)-praised, "受到通报批评、约谈等%d次", len(ar.Awards)-praised)
	if len(parts) == 0 {
		return fmt.Sprintf("%s以来，尚无%s的履职记录。", ar.Term.TermName(), ar.Member.Name)
	}
	return fmt.Sprintf("%s以来，%s%s。", ar.Term.TermName(), ar.Member.Name, strings.Join(parts, "；"))
}

func attendedStatus(s string) bool {
	return s == data.AttPresent || s == data.AttLate || s == data.AttEarly || s == ""
}

// keep starts a new page unless lines body lines and mm millimetres more
// still fit: a heading stays with the start of its table.
func keep(d *pdf.Doc, lines, mm float64) { d.KeepLines(lines, mm) }

// tableStart is the height of a table's header and first two rows.
const tableStart = 25.0

// tableKeep is how much of t must fit below what comes before it: the
// whole table when it takes at most a third of a page (a year's
// breakdown), else its start (the header repeats where it continues).
func tableKeep(d *pdf.Doc, t pdf.Table) float64 {
	if h := d.TableHeight(t); h <= d.Template().TextH/3 {
		return h
	}
	return tableStart
}

// section sets a section's "一、" heading and its table, kept on one page
// with the table (or its start, see tableKeep); without rows, a sentence
// saying there is nothing.
func section(d *pdf.Doc, heading, what string, t pdf.Table) {
	if len(t.Rows) == 0 {
		d.Heading1(heading)
		none(d, what)
		return
	}
	keep(d, 1, tableKeep(d, t))
	d.Heading1(heading)
	d.Table(t)
}

// none sets the sentence a section prints when it has nothing to list.
func none(d *pdf.Doc, what string) { d.Paragraph("本届尚无" + what + "记录。") }

func (a *ArchiveSet) attendanceSection(d *pdf.Doc, ar data.MemberArchive) {
	var rows [][]string
	for _, c := range ar.Attendance {
		if data.ArchiveMeeting(c.Type) {
			rows = append(rows, []string{strconv.Itoa(c.Year), c.Type, strconv.Itoa(c.Total), strconv.Itoa(c.Present),
				strconv.Itoa(c.Leave), strconv.Itoa(c.Absent), strconv.Itoa(c.Late)})
		}
	}
	section(d, "一、会议出勤", "会议出勤", pdf.Table{Columns: []pdf.Column{{Header: "年度", Width: 1.1, Align: pdf.AlignCenter},
		{Header: "会议类型", Width: 2.2, Align: pdf.AlignCenter}, {Header: "应出席", Width: 1, Align: pdf.AlignCenter},
		{Header: "出席", Width: 1, Align: pdf.AlignCenter}, {Header: "请假", Width: 1, Align: pdf.AlignCenter},
		{Header: "缺席", Width: 1, Align: pdf.AlignCenter}, {Header: "其中迟到早退", Width: 1.5, Align: pdf.AlignCenter}},
		Rows: rows, Note: "注：出席含迟到、早退；请假含未获批准的请假。"})
}

// shortStatus is an attendance status as a table cell prints it.
func shortStatus(st string) string {
	switch st {
	case data.AttLeave:
		return "请假"
	case data.AttLeaveRefused:
		return "请假未批准"
	case data.AttAbsent:
		return "缺席"
	}
	return st
}

func (a *ArchiveSet) proposalSection(d *pdf.Doc, ar data.MemberArchive) {
	var rows [][]string
	for _, p := range ar.Proposals {
		rows = append(rows, []string{data.ChineseNumber(p.Session) + "次会议", a.Config.FormatNumber(p.Number),
			p.Title, p.Role, string(p.Status), a.resultText(p)})
	}
	section(d, "二、提交提案", "提案", pdf.Table{Columns: []pdf.Column{{Header: "会次", Width: 1.5, Align: pdf.AlignCenter},
		{Header: "案号", Width: 1.5, Align: pdf.AlignCenter}, {Header: "案由", Width: 4.8},
		{Header: "署名", Width: 1.9, Align: pdf.AlignCenter}, {Header: "状态", Width: 1.5, Align: pdf.AlignCenter},
		{Header: "办理结果", Width: 1.6, Align: pdf.AlignCenter}}, Rows: rows})
}

// resultText is a proposal's result class ("A类") with its distinctions.
func (a *ArchiveSet) resultText(p data.ArchiveProposal) string {
	var parts []string
	if p.Class != "" {
		parts = append(parts, p.Class+"类")
	}
	if p.KeyTier != "" {
		parts = append(parts, "重点提案")
	}
	if p.ExcellentYear != 0 {
		parts = append(parts, "优秀提案")
	}
	if p.Status == proposal.Rejected && p.Disposition != "" {
		parts = append(parts, p.Disposition)
	}
	return orDash(strings.Join(parts, "\n"))
}

func infoSection(d *pdf.Doc, ar data.MemberArchive) {
	var rows [][]string
	for _, in := range ar.Infos {
		rows = append(rows, []string{shortDate(in.Date), in.Title, authorText(in), issueText(in.Issue),
			orDash(strings.Join(adoptions(in.Activity, data.AdoptKindAdopt), "\n")),
			orDash(strings.Join(adoptions(in.Activity, data.AdoptKindInstruct), "\n"))})
	}
	section(d, "三、社情民意", "社情民意", pdf.Table{Columns: []pdf.Column{{Header: "报送日期", Width: 1.9, Align: pdf.AlignCenter},
		{Header: "题目", Width: 4}, {Header: "署名", Width: 1.9, Align: pdf.AlignCenter},
		{Header: "编发", Width: 1.6, Align: pdf.AlignCenter}, {Header: "采用", Width: 1.8, Align: pdf.AlignCenter},
		{Header: "批示", Width: 1.7, Align: pdf.AlignCenter}}, Rows: rows})
}

// issueText is the 编发 cell: "第6期" for a bare number, the 期号 as
// entered otherwise ("2026年第6期"), "—" when not issued.
func issueText(issue string) string {
	issue = strings.TrimSpace(issue)
	if issue == "" {
		return "—"
	}
	if strings.Trim(issue, "0123456789") == "" {
		return "第" + issue + "期"
	}
	return issue
}

// authorText is 个人 for a record of one's own, else the member's place
// among the authors: 第一作者, 第二作者 ….
func authorText(e data.ArchiveEntry) string {
	if len(e.Members) <= 1 {
		return "个人"
	}
	return "第" + data.ChineseNumber(e.Position) + "作者"
}

// adoptions lists a record's 采用 ("市政协（单篇）") or 批示 ("县 县长").
func adoptions(a data.Activity, kind string) []string {
	var out []string
	for _, x := range a.Adoptions {
		if x.Kind != kind {
			continue
		}
		s := x.Level
		if kind == data.AdoptKindAdopt && x.Mode != "" {
			s += "（" + x.Mode + "）"
		}
		if kind == data.AdoptKindInstruct && x.Leader != "" {
			s = joinNonEmpty("级", s, x.Leader)
		}
		out = append(out, s)
	}
	return out
}

// shortDate is 2025-03-02 as 2025.3.2, compact for table cells.
func shortDate(iso string) string {
	if len(iso) < 10 {
		return orDash(iso)
	}
	return fmt.Sprintf("%s.%d.%d", iso[:4], atoi(iso[5:7]), atoi(iso[8:10]))
}

func activitySection(d *pdf.Doc, ar data.MemberArchive) {
	var subs []pdf.Table // Title holds the sub-heading
	if len(ar.Events) > 0 {
		var rows [][]string
		for _, e := range ar.Events {
			rows = append(rows, []string{shortDate(e.Date), e.Type, e.Title, orDash(e.Organizer),
				joinNonEmpty("，", shortStatus(e.Status), e.Role)})
		}
		subs = append(subs, pdf.Table{Title: "调研、视察等活动", Columns: []pdf.Column{{Header: "日期", Width: 1.9, Align: pdf.AlignCenter},
			{Header: "类型", Width: 1.6, Align: pdf.AlignCenter}, {Header: "名称", Width: 4.6}, {Header: "主办", Width: 2},
			{Header: "情况", Width: 1.6, Align: pdf.AlignCenter}}, Rows: rows})
	}
	if len(ar.Speeches) > 0 {
		var rows [][]string
		for _, e := range ar.Speeches {
			adopted := ""
			if e.Adopted {
				adopted = data.AdoptKindAdopt
			}
			rows = append(rows, []string{shortDate(e.Date), orDash(e.Meeting), e.Type, e.Title, authorText(e), adopted})
		}
		subs = append(subs, pdf.Table{Title: "会议发言", Columns: []pdf.Column{{Header: "日期", Width: 1.9, Align: pdf.AlignCenter},
			{Header: "会议", Width: 1.8, Align: pdf.AlignCenter}, {Header: "形式", Width: 1.5, Align: pdf.AlignCenter},
			{Header: "题目", Width: 4.3}, {Header: "署名", Width: 1.9, Align: pdf.AlignCenter},
			{Header: "采用", Width: 1, Align: pdf.AlignCenter}}, Rows: rows})
	}
	if len(ar.Records) > 0 {
		var rows [][]string
		for _, e := range ar.Records {
			rows = append(rows, []string{shortDate(e.Date), e.Type, e.Title, authorText(e)})
		}
		subs = append(subs, pdf.Table{Title: "其他履职记录", Columns: []pdf.Column{{Header: "日期", Width: 1.9, Align: pdf.AlignCenter},
			{Header: "类型", Width: 2, Align: pdf.AlignCenter}, {Header: "题目", Width: 5.8},
			{Header: "署名", Width: 1.9, Align: pdf.AlignCenter}}, Rows: rows})
	}
	if len(subs) == 0 {
		d.Heading1("四、参加活动")
		none(d, "调研、视察等活动及发言")
		return
	}
	keep(d, 2, tableKeep(d, subs[0]))
	d.Heading1("四、参加活动")
	for i, t := range subs {
		keep(d, 1, tableKeep(d, t))
		d.Heading2("（" + data.ChineseNumber(i+1) + "）" + t.Title)
		t.Title = ""
		d.Table(t)
	}
}

func awardSection(d *pdf.Doc, ar data.MemberArchive) {
	var rows [][]string
	for _, e := range ar.Awards {
		rows = append(rows, []string{shortDate(e.Date), e.Type, orDash(e.Level), e.Title, e.Note})
	}
	section(d, "五、表彰与处分", "表彰或处分", pdf.Table{Columns: []pdf.Column{{Header: "日期", Width: 1.9, Align: pdf.AlignCenter},
		{Header: "类别", Width: 1.5, Align: pdf.AlignCenter}, {Header: "级别", Width: 1.3, Align: pdf.AlignCenter},
		{Header: "名称或事由", Width: 5.6}, {Header: "备注", Width: 1.8}}, Rows: rows})
}

func assessmentSection(d *pdf.Doc, ar data.MemberArchive, c data.Committee) {
	if len(ar.Years) == 0 {
		d.Heading1("六、年度考核")
		d.Paragraph("本届尚无年度考核结果。")
		return
	}
	tables := make([]pdf.Table, len(ar.Years))
	for i, y := range ar.Years {
		tables[i] = yearTable(y)
	}
	keep(d, 4, tableKeep(d, tables[0])) // with the first year's heading and sentence
	d.Heading1("六、年度考核")
	for i, y := range ar.Years {
		m, dec := y.Result, assess.Decimals(y.RuleSet)
		keep(d, 3, tableKeep(d, tables[i]))
		d.Heading2(fmt.Sprintf("（%s）%d年度", data.ChineseNumber(i+1), y.Year))
		rank := ""
		if m.Rank > 0 {
			rank = fmt.Sprintf("，在参加考核的%d名委员中排名第%d", y.Assessed, m.Rank)
		}
		basis := ""
		if doc := ruleSetPhrase(y.RuleSet, c); doc != "" {
			basis = "依据" + doc + "，"
		}
		d.Paragraph(fmt.Sprintf("%s总分%s分，等次为%s%s。", basis, m.Total.Format(dec), orDash(m.Grade), rank))
		d.Table(tables[i])
	}
}

// yearTable is one year's item breakdown: each item's records and points,
// manual 加分 and 扣分 with their reasons, the total with the remarks.
func yearTable(y data.ArchiveYear) pdf.Table {
	m, dec := y.Result, assess.Decimals(y.RuleSet)
	var rows [][]string
	for _, it := range m.Items {
		pts, count := assess.NotApplicable, assess.NotApplicable
		if it.Applies {
			pts, count = it.Final.Format(dec), strconv.Itoa(it.Count)
		}
		rows = append(rows, []string{it.Name, count, pts, strings.Join(it.Notes, "；")})
	}
	if !m.Bonus.IsZero() {
		rows = append(rows, []string{"加分", strconv.Itoa(len(signed(m.Adjustments, 1))), m.Bonus.Format(dec),
			adjustReasons(m.Adjustments, 1, dec)})
	}
	if !m.Penalty.IsZero() {
		rows = append(rows, []string{"扣分", strconv.Itoa(len(signed(m.Adjustments, -1))), m.Penalty.Format(dec),
			adjustReasons(m.Adjustments, -1, dec)})
	}
	rows = append(rows, []string{"总分", "", m.Total.Format(dec), assess.Remarks(m)})
	return pdf.Table{Columns: []pdf.Column{{Header: "考核项目", Width: 3}, {Header: "记录数", Width: 1.2, Align: pdf.AlignCenter},
		{Header: "得分", Width: 1.3, Align: pdf.AlignCenter}, {Header: "说明", Width: 5}}, Rows: rows}
}

// ruleSetPhrase cites the committee's own 《…办法》, "" when it has none: a
// shipped preset's title or a rule set's name is never cited (see
// rules.OwnDocument; the rule-set name is the office's label, often a
// preset's county name).
func ruleSetPhrase(rs assess.RuleSet, c data.Committee) string {
	if doc := rules.OwnDocument(rs.Document, c); doc != "" {
		return "《" + doc + "》"
	}
	return ""
}

// signed picks the adjustments of one sign (1 加分, -1 扣分).
func signed(lines []assess.Line, sign int) []assess.Line {
	var out []assess.Line
	for _, l := range lines {
		if l.Record.Points.Sign() == sign {
			out = append(out, l)
		}
	}
	return out
}

// adjustReasons lists the reasons of one sign's adjustments with their points.
func adjustReasons(lines []assess.Line, sign, dec int) string {
	var out []string
	for _, l := range signed(lines, sign) {
		out = append(out, fmt.Sprintf("%s（%s分）", l.Record.Title, l.Record.Points.Format(dec)))
	}
	return strings.Join(out, "；")
}
