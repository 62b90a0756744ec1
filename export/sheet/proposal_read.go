package sheet

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
)

// ProposalSheet is a proposal register (提案台账) read from an office's
// Excel file: where the table was found, which columns were understood,
// and the rows with their Excel row numbers. Values are as typed (real
// Excel dates as YYYY-MM-DD); the store reads and checks them.
type ProposalSheet struct {
	Sheet     string            // worksheet the register was found in
	HeaderRow int               // 1-based row of the header (the upper row of a two-row header)
	Columns   map[string]string // column label (data.Col*) → header text found
	Ignored   []string          // header texts not understood (their columns are not imported)
	Rows      []data.ProposalRow
	Source    *Source // the sheet as read, for the rows a partial import leaves out
}

// Pseudo-fields of the header vocabulary, resolved after mapping.
const (
	colSerial = "序号"   // 序号: the 案号 only when the sheet has no 案号 column
	colEither = "提案类型" // 大会/平时 or 提案者性质, decided by each cell
)

// proposalVocab maps the header texts of county registers to columns.
var proposalVocab = newVocab(map[string][]string{
	data.ColNumber:       {"案号", "提案号", "提案编号", "编号", "提案案号", "立案号", "提案序号", "案号(编号)"},
	colSerial:            {"序号", "序"},
	data.ColTitle:        {"案由", "题目", "提案名称", "提案题目", "标题", "提案案由", "案题", "提案标题"},
	data.ColCategory:     {"类别", "提案分类", "分类", "提案类别", "所属类别", "提案类型(类别)"},
	data.ColProposerType: {"提案者性质", "提案性质", "提案人性质", "提案者类型", "提案人类别", "提案者类别"},
	colEither:            {"提案类型"},
	data.ColProposers:    {"第一提案人", "提案人", "领衔人", "领衔提案人", "提案者", "提案单位", "领衔委员", "提案人(单位)"},
	data.ColCosigners:    {"联名人", "联名提案人", "附议人", "联名委员", "附议委员", "其他提案人"},
	data.ColSector:       {"界别", "所属界别", "提案人界别", "界别(组别)"},
	data.ColKind:         {"大会/平时", "大会平时", "大会或平时", "会议/平时", "提出时间类型", "提交类型"},
	data.ColSubmitted:    {"提交日期", "提交时间", "提出日期", "提出时间", "收文日期", "收文时间", "提案日期", "提交"},
	data.ColBody:         {"正文", "内容", "提案内容", "提案正文", "建议内容", "主要内容"},
	data.ColStatus:       {"状态", "审查结果", "办理状态", "审查意见", "立案情况", "是否立案", "流程状态", "提案状态"},
	data.ColRejectReason: {"不立案理由", "不予立案理由", "未立案原因", "不立案原因", "不予立案原因"},
	data.ColLead: {"主办单位", "承办单位", "主办(分办)单位", "主办/分办单位", "主办或分办单位", "主办部门", "承办部门",
		"牵头单位", "主办", "主办(牵头)单位"},
	data.ColCo:           {"会办单位", "协办单位", "配合单位", "会办部门", "协办部门", "会办"},
	data.ColSplit:        {"分办单位", "分办"},
	data.ColAssigned:     {"交办日期", "交办时间"},
	data.ColDeadline:     {"办理期限", "办结期限", "答复期限"},
	data.ColAnswered:     {"答复日期", "答复时间", "办复日期", "办复时间", "复函日期"},
	data.ColDocNo:        {"答复文号", "文号", "复函文号", "答复函文号"},
	data.ColClass:        {"办理结果", "答复类别", "结果分类", "办理结果分类", "答复类型", "落实情况分类", "结果类别", "办理类别"},
	data.ColSatisfaction: {"满意度", "评价", "委员评价", "满意程度", "办理评价", "测评结果", "满意情况", "反馈意见"},
	data.ColKey:          {"重点", "是否重点", "是否重点提案", "重点提案"},
	data.ColExcellent:    {"优秀", "是否优秀", "优秀提案", "是否优秀提案"},
	data.ColNote:         {"备注"},
	data.ColSession:      {"会次", "届次", "会议"},
})

// proposalDates are the columns whose real Excel dates become YYYY-MM-DD.
var proposalDates = map[string]bool{data.ColSubmitted: true, data.ColAssigned: true, data.ColDeadline: true,
	data.ColAnswered: true}

// ErrNoProposals matches the error ReadProposals returns for a sheet that
// has a header but no proposal rows.
var ErrNoProposals = data.UserErr("台账中没有提案数据")

type noProposalsError struct {
	sheet  string
	header int
}

func (e noProposalsError) Error() string {
	return fmt.Sprintf("工作表“%s”第 %d 行是表头，但下面没有提案数据（以“示例”开头的备注所在行不导入）", e.sheet, e.header)
}

func (e noProposalsError) Is(target error) bool { return target == ErrNoProposals }

