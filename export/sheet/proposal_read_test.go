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

func (b *sheetBuilder) readProposals() *ProposalSheet {
	b.t.Helper()
	s, err := ReadProposals(bytes.NewReader(b.bytes()))
	if err != nil {
		b.t.Fatal(err)
	}
	return s
}

// cells lists rows as "row col=value…" for the given columns.
func cells(s *ProposalSheet, cols ...string) string {
	var out []string
	for _, r := range s.Rows {
		line := fmt.Sprint(r.Row)
		for _, c := range cols {
			line += " " + c + "=" + r.Cells[c]
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// countyRegister is a register as a county office keeps it: a merged
// title and a note line, a two-row header (承办单位 over 主办/会办, 答复情况
// over 答复日期/答复类别), 案号 written three ways, a real Excel date, a unit
// merged down two rows, a blank row, a section heading, a 合计 line and a
// signature line with a row under it.
func countyRegister(t testing.TB) *sheetBuilder {
	b := newSheet(t, "提案台账")
	b.set("A1", "政协清河县第十一届委员会第五次会议提案办理情况台账")
	b.merge("A1", "N1")
	b.set("A2", "填报单位：提案委　　　　2025年12月")
	b.row(3, "序号", "提案号", "题　目", "第一提案人", "联名提案人", "类别", "审查结果", "承办单位", "", "答复情况", "",
		"满意度", "联系电话", "备注")
	b.row(4, "", "", "", "", "", "", "", "主办单位", "会办单位", "答复日期", "答复类别")
	for _, col := range []string{"A", "B", "C", "D", "E", "F", "G", "L", "M", "N"} {
		b.merge(col+"3", col+"4")
	}
	b.merge("H3", "I3")
	b.merge("J3", "K3")
	b.row(5, 1, "第1号", "关于改善城区学校周边交通秩序的建议", "张明", "李红、王强", "社会建设", "已立案", "", "县交通运输局",
		45775, "A类", "满意", "13800000000", "")
	b.format("J5", excelize.Style{NumFmt: 31}) // shows 2025年4月28日
	b.row(6, 2, 2, "关于加快老旧小区改造的建议", "李红", "", "经济建设", "办理中", "", "", "", "", "", "", "")
	b.set("H5", "县住房和城乡建设局")
	b.merge("H5", "H6") // one 主办 for both rows
	b.row(7)
	b.set("A8", "二、不予立案的提案")
	b.merge("A8", "N8")
	b.row(9, 3, "012", "关于推广某品牌净水器的建议", "王强", "", "其他", "不予立案（转社情民意）", "", "", "", "", "", "",
		"宣传推介具体产品")
	b.row(10, "合计", "3件")
	b.row(11, 4, "013", "合计下面的一行", "张明")
	b.row(12, "填表人：小周")
	return b
}

func TestReadProposalsCountyRegister(t *testing.T) {
	s := countyRegister(t).readProposals()
	if s.Sheet != "提案台账" || s.HeaderRow != 3 {
		t.Errorf("sheet %q header row %d", s.Sheet, s.HeaderRow)
	}
	want := []string{data.ColNumber, data.ColTitle, data.ColCategory, data.ColProposers, data.ColCosigners, data.ColStatus,
		data.ColLead, data.ColCo, data.ColAnswered, data.ColClass, data.ColSatisfaction, data.ColNote}
	if got := s.Recognised(); !slices.Equal(got, want) {
		t.Errorf("columns %v\nwant %v", got, want)
	}
	if !slices.Equal(s.Ignored, []string{"联系电话"}) {
		t.Errorf("ignored %v", s.Ignored)
	}
	got := cells(s, data.ColNumber, data.ColProposers, data.ColCosigners, data.ColLead, data.ColCo, data.ColAnswered,
		data.ColClass, data.ColStatus)
	wantRows := strings.Join([]string{
		"5 案号=第1号 提案人=张明 联名人=李红、王强 主办单位=县住房和城乡建设局 会办单位=县交通运输局 答复日期=2025-04-28 办理结果=A类 状态=已立案",
		"6 案号=2 提案人=李红 联名人= 主办单位=县住房和城乡建设局 会办单位= 答复日期= 办理结果= 状态=办理中",
		"9 案号=012 提案人=王强 联名人= 主办单位= 会办单位= 答复日期= 办理结果= 状态=不予立案（转社情民意）",
	}, "\n")
	if got != wantRows {
		t.Errorf("rows:\n%s\nwant:\n%s", got, wantRows)
	}
	if s.Rows[0].Cells[data.ColTitle] != "关于改善城区学校周边交通秩序的建议" {
		t.Errorf("title %q", s.Rows[0].Cells[data.ColTitle])
	}
}

func TestReadProposalsUsesSerialWhenThereIsNoNumber(t *testing.T) {
	b := newSheet(t, "Sheet1")
	b.row(1, "序号", "案由", "提案人", "提案类型", "提案类型")
	b.row(2, 7, "关于加强农村饮水安全的建议", "张明", "大会提案", "委员个人")
	b.row(3, 8, "关于发展县域物流的建议", "民建清河县委员会", "党派", "平时")
	s := b.readProposals()
	got := cells(s, data.ColNumber, data.ColKind, data.ColProposerType)
	want := "2 案号=7 大会/平时=大会提案 提案者性质=\n3 案号=8 大会/平时= 提案者性质=党派"
	if got != want {
		t.Errorf("rows:\n%s\nwant:\n%s", got, want)
	}
}

func TestReadProposalsSkipsNumberOnlyRowsAndExamples(t *testing.T) {
	b := newSheet(t, "Sheet1")
	b.row(1, "案号", "案由", "提案人", "备注")
	b.row(2, 1, "关于示例的建议", "张三", "示例：请删除本行")
	b.row(3, 2, "关于真实提案的建议", "张明")
	b.row(4, 3) // a pre-numbered blank line of a template
	b.row(5, 4)
	s := b.readProposals()
	if len(s.Rows) != 1 || s.Rows[0].Row != 3 {
		t.Errorf("rows %+v", s.Rows)
	}
}

func TestReadProposalsRefusesWhatIsNotARegister(t *testing.T) {
	roster := newSheet(t, "名册")
	roster.row(1, "姓名", "性别", "界别")
	roster.row(2, "张明", "男", "经济界")
	empty := newSheet(t, "台账")
	empty.row(1, "案号", "案由", "提案人")
	for _, c := range []struct {
		name string
		in   []byte
		want string
	}{
		{"old xls", append(slices.Clone(oleMagic), make([]byte, 100)...), "旧版 Excel（.xls）"},
		{"not excel", []byte("案号,案由\n1,关于…"), "不是有效的 Excel（.xlsx）文件"},
		{"a roster", roster.bytes(), "没有找到表头：前 15 行中没有包含“案由”"},
		{"header only", empty.bytes(), "第 1 行是表头，但下面没有提案数据"},
	} {
		s, err := ReadProposals(bytes.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
		if c.name == "header only" && (!errors.Is(err, ErrNoProposals) || s == nil) {
			t.Errorf("header only: sheet %v, err %v: want the sheet and ErrNoProposals", s, err)
		}
	}
}

func FuzzReadProposals(f *testing.F) {
	f.Add(countyRegister(f).bytes())
	b := newSheet(f, "提案台账")
	b.row(1, "序号", "案号", "案由", "类别", "提案者性质", "提案人", "界别", "大会/平时", "提交日期", "状态",
		"主办（分办）单位", "会办单位", "交办日期", "办理期限", "答复日期", "办理结果", "满意度", "重点", "优秀", "备注")
	b.row(2, 1, "第001号", "关于…的建议", "社会建设", "委员联名", "张明、李红", "经济界", "大会", "2025-01-11", "已答复",
		"县教育局", "", "2025-02-20", "2025-05-20", "2025-04-28", "A", "满意2", "重点督办\n王副县长", "是", "")
	f.Add(b.bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, in []byte) {
		s, err := ReadProposals(bytes.NewReader(in))
		if err == nil && (s == nil || len(s.Rows) == 0) {
			t.Fatal("no error, but no rows")
		}
		if err != nil && !errors.Is(err, ErrNoProposals) && s != nil {
			t.Fatalf("sheet returned with error %v", err)
		}
		if s == nil {
			return
		}
		for _, r := range s.Rows {
			if r.Row <= s.HeaderRow {
				t.Fatalf("row %d above header %d", r.Row, s.HeaderRow)
			}
			if strings.TrimSpace(r.Cells[data.ColTitle]+r.Cells[data.ColProposers]+r.Cells[data.ColStatus]) == "" &&
				len(r.Cells) <= 1 {
				t.Fatalf("row %d has no content: %v", r.Row, r.Cells)
			}
		}
	})
}

// FuzzReadProposalCells fuzzes what the cells say rather than the file's
// bytes: header texts and values split on "|", one sheet row each.
func FuzzReadProposalCells(f *testing.F) {
	f.Add("序号|案号|案由|提案人|状态", "1|第1号|关于…的建议|张明|已立案", "合计|1件")
	f.Add("题目|提案类型|提案类型|承办单位", "关于…|大会|党派|县教育局", "")
	f.Add("标题|案由", "案由|题目", "序号")
	f.Fuzz(func(t *testing.T, header, row1, row2 string) {
		b := newSheet(t, "S")
		for i, line := range []string{header, row1, row2} {
			var vals []any
			for _, v := range strings.Split(line, "|") {
				vals = append(vals, v)
			}
			if len(vals) > 50 {
				return
			}
			if err := b.f.SetSheetRow("S", fmt.Sprintf("A%d", i+1), &vals); err != nil {
				return // text excelize refuses to store
			}
		}
		s, err := ReadProposals(bytes.NewReader(b.bytes()))
		if err != nil && s != nil && !errors.Is(err, ErrNoProposals) {
			t.Fatalf("sheet with error %v", err)
		}
		if s != nil {
			for _, r := range s.Rows {
				if r.Row <= s.HeaderRow || r.Row > 3 {
					t.Fatalf("row %d, header %d", r.Row, s.HeaderRow)
				}
			}
		}
	})
}
