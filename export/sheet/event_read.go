package sheet

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"zhengxie/data"
)

// The two layouts offices keep attendance in.
const (
	// LayoutRows is one row per participant, the event in columns
	// (日期, 活动名称, 类型 … 姓名, 出席情况).
	LayoutRows = "每行一人次"
	// LayoutSheet is one sheet per event: a title row (the event's name),
	// lines such as “时间：2026年3月5日”, then the participants' table.
	LayoutSheet = "每个工作表一个活动"
)

// EventBook is an events/attendance workbook as read: each sheet that has
// a participants' table, and the rows of all of them.
type EventBook struct {
	Sheets  []EventSheet
	Skipped []string // visible sheets without a participants' table
	Rows    []data.EventRow
}

// EventSheet is one sheet read.
type EventSheet struct {
	Name      string
	Layout    string // LayoutRows or LayoutSheet
	HeaderRow int    // 1-based
	Event     data.EventRow
	Columns   map[string]string // column label (data.EvCol*) → header text found
	Ignored   []string
	Rows      int     // participant rows read
	Source    *Source // the sheet as read, for the rows a partial import leaves out
}

var eventVocab = newVocab(map[string][]string{
	data.EvColDate: {"日期", "时间", "活动日期", "会议日期", "活动时间", "会议时间", "举办日期", "举办时间", "开会日期",
		"开会时间"},
	data.EvColTitle: {"活动名称", "会议名称", "名称", "活动", "会议", "活动内容", "会议内容", "活动主题", "会议主题", "主题",
		"活动(会议)名称", "会议(活动)名称", "活动/会议名称", "会议/活动名称", "活动项目", "事项", "履职活动"},
	data.EvColType: {"类型", "活动类型", "会议类型", "类别", "活动类别", "会议类别", "活动形式"},
	data.EvColOrganizer: {"主办", "主办单位", "组织单位", "组织者", "承办单位", "组织部门", "牵头单位", "主办部门",
		"组织", "主办方"},
	data.EvColPlace: {"地点", "活动地点", "会议地点", "举办地点"},
	data.EvColName: {"姓名", "委员姓名", "委员", "参加人员", "参会人员", "参加委员", "参会委员", "出席人员", "名字",
		"人员"},
	data.EvColSector: {"界别", "所属界别", "界别名称"},
	data.EvColStatus: {"出席情况", "出勤", "出勤情况", "状态", "出席", "考勤", "考勤情况", "是否出席", "是否参加", "参加情况",
		"到会情况", "签到", "签到情况", "出席状态", "到会"},
	data.EvColRole: {"角色", "身份", "分工", "承担任务", "任务", "职责"},
	data.EvColNote: {"备注", "请假事由", "缺席原因", "事由", "请假原因"},
})

var (
	errEventsTooBig = data.UserErr("无法读取文件：文件超过 64 MB，不像是活动签到表。请只保留签到表工作表后再导入")
	errNoEventTable = data.UserErr("没有找到参加人员表：各工作表前 15 行中都没有包含“姓名”的表头（表头还需至少一个其他列名，" +
		"如 出席情况、界别、活动名称）。请检查表格")
	errNoEventRows = data.UserErr("找到了参加人员表的表头，但下面没有参加人员")
)

// ReadEvents reads events with their participants from an xlsx file in
// either layout, decided for each visible sheet: a sheet whose table has an
// 活动名称 column holds one row per participant; any other sheet with a
// 姓名 table is one event, named by its title row and described by lines
// such as “时间：2026年3月5日　地点：…” above the table. Headers are found
// and mapped as in ReadRoster (first 15 rows, the names offices use,
// merged cells spread), section headings and example rows skipped, and
// reading stops at a 合计 or 填表人 line. Every error is a Chinese sentence.
func ReadEvents(r io.Reader) (book *EventBook, err error) {
	defer func() {
		if p := recover(); p != nil { // excelize may panic on a malformed file
			book, err = nil, errNotExcel
		}
	}()
	w, err := openWorkbook(r, errEventsTooBig)
	if err != nil {
		return nil, err
	}
	defer w.Close()
	book = &EventBook{}
	names, pos := w.visibleSheets()
	for i, name := range names {
		g, err := w.readGrid(name, pos[i])
		if isBoundError(err) {
			return nil, err
		}
		if err != nil {
			continue
		}
		header, ok := eventVocab.findHeader(g, data.EvColName)
		if !ok {
			if len(g.shown) > 0 {
				book.Skipped = append(book.Skipped, name)
			}
			continue
		}
		sh := EventSheet{Name: name, HeaderRow: header + 1, Columns: map[string]string{}}
		rows := sh.read(g, header)
		sh.Rows = len(rows)
		book.Sheets = append(book.Sheets, sh)
		book.Rows = append(book.Rows, rows...)
	}
	switch {
	case len(book.Sheets) == 0:
		return nil, errNoEventTable
	case len(book.Rows) == 0:
		return book, errNoEventRows
	}
	return book, nil
}

