package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"zhengxie/data"
)

// addSheet starts another worksheet; later calls write there.
func (b *sheetBuilder) addSheet(name string) {
	b.t.Helper()
	if _, err := b.f.NewSheet(name); err != nil {
		b.t.Fatal(err)
	}
	b.sheet = name
}

func (b *sheetBuilder) readEvents() *EventBook {
	b.t.Helper()
	book, err := ReadEvents(bytes.NewReader(b.bytes()))
	if err != nil {
		b.t.Fatal(err)
	}
	return book
}

// eventLines lists rows as "sheet row|date|title|type|organizer|place|name|sector|status|role|note".
func eventLines(rows []data.EventRow) string {
	var out []string
	for _, r := range rows {
		out = append(out, fmt.Sprintf("%s %d|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s", r.Sheet, r.Row, r.Date, r.Title, r.Type,
			r.Organizer, r.Place, r.Name, r.Sector, r.Status, r.Role, r.Note))
	}
	return strings.Join(out, "\n")
}

// attendanceRegister is a year's register with one row per participant:
// a merged title, a header with full-width spaces, the event written on
// its first participant only, a real Excel date, two names in one cell,
// an example row and a 合计 line.
func attendanceRegister(t testing.TB) *sheetBuilder {
	b := newSheet(t, "2026年活动登记")
	b.set("A1", "政协清河县委员会2026年委员履职活动出席登记表")
	b.merge("A1", "J1")
	b.row(2, "序号", "日　期", "活动名称", "活动类型", "组织单位", "地点", "姓名", "界别", "出席情况", "备注")
	b.row(3, 1, "2026年3月5日", "政协清河县第十一届委员会第五次会议", "全会", "县政协办公室", "县会议中心", "张明", "经济界", "√", "")
	b.row(4, 2, "", "", "", "", "", "李红", "", "请假（出差）", "")
	b.row(5, 3, time.Date(2026, 4, 10, 0, 0, 0, 0, time.UTC), "乡村振兴专题调研", "", "农业和农村委", "城关镇",
		"王强、赵敏", "", "出席", "执笔")
	b.row(6, 4, "2026-04-11", "示例活动", "调研", "", "", "某某", "", "", "示例：此行不导入")
	b.row(7, "合计", "", "", "", "", "", "4人次")
	b.row(8, 5, "2026-05-01", "不应读到", "调研", "", "", "钱七")
	return b
}

func TestReadEventsOneRowPerParticipant(t *testing.T) {
	book := attendanceRegister(t).readEvents()
	if len(book.Sheets) != 1 || book.Sheets[0].Layout != LayoutRows || book.Sheets[0].HeaderRow != 2 {
		t.Fatalf("sheets %+v", book.Sheets)
	}
	want := strings.Join([]string{
		"2026年活动登记 3|2026年3月5日|政协清河县第十一届委员会第五次会议|全会|县政协办公室|县会议中心|张明|经济界|√||",
		"2026年活动登记 4|2026年3月5日|政协清河县第十一届委员会第五次会议|全会|县政协办公室|县会议中心|李红||请假（出差）||",
		"2026年活动登记 5|2026-04-10|乡村振兴专题调研||农业和农村委|城关镇|王强||出席||执笔",
		"2026年活动登记 5|2026-04-10|乡村振兴专题调研||农业和农村委|城关镇|赵敏||出席||执笔",
	}, "\n")
	if got := eventLines(book.Rows); got != want {
		t.Errorf("rows:\n%s\nwant:\n%s", got, want)
	}
	if got := book.Layouts(); got != LayoutRows {
		t.Errorf("layouts %q", got)
	}
}

// meetingBook has one sheet per event, as offices keep 签到表: a merged
// title naming the event (with the sheet's purpose after it), a line of
// labelled values in one cell or in separate cells, then the table; and an
// instructions sheet without a table.
func meetingBook(t testing.TB) *sheetBuilder {
	b := newSheet(t, "五次全会")
	b.set("A1", "政协清河县第十一届委员会第五次会议出席情况统计表")
	b.merge("A1", "E1")
	b.set("A2", "时间：2026年3月5日（星期四）　　地点：县会议中心")
	b.merge("A2", "E2")
	b.row(3, "序号", "姓 名", "界别", "出席情况", "备注")
	b.row(4, 1, "张明", "经济界", "出席", "")
	b.row(5, 2, "李红", "妇联", "请假(未批准)", "")
	b.row(6, 3, "王强", "", "", "主讲")
	b.addSheet("常委会")
	b.set("A1", "十一届县政协常委会第十二次会议签到表（2026.4.2）")
	b.row(2, "主办", "县政协办公室", "类型", "常委会议")
	b.row(3, "序号", "姓名", "出勤")
	b.row(4, 1, "张明", "迟到")
	b.addSheet("说明")
	b.set("A1", "每个工作表填写一次活动。")
	return b
}

func TestReadEventsOneSheetPerEvent(t *testing.T) {
	book := meetingBook(t).readEvents()
	if len(book.Sheets) != 2 || book.Sheets[0].Layout != LayoutSheet || book.Sheets[1].HeaderRow != 3 {
		t.Fatalf("sheets %+v", book.Sheets)
	}
	if len(book.Skipped) != 1 || book.Skipped[0] != "说明" {
		t.Errorf("skipped %v", book.Skipped)
	}
	want := strings.Join([]string{
		"五次全会 4|2026年3月5日（星期四）|政协清河县第十一届委员会第五次会议|||县会议中心|张明|经济界|出席||",
		"五次全会 5|2026年3月5日（星期四）|政协清河县第十一届委员会第五次会议|||县会议中心|李红|妇联|请假(未批准)||",
		"五次全会 6|2026年3月5日（星期四）|政协清河县第十一届委员会第五次会议|||县会议中心|王强||||主讲",
		"常委会 4|2026.4.2|十一届县政协常委会第十二次会议|常委会议|县政协办公室||张明||迟到||",
	}, "\n")
	if got := eventLines(book.Rows); got != want {
		t.Errorf("rows:\n%s\nwant:\n%s", got, want)
	}
	if got := book.Layouts(); got != LayoutSheet+"（2 个工作表）" {
		t.Errorf("layouts %q", got)
	}
}