var (
	errLedgerTooBig = data.UserErr("无法读取文件：文件超过 64 MB，不像是提案台账。请只保留台账工作表后再导入")
	errNoLedgerHead = data.UserErr("没有找到表头：前 15 行中没有包含“案由”（或“题目”“提案名称”）的行，" +
		"表头还需至少一个其他列名，如 案号、提案人、类别。请检查表格")
)

// ReadProposals reads a proposal register from an xlsx file, with the
// same tolerance as ReadRoster: the first visible sheet with a header in
// its first 15 rows (one or two rows), columns mapped by the names offices
// use, merged cells spread, empty, section-heading and example rows
// skipped, and a stop at a 合计 or 填表人 line. A sheet with a header but no
// rows is returned together with an error matching ErrNoProposals. Every
// error is a Chinese sentence for the user.
func ReadProposals(r io.Reader) (sheet *ProposalSheet, err error) {
	defer func() {
		if p := recover(); p != nil { // excelize may panic on a malformed file
			sheet, err = nil, errNotExcel
		}
	}()
	w, err := openWorkbook(r, errLedgerTooBig)
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
		header, ok := proposalVocab.findHeader(g, data.ColTitle)
		if !ok {
			continue
		}
		s := &ProposalSheet{Sheet: name, HeaderRow: header + 1, Columns: map[string]string{}}
		cols, start := s.mapColumns(g, header)
		s.Source = g.newSource(name, start)
		s.readRows(g, cols, start)
		if len(s.Rows) == 0 {
			return s, userErr(noProposalsError{name, s.HeaderRow})
		}
		return s, nil
	}
	return nil, errNoLedgerHead
}

// mapColumns matches the header to columns, records what was found in
// s.Columns and s.Ignored, and returns each column's field and the first
// data row.
func (s *ProposalSheet) mapColumns(g *grid, header int) (map[int]string, int) {
	mapped, start, ignored := proposalVocab.mapColumns(g, header, data.ColTitle)
	s.Ignored = ignored
	cols := map[int]string{}
	serial := -1
	for c, m := range mapped {
		switch m.field {
		case colSerial:
			serial = c
		default:
			cols[c] = m.field
			s.Columns[m.field] = m.header
		}
	}
	if _, ok := s.Columns[data.ColNumber]; !ok && serial >= 0 {
		cols[serial] = data.ColNumber
		s.Columns[data.ColNumber] = mapped[serial].header
	}
	return cols, start
}

// readRows reads the proposal rows from start down to the first stop line.
func (s *ProposalSheet) readRows(g *grid, cols map[int]string, start int) {
	order := make([]int, 0, len(cols))
	for c := range cols {
		order = append(order, c)
	}
	slices.Sort(order)
	for r := start; r < len(g.shown); r++ {
		if stopRow(g, r) {
			break
		}
		if g.sectionRow(r) {
			continue
		}
		cells, content := s.rowCells(g, r, cols, order)
		if !content || strings.HasPrefix(strings.TrimSpace(cells[data.ColNote]), "示例") {
			continue
		}
		s.Rows = append(s.Rows, data.ProposalRow{Row: r + 1, Cells: cells})
		s.Source.keep(g, r, func(c int) string {
			if field, ok := cols[c]; ok {
				return g.proposalValue(r, c, field)
			}
			return ""
		})
	}
}

// rowCells reads one row's cells by column; content is false for a row
// holding nothing but a 案号 or 会次 (a pre-numbered template line).
func (s *ProposalSheet) rowCells(g *grid, r int, cols map[int]string, order []int) (cells map[string]string, content bool) {
	cells = map[string]string{}
	for _, c := range order {
		field := cols[c]
		v := g.proposalValue(r, c, field)
		if v == "" {
			continue
		}
		if field == colEither {
			field = eitherField(v)
			if _, taken := cells[field]; taken || s.Columns[field] != "" {
				continue
			}
		}
		cells[field] = v
		content = content || (field != data.ColNumber && field != data.ColSession)
	}
	return cells, content
}

// eitherField decides what a 提案类型 cell means: 大会/平时 or 提案者性质.
func eitherField(v string) string {
	for _, kind := range []string{"大会", "会议", "平时", "闭会"} {
		if strings.HasPrefix(v, kind) {
			return data.ColKind
		}
	}
	return data.ColProposerType
}

// proposalValue is the text a register cell gives: what the cell shows,
// except that a real Excel date in a date column becomes YYYY-MM-DD
// whatever its display format.
func (g *grid) proposalValue(r, c int, field string) string {
	shown := g.text(r, c)
	if shown == "" || !proposalDates[field] {
		return shown
	}
	ar, ac := g.topLeft(r, c)
	if !g.isNumber(ar, ac) || !g.isDateCell(ar, ac) {
		return shown
	}
	var n float64
	if _, err := fmt.Sscan(g.nums[[2]int{ar, ac}].raw, &n); err != nil || n < 1 {
		return shown
	}
	if t, err := excelize.ExcelDateToTime(n, g.date1904); err == nil {
		return t.Format("2006-01-02")
	}
	return shown
}