// read maps the sheet's columns, decides its layout and reads its rows.
func (sh *EventSheet) read(g *grid, header int) []data.EventRow {
	mapped, start, ignored := eventVocab.mapColumns(g, header, data.EvColName)
	sh.Ignored = ignored
	cols := map[int]string{}
	for c, m := range mapped {
		cols[c] = m.field
		sh.Columns[m.field] = m.header
	}
	sh.Layout = LayoutSheet
	if _, ok := sh.Columns[data.EvColTitle]; ok {
		sh.Layout = LayoutRows
	}
	sh.Event = readEventHead(g, header, sh.Layout == LayoutSheet)
	sh.Event.Sheet = sh.Name
	if sh.Layout == LayoutSheet && sh.Event.Title == "" && !defaultSheetName.MatchString(sh.Name) {
		sh.Event.Title = sh.Name
	}
	sh.Source = g.newSource(sh.Name, start)
	var out []data.EventRow
	for _, block := range sh.blocks(g, start-1, cols) {
		out = append(out, sh.readBlock(g, start, block)...)
	}
	return out
}

// blocks splits a sign-in sheet that prints participants side by side
// (序号 姓名 出席情况 | 序号 姓名 出席情况) into its column blocks, each read
// top to bottom in turn; other sheets are one block.
func (sh *EventSheet) blocks(g *grid, header int, cols map[int]string) []map[int]string {
	var names []int
	for c := range g.shown[header] {
		if eventVocab.field(g.text(header, c)) == data.EvColName {
			names = append(names, c)
		}
	}
	if sh.Layout != LayoutSheet || len(names) < 2 {
		return []map[int]string{cols}
	}
	width := names[1] - names[0]
	blocks := []map[int]string{{}}
	for c, f := range cols {
		if c < names[0]+width {
			blocks[0][c] = f
		}
	}
	for k := 1; k < len(names); k++ {
		b := map[int]string{}
		for c, f := range blocks[0] {
			if eventVocab.field(g.text(header, c+k*width)) == f {
				b[c+k*width] = f
			}
		}
		blocks = append(blocks, b)
	}
	sh.Ignored = slices.DeleteFunc(sh.Ignored, func(t string) bool { return eventVocab.field(t) != "" })
	return blocks
}

// readBlock reads the participant rows of one column block from start
// down to the first stop line.
func (sh *EventSheet) readBlock(g *grid, start int, cols map[int]string) []data.EventRow {
	order := make([]int, 0, len(cols))
	for c := range cols {
		order = append(order, c)
	}
	slices.Sort(order)
	var out []data.EventRow
	prev := sh.Event
	for r := start; r < len(g.shown); r++ {
		if stopRow(g, r) {
			break
		}
		if g.sectionRow(r) {
			continue
		}
		row, ok := sh.readRow(g, r, cols, order)
		if !ok {
			continue
		}
		if sh.Layout == LayoutRows && row.Title == "" && row.Date == "" && row.Type == "" {
			// a participant under the first of its event: the cells left blank mean "the same"
			row.Title, row.Date, row.Type = prev.Title, prev.Date, prev.Type
			row.Organizer, row.Place = orText(row.Organizer, prev.Organizer), orText(row.Place, prev.Place)
		}
		prev = row
		out = append(out, splitNames(row)...)
		sh.Source.keep(g, r, func(c int) string {
			field, ok := cols[c]
			if !ok {
				return ""
			}
			if v := g.eventValue(r, c, field); v != "" || field == data.EvColName {
				return v
			}
			if p := eventField(&row, field); p != nil { // a blank cell meaning "the same as above"
				return *p
			}
			return ""
		})
	}
	return out
}

// readRow reads one participant row; ok is false for an empty or example row.
func (sh *EventSheet) readRow(g *grid, r int, cols map[int]string, order []int) (data.EventRow, bool) {
	row := sh.Event
	row.Row = r + 1
	if sh.Layout == LayoutRows {
		row.Title, row.Date, row.Type = "", "", ""
	}
	found := false
	for _, c := range order {
		v := g.eventValue(r, c, cols[c])
		if v == "" {
			continue
		}
		if p := eventField(&row, cols[c]); p != nil {
			*p = v
			found = found || cols[c] != data.EvColStatus
		}
	}
	if !found || strings.HasPrefix(row.Note, "示例") {
		return row, false
	}
	return row, true
}

// eventField is where a column's value goes in a row.
func eventField(row *data.EventRow, field string) *string {
	switch field {
	case data.EvColDate:
		return &row.Date
	case data.EvColTitle:
		return &row.Title
	case data.EvColType:
		return &row.Type
	case data.EvColOrganizer:
		return &row.Organizer
	case data.EvColPlace:
		return &row.Place
	case data.EvColName:
		return &row.Name
	case data.EvColSector:
		return &row.Sector
	case data.EvColStatus:
		return &row.Status
	case data.EvColRole:
		return &row.Role
	case data.EvColNote:
		return &row.Note
	}
	return nil
}

func orText(v, d string) string {
	if v == "" {
		return d
	}
	return v
}

