package sheet

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"zhengxie/data/assess"
)

// detailColumns are the 明细 sheet's columns: a member's block lists each
// item with its subtotal, then every record behind it.
var detailColumns = []tableColumn{{"考核项目", 14, cellWrap}, {"规则", 12, cellWrap}, {"日期", 11, cellCenter},
	{"记录", 34, cellWrap}, {"得分", 7, cellCenter}, {"说明", 24, cellWrap}}

// writeDetail adds the 明细 sheet to the result workbook: per member a
// name line (merged across, in bold), one row per item with its points and
// notes, one row per record line under its rule, and the manual 加分/扣分.
// It prints A4 portrait, one page wide, with the header repeated.
func writeDetail(main *tableSheet, rs assess.RuleSet, res assess.Result, dec int) error {
	f := main.f
	if _, err := f.NewSheet(detailSheet); err != nil {
		return err
	}
	d := &tableSheet{f: f, name: detailSheet, cols: detailColumns, st: main.st, next: tableHeaderRow + 1}
	last := d.lastCol()
	title, _ := f.GetCellValue(main.name, "A1")
	d.check(f.MergeCell(detailSheet, "A1", last+"1"))
	d.check(f.SetCellStr(detailSheet, "A1", title+"明细"))
	d.check(f.SetCellStyle(detailSheet, "A1", last+"1", d.st.title))
	d.check(f.SetRowHeight(detailSheet, 1, float64(28*textLines(title+"明细", d.width()/1.5)+8)))
	d.check(f.MergeCell(detailSheet, "A2", last+"2"))
	subtitle, _ := f.GetCellValue(main.name, "A2")
	d.check(f.SetCellStr(detailSheet, "A2", subtitle))
	d.check(f.SetCellStyle(detailSheet, "A2", last+"2", d.st.note))
	for i, c := range detailColumns {
		col := colName(i + 1)
		d.check(f.SetColWidth(detailSheet, col, col, c.width))
		d.check(f.SetCellStr(detailSheet, fmt.Sprintf("%s%d", col, tableHeaderRow), c.name))
	}
	d.check(f.SetCellStyle(detailSheet, fmt.Sprintf("A%d", tableHeaderRow), fmt.Sprintf("%s%d", last, tableHeaderRow), d.st.header))
	d.check(f.SetRowHeight(detailSheet, tableHeaderRow, 24))

	members := append(res.Assessed(), res.NotAssessed()...)
	for i, m := range members {
		d.memberBlock(i+1, m, dec)
	}
	d.check(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: detailSheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", detailSheet, tableHeaderRow, tableHeaderRow)}))
	d.check(f.SetPanes(detailSheet, &excelize.Panes{Freeze: true, YSplit: tableHeaderRow,
		TopLeftCell: fmt.Sprintf("A%d", tableHeaderRow+1), ActivePane: "bottomLeft"}))
	d.check(pageA4(f, detailSheet, "portrait", false))
	return d.err
}

// memberBlock writes one member's lines.
func (d *tableSheet) memberBlock(n int, m assess.MemberResult, dec int) {
	head := fmt.Sprintf("%d. %s（%s", n, m.Member.Name, m.Member.Sector)
	if m.Member.Standing {
		head += "，常委"
	}
	head += "）"
	if m.Excluded != "" {
		head += "　不参加考核：" + m.Excluded
	} else {
		head += fmt.Sprintf("　总分 %s　等次 %s", m.Total.Format(dec), m.Grade)
		if m.Rank > 0 {
			head += fmt.Sprintf("　排名 %d", m.Rank)
		}
	}
	d.mergedLine(head, true)
	if m.Excluded != "" {
		return
	}
	for _, it := range m.Items {
		if !it.Applies {
			d.addRow([]any{it.Name, "", "", "本项不适用", assess.NotApplicable, ""}, false)
			continue
		}
		notes := it.Notes
		if !it.Base.IsZero() {
			notes = append([]string{"起始分 " + it.Base.Format(dec)}, notes...)
		}
		if it.Final.Cmp(it.Points) != 0 {
			notes = append(notes, "计入总分 "+it.Final.Format(dec))
		}
		d.addRow([]any{it.Name, "小计", "", fmt.Sprintf("%d 条记录", it.Count), pointsCell(it.Final, dec),
			strings.Join(notes, "；")}, false)
		for _, r := range it.Rules {
			for _, l := range r.Lines {
				d.addRow(lineRow("", r.Name, l, dec), false)
			}
		}
	}
	for _, l := range m.Adjustments {
		label := "加分"
		if l.Points.Sign() < 0 {
			label = "扣分"
		}
		d.addRow(lineRow(label, "人工录入", l, dec), false)
	}
	for _, g := range m.Gates {
		if !g.Passed {
			d.addRow([]any{"基本要求", g.Name, "", "未达到：缺" + strings.Join(g.Missing, "、"), "", ""}, false)
		}
	}
	var tail []string
	if len(m.Consequences) > 0 {
		tail = append(tail, "结果运用："+strings.Join(m.Consequences, "、"))
	}
	tail = append(tail, m.Notes...)
	if len(tail) > 0 {
		d.mergedLine("备注："+strings.Join(tail, "；"), false)
	}
}

// mergedLine writes text across the whole width, as tall as it wraps there.
func (d *tableSheet) mergedLine(text string, bold bool) {
	row := d.addRow([]any{text}, bold)
	d.merge(row, 1, len(d.cols))
	d.check(d.f.SetRowHeight(d.name, row, float64(14*textLines(text, d.width())+8)))
}

// lineRow is one record's line: what it was and what it gave.
func lineRow(item, rule string, l assess.Line, dec int) []any {
	var points any = pointsCell(l.Points, dec)
	if !l.Counted {
		points = "不计"
	}
	note := l.Note
	if l.Counted && l.Points.Exact() != l.Points.Format(dec) {
		note = strings.TrimPrefix(note+"；精确值 "+l.Points.Exact(), "；")
	}
	return []any{item, rule, l.Record.Date, recordText(l.Record), points, note}
}

// recordText describes a record: its type, title or reference, and the
// member's status and role in it.
func recordText(r assess.Record) string {
	var parts []string
	name := r.Title
	if name == "" {
		name = r.Ref
	} else if r.Ref != "" && !strings.Contains(name, r.Ref) {
		name = r.Ref + " " + name
	}
	if r.Type != "" && !strings.Contains(name, r.Type) {
		parts = append(parts, "【"+r.Type+"】")
	}
	parts = append(parts, name)
	var extra []string
	for _, x := range []string{r.Status, r.Role, r.Level} {
		if x != "" {
			extra = append(extra, x)
		}
	}
	if r.Authors > 1 {
		extra = append(extra, fmt.Sprintf("共%d人", r.Authors))
	}
	if r.Kind == assess.KindAdjust && r.Note != "" {
		parts = append(parts, r.Note)
	}
	s := strings.Join(parts, "")
	if len(extra) > 0 {
		s += "（" + strings.Join(extra, "，") + "）"
	}
	return s
}
