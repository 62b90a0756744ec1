package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
)

// sheetBuilder writes test workbooks the way offices make them.
type sheetBuilder struct {
	t     testing.TB
	f     *excelize.File
	sheet string
}

func newSheet(t testing.TB, name string) *sheetBuilder {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", name); err != nil {
		t.Fatal(err)
	}
	return &sheetBuilder{t, f, name}
}

func (b *sheetBuilder) row(r int, vals ...any) {
	b.t.Helper()
	if err := b.f.SetSheetRow(b.sheet, fmt.Sprintf("A%d", r), &vals); err != nil {
		b.t.Fatal(err)
	}
}

func (b *sheetBuilder) set(ref string, v any) {
	b.t.Helper()
	if err := b.f.SetCellValue(b.sheet, ref, v); err != nil {
		b.t.Fatal(err)
	}
}

func (b *sheetBuilder) merge(from, to string) {
	b.t.Helper()
	if err := b.f.MergeCell(b.sheet, from, to); err != nil {
		b.t.Fatal(err)
	}
}

func (b *sheetBuilder) format(ref string, style excelize.Style) {
	b.t.Helper()
	id, err := b.f.NewStyle(&style)
	if err != nil {
		b.t.Fatal(err)
	}
	b.f.SetCellStyle(b.sheet, ref, ref, id)
}

func (b *sheetBuilder) bytes() []byte {
	b.t.Helper()
	var buf bytes.Buffer
	if _, err := b.f.WriteTo(&buf); err != nil {
		b.t.Fatal(err)
	}
	return buf.Bytes()
}

func (b *sheetBuilder) read() *RosterSheet {
	b.t.Helper()
	s, err := ReadRoster(bytes.NewReader(b.bytes()))
	if err != nil {
		b.t.Fatal(err)
	}
	return s
}

