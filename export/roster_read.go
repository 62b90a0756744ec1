package export

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
	"zhengxie/data/validate"
)

// RosterSheet is a roster read from an office's Excel file: where the table
// was found, which columns were understood, and the rows with their Excel
// row numbers. Values are as typed; the store validates them.
type RosterSheet struct {
	Sheet     string            // worksheet the roster was found in
	HeaderRow int               // 1-based row of the header
	Columns   map[string]string // field label → header text found
	Ignored   []string          // header texts not understood (ignored)
	Rows      []data.ImportRow
	Issues    []data.ImportIssue // problems the reader itself found (e.g. 是否常委 not 是/否)
}

// headerAliases maps the normalised texts offices use as column headers to
// our field labels.
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
		data.FieldWorkUnit:    {"工作单位及职务", "工作单位", "单位及职务", "工作单位及职务(职称)", "工作单位和职务", "现工作单位及职务", "单位职务", "现任职务"},
		data.FieldEducation:   {"学历", "文化程度", "最高学历"},
		data.FieldDegree:      {"学位", "最高学位"},
		data.FieldTitle:       {"职称", "专业技术职称", "专业技术职务"},
		data.FieldPhone:       {"联系电话", "手机", "手机号码", "电话", "手机号", "联系方式", "电话号码"},
		data.FieldAddress:     {"通讯地址", "地址", "联系地址", "家庭住址", "通信地址"},
		data.FieldStanding:    {"是否常委", "常委"},
		data.FieldRole:        {"政协职务", "政协内职务", "在政协任职"},
		data.FieldCommittee:   {"专委会", "所属专委会", "专门委员会"},
		data.FieldGroup:       {"活动组", "联络组", "活动小组", "委员活动组", "委员小组", "所属活动组"},
		data.FieldStatus:      {"任职状态", "状态", "委员状态"},
		data.FieldStatusDate:  {"变动日期", "变动时间"},
		data.FieldIsNew:       {"是否新委员", "新委员"},
		data.FieldNote:        {"备注"},
	} {
		for _, a := range aliases {
			headerAliases[normHeader(a)] = field
		}
	}
}

// normHeader brings a header cell to a comparable form: no spaces, line
// breaks or required-field stars, ASCII brackets.
func normHeader(s string) string {
	s = strings.NewReplacer("（", "(", "）", ")", "＊", "", "*", "", "：", "", ":", "", "／", "/").Replace(s)
	var b strings.Builder
	for _, r := range s {
		if r == ' ' || r == '\u3000' || r == '\n' || r == '\r' || r == '\t' {
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
	// "工作单位及职务(职称)" and friends: try without the bracketed part.
	if i := strings.Index(h, "("); i > 0 {
		if f, ok := headerAliases[h[:i]]; ok {
			return f
		}
	}
	return ""
}

var ignoredHeaders = map[string]bool{"序号": true, "编号": true, "届次": true}

// stopWords start the rows under a roster that are not members.
var stopWords = []string{"合计", "总计", "小计", "填表人", "制表", "审核", "注：", "注:", "说明", "备注："}

const headerSearchRows = 15

// ErrNotExcel and friends are the file-level problems, in Chinese.
var (
	errNotExcel = errors.New("无法读取文件：不是有效的 Excel（.xlsx）文件。如果是 .xls 或 WPS（.et）格式，请先在 Excel 或 WPS 中“另存为” .xlsx 后再导入")
	errNoHeader = errors.New("没有找到表头：前 15 行中没有同时包含“姓名”和其他列名（如 性别、界别、身份证号）的行。请检查表格，或使用导入模板")
)

// ReadRoster reads a roster from an xlsx file. It finds the header in the
// first 15 rows of the first sheet that has one, maps the columns by their
// common names, spreads merged cells, skips empty rows and example rows,
// and stops at a 合计 or 填表人 line.
func ReadRoster(r io.Reader) (sheet *RosterSheet, err error) {
	defer func() {
		// excelize may panic on some malformed files; a bad file is an
		// error for the user, never a crash.
		if p := recover(); p != nil {
			sheet, err = nil, errNotExcel
		}
	}()
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, errNotExcel
	}
	defer f.Close()
	for _, name := range f.GetSheetList() {
		if visible, _ := f.GetSheetVisible(name); !visible {
			continue
		}
		rows, err := f.GetRows(name)
		if err != nil {
			continue
		}
		raw, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			continue
		}
		spreadMerged(f, name, rows, raw)
		isNumber := func(r, c int) bool {
			ref, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return false
			}
			typ, _ := f.GetCellType(name, ref)
			return typ == excelize.CellTypeNumber || (typ == excelize.CellTypeUnset && isDigits(cell(raw, r, c)))
		}
		if s := readSheet(name, rows, raw, isNumber); s != nil {
			if len(s.Rows) == 0 && len(s.Issues) == 0 {
				return nil, fmt.Errorf("工作表“%s”第 %d 行是表头，但下面没有委员数据", name, s.HeaderRow)
			}
			return s, nil
		}
	}
	return nil, errNoHeader
}

