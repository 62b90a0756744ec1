// Package sheet writes the Excel sheets and PDF reports zhengxie prints or
// sends to superiors, and reads the roster sheets offices already keep.
package sheet

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
)

// RosterDoc is a roster to print or send: a title, the members in order and
// the columns to show.
type RosterDoc struct {
	Title   string        // e.g. 政协清河县第十一届委员会委员名册
	Members []data.Member // in the order to print
	Fields  []string      // data.Field* labels; nil = PrintFields
	Date    string        // printed under the title, right-aligned, e.g. 制表日期：2026年11月22日
	// FullID writes 身份证号 and phone numbers in full; by default they are
	// masked (3401**********1234, 138****5678). Only for internal use, when
	// chosen explicitly by someone allowed to.
	FullID bool
}

// PrintFields are the columns of the roster sent to a superior: what fits a
// landscape A4 page. An import template has all data.RosterFields.
var PrintFields = []string{
	data.FieldName, data.FieldGender, data.FieldEthnicity, data.FieldBirth, data.FieldParty, data.FieldSector,
	data.FieldWorkUnit, data.FieldEducation, data.FieldTitle, data.FieldPhone, data.FieldRole,
}

const rosterSheet = "委员名册"

// columnWidths in Excel character units; text columns get generous widths
// because a CJK character is two units wide.
var columnWidths = map[string]float64{
	"序号": 6, data.FieldName: 10, data.FieldGender: 6, data.FieldEthnicity: 8, data.FieldBirth: 10,
	data.FieldNativePlace: 12, data.FieldIDNumber: 21, data.FieldParty: 10, data.FieldSector: 16,
	data.FieldWorkUnit: 36, data.FieldEducation: 8, data.FieldDegree: 7, data.FieldTitle: 14,
	data.FieldPhone: 15, data.FieldAddress: 28, data.FieldStanding: 9, data.FieldRole: 9,
	data.FieldCommittee: 18, data.FieldGroup: 16, data.FieldStatus: 9, data.FieldStatusDate: 12,
	data.FieldIsNew: 10, data.FieldNote: 24,
}

// wrapped columns may run to several lines; the others stay on one.
var wrapped = map[string]bool{data.FieldWorkUnit: true, data.FieldAddress: true, data.FieldNote: true, data.FieldPhone: true,
	data.FieldSector: true, data.FieldCommittee: true, data.FieldGroup: true}

// rosterCell is how a field is written into a sheet: as text, always (a
// 身份证号 or phone number must never become a number), with 出生年月 in the
// dotted form rosters use.
func rosterCell(m data.Member, field string) string {
	v := m.FieldValue(field)
	switch {
	case field == data.FieldBirth && len(v) == 7 && v[4] == '-':
		return v[:4] + "." + v[5:]
	case field == data.FieldPhone:
		// One number a line: a number broken across lines is misread.
		return strings.ReplaceAll(v, "、", "\n")
	}
	return v
}

type rosterStyles struct{ title, date, header, text, center, wrap int }

// newRosterBook starts a workbook whose first sheet is 委员名册, with the
// roster styles registered.
func newRosterBook() (*excelize.File, rosterStyles, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", rosterSheet); err != nil {
		f.Close()
		return nil, rosterStyles{}, err
	}
	st, err := newRosterStyles(f)
	if err != nil {
		f.Close()
		return nil, rosterStyles{}, err
	}
	return f, st, nil
}