var nameSep = regexp.MustCompile(`[、，,;；/]+`)

// splitNames turns a cell listing several names (张三、李四) into one row
// per name.
func splitNames(row data.EventRow) []data.EventRow {
	names := nameSep.Split(row.Name, -1)
	var out []data.EventRow
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			r := row
			r.Name = n
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return []data.EventRow{row}
	}
	return out
}

// eventValue is the text a cell gives: what it shows, except that a real
// Excel date in the 日期 column becomes YYYY-MM-DD whatever its format.
func (g *grid) eventValue(r, c int, field string) string {
	if field == data.EvColDate {
		return g.proposalValue(r, c, data.ColSubmitted)
	}
	return g.text(r, c)
}

var defaultSheetName = regexp.MustCompile(`^(?i:sheet|工作表)\s*\d*$`)

// headLabels are the labels of the lines above a one-event sheet's table.
var headLabels = regexp.MustCompile(`(活动名称|会议名称|活动时间|会议时间|时间|日期|活动地点|会议地点|地点|活动类型|会议类型|类型|` +
	`主办单位|组织单位|承办单位|主办|组织)\s*[:：]\s*`)

// titleDate is a date written inside a title: （2026年3月5日）.
var titleDate = regexp.MustCompile(`[(（]?\s*(\d{4}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?)\s*[)）]?`)

// titleSuffixes end the title of an attendance sheet but not the event's name.
var titleSuffixes = []string{"出席情况统计表", "出席情况登记表", "出席情况一览表", "出席情况表", "出席情况", "出席人员名单",
	"出勤情况统计表", "出勤情况表", "出勤情况", "出勤表", "考勤登记表", "考勤表", "签到表", "签到册", "签到单",
	"参会人员名单", "参加人员名单", "参会名单", "参加名单", "人员名单", "名单", "登记表"}

// readEventHead reads the lines above the table: labelled values
// (时间：…, 地点：…) and, when withTitle, the first other line as the event's
// name, with a date written in it taken out.
func readEventHead(g *grid, header int, withTitle bool) data.EventRow {
	var ev data.EventRow
	for r := 0; r < header && r < len(g.shown); r++ {
		line := headLine(g, r)
		if line == "" {
			continue
		}
		labels := headLabels.FindAllStringSubmatchIndex(line, -1)
		if len(labels) == 0 {
			if withTitle && ev.Title == "" {
				ev.Title = line
			}
			continue
		}
		for i, m := range labels {
			end := len(line)
			if i+1 < len(labels) {
				end = labels[i+1][0]
			}
			v := strings.Trim(strings.TrimSpace(line[m[1]:end]), " 　，,；;。")
			setHead(&ev, line[m[2]:m[3]], v, withTitle)
		}
	}
	if m := titleDate.FindStringSubmatchIndex(ev.Title); m != nil {
		if ev.Date == "" {
			ev.Date = ev.Title[m[2]:m[3]]
		}
		ev.Title = ev.Title[:m[0]] + ev.Title[m[1]:]
	}
	ev.Title = strings.TrimSpace(ev.Title)
	for _, s := range titleSuffixes {
		if t := strings.TrimSpace(strings.TrimSuffix(ev.Title, s)); t != ev.Title && t != "" {
			ev.Title = t
			break
		}
	}
	return ev
}

func setHead(ev *data.EventRow, label, v string, withTitle bool) {
	if v == "" {
		return
	}
	var p *string
	switch label {
	case "活动名称", "会议名称":
		if withTitle {
			p = &ev.Title
		}
	case "活动时间", "会议时间", "时间", "日期":
		p = &ev.Date
	case "活动地点", "会议地点", "地点":
		p = &ev.Place
	case "活动类型", "会议类型", "类型":
		p = &ev.Type
	default:
		p = &ev.Organizer
	}
	if p != nil && *p == "" {
		*p = v
	}
}

// headLine is a row above the table as one line: its cells in order, each
// merged range once, a cell holding only a label (时间) joined to the next.
func headLine(g *grid, r int) string {
	var b strings.Builder
	for c := range g.shown[r] {
		t := g.text(r, c)
		if o, merged := g.origin[[2]int{r, c}]; t == "" || merged && o != [2]int{r, c} {
			continue
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "：") {
			b.WriteString("　")
		}
		b.WriteString(t)
		if m := headLabels.FindStringIndex(t + "："); m != nil && m[0] == 0 && m[1] == len(t+"：") {
			b.WriteString("：")
		}
	}
	return b.String()
}

// Layouts says how the workbook was read: "每行一人次" or
// "每个工作表一个活动（3 个工作表）".
func (b *EventBook) Layouts() string {
	n := map[string]int{}
	for _, s := range b.Sheets {
		n[s.Layout]++
	}
	var parts []string
	for _, l := range []string{LayoutRows, LayoutSheet} {
		switch {
		case n[l] == 0:
		case l == LayoutSheet || n[l] > 1:
			parts = append(parts, fmt.Sprintf("%s（%d 个工作表）", l, n[l]))
		default:
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, "；")
}
