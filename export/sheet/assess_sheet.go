package sheet

import (
	"fmt"
	"io"
	"strconv"

	"zhengxie/data"
	"zhengxie/data/assess"
	"zhengxie/data/rules"
	"zhengxie/data/savefile"
)

// AssessmentOptions chooses what the 履职考核结果表 workbook holds.
type AssessmentOptions struct {
	Detail bool // add a 明细 sheet: one block per member, item → records → points
}

const (
	assessSheet = "考核结果"
	detailSheet = "明细"
)

// AssessmentTitle is the title of a year's result sheet:
// 政协清河县委员会2025年度委员履职考核结果.
func AssessmentTitle(c data.Committee, year int) string {
	return fmt.Sprintf("%s%d年度委员履职考核结果", c.Name, year)
}

// AssessmentSubtitle cites the committee's own 考核办法, "" when it has none
// (a shipped preset's title or the rule-set name is another county's; see
// rules.OwnDocument).
func AssessmentSubtitle(c data.Committee, rs assess.RuleSet) string {
	if doc := rules.OwnDocument(rs.Document, c); doc != "" {
		return "考核办法：《" + doc + "》"
	}
	return ""
}

// AssessmentFile writes the 履职考核结果表 (print-ready; title from the
// committee, year and rule set) to path atomically.
func AssessmentFile(path string, c data.Committee, rs assess.RuleSet, res assess.Result, opts AssessmentOptions) error {
	return savefile.Write(path, func(w io.Writer) error { return WriteAssessment(w, c, rs, res, opts) })
}

// WriteAssessment writes the result table — one row per member in roster
// order, members not assessed at the end — and, with opts.Detail, the 明细
// sheet explaining every point.
//
// Points are written as numbers, so that the office can sort and sum in
// Excel, but as the value printed: the exact total rounded to the rule
// set's decimals, half away from zero (10/3 → 3.33). A cell therefore never
// holds a long binary fraction such as 3.3333333333333335, and what Excel
// shows is exactly what the office publishes; the exact value (10/3) stays
// in the engine, the 明细 sheet's notes and the JSON output of the command
// line. Ranks and grades are computed from exact values, never from these
// rounded cells.
func WriteAssessment(w io.Writer, c data.Committee, rs assess.RuleSet, res assess.Result, opts AssessmentOptions) error {
	dec := assess.Decimals(rs)
	cols := []tableColumn{{"序号", 5, cellCenter}, {"姓名", 8, cellCenter}, {"界别", 11, cellWrap}, {"常委", 5, cellCenter}}
	for _, name := range res.Columns {
		cols = append(cols, tableColumn{name, itemWidth(name), cellCenter})
	}
	cols = append(cols, tableColumn{"加分", 6, cellCenter}, tableColumn{"扣分", 6, cellCenter},
		tableColumn{"总分", 7, cellCenter}, tableColumn{"等次", 7, cellCenter}, tableColumn{"排名", 5, cellCenter},
		tableColumn{"备注", 28, cellWrap})
	t, err := newTableSheet(assessSheet, AssessmentTitle(c, res.Year), AssessmentSubtitle(c, rs), cols)
	if err != nil {
		return err
	}
	// The subtitle is centred under the title rather than right-aligned
	// like a date line.
	t.check(t.f.SetCellStyle(assessSheet, "A2", t.lastCol()+"2", t.st.note))
	n := 0
	for _, m := range res.Assessed() {
		n++
		t.addRow(resultRow(n, m, len(res.Columns), dec), false)
	}
	for _, m := range res.NotAssessed() {
		n++
		row := []any{n, m.Member.Name, m.Member.Sector, standing(m.Member)}
		for range len(res.Columns) + 6 {
			row = append(row, "")
		}
		row[len(row)-1] = assess.Remarks(m)
		t.addRow(row, false)
	}
	t.addNote(assessmentNote(rs, res, dec))
	if opts.Detail {
		t.check(writeDetail(t, rs, res, dec))
	}
	return t.finish(w, "landscape", 2)
}

// itemWidth fits an item header in at most three lines, at least 6 units.
func itemWidth(name string) float64 {
	units := 0.0
	for _, r := range name {
		if r < 0x80 {
			units++
		} else {
			units += 2
		}
	}
	return min(max(6, units/3+1.5), 12)
}

func standing(m assess.Member) string {
	if m.Standing {
		return "是"
	}
	return ""
}

// pointsCell is p as the number printed (see WriteAssessment).
func pointsCell(p assess.Points, dec int) any {
	s := p.Format(dec)
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		return v
	}
	return s
}

func resultRow(n int, m assess.MemberResult, items, dec int) []any {
	row := []any{n, m.Member.Name, m.Member.Sector, standing(m.Member)}
	for i := range items {
		switch {
		case i >= len(m.Items):
			row = append(row, "")
		case !m.Items[i].Applies:
			row = append(row, assess.NotApplicable)
		default:
			row = append(row, pointsCell(m.Items[i].Final, dec))
		}
	}
	var rank any = ""
	if m.Rank > 0 {
		rank = m.Rank
	}
	return append(row, pointsCell(m.Bonus, dec), pointsCell(m.Penalty, dec), pointsCell(m.Total, dec),
		m.Grade, rank, assess.Remarks(m))
}

// assessmentNote counts the grades and explains the numbers under the table.
func assessmentNote(rs assess.RuleSet, res assess.Result, dec int) string {
	total := len(res.Assessed())
	note := fmt.Sprintf("说明：参加考核 %d 人", total)
	if grades := assess.GradeCounts(rs, res); grades != "" {
		note += "，其中" + grades
	}
	if out := len(res.Members) - total; out > 0 {
		note += fmt.Sprintf("；不参加考核 %d 人（列于表末）", out)
	}
	return note + fmt.Sprintf("。分值保留 %d 位小数（四舍五入）；联名分值按精确分数计算，总分、等次和排名以精确值为准；"+
		"“—”表示该项目不适用于该委员。", dec)
}