func newRosterStyles(f *excelize.File) (rosterStyles, error) {
	var s rosterStyles
	body := &excelize.Font{Family: "宋体", Size: 10.5}
	text := 49 // "@": cells are text
	for _, x := range []struct {
		dst   *int
		style excelize.Style
	}{
		{&s.title, excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 16},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&s.date, excelize.Style{Font: body, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}}},
		{&s.header, excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 10.5, Bold: true}, Border: thinBorder, NumFmt: text,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&s.text, excelize.Style{Font: body, Border: thinBorder, NumFmt: text,
			Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&s.center, excelize.Style{Font: body, Border: thinBorder, NumFmt: text,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&s.wrap, excelize.Style{Font: body, Border: thinBorder, NumFmt: text,
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
	} {
		id, err := f.NewStyle(&x.style)
		if err != nil {
			return s, err
		}
		*x.dst = id
	}
	return s, nil
}

// centered columns are short codes a reader scans down.
var centered = map[string]bool{"序号": true, data.FieldGender: true, data.FieldEthnicity: true, data.FieldBirth: true,
	data.FieldEducation: true, data.FieldDegree: true, data.FieldStanding: true, data.FieldRole: true,
	data.FieldStatus: true, data.FieldStatusDate: true, data.FieldIsNew: true}

// WriteRoster writes a roster that prints as it is: title over the table,
// borders, the header repeated on every page, A4 landscape fitted to the
// page width, page numbers in the footer.
func WriteRoster(w io.Writer, doc RosterDoc) error {
	fields := doc.Fields
	if fields == nil {
		fields = PrintFields
	}
	cols := []string{"序号"}
	for _, c := range fields {
		if c != "序号" {
			cols = append(cols, c)
		}
	}
	f, st, err := newRosterBook()
	if err != nil {
		return err
	}
	defer f.Close()
	last := colName(len(cols))
	// Row 1 title, row 2 date, row 3 header, data from row 4.
	const headerRow = 3
	if err := f.MergeCell(rosterSheet, "A1", last+"1"); err != nil {
		return err
	}
	f.SetCellStr(rosterSheet, "A1", doc.Title)
	f.SetCellStyle(rosterSheet, "A1", last+"1", st.title)
	f.SetRowHeight(rosterSheet, 1, 36)
	f.MergeCell(rosterSheet, "A2", last+"2")
	f.SetCellStr(rosterSheet, "A2", doc.Date)
	f.SetCellStyle(rosterSheet, "A2", last+"2", st.date)
	f.SetRowHeight(rosterSheet, 2, 20)

	for i, c := range cols {
		col := colName(i + 1)
		width := columnWidths[c]
		if width == 0 {
			width = 12
		}
		f.SetColWidth(rosterSheet, col, col, width)
		cell := fmt.Sprintf("%s%d", col, headerRow)
		f.SetCellStr(rosterSheet, cell, c)
	}
	f.SetCellStyle(rosterSheet, "A3", fmt.Sprintf("%s%d", last, headerRow), st.header)
	f.SetRowHeight(rosterSheet, headerRow, 24)

	for r, m := range doc.Members {
		if !doc.FullID {
			m = m.Masked()
		}
		row := headerRow + 1 + r
		lines := 1
		for i, c := range cols {
			cell := fmt.Sprintf("%s%d", colName(i+1), row)
			v := fmt.Sprint(r + 1)
			if c != "序号" {
				v = rosterCell(m, c)
			}
			f.SetCellStr(rosterSheet, cell, v)
			style := st.text
			switch {
			case centered[c]:
				style = st.center
			case wrapped[c]:
				style = st.wrap
				if n := linesNeeded(v, columnWidths[c]); n > lines {
					lines = n
				}
			}
			f.SetCellStyle(rosterSheet, cell, cell, style)
		}
		f.SetRowHeight(rosterSheet, row, float64(16*lines+4))
	}
	if len(doc.Members) > 0 {
		// Text that looks like a number (序号, 1975.03, phones) is meant.
		ref := fmt.Sprintf("A%d:%s%d", headerRow+1, last, headerRow+len(doc.Members))
		if err := f.AddIgnoredErrors(rosterSheet, ref, excelize.IgnoredErrorsNumberStoredAsText); err != nil {
			return err
		}
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: rosterSheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", rosterSheet, headerRow, headerRow)}); err != nil {
		return err
	}
	if err := f.SetPanes(rosterSheet, &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: "A4", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := pageA4(f, rosterSheet, "landscape", false); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// linesNeeded estimates how many lines a wrapped roster cell takes, at
// most four (roster rows stay compact; see textLines).
func linesNeeded(s string, width float64) int { return min(textLines(s, width), 4) }

func colName(n int) string {
	name, _ := excelize.ColumnNumberToName(n)
	return name
}

// templateHelp explains each column on the template's 填写说明 sheet.
var templateHelp = [][2]string{
	{data.FieldName, "必填。姓名中间不要加空格。"},
	{data.FieldGender, "必填（填了身份证号的可留空，按身份证号自动识别）。男 或 女。"},
	{data.FieldEthnicity, "如 汉族、回族、满族。"},
	{data.FieldBirth, "如 1975.03 或 1975-03；填了身份证号可留空，自动识别。"},
	{data.FieldNativePlace, "如 河北清河。"},
	{data.FieldIDNumber, "18 位，最后一位可以是 X。请保持该列为“文本”格式，否则 Excel 会把号码改成 1.3E+17 的样子并丢失末尾数字。"},
	{data.FieldParty, "中共、民革、民盟、民建、民进、农工党、致公党、九三学社、台盟、无党派、群众（以本届名单为准，新名称导入时自动加入名单）。"},
	{data.FieldSector, "必填。如 中国共产党、教育界、医药卫生界（以本届界别名单为准，新界别导入时自动加入名单）。"},
	{data.FieldWorkUnit, "如 清河县第一中学副校长。"},
	{data.FieldEducation, "研究生、大学、大专、中专、高中、初中、小学。"},
	{data.FieldDegree, "博士、硕士、学士、无。"},
	{data.FieldTitle, "如 高级教师、主任医师。"},
	{data.FieldPhone, "11 位手机号或带区号的固定电话（如 0310-1234567）；多个号码用“、”隔开。"},
	{data.FieldAddress, ""},
	{data.FieldStanding, "是 或 否。主席、副主席、秘书长自动视为常委。"},
	{data.FieldRole, "主席、副主席、秘书长、常委、委员；留空为委员。"},
	{data.FieldCommittee, "所属专门委员会，可留空。"},
	{data.FieldGroup, "所属委员活动组（联络组），可留空。"},
	{data.FieldStatus, "在任、增补、辞去、撤销、调离、逝世；留空为在任。"},
	{data.FieldStatusDate, "增补、辞去等变动的日期，如 2024-03-15。"},
	{data.FieldIsNew, "是 或 否：本届是否首次担任委员。"},
	{data.FieldNote, "备注以“示例”开头的行不会导入。"},
}

// WriteRosterTemplate writes the blank import template: every roster column,
// one example row, drop-down lists and a sheet explaining each column.
func WriteRosterTemplate(w io.Writer) error {
	cols := append([]string{"序号"}, data.RosterFields...)
	f, st, err := newRosterBook()
	if err != nil {
		return err
	}
	defer f.Close()
	last := colName(len(cols))
	f.MergeCell(rosterSheet, "A1", last+"1")
	f.SetCellStr(rosterSheet, "A1", "委员名册导入模板：第 2 行为表头（带 * 的必填），第 3 行是示例（导入时请删除），请从第 4 行起填写；各列要求见“填写说明”工作表")
	example := data.Member{}
	example.Name, example.Gender, example.Ethnicity, example.Birth = "张三", "男", "汉族", "1975-03"
	example.NativePlace, example.IDNumber, example.Party, example.Sector = "河北清河", "130525197503120019", "民盟", "教育界"
	example.WorkUnit, example.Education, example.Degree, example.Title = "清河县第一中学副校长", "大学", "学士", "高级教师"
	example.Phone, example.Address, example.Role, example.Status = "13812345678", "清河县城关镇人民路1号", "委员", data.StatusServing
	example.IsNew = true
	example.Note = "示例行，导入时请删除"
	for i, c := range cols {
		col := colName(i + 1)
		width := columnWidths[c]
		if width == 0 {
			width = 12
		}
		f.SetColWidth(rosterSheet, col, col, width)
		label := c
		if c == data.FieldName || c == data.FieldGender || c == data.FieldSector {
			label += "*"
		}
		f.SetCellStr(rosterSheet, col+"2", label)
		v := "1"
		if c != "序号" {
			v = rosterCell(example, c)
		}
		f.SetCellStr(rosterSheet, col+"3", v)
	}
	f.SetCellStyle(rosterSheet, "A2", last+"2", st.header)
	// Text format and borders for the rows an office will fill.
	f.SetCellStyle(rosterSheet, "A3", fmt.Sprintf("%s%d", last, 502), st.text)
	if err := f.AddIgnoredErrors(rosterSheet, "A3:"+last+"502", excelize.IgnoredErrorsNumberStoredAsText); err != nil {
		return err
	}
	lists := map[string][]string{
		data.FieldGender: data.Genders, data.FieldEducation: data.Educations, data.FieldDegree: data.Degrees,
		data.FieldStanding: {"是", "否"}, data.FieldRole: data.Roles, data.FieldStatus: data.Statuses,
		data.FieldIsNew: {"是", "否"},
	}
	for i, c := range cols {
		options, ok := lists[c]
		if !ok {
			continue
		}
		col := colName(i + 1)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s3:%s502", col, col)
		if err := dv.SetDropList(options); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, "请从列表中选择", "可选："+strings.Join(options, "、"))
		if err := f.AddDataValidation(rosterSheet, dv); err != nil {
			return err
		}
	}
	f.SetPanes(rosterSheet, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
	if err := pageA4(f, rosterSheet, "landscape", false); err != nil {
		return err
	}

	const help = "填写说明"
	if _, err := f.NewSheet(help); err != nil {
		return err
	}
	f.SetColWidth(help, "A", "A", 16)
	f.SetColWidth(help, "B", "B", 90)
	f.SetCellStr(help, "A1", "列名")
	f.SetCellStr(help, "B1", "填写要求")
	f.SetCellStyle(help, "A1", "B1", st.header)
	for i, h := range templateHelp {
		r := i + 2
		f.SetCellStr(help, fmt.Sprintf("A%d", r), h[0])
		f.SetCellStr(help, fmt.Sprintf("B%d", r), h[1])
		f.SetCellStyle(help, fmt.Sprintf("A%d", r), fmt.Sprintf("B%d", r), st.wrap)
		f.SetRowHeight(help, r, float64(16*linesNeeded(h[1], 90)+4))
	}
	n := len(templateHelp) + 3
	f.SetCellStr(help, fmt.Sprintf("A%d", n), "说明")
	f.SetCellStr(help, fmt.Sprintf("B%d", n), "也可以直接导入本单位原有的名册表格：程序会在前 15 行中寻找表头，识别“身份证号码”“政治面貌”“工作单位”等常见列名；无法识别的列会被忽略。导入前会列出每一处问题（行号和列名），有问题时不会导入任何数据。")
	f.SetCellStyle(help, fmt.Sprintf("A%d", n), fmt.Sprintf("B%d", n), st.wrap)
	f.SetRowHeight(help, n, 52)
	if err := pageA4(f, help, "portrait", false); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}
