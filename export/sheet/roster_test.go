package sheet

import (
	"bytes"
	"errors"
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
	b.IDNumber, b.Phone, b.WorkUnit = "13052519881105002X", "031012345678", "清河县人民医院党委书记、院长，河北省医学会常务理事"
	return []data.Member{a, b}
}

func writeRoster(t *testing.T, doc RosterDoc) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteRoster(&buf, doc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRosterRoundTripAllFields(t *testing.T) {
	doc := RosterDoc{Title: "政协清河县第十一届委员会委员名册", Members: sampleMembers(), Fields: data.RosterFields,
		Date: "制表日期：2026年11月22日", FullID: true}
	s, err := ReadRoster(bytes.NewReader(writeRoster(t, doc)))
	if err != nil {
		t.Fatal(err)
	}
	if s.Sheet != "委员名册" || s.HeaderRow != 3 || len(s.Ignored) != 0 || len(s.Issues) != 0 {
		t.Fatalf("sheet %q header row %d, ignored %v, issues %v", s.Sheet, s.HeaderRow, s.Ignored, s.Issues)
	}
	if len(s.Rows) != 2 || s.Rows[0].Row != 4 || s.Rows[1].Row != 5 {
		t.Fatalf("rows %+v", s.Rows)
	}
	for i, want := range sampleMembers() {
		got := s.Rows[i].Member
		if got.Birth != strings.Replace(want.Birth, "-", ".", 1) {
			t.Errorf("row %d 出生年月 read as %q, want it as printed", i, got.Birth)
		}
		got.Normalize()
		want.Normalize()
		if got != want {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, got, want)
		}
	}
	if !slices.Equal(s.Rows[0].Fields, data.RosterFields) {
		t.Errorf("fields %v", s.Rows[0].Fields)
	}
}

func TestRosterDefaultColumnsReadBack(t *testing.T) {
	s, err := ReadRoster(bytes.NewReader(writeRoster(t, RosterDoc{Title: "委员名册", Members: sampleMembers()})))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.Rows[0].Fields, PrintFields) {
		t.Errorf("printed columns %v, want %v", s.Rows[0].Fields, PrintFields)
	}
	if m := s.Rows[1].Member; m.Name != "欧阳娜娜" || m.Phone != "031*****5678" || m.Role != "委员" {
		t.Errorf("second row %+v", m)
	}
}

func TestRosterMasksIDAndPhoneUnlessFullID(t *testing.T) {
	for _, c := range []struct {
		full      bool
		id, phone string
	}{
		{false, "1305**********0019", "138****5678\n0310-***4567"},
		{true, "130525197503120019", "13812345678\n0310-1234567"},
	} {
		b := writeRoster(t, RosterDoc{Title: "委员名册", Members: sampleMembers(), Fields: data.RosterFields, FullID: c.full})
		f, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(rosterSheet)
		f.Close()
		got := map[string]string{}
		for i, h := range rows[2] {
			got[h] = rows[3][i]
		}
		if got[data.FieldIDNumber] != c.id || got[data.FieldPhone] != c.phone {
			t.Errorf("FullID %v: 身份证号 %q, 联系电话 %q; want %q, %q", c.full, got[data.FieldIDNumber], got[data.FieldPhone], c.id, c.phone)
		}
	}
}