// spreadMerged copies the value of each merged range into all its cells, so
// a 界别 merged down a block of rows applies to each row.
func spreadMerged(f *excelize.File, sheet string, grids ...[][]string) {
	merged, err := f.GetMergeCells(sheet)
	if err != nil {
		return
	}
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r2-r1 > 5000 || c2-c1 > 200 {
			continue
		}
		for _, g := range grids {
			v := cell(g, r1-1, c1-1)
			for r := r1 - 1; r < r2 && r < len(g); r++ {
				for c := c1 - 1; c < c2; c++ {
					if c >= len(g[r]) {
						g[r] = append(g[r], make([]string, c-len(g[r])+1)...)
					}
					g[r][c] = v
				}
			}
		}
	}
}

func cell(g [][]string, r, c int) string {
	if r < 0 || r >= len(g) || c < 0 || c >= len(g[r]) {
		return ""
	}
	return strings.TrimSpace(g[r][c])
}

// headerMatch counts the known columns of a row and whether 姓名 is among
// them.
func headerMatch(row []string) (n int, hasName bool) {
	seen := map[string]bool{}
	for _, c := range row {
		if f := fieldOf(c); f != "" && !seen[f] {
			seen[f] = true
			n++
			if f == data.FieldName {
				hasName = true
			}
		}
	}
	return n, hasName
}

func readSheet(name string, rows, raw [][]string, isNumber func(r, c int) bool) *RosterSheet {
	best, bestN := -1, 1
	for i := 0; i < len(rows) && i < headerSearchRows; i++ {
		if n, hasName := headerMatch(rows[i]); hasName && n > bestN {
			best, bestN = i, n
		}
	}
	if best < 0 {
		return nil
	}
	s := &RosterSheet{Sheet: name, HeaderRow: best + 1, Columns: map[string]string{}}
	width := len(rows[best])
	// A two-row header: a group heading merged over sub-headings below it
	// (e.g. 联系方式 over 手机 and 地址).
	start := best + 1
	if best+1 < len(rows) {
		if n, _ := headerMatch(rows[best+1]); n >= 2 {
			start = best + 2
			width = max(width, len(rows[best+1]))
		}
	}
	colField := map[int]string{}
	for c := 0; c < width; c++ {
		texts := []string{cell(rows, best, c)}
		if start == best+2 {
			texts = []string{cell(rows, best+1, c), cell(rows, best, c)}
		}
		found := false
		for _, t := range texts {
			f := fieldOf(t)
			if f == "" {
				continue
			}
			if _, dup := s.Columns[f]; dup {
				break
			}
			s.Columns[f] = t
			colField[c] = f
			found = true
			break
		}
		if !found {
			if t := texts[0]; t != "" && !ignoredHeaders[normHeader(t)] && fieldOf(t) == "" {
				s.Ignored = append(s.Ignored, t)
			} else if t != "" && fieldOf(t) != "" {
				s.Ignored = append(s.Ignored, t+"（重复的列）")
			}
		}
	}
	var fields []string
	for _, f := range data.RosterFields {
		if _, ok := s.Columns[f]; ok {
			fields = append(fields, f)
		}
	}

rows:
	for r := start; r < len(rows); r++ {
		first := ""
		for c := range rows[r] {
			if v := cell(rows, r, c); v != "" {
				first = normHeader(v)
				break
			}
		}
		for _, w := range stopWords {
			if strings.HasPrefix(first, normHeader(w)) {
				break rows
			}
		}
		var m data.Member
		any := false
		for c, f := range colField {
			v := cell(rows, r, c)
			if v == "" {
				continue
			}
			any = true
			switch f {
			case data.FieldBirth, data.FieldStatusDate:
				v = dateText(f, v, cell(raw, r, c))
			case data.FieldIDNumber:
				// Excel keeps 15 significant digits of a number: an 18-digit
				// ID typed into a number cell has lost its last digits.
				if len(v) > 15 && isNumber(r, c) {
					s.Issues = append(s.Issues, data.ImportIssue{Row: r + 1, Field: f,
						Msg: "被 Excel 存成了数字，后几位已经丢失（显示为 " + v + "）；请把该列设为“文本”格式后重新填写"})
				}
			}
			if issue := setField(&m, f, v); issue != "" {
				s.Issues = append(s.Issues, data.ImportIssue{Row: r + 1, Field: f, Msg: issue})
			}
		}
		if !any || strings.HasPrefix(m.Note, "示例") {
			continue
		}
		s.Rows = append(s.Rows, data.ImportRow{Row: r + 1, Member: m, Fields: fields})
	}
	return s
}

