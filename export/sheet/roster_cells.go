package sheet

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
)

// grid is one worksheet as read (workbook.readGrid): the text each cell
// shows, the number cells with their stored value and style, and where
// merged ranges are, so that a value merged over several cells counts in
// each of them while type and format come from the range's top-left cell,
// the only one that holds them.
type grid struct {
	styles   *excelize.File // the workbook, for its number formats
	shown    [][]string     // cell text with number formats applied
	nums     map[[2]int]numCell
	merges   [][4]int
	origin   map[[2]int][2]int
	spans    map[[2]int]int // top-left cell of a merged range → columns it spans
	date1904 bool
}

// maxMergedCells bounds the work spreading merged ranges; a real roster
// has far fewer cells than this.
const maxMergedCells = 1 << 18

// maxSheetRows bounds the rows read from one sheet. A county's roster has a
// few hundred, a year's register a few thousand; reading 100,000 rows takes
// minutes and gigabytes, so such a sheet is refused before it is read.
const maxSheetRows = 10000

// tooManyRowsError refuses a sheet with more than maxSheetRows rows.
type tooManyRowsError struct{ sheet string }

func (e tooManyRowsError) Error() string {
	return fmt.Sprintf("工作表“%s”超过 %d 行，超出一次导入的上限。请只保留需要导入的行"+
		"（可按年度或会次分成几个文件）后再导入", e.sheet, maxSheetRows)
}

// spreadMerged copies the value of each merged range into all its cells
// (within the used area), so that a 界别 merged down a block of rows applies
// to each row and a heading merged over two columns names both.
func (g *grid) spreadMerged() {
	width := 0
	for _, row := range g.shown {
		width = max(width, len(row))
	}
	budget := maxMergedCells
	for _, m := range g.merges {
		r1, c1, r2, c2 := m[0], m[1], m[2]+1, m[3]+1
		g.spans[[2]int{r1, c1}] = c2 - c1
		for r := r1; r < min(r2, len(g.shown)); r++ {
			for c := c1; c < min(c2, width); c++ {
				if budget--; budget < 0 {
					return
				}
				g.origin[[2]int{r, c}] = [2]int{r1, c1}
				row := g.shown[r]
				if c >= len(row) {
					row = append(row, make([]string, c-len(row)+1)...)
					g.shown[r] = row
				}
				row[c] = cell(g.shown, r1, c1)
			}
		}
	}
}

// cell is the trimmed text at a 0-based position, "" outside the grid.
func cell(rows [][]string, r, c int) string {
	if r < 0 || r >= len(rows) || c < 0 || c >= len(rows[r]) {
		return ""
	}
	return strings.TrimSpace(rows[r][c])
}

func (g *grid) text(r, c int) string { return cell(g.shown, r, c) }

// topLeft returns the cell holding the value shown at (r, c).
func (g *grid) topLeft(r, c int) (int, int) {
	if o, ok := g.origin[[2]int{r, c}]; ok {
		return o[0], o[1]
	}
	return r, c
}

// sectionRow reports whether a row is a heading such as "一、中共界（12人）"
// merged across the table: every non-empty cell lies in one merged range
// at least three columns wide.
func (g *grid) sectionRow(r int) bool {
	var first [2]int
	n := 0
	for c := range g.shown[r] {
		if g.text(r, c) == "" {
			continue
		}
		o, ok := g.origin[[2]int{r, c}]
		if !ok || (n > 0 && o != first) {
			return false
		}
		first = o
		n++
	}
	return n > 0 && g.spans[first] >= 3
}

// value is the text a member field takes from a cell: what the cell shows,
// except where Excel's display would lose the value. A 出生年月 or 变动日期
// cell that is a real Excel date becomes YYYY-MM-DD whatever its display
// format; a 身份证号 or phone that Excel stored as a number is written out
// in full, or in scientific notation when Excel has already rounded it
// (more than 15 digits), which the validator explains to the user.
func (g *grid) value(r, c int, field string) string {
	shown := g.text(r, c)
	if shown == "" {
		return ""
	}
	ar, ac := g.topLeft(r, c)
	if !g.isNumber(ar, ac) {
		return shown
	}
	n, err := strconv.ParseFloat(g.nums[[2]int{ar, ac}].raw, 64)
	if err != nil {
		return shown
	}
	switch field {
	case data.FieldIDNumber, data.FieldPhone:
		if n >= 0 && n < 1e15 && n == float64(int64(n)) {
			return strconv.FormatInt(int64(n), 10)
		}
		return strconv.FormatFloat(n, 'E', -1, 64)
	case data.FieldBirth, data.FieldStatusDate:
		if n >= 1 && g.isDateCell(ar, ac) {
			if t, err := excelize.ExcelDateToTime(n, g.date1904); err == nil {
				return t.Format("2006-01-02")
			}
		}
	}
	return shown
}