func TestRosterPrintLayout(t *testing.T) {
	b := writeRoster(t, RosterDoc{Title: "政协清河县第十一届委员会委员名册", Members: sampleMembers(), Date: "制表日期：2026年11月22日"})
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sh = rosterSheet
	// 序号 + the 11 printed columns: A…L.
	header, _ := f.GetRows(sh)
	if got := header[2]; !slices.Equal(got, append([]string{"序号"}, PrintFields...)) {
		t.Errorf("header %v", got)
	}
	merged, _ := f.GetMergeCells(sh)
	if len(merged) == 0 || merged[0].GetStartAxis() != "A1" || merged[0].GetEndAxis() != "L1" {
		t.Errorf("title not merged across A1:L1: %v", merged)
	}
	if v, _ := f.GetCellValue(sh, "E4"); v != "1975.03" {
		t.Errorf("出生年月 printed %q, want 1975.03", v)
	}
	if v, _ := f.GetCellValue(sh, "A2"); v != "制表日期：2026年11月22日" {
		t.Errorf("date row %q", v)
	}
	// Phone and every other value are text cells, never numbers.
	for _, ref := range []string{"A4", "K4", "K5", "E4"} {
		if typ, _ := f.GetCellType(sh, ref); typ != excelize.CellTypeSharedString {
			t.Errorf("%s has cell type %v, want text", ref, typ)
		}
	}
	style := func(ref string) *excelize.Style {
		id, _ := f.GetCellStyle(sh, ref)
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	if st := style("A1"); st.Font == nil || st.Font.Family != "黑体" || st.Font.Size < 14 || st.Alignment.Horizontal != "center" {
		t.Errorf("title style %+v", st.Font)
	}
	if st := style("H3"); !st.Font.Bold || len(st.Fill.Color) == 0 || len(st.Border) != 4 {
		t.Errorf("header style: bold %v fill %v borders %d", st.Font.Bold, st.Fill.Color, len(st.Border))
	}
	if st := style("H5"); st.Font.Family != "宋体" || len(st.Border) != 4 || !st.Alignment.WrapText || st.NumFmt != 49 {
		t.Errorf("工作单位及职务 cell: font %q borders %d wrap %v numfmt %d", st.Font.Family, len(st.Border),
			st.Alignment.WrapText, st.NumFmt)
	}
	if h, _ := f.GetRowHeight(sh, 5); h < 30 {
		t.Errorf("row with a long 工作单位及职务 is %.0f high, its second line would be cut", h)
	}
	found := false
	for _, n := range f.GetDefinedName() {
		found = found || n.Name == "_xlnm.Print_Titles" && n.RefersTo == "'委员名册'!$3:$3"
	}
	if !found {
		t.Errorf("header row not repeated on printed pages: %+v", f.GetDefinedName())
	}
	layout, err := f.GetPageLayout(sh)
	if err != nil || *layout.Orientation != "landscape" || *layout.Size != 9 || *layout.FitToWidth != 1 || *layout.FitToHeight != 0 {
		t.Errorf("page layout %+v %v", layout, err)
	}
	if panes, _ := f.GetPanes(sh); !panes.Freeze || panes.YSplit != 3 {
		t.Errorf("panes %+v, want frozen under the header", panes)
	}
	if hf, _ := f.GetHeaderFooter(sh); !strings.Contains(hf.OddFooter, "第 &P 页 共 &N 页") {
		t.Errorf("footer %q", hf.OddFooter)
	}
}

func TestTemplateReadsBackEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteRosterTemplate(&buf); err != nil {
		t.Fatal(err)
	}
	s, err := ReadRoster(bytes.NewReader(buf.Bytes()))
	if !errors.Is(err, ErrNoRows) || !strings.Contains(err.Error(), "没有委员数据") {
		t.Fatalf("template: %v, want the no-data message", err)
	}
	if s == nil || len(s.Rows) != 0 || len(s.Issues) != 0 || len(s.Ignored) != 0 || len(s.Columns) != len(data.RosterFields) {
		t.Fatalf("template read as %+v", s)
	}
	f, _ := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	defer f.Close()
	rows, _ := f.GetRows(rosterSheet)
	if got := strings.Join(rows[1], ","); got != "序号,姓名*,性别*,"+strings.Join(data.RosterFields[2:7], ",")+",界别*,"+
		strings.Join(data.RosterFields[8:], ",") {
		t.Errorf("template header %s", got)
	}
	if note := rows[2][len(rows[2])-1]; note != "示例行，导入时请删除" {
		t.Errorf("example row note %q", note)
	}
	lists := map[string]string{}
	dvs, _ := f.GetDataValidations(rosterSheet)
	for _, dv := range dvs {
		col := strings.TrimRight(strings.Split(dv.Sqref, ":")[0], "0123456789")
		n, _ := excelize.ColumnNameToNumber(col)
		lists[strings.TrimSuffix(rows[1][n-1], "*")] = dv.Formula1
	}
	for field, want := range map[string][]string{
		data.FieldGender: data.Genders, data.FieldEducation: data.Educations, data.FieldDegree: data.Degrees,
		data.FieldStanding: {"是", "否"}, data.FieldRole: data.Roles, data.FieldStatus: data.Statuses,
		data.FieldIsNew: {"是", "否"},
	} {
		if !strings.Contains(lists[field], strings.Join(want, ",")) {
			t.Errorf("%s drop-down %q, want %v", field, lists[field], want)
		}
	}
	for _, col := range []string{"G", "N"} { // 身份证号, 联系电话
		id, _ := f.GetCellStyle(rosterSheet, col+"40")
		if st, _ := f.GetStyle(id); st.NumFmt != 49 {
			t.Errorf("column %s (%s) is not formatted as text", col, rows[1][colNumber(col)-1])
		}
	}
	help, _ := f.GetRows("填写说明")
	text := ""
	for _, r := range help {
		text += strings.Join(r, "|") + "\n"
	}
	for _, want := range []string{"姓名|必填", "性别|必填", "界别|必填", "身份证号|18 位", "出生年月|如 1975.03"} {
		if !strings.Contains(text, want) {
			t.Errorf("填写说明 lacks %q", want)
		}
	}
}

func colNumber(name string) int {
	n, _ := excelize.ColumnNameToNumber(name)
	return n
}

// An office fills the template below the example row and forgets to
// delete it: the example is skipped, the member read with its row number.
func TestFilledTemplateImports(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteRosterTemplate(&buf); err != nil {
		t.Fatal(err)
	}
	f, _ := excelize.OpenReader(&buf)
	f.SetSheetRow(rosterSheet, "A4", &[]any{1, "李四", "女", "汉族", "1980.10", "", "130525198010100026", "中共", "医药卫生界"})
	f.SetCellStr(rosterSheet, "P4", "是")
	buf.Reset()
	f.WriteTo(&buf)
	s, err := ReadRoster(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Rows) != 1 || s.Rows[0].Row != 4 || s.Rows[0].Member.Name != "李四" || !s.Rows[0].Member.Standing {
		t.Fatalf("rows %+v", s.Rows)
	}
}
