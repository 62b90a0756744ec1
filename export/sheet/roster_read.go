package sheet

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"zhengxie/data"
)

// RosterSheet is a roster read from an office's Excel file: where the table
// was found, which columns were understood, and the rows with their Excel
// row numbers. Values are as typed; the store normalises and validates them.
type RosterSheet struct {
	Sheet     string            // worksheet the roster was found in
	HeaderRow int               // 1-based row of the header (the upper row of a two-row header)
	Columns   map[string]string // field label → header text found
	Ignored   []string          // header texts not understood (their columns are not imported)
	Rows      []data.ImportRow
	Issues    []data.ImportIssue // problems the reader itself found (a 是否常委 cell that is not 是/否)
	Source    *Source            // the sheet as read, for the rows a partial import leaves out
}

// headerAliases maps the normalised texts offices use as column headers to
// field labels.
var headerAliases = map[string]string{}

func init() {
	for field, aliases := range map[string][]string{
		data.FieldName:        {"姓名", "名字", "委员姓名"},
		data.FieldGender:      {"性别"},
		data.FieldEthnicity:   {"民族"},
		data.FieldBirth:       {"出生年月", "出生日期", "出生年月日", "生日", "出生时间", "出生年份"},
		data.FieldNativePlace: {"籍贯"},
		data.FieldIDNumber:    {"身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证"},
		data.FieldParty:       {"党派", "政治面貌", "党派(政治面貌)", "政治面貌(党派)", "党派团体", "党派/政治面貌"},
		data.FieldSector:      {"界别", "所属界别", "界别名称"},
		data.FieldWorkUnit: {"工作单位及职务", "工作单位", "单位及职务", "工作单位及职务(职称)", "工作单位和职务",
			"现工作单位及职务", "单位职务", "现任职务"},
		data.FieldEducation:  {"学历", "文化程度", "最高学历"},
		data.FieldDegree:     {"学位", "最高学位"},
		data.FieldTitle:      {"职称", "专业技术职称", "专业技术职务"},
		data.FieldPhone:      {"联系电话", "手机", "手机号码", "电话", "手机号", "联系方式", "电话号码"},
		data.FieldAddress:    {"通讯地址", "地址", "联系地址", "家庭住址", "通信地址"},
		data.FieldStanding:   {"是否常委", "常委"},
		data.FieldRole:       {"政协职务", "职务", "政协内职务", "在政协任职"},
		data.FieldCommittee:  {"专委会", "所属专委会", "专门委员会"},
		data.FieldGroup:      {"活动组", "联络组", "活动小组", "委员活动组", "委员小组", "所属活动组"},
		data.FieldStatus:     {"任职状态", "状态", "委员状态"},
		data.FieldStatusDate: {"变动日期", "变动时间"},
		data.FieldIsNew:      {"是否新委员", "新委员"},
		data.FieldNote:       {"备注"},
	} {
		for _, a := range aliases {
			headerAliases[normHeader(a)] = field
		}
	}
}

