package export

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
)

func sampleMembers() []data.Member {
	var a, b data.Member
	a.Name, a.Gender, a.Ethnicity, a.Birth, a.NativePlace = "张三", "男", "汉族", "1975-03", "河北清河"
	a.IDNumber, a.Party, a.Sector, a.WorkUnit = "130525197503120019", "民盟", "教育界", "清河县第一中学副校长"
	a.Education, a.Degree, a.Title, a.Phone, a.Address = "大学", "学士", "高级教师", "13812345678、0310-1234567", "清河县人民路1号"
	a.Standing, a.Role, a.Committee, a.Group = true, "常委", "提案委员会", "第一委员活动组"
	a.Status, a.StatusDate, a.IsNew, a.Note = "在任", "", true, "备注*有_符号"
	b.Name, b.Gender, b.Birth, b.Party, b.Sector, b.Role, b.Status, b.StatusDate = "欧阳娜娜", "女", "1988-11", "中共", "中国共产党", "委员", "辞去", "2024-03-15"
	return []data.Member{a, b}
}

func TestRosterRoundTripAllFields(t *testing.T) {
	var buf bytes.Buffer
	doc := RosterDoc{Title: "政协清河县第十一届委员会委员名册", Members: sampleMembers(), Fields: data.RosterFields, Date: "制表日期：2026年11月22日"}
	if err := WriteRoster(&buf, doc); err != nil {
		t.Fatal(err)
	}
	s, err := ReadRoster(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if s.HeaderRow != 3 || len(s.Ignored) != 0 || len(s.Issues) != 0 {
		t.Fatalf("header row %d, ignored %v, issues %v", s.HeaderRow, s.Ignored, s.Issues)
	}
	if len(s.Rows) != 2 || s.Rows[0].Row != 4 || s.Rows[1].Row != 5 {
		t.Fatalf("rows %+v", s.Rows)
	}
	for i, want := range sampleMembers() {
		got := s.Rows[i].Member
		got.Normalize()
		want.Normalize()
		for _, f := range data.RosterFields {
			if got.FieldValue(f) != want.FieldValue(f) {
				t.Errorf("row %d %s = %q, want %q", i, f, got.FieldValue(f), want.FieldValue(f))
			}
		}
	}
	if !slices.Equal(s.Rows[0].Fields, data.RosterFields) {
		t.Errorf("fields %v", s.Rows[0].Fields)
	}
}

func TestRosterPrintLayout(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteRoster(&buf, RosterDoc{Title: "委员名册", Members: sampleMembers()}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue(rosterSheet, "E4"); v != "1975.03" {
		t.Errorf("出生年月 printed %q, want 1975.03", v)
	}
	names, _ := f.GetDefinedName(), 0
	found := false
	for _, n := range names {
		if n.Name == "_xlnm.Print_Titles" && strings.Contains(n.RefersTo, "$3:$3") {
			found = true
		}
	}
	if !found {
		t.Errorf("header row not repeated on printed pages: %+v", names)
	}
	layout, err := f.GetPageLayout(rosterSheet)
	if err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" || layout.Size == nil || *layout.Size != 9 {
		t.Errorf("page layout %+v %v", layout, err)
	}
	if typ, _ := f.GetCellType(rosterSheet, "B4"); typ == excelize.CellTypeNumber {
		t.Errorf("序号 or text written as number")
	}
}

// messySheet builds the kind of file offices really have.
func messySheet(t *testing.T) []byte {
	f := excelize.NewFile()
	s := "Sheet1"
	f.SetSheetName(s, "2024年名册")
	s = "2024年名册"
	f.SetCellValue(s, "A1", "政协清河县第十一届委员会委员名单")
	f.MergeCell(s, "A1", "I1")
	f.SetCellValue(s, "A2", "填报单位：办公室")
	header := []string{"序 号", "姓  名", "性别", "出生\n日期", "政治面貌", "所属界别", "工作单位及职务（职称）", "身份证号码", "手机号码", "联系人"}
	for i, h := range header {
		c, _ := excelize.CoordinatesToCellName(i+1, 3)
		f.SetCellValue(s, c, h)
	}
	row := func(r int, vals ...any) {
		for i, v := range vals {
			c, _ := excelize.CoordinatesToCellName(i+1, r)
			f.SetCellValue(s, c, v)
		}
	}
	row(4, 1, "张三", "男", nil, "民盟", "教育界", "清河县第一中学副校长", "130525197503120019", "13812345678")
	// a real Excel date in 出生日期, shown with a date format
	f.SetCellValue(s, "D4", 27465)
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellStyle(s, "D4", "D4", style)
	row(5) // blank row
	row(6, 2, "李四", "女", "1980.10", "中共", "", "清河县人民医院院长", 1.30525198010100e17, "0310-1234567")
	row(7, 3, "王五", "男", "1966年5月", "无党派", "", "经济界人士", "", "")
	f.MergeCell(s, "F6", "F7") // 界别 merged over two rows
	f.SetCellValue(s, "F6", "医药卫生界")
	row(8, "合计", "3人")
	row(9, 4, "赵六", "男") // under the 合计 line: not a member
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadMessySheet(t *testing.T) {
	s, err := ReadRoster(bytes.NewReader(messySheet(t)))
	if err != nil {
		t.Fatal(err)
	}
	if s.Sheet != "2024年名册" || s.HeaderRow != 3 {
		t.Errorf("sheet %q header %d", s.Sheet, s.HeaderRow)
	}
	if !slices.Equal(s.Ignored, []string{"联系人"}) {
		t.Errorf("ignored %q", s.Ignored)
	}
	var got []string
	for _, r := range s.Rows {
		m := r.Member
		got = append(got, fmt.Sprintf("%d %s %s %s %s", r.Row, m.Name, m.Birth, m.Sector, m.IDNumber))
	}
	want := []string{
		"4 张三 27465 教育界 130525197503120019",
		"6 李四 1980.10 医药卫生界 130525198010100000",
		"7 王五 1966年5月 医药卫生界 ",
	}
	if !slices.Equal(got, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// What the store makes of them: the date serial and 1966年5月 parse,
	// the ID that Excel turned into a number is refused with the reason.
	m := s.Rows[0].Member
	m.Normalize()
	if m.Birth != "1975-03" {
		t.Errorf("birth from Excel date = %q", m.Birth)
	}
	if len(s.Issues) != 1 || s.Issues[0].Row != 6 || s.Issues[0].Field != data.FieldIDNumber || !strings.Contains(s.Issues[0].Msg, "文本") {
		t.Errorf("numeric ID issues %+v", s.Issues)
	}
}

func TestTemplateReadsBackEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteRosterTemplate(&buf); err != nil {
		t.Fatal(err)
	}
	_, err := ReadRoster(bytes.NewReader(buf.Bytes()))
	if err == nil || !strings.Contains(err.Error(), "没有委员数据") {
		t.Fatalf("template: %v, want the no-data message", err)
	}
	f, _ := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	defer f.Close()
	if !slices.Contains(f.GetSheetList(), "填写说明") {
		t.Error("no 填写说明 sheet")
	}
	dvs, _ := f.GetDataValidations(rosterSheet)
	if len(dvs) < 5 {
		t.Errorf("%d drop-down lists", len(dvs))
	}
}

func TestReadRosterFileErrors(t *testing.T) {
	if _, err := ReadRoster(strings.NewReader("PK\x03\x04 not really")); err == nil || !strings.Contains(err.Error(), ".xlsx") {
		t.Errorf("garbage: %v", err)
	}
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "随便写点什么")
	var buf bytes.Buffer
	f.WriteTo(&buf)
	if _, err := ReadRoster(&buf); err == nil || !strings.Contains(err.Error(), "表头") {
		t.Errorf("no header: %v", err)
	}
}

func TestBadYesNoCellNamed(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "性别", "界别", "是否常委"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"张三", "男", "教育界", "也许"})
	var buf bytes.Buffer
	f.WriteTo(&buf)
	s, err := ReadRoster(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Issues) != 1 || s.Issues[0].Row != 2 || s.Issues[0].Field != data.FieldStanding {
		t.Errorf("issues %+v", s.Issues)
	}
}

func FuzzReadRoster(f *testing.F) {
	var buf bytes.Buffer
	WriteRoster(&buf, RosterDoc{Title: "t", Members: sampleMembers(), Fields: data.RosterFields})
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := ReadRoster(bytes.NewReader(b))
		if err == nil && s == nil {
			t.Fatal("nil sheet without error")
		}
	})
}