// isNumber reports whether a cell holds a number (cells without a type
// attribute are numbers in OOXML).
func (g *grid) isNumber(r, c int) bool {
	_, ok := g.nums[[2]int{r, c}]
	return ok
}

// isDateCell reports whether a number cell's format shows a date.
func (g *grid) isDateCell(r, c int) (date bool) {
	defer func() {
		if recover() != nil { // a malformed style table
			date = false
		}
	}()
	n, ok := g.nums[[2]int{r, c}]
	if !ok {
		return false
	}
	st, err := g.styles.GetStyle(n.style)
	if err != nil || st == nil {
		return false
	}
	if st.CustomNumFmt != nil {
		return isDateFormat(*st.CustomNumFmt)
	}
	return builtinDateFormats[st.NumFmt]
}

// builtinDateFormats are the built-in number formats that show a date,
// including the zh-CN ones (yyyy"年"m"月" and friends); times are left out.
var builtinDateFormats = map[int]bool{
	14: true, 15: true, 16: true, 17: true, 22: true,
	27: true, 28: true, 29: true, 30: true, 31: true, 36: true,
	50: true, 51: true, 52: true, 53: true, 54: true, 57: true, 58: true,
}

// isDateFormat reports whether a custom number format code shows a date:
// it has a year or day placeholder outside quoted text, brackets and
// escapes.
func isDateFormat(code string) bool {
	quoted, bracket, escaped := false, false, false
	for _, r := range code {
		switch {
		case escaped:
			escaped = false
		case quoted:
			quoted = r != '"'
		case bracket:
			bracket = r != ']'
		case r == '"':
			quoted = true
		case r == '[':
			bracket = true
		case r == '\\' || r == '_' || r == '*':
			escaped = true
		case r == ';': // only the first (positive) section matters
			return false
		case strings.ContainsRune("yYdD", r):
			return true
		}
	}
	return false
}

// yes and no are the ways sheets write 是 and 否 in a yes/no column.
var (
	yes = map[string]bool{"是": true, "√": true, "✓": true, "✔": true, "y": true, "yes": true, "1": true,
		"true": true, "常委": true, "新委员": true}
	no = map[string]bool{"否": true, "×": true, "✗": true, "n": true, "no": true, "0": true, "false": true,
		"不是": true, "非": true, "—": true, "-": true, "无": true, "/": true}
)

// parseYesNo reads a 是/否 cell; ok is false for text that is neither.
func parseYesNo(v string) (b, ok bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	switch {
	case v == "" || no[v]:
		return false, true
	case yes[v]:
		return true, true
	}
	return false, false
}

// setField puts one cell's text into the member. It returns a problem only
// for a yes/no cell it cannot read; every other value is kept as typed for
// the store to normalise and validate.
func setField(m *data.Member, field, v string) string {
	boolean := func(dst *bool) string {
		b, ok := parseYesNo(v)
		if !ok {
			return fmt.Sprintf("“%s”无法识别，应为“是”或“否”", v)
		}
		*dst = b
		return ""
	}
	switch field {
	case data.FieldStanding:
		return boolean(&m.Standing)
	case data.FieldIsNew:
		return boolean(&m.IsNew)
	}
	if p := textField(m, field); p != nil {
		*p = v
	}
	return ""
}

// textField points at the member's text field for a label, nil for the
// yes/no fields and unknown labels.
func textField(m *data.Member, field string) *string {
	switch field {
	case data.FieldName:
		return &m.Name
	case data.FieldGender:
		return &m.Gender
	case data.FieldEthnicity:
		return &m.Ethnicity
	case data.FieldBirth:
		return &m.Birth
	case data.FieldNativePlace:
		return &m.NativePlace
	case data.FieldIDNumber:
		return &m.IDNumber
	case data.FieldParty:
		return &m.Party
	case data.FieldSector:
		return &m.Sector
	case data.FieldWorkUnit:
		return &m.WorkUnit
	case data.FieldEducation:
		return &m.Education
	case data.FieldDegree:
		return &m.Degree
	case data.FieldTitle:
		return &m.Title
	case data.FieldPhone:
		return &m.Phone
	case data.FieldAddress:
		return &m.Address
	case data.FieldRole:
		return &m.Role
	case data.FieldCommittee:
		return &m.Committee
	case data.FieldGroup:
		return &m.Group
	case data.FieldStatus:
		return &m.Status
	case data.FieldStatusDate:
		return &m.StatusDate
	case data.FieldNote:
		return &m.Note
	}
	return nil
}