// normHeader brings a header cell to a comparable form: no spaces, line
// breaks, colons or required-field stars; ASCII brackets and slashes.
func normHeader(s string) string {
	s = strings.NewReplacer("（", "(", "）", ")", "【", "(", "】", ")", "／", "/").Replace(s)
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(" \u3000\u00a0\n\r\t*＊※：:", r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// fieldOf returns the field a header text means, or "".
func fieldOf(header string) string {
	h := normHeader(header)
	if f, ok := headerAliases[h]; ok {
		return f
	}
	// "出生年月(如1975.03)", "姓名(必填)": try without the bracketed part.
	if i := strings.Index(h, "("); i > 0 {
		return headerAliases[h[:i]]
	}
	return ""
}

// notData are header texts of columns the reader ignores on purpose.
// 行号 and 问题 are the columns a sheet of rows left out by a partial
// import adds (WriteLeft).
var notData = map[string]bool{"序号": true, "编号": true, "序": true, "No.": true, "行号": true, "问题": true}

// stopWords start the lines under a roster that are not members.
var stopWords = []string{"合计", "总计", "小计", "填表人", "填报人", "制表", "审核人", "审核：", "注：", "注:",
	"说明", "备注：", "备注:", "附注"}

const headerSearchRows = 15

// maxCellRunes bounds one roster cell: the longest 工作单位及职务 or 备注 an
// office writes is a few hundred characters; a cell of tens of thousands is
// a paste gone wrong and would break every printed roster.
const maxCellRunes = 1000

// maxFileSize is the largest file ReadRoster accepts; a county roster is a
// few hundred kilobytes.
const maxFileSize = 64 << 20

// ErrNoRows matches the error ReadRoster returns for a sheet that has a
// header but no member rows (a blank template, say).
var ErrNoRows = data.UserErr("名册中没有委员数据")

// userErr is e, a Chinese sentence of this package's own, as the user error
// that data.UserMessage shows (e stays in the chain for errors.Is/As).
func userErr(e error) error { return &data.UserError{Msg: e.Error(), Err: e} }

type noRowsError struct {
	sheet  string
	header int
}

func (e noRowsError) Error() string {
	return fmt.Sprintf("工作表“%s”第 %d 行是表头，但下面没有委员数据（以“示例”开头的备注所在行不导入）", e.sheet, e.header)
}

func (e noRowsError) Is(target error) bool { return target == ErrNoRows }

// The file-level problems, as the user reads them.
var (
	errNotExcel = data.UserErr("无法读取文件：不是有效的 Excel（.xlsx）文件。如果是旧版 .xls 或 WPS（.et）格式，" +
		"请先在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再导入")
	errOldExcel = data.UserErr("无法读取文件：这是旧版 Excel（.xls）文件，或是设置了打开密码的文件。" +
		"请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx，不设密码）后再导入")
	errTooBig   = data.UserErr("无法读取文件：文件超过 64 MB，不像是委员名册。请只保留名册工作表后再导入")
	errNoHeader = data.UserErr("没有找到表头：前 15 行中没有包含“姓名”的行（表头还需至少一个其他列名，" +
		"如 性别、界别、身份证号）。请检查表格，或用“导入模板”按钮生成的模板填写")
)

// oleMagic starts every old-style .xls file and every password-protected
// .xlsx (both are OLE compound files).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// ReadRoster reads a roster from an xlsx file. It takes the first visible
// sheet with a header in its first 15 rows, maps columns by the names
// offices use, spreads merged cells, skips empty, section-heading and
// example rows, and stops at a 合计 or 填表人 line. A sheet with a header
// but no members is returned together with an error matching ErrNoRows.
// Every error is a Chinese sentence for the user.
func ReadRoster(r io.Reader) (sheet *RosterSheet, err error) {
	defer func() {
		// excelize may panic on some malformed files; a bad file is an
		// error for the user, never a crash.
		if p := recover(); p != nil {
			sheet, err = nil, errNotExcel
		}
	}()
	w, err := openWorkbook(r, errTooBig)
	if err != nil {
		return nil, err
	}
	defer w.Close()
	names, pos := w.visibleSheets()
	for i, name := range names {
		g, err := w.readGrid(name, pos[i])
		if isBoundError(err) {
			return nil, err
		}
		if err != nil {
			continue
		}
		header, ok := findHeader(g)
		if !ok {
			continue
		}
		s := &RosterSheet{Sheet: name, HeaderRow: header + 1, Columns: map[string]string{}}
		cols, start := s.mapColumns(g, header)
		s.Source = g.newSource(name, start)
		s.readRows(g, cols, start)
		if len(s.Rows) == 0 && len(s.Issues) == 0 {
			return s, userErr(noRowsError{name, s.HeaderRow})
		}
		return s, nil
	}
	return nil, errNoHeader
}

// headerFields returns the distinct fields a row's texts name, by column.
func headerFields(row []string) map[int]string {
	out := map[int]string{}
	seen := map[string]bool{}
	for c, t := range row {
		if f := fieldOf(t); f != "" && !seen[f] {
			seen[f] = true
			out[c] = f
		}
	}
	return out
}

// findHeader returns the 0-based row, among the first 15, naming the most
// known columns; it must name 姓名 and at least one other.
func findHeader(g *grid) (int, bool) {
	best, bestN := -1, 1
	for i := 0; i < len(g.shown) && i < headerSearchRows; i++ {
		fields := headerFields(g.shown[i])
		if len(fields) > bestN && slices.Contains(mapValues(fields), data.FieldName) {
			best, bestN = i, len(fields)
		}
	}
	if best < 0 {
		return 0, false
	}
	// The lower row of a two-row header names the most columns; report
	// the upper one, where the header starts.
	if best > 0 && subHeader(g, best-1) && slices.Contains(mapValues(headerFields(g.shown[best-1])), data.FieldName) {
		best--
	}
	return best, true
}

func mapValues(m map[int]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// subHeader reports whether the row under the header completes it: it
// names fields the header row does not (手机 and 通讯地址 under a 联系方式
// spanning both), has more header words than other texts, and its 姓名
// cell is empty or the header's own, not a member's name.
func subHeader(g *grid, header int) bool {
	below := header + 1
	if below >= len(g.shown) {
		return false
	}
	named, other := 0, 0
	for c := range g.shown[below] {
		text := g.text(below, c)
		upper, lower := fieldOf(g.text(header, c)), fieldOf(text)
		switch {
		case upper == data.FieldName && text != "" && lower != data.FieldName:
			return false
		case lower != "" && lower != upper:
			named++
		case lower == "" && text != "" && text != g.text(header, c) && !notData[normHeader(text)]:
			other++
		}
	}
	return named > 0 && named >= other
}

// column says where a column's cells go: a field, or appended to the
// 工作单位及职务 of a sheet that keeps 工作单位 and 职务 apart.
type column struct {
	field  string
	append bool
}

// mapColumns matches the header to fields, records what was found in
// s.Columns and s.Ignored, and returns the columns and the first data row.
func (s *RosterSheet) mapColumns(g *grid, header int) (map[int]column, int) {
	two := subHeader(g, header)
	start, width := header+1, len(g.shown[header])
	if two {
		start, width = header+2, max(width, len(g.shown[header+1]))
	}
	cols := map[int]column{}
	headers := map[string]string{} // field → normalised header text
	for c := 0; c < width; c++ {
		texts := []string{g.text(header, c)}
		if two {
			texts = []string{g.text(header+1, c), g.text(header, c)}
		}
		mapped := false
		for _, t := range texts {
			f := fieldOf(t)
			if f == "" {
				continue
			}
			if _, dup := s.Columns[f]; !dup {
				s.Columns[f], headers[f], cols[c] = t, normHeader(t), column{field: f}
				mapped = true
			}
			break
		}
		if mapped {
			continue
		}
		t := texts[0]
		if t == "" && len(texts) > 1 {
			t = texts[1]
		}
		if t != "" && !notData[normHeader(t)] && !slices.Contains(s.Ignored, t) {
			s.Ignored = append(s.Ignored, t)
		}
	}
	// "工作单位" and "职务" side by side are one 工作单位及职务, not a 政协职务.
	if headers[data.FieldRole] == "职务" && !strings.Contains(headers[data.FieldWorkUnit], "职务") &&
		headers[data.FieldWorkUnit] != "" {
		for c, col := range cols {
			if col.field == data.FieldRole {
				cols[c] = column{field: data.FieldWorkUnit, append: true}
			}
		}
		s.Columns[data.FieldWorkUnit] += "、" + s.Columns[data.FieldRole]
		delete(s.Columns, data.FieldRole)
	}
	return cols, start
}

// readRows reads the member rows from start down to the first stop line.
func (s *RosterSheet) readRows(g *grid, cols map[int]column, start int) {
	var fields []string
	for _, f := range data.RosterFields {
		if _, ok := s.Columns[f]; ok {
			fields = append(fields, f)
		}
	}
	order := make([]int, 0, len(cols))
	for c := range cols {
		order = append(order, c)
	}
	slices.Sort(order) // appended parts follow the column they extend
	for r := start; r < len(g.shown); r++ {
		if stopRow(g, r) {
			break
		}
		if g.sectionRow(r) {
			continue
		}
		var m data.Member
		var issues []data.ImportIssue
		found := false
		for _, c := range order {
			col := cols[c]
			v := g.value(r, c, col.field)
			if v == "" {
				continue
			}
			found = true
			if n := utf8.RuneCountInString(v); n > maxCellRunes {
				issues = append(issues, data.ImportIssue{Row: r + 1, Field: col.field,
					Msg: fmt.Sprintf("内容过长（%d 个字，最多 %d 个字），请检查是否粘贴了多余的内容", n, maxCellRunes)})
				continue
			}
			if col.append {
				m.WorkUnit += v
				continue
			}
			if msg := setField(&m, col.field, v); msg != "" {
				issues = append(issues, data.ImportIssue{Row: r + 1, Field: col.field, Msg: msg})
			}
		}
		if !found || strings.HasPrefix(strings.TrimSpace(m.Note), "示例") {
			continue
		}
		s.Rows = append(s.Rows, data.ImportRow{Row: r + 1, Member: m, Fields: fields})
		s.Source.keep(g, r, func(c int) string {
			if col, ok := cols[c]; ok {
				return g.value(r, c, col.field)
			}
			return ""
		})
		s.Issues = append(s.Issues, issues...)
	}
}

// stopRow reports whether a row starts with 合计, 填表人, 注： and the like.
func stopRow(g *grid, r int) bool {
	for c := range g.shown[r] {
		v := g.text(r, c)
		if v == "" {
			continue
		}
		v = strings.NewReplacer(" ", "", "\u3000", "").Replace(v)
		for _, w := range stopWords {
			if strings.HasPrefix(v, w) {
				return true
			}
		}
		return false
	}
	return false
}