func TestReadEventsRefusesWhatIsNotAnAttendanceSheet(t *testing.T) {
	b := newSheet(t, "Sheet1")
	b.row(1, "案由", "提案人")
	b.row(2, "关于…的建议", "张明")
	if _, err := ReadEvents(bytes.NewReader(b.bytes())); err == nil || !strings.Contains(err.Error(), "姓名") {
		t.Errorf("proposal register: %v", err)
	}
	b = newSheet(t, "Sheet1")
	b.row(1, "姓名", "出席情况")
	if _, err := ReadEvents(bytes.NewReader(b.bytes())); !errors.Is(err, errNoEventRows) {
		t.Errorf("empty table: %v", err)
	}
	if _, err := ReadEvents(strings.NewReader("not a workbook")); err == nil || !strings.Contains(err.Error(), ".xlsx") {
		t.Errorf("text file: %v", err)
	}
	// A one-event sheet named by default with no title keeps its title empty: the plan names it.
	b = newSheet(t, "Sheet1")
	b.row(1, "姓名", "出席情况")
	b.row(2, "张明", "出席")
	if book := b.readEvents(); book.Rows[0].Title != "" {
		t.Errorf("title %q from a default sheet name", book.Rows[0].Title)
	}
}

func FuzzReadEvents(f *testing.F) {
	f.Add(attendanceRegister(f).bytes())
	f.Add(meetingBook(f).bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, in []byte) {
		book, err := ReadEvents(bytes.NewReader(in))
		if err == nil && (book == nil || len(book.Rows) == 0) {
			t.Fatal("no error, but no rows")
		}
		if book == nil {
			return
		}
		header := map[string]int{}
		for _, sh := range book.Sheets {
			header[sh.Name] = sh.HeaderRow
		}
		for _, r := range book.Rows {
			if h, ok := header[r.Sheet]; !ok || r.Row <= h {
				t.Fatalf("row %+v read from a sheet with header %d", r, h)
			}
		}
	})
}

// FuzzReadEventCells writes any header, title line and rows into a sheet:
// the reader never fails on them other than with a sentence, and never
// reads a row above the header.
func FuzzReadEventCells(f *testing.F) {
	f.Add("会议签到表", "时间：2026年3月5日 地点：会议室", "序号|姓名|出席情况", "1|张明|√")
	f.Add("", "", "日期|活动名称|姓名|状态", "2026/3/5|调研|张明、李红|请假")
	f.Add("时间", "类型：", "姓名|姓名|界别", "|||")
	f.Fuzz(func(t *testing.T, title, line, header, row string) {
		b := newSheet(t, "S")
		for i, l := range []string{title, line, header, row} {
			var vals []any
			for _, v := range strings.Split(l, "|") {
				vals = append(vals, v)
			}
			if len(vals) > 30 {
				return
			}
			if err := b.f.SetSheetRow("S", fmt.Sprintf("A%d", i+1), &vals); err != nil {
				return
			}
		}
		book, err := ReadEvents(bytes.NewReader(b.bytes()))
		if err != nil {
			return
		}
		for _, r := range book.Rows {
			if r.Row <= book.Sheets[0].HeaderRow || r.Row > 4 {
				t.Fatalf("row %d, header %d", r.Row, book.Sheets[0].HeaderRow)
			}
		}
	})
}

// The blank template reads back as a one-row-per-participant table with
// every column understood and its example row left out.
func TestEventTemplateReadsBack(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteEventTemplate(&buf, []string{"全体会议", "调研"}); err != nil {
		t.Fatal(err)
	}
	book, err := ReadEvents(bytes.NewReader(buf.Bytes()))
	if !errors.Is(err, errNoEventRows) || book == nil || len(book.Sheets) != 1 {
		t.Fatalf("blank template: %v %+v", err, book)
	}
	sh := book.Sheets[0]
	if sh.Layout != LayoutRows || len(sh.Columns) != 10 || len(sh.Ignored) != 0 {
		t.Errorf("template sheet %+v", sh)
	}
}

// A sign-in sheet printing two columns of participants reads the left
// column, then the right one.
func TestReadEventsSideBySideSignInSheet(t *testing.T) {
	b := newSheet(t, "调研")
	b.set("A1", "乡村振兴专题调研签到表")
	b.set("A2", "日期：2026-04-10")
	b.row(3, "序号", "姓名", "出席情况", "序号", "姓名", "出席情况")
	b.row(4, 1, "张明", "√", 3, "王强", "请假")
	b.row(5, 2, "李红", "√", "", "", "")
	book := b.readEvents()
	var got []string
	for _, r := range book.Rows {
		got = append(got, fmt.Sprintf("%d %s %s", r.Row, r.Name, r.Status))
	}
	if strings.Join(got, ", ") != "4 张明 √, 5 李红 √, 4 王强 请假" {
		t.Errorf("rows %v", got)
	}
	if len(book.Sheets[0].Ignored) != 0 || book.Rows[0].Title != "乡村振兴专题调研" || book.Rows[0].Date != "2026-04-10" {
		t.Errorf("sheet %+v, first row %+v", book.Sheets[0], book.Rows[0])
	}
}