// dateText picks the form of a date cell the validator understands: the
// text as shown when it parses, else the raw value (an Excel date serial,
// which Excel may display as 03-12-75).
func dateText(field, shown, raw string) string {
	check := validate.YearMonth
	if field == data.FieldStatusDate {
		check = validate.Date
	}
	if _, err := check(shown); err == nil || raw == "" {
		return shown
	}
	if _, err := check(raw); err == nil {
		return raw
	}
	return shown
}

var yes = map[string]bool{"是": true, "√": true, "✓": true, "Y": true, "y": true, "1": true, "TRUE": true, "true": true, "常委": true}
var no = map[string]bool{"否": true, "×": true, "N": true, "n": true, "0": true, "FALSE": true, "false": true, "不是": true, "—": true, "-": true, "无": true}

// setField puts one cell into the member; it returns a problem for cells
// that must be yes or no but are neither.
func setField(m *data.Member, field, v string) string {
	boolean := func(dst *bool) string {
		switch {
		case yes[v]:
			*dst = true
		case no[v]:
			*dst = false
		default:
			return fmt.Sprintf("“%s”无法识别，应为“是”或“否”", v)
		}
		return ""
	}
	switch field {
	case data.FieldName:
		m.Name = v
	case data.FieldGender:
		m.Gender = v
	case data.FieldEthnicity:
		m.Ethnicity = v
	case data.FieldBirth:
		m.Birth = v
	case data.FieldNativePlace:
		m.NativePlace = v
	case data.FieldIDNumber:
		m.IDNumber = v
	case data.FieldParty:
		m.Party = v
	case data.FieldSector:
		m.Sector = v
	case data.FieldWorkUnit:
		m.WorkUnit = v
	case data.FieldEducation:
		m.Education = v
	case data.FieldDegree:
		m.Degree = v
	case data.FieldTitle:
		m.Title = v
	case data.FieldPhone:
		m.Phone = v
	case data.FieldAddress:
		m.Address = v
	case data.FieldStanding:
		return boolean(&m.Standing)
	case data.FieldRole:
		m.Role = v
	case data.FieldCommittee:
		m.Committee = v
	case data.FieldGroup:
		m.Group = v
	case data.FieldStatus:
		m.Status = v
	case data.FieldStatusDate:
		m.StatusDate = v
	case data.FieldIsNew:
		return boolean(&m.IsNew)
	case data.FieldNote:
		m.Note = v
	}
	return ""
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' && r != 'E' && r != 'e' && r != '+' {
			return false
		}
	}
	return true
}