// summary lists rows as "row name field=value…" for the given fields.
func summary(s *RosterSheet, fields ...string) string {
	var out []string
	for _, r := range s.Rows {
		line := fmt.Sprint(r.Row, " ", r.Member.Name)
		for _, f := range fields {
			line += " " + f + "=" + r.Member.FieldValue(f)
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// messySheet is the kind of file offices really keep: a merged title, a
// line of notes, spaced and starred headers with full-width brackets,
// real Excel dates, numbers where text belongs, blank rows, a 界别 merged
// down two rows, a 合计 line and a signature line under it.
func messySheet(t testing.TB) *sheetBuilder {
	b := newSheet(t, "2024年名册")
	b.set("A1", "政协清河县第十一届委员会委员名单")
	b.merge("A1", "L1")
	b.set("A2", "填报单位：办公室　　　　　　填报时间：2024年3月")
	b.row(3, "序 号", "姓  名", "*性别", "出生\n日期", "政治面貌", "所属界别", "工作单位及职务（职称）",
		"身份证号码", "手机号码", "联系人", "是否\n常委", "变动日期")
	b.row(4, 1, "张三", "男", 27465, "民盟", "教育界", "清河县第一中学副校长", "130525197503120019", 13812345678, "", "√", 45366)
	b.format("D4", excelize.Style{NumFmt: 14}) // shows 03-12-75
	b.format("L4", excelize.Style{NumFmt: 31}) // shows 2024年3月15日
	b.row(5)                                   // blank
	b.row(6, 2, "李四", "女", "1980.10", "中共", "", "清河县人民医院院长", 1.30525198010100e17, "0310-1234567", "王秘书", "否")
	b.row(7, 3, "王 五", "男", 24228, "无党派", "", "经济界人士", 130525660512001, "", "", "")
	fmtYM := `yyyy"年"m"月"`
	b.format("D7", excelize.Style{CustomNumFmt: &fmtYM})
	b.merge("F6", "F7") // 界别 merged over two rows
	b.set("F6", "医药卫生界")
	b.row(8)
	b.row(9)
	b.row(10, "合计", "3人")
	b.row(11, 4, "赵六", "男") // under the 合计 line: not a member
	b.row(12, "填表人：王秘书")
	return b
}

func TestReadMessySheet(t *testing.T) {
	s := messySheet(t).read()
	if s.Sheet != "2024年名册" || s.HeaderRow != 3 {
		t.Errorf("sheet %q header %d", s.Sheet, s.HeaderRow)
	}
	if !slices.Equal(s.Ignored, []string{"联系人"}) {
		t.Errorf("ignored %q", s.Ignored)
	}
	if s.Columns[data.FieldWorkUnit] != "工作单位及职务（职称）" || s.Columns[data.FieldBirth] != "出生\n日期" {
		t.Errorf("columns %q", s.Columns)
	}
	got := summary(s, data.FieldBirth, data.FieldSector, data.FieldIDNumber, data.FieldPhone, data.FieldStanding, data.FieldStatusDate)
	want := strings.Join([]string{
		"4 张三 出生年月=1975-03-12 界别=教育界 身份证号=130525197503120019 联系电话=13812345678 是否常委=是 变动日期=2024-03-15",
		"6 李四 出生年月=1980.10 界别=医药卫生界 身份证号=1.305251980101E+17 联系电话=0310-1234567 是否常委=否 变动日期=",
		"7 王 五 出生年月=1966-05-01 界别=医药卫生界 身份证号=130525660512001 联系电话= 是否常委=否 变动日期=",
	}, "\n")
	if got != want {
		t.Errorf("rows:\n%s\nwant:\n%s", got, want)
	}
	if len(s.Issues) != 0 {
		t.Errorf("issues %+v", s.Issues)
	}
	wantFields := []string{data.FieldName, data.FieldGender, data.FieldBirth, data.FieldIDNumber, data.FieldParty,
		data.FieldSector, data.FieldWorkUnit, data.FieldPhone, data.FieldStanding, data.FieldStatusDate}
	if !slices.Equal(s.Rows[0].Fields, wantFields) {
		t.Errorf("fields %v", s.Rows[0].Fields)
	}
	// What the store makes of them: the dates and the 15-digit ID parse;
	// the ID Excel rounded is refused with the reason and the way out.
	for i, r := range s.Rows {
		m := r.Member
		m.Normalize()
		errs := m.Validate()
		switch i {
		case 0, 2:
			if len(errs) != 0 {
				t.Errorf("row %d: %v", r.Row, errs)
			}
		case 1:
			if len(errs) != 1 || errs[0].Field != data.FieldIDNumber || !strings.Contains(errs[0].Msg, "文本") {
				t.Errorf("row %d: %v, want the rounded-ID message", r.Row, errs)
			}
		}
	}
}

// A header over two rows: 联系方式 merged over 手机 and 通讯地址, the other
// headings merged down both rows.
func TestReadTwoRowHeader(t *testing.T) {
	b := newSheet(t, "Sheet1")
	b.set("A1", "委员通讯录")
	b.row(2, "姓名", "性别", "界别", "联系方式", "")
	b.row(3, "", "", "", "手机", "通讯地址")
	for _, c := range []string{"A", "B", "C"} {
		b.merge(c+"2", c+"3")
	}
	b.merge("D2", "E2")
	b.row(4, "张三", "男", "教育界", "13812345678", "人民路1号")
	s := b.read()
	if s.HeaderRow != 2 || len(s.Ignored) != 0 {
		t.Errorf("header %d ignored %q", s.HeaderRow, s.Ignored)
	}
	if got := summary(s, data.FieldSector, data.FieldPhone, data.FieldAddress); got != "4 张三 界别=教育界 联系电话=13812345678 通讯地址=人民路1号" {
		t.Errorf("rows %s", got)
	}
}

// A row under a one-row header is a member even when its cells happen to
// be header words.
func TestFirstRowThatLooksLikeHeaderWordsIsData(t *testing.T) {
	b := newSheet(t, "Sheet1")
	b.row(1, "姓名", "性别", "界别", "是否常委", "备注")
	b.row(2, "张三", "男", "教育界", "常委", "新委员")
	s := b.read()
	if got := summary(s, data.FieldStanding, data.FieldNote); got != "2 张三 是否常委=是 备注=新委员" {
		t.Errorf("rows %q", got)
	}
}

func TestWorkUnitAndDutyColumnsJoin(t *testing.T) {
	b := newSheet(t, "Sheet1")
	b.row(1, "姓名", "性别", "界别", "工作单位", "职务")
	b.row(2, "张三", "男", "医药卫生界", "清河县人民医院", "院长")
	s := b.read()
	if got := summary(s, data.FieldWorkUnit, data.FieldRole); got != "2 张三 工作单位及职务=清河县人民医院院长 政协职务=" {
		t.Errorf("rows %q", got)
	}
	if _, ok := s.Columns[data.FieldRole]; ok || slices.Contains(s.Rows[0].Fields, data.FieldRole) {
		t.Errorf("职务 beside 工作单位 taken as 政协职务: %q", s.Columns)
	}

	b = newSheet(t, "Sheet1")
	b.row(1, "姓名", "性别", "界别", "工作单位及职务", "职务")
	b.row(2, "张三", "男", "医药卫生界", "清河县人民医院院长", "常委")
	if got := summary(b.read(), data.FieldWorkUnit, data.FieldRole); got != "2 张三 工作单位及职务=清河县人民医院院长 政协职务=常委" {
		t.Errorf("rows %q", got)
	}
}

// Rosters grouped by 界别 have a heading row merged across the table.
func TestSectionHeadingRowsSkipped(t *testing.T) {
	b := newSheet(t, "Sheet1")
	b.row(1, "序号", "姓名", "性别", "界别", "工作单位及职务")
	b.set("A2", "一、中国共产党（1人）")
	b.merge("A2", "E2")
	b.row(3, 1, "张三", "男", "中国共产党", "县委统战部部长")
	b.set("A4", "二、民盟（1人）")
	b.merge("A4", "E4")
	b.row(5, 2, "李四", "女", "民盟", "县一中教师")
	if got := summary(b.read()); got != "3 张三\n5 李四" {
		t.Errorf("rows %q", got)
	}
}

func TestExampleRowSkippedWithItsProblems(t *testing.T) {
	b := newSheet(t, "Sheet1")
	b.row(1, "姓名", "性别", "界别", "是否常委", "备注")
	b.row(2, "张三", "男", "教育界", "也许", "示例：这一行不导入")
	b.row(3, "李四", "女", "教育界", "不知道", "")
	s := b.read()
	if got := summary(s); got != "3 李四" {
		t.Errorf("rows %q", got)
	}
	if len(s.Issues) != 1 || s.Issues[0] != (data.ImportIssue{Row: 3, Field: data.FieldStanding, Msg: "“不知道”无法识别，应为“是”或“否”"}) {
		t.Errorf("issues %+v", s.Issues)
	}
}

func TestFirstSheetWithHeaderChosen(t *testing.T) {
	b := newSheet(t, "说明")
	b.set("A1", "本表为2024年委员名单，姓名按界别排列")
	b.f.NewSheet("隐藏")
	b.f.SetSheetRow("隐藏", "A1", &[]any{"姓名", "性别", "界别"})
	b.f.SetSheetRow("隐藏", "A2", &[]any{"错误", "男", "教育界"})
	b.f.SetSheetVisible("隐藏", false)
	b.f.NewSheet("名单")
	b.f.SetSheetRow("名单", "A5", &[]any{"名字", "性 别", "党派（政治面貌）"})
	b.f.SetSheetRow("名单", "A6", &[]any{"张三", "男", "民盟"})
	s := b.read()
	if s.Sheet != "名单" || s.HeaderRow != 5 || summary(s, data.FieldParty) != "6 张三 党派=民盟" {
		t.Errorf("sheet %q header %d rows %q", s.Sheet, s.HeaderRow, summary(s, data.FieldParty))
	}
}

func TestHeaderAliases(t *testing.T) {
	for header, want := range map[string]string{
		"姓　名": data.FieldName, "出生年月日": data.FieldBirth, "公民身份号码": data.FieldIDNumber,
		"党派（政治面貌）": data.FieldParty, "工作单位及职务\n（职称）": data.FieldWorkUnit, "文化程度": data.FieldEducation,
		"专业技术职称": data.FieldTitle, "手机": data.FieldPhone, "联系地址": data.FieldAddress, "常委": data.FieldStanding,
		"职务": data.FieldRole, "所属专委会": data.FieldCommittee, "联络组": data.FieldGroup, "状态": data.FieldStatus,
		"新委员": data.FieldIsNew, "*界别": data.FieldSector, "出生年月（如1975.03）": data.FieldBirth,
		"序号": "", "联系人": "", "": "",
	} {
		if got := fieldOf(header); got != want {
			t.Errorf("fieldOf(%q) = %q, want %q", header, got, want)
		}
	}
}

func TestParseYesNo(t *testing.T) {
	for in, want := range map[string]bool{"是": true, "√": true, "Y": true, "1": true, "TRUE": true, "否": false,
		"": false, "N": false, "0": false, "×": false} {
		if got, ok := parseYesNo(in); !ok || got != want {
			t.Errorf("parseYesNo(%q) = %v, %v", in, got, ok)
		}
	}
	if _, ok := parseYesNo("也许"); ok {
		t.Error("也许 accepted")
	}
}

func TestIsDateFormat(t *testing.T) {
	for code, want := range map[string]bool{
		"yyyy.mm": true, `yyyy"年"m"月"`: true, "[$-804]yyyy/m/d;@": true, "m/d/yy h:mm": true,
		"0": false, "0.00E+00": false, `"第"0"号"`: false, "@": false, "h:mm:ss": false, "[Red]0.0": false,
	} {
		if got := isDateFormat(code); got != want {
			t.Errorf("isDateFormat(%q) = %v", code, got)
		}
	}
}

func TestReadRosterFileErrors(t *testing.T) {
	onlyName := newSheet(t, "Sheet1")
	onlyName.row(1, "姓名", "联系人")
	onlyName.row(2, "张三", "李四")
	noHeader := newSheet(t, "Sheet1")
	noHeader.set("A1", "随便写点什么")
	for _, c := range []struct {
		name, input, want string
	}{
		{"garbage", "这不是表格", "不是有效的 Excel（.xlsx）文件"},
		{"broken zip", "PK\x03\x04 not really", ".xls"},
		{"empty", "", "不是有效的 Excel"},
		{"old xls", string(oleMagic) + strings.Repeat("\x00", 600), "旧版 Excel（.xls）"},
		{"no header", string(noHeader.bytes()), "没有找到表头：前 15 行中没有包含“姓名”的行"},
		{"only 姓名", string(onlyName.bytes()), "没有找到表头"},
	} {
		s, err := ReadRoster(strings.NewReader(c.input))
		if err == nil || s != nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, %v; want an error with %q", c.name, s, err, c.want)
		}
	}
	headerOnly := newSheet(t, "名单")
	headerOnly.row(3, "姓名", "性别", "界别")
	headerOnly.row(4, "合计", "0人")
	s, err := ReadRoster(bytes.NewReader(headerOnly.bytes()))
	if !errors.Is(err, ErrNoRows) || !strings.Contains(err.Error(), "工作表“名单”第 3 行是表头，但下面没有委员数据") || s == nil {
		t.Errorf("no rows: %v", err)
	}
}

// A member row without a name is still a member row (the store reports
// the missing name), not the second row of the header.
func TestNamelessFirstRowIsData(t *testing.T) {
	b := newSheet(t, "Sheet1")
	b.row(1, "姓名", "性别", "界别", "政协职务")
	b.row(2, "", "男", "教育界", "常委")
	b.row(3, "李四", "女", "教育界", "委员")
	s := b.read()
	if s.HeaderRow != 1 || summary(s, data.FieldRole) != "2  政协职务=常委\n3 李四 政协职务=委员" {
		t.Errorf("header %d rows %q", s.HeaderRow, summary(s, data.FieldRole))
	}
}

func FuzzReadRoster(f *testing.F) {
	var buf bytes.Buffer
	WriteRoster(&buf, RosterDoc{Title: "t", Members: sampleMembers(), Fields: data.RosterFields, FullID: true})
	f.Add(buf.Bytes())
	f.Add(messySheet(f).bytes())
	buf.Reset()
	WriteRosterTemplate(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := ReadRoster(bytes.NewReader(b))
		if err == nil && (s == nil || len(s.Rows) == 0) {
			t.Fatal("no error, but no rows")
		}
		if err != nil && !errors.Is(err, ErrNoRows) && s != nil {
			t.Fatalf("sheet returned with error %v", err)
		}
		if s != nil {
			for _, r := range s.Rows {
				if r.Row <= s.HeaderRow {
					t.Fatalf("row %d above header %d", r.Row, s.HeaderRow)
				}
			}
		}
	})
}
