package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhengxie/data/validate"
)

// The sheets in testdata/partial are shaped as offices keep them: a merged
// title line, a line under it, the header, 界别 merged down a block, every
// number (序号, 身份证号, 电话, 案号) typed as text. Each has good rows and
// bad rows; testdata/partial/README.md says what must happen to each.
// TestWritePartialSheets writes them again (ZX_WRITE_TESTDATA=1).

// idNumber completes a 17-digit prefix with its check digit.
func idNumber(first17 string) string { return first17 + string(validate.CheckDigit(first17)) }

func TestWritePartialSheets(t *testing.T) {
	if os.Getenv("ZX_WRITE_TESTDATA") == "" {
		t.Skip("set ZX_WRITE_TESTDATA=1 to write testdata/partial again")
	}
	dir := filepath.Join("testdata", "partial")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, write := range map[string]func(*excelize.File) error{
		"名册（部分有误）.xlsx":   writePartialRoster,
		"提案台账（部分有误）.xlsx": writePartialLedger,
		"活动登记（部分有误）.xlsx": writePartialEvents,
	} {
		f := excelize.NewFile()
		if err := write(f); err != nil {
			t.Fatal(name, err)
		}
		if err := f.SaveAs(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
}

// titled writes a merged title over columns A..last and a second line,
// then the header on row 3, all as text.
func titled(f *excelize.File, sheet, title, line string, header []string) error {
	last, _ := excelize.ColumnNumberToName(len(header))
	if err := f.MergeCell(sheet, "A1", last+"1"); err != nil {
		return err
	}
	f.SetCellStr(sheet, "A1", title)
	f.SetCellStr(sheet, "A2", line)
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	for i, h := range header {
		c, _ := excelize.CoordinatesToCellName(i+1, 3)
		f.SetCellStr(sheet, c, h)
		f.SetCellStyle(sheet, c, c, bold)
	}
	return nil
}

// textRows writes rows from row 4 down, every cell as text.
func textRows(f *excelize.File, sheet string, rows [][]string) {
	for r, row := range rows {
		for c, v := range row {
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+4)
			f.SetCellStr(sheet, cell, v)
		}
	}
}

// The roster: rows 4–11. Row 6's 身份证号 has a wrong check digit, row 9
// repeats row 4's person, row 11's 出生年月 has no month 13. 界别 is merged
// down rows 4–6 and 7–9.
func writePartialRoster(f *excelize.File) error {
	const sh = "委员名册"
	f.SetSheetName("Sheet1", sh)
	header := []string{"序号", "姓名", "性别", "民族", "出生年月", "身份证号", "党派", "界别", "工作单位及职务", "联系电话"}
	if err := titled(f, sh, "政协清河县第十一届委员会委员名册", "填报单位：县政协办公室　　2026年3月", header); err != nil {
		return err
	}
	zhou := idNumber("13052519720314003")
	bad := idNumber("13052519800101003")
	bad = bad[:17] + string("0123456789"[(int(bad[17]-'0')+1)%10]) // one digit off
	if bad[17] == 'X' {
		bad = bad[:17] + "0"
	}
	textRows(f, sh, [][]string{
		{"1", "周建国", "男", "汉族", "1972.03", zhou, "中共", "经济界", "清河县发展和改革局局长", "13803190001"},
		{"2", "吴秀兰", "女", "汉族", "1978.11", idNumber("13052519781102002"), "民盟", "", "清河县第二中学教师", "13803190002"},
		{"3", "郑海涛", "男", "回族", "1980.01", bad, "无党派", "", "清河县人民医院医生", "13803190003"},
		{"4", "王丽娟", "女", "汉族", "1969.07", idNumber("13052519690715004"), "中共", "教育界", "清河县实验小学校长", "13803190004"},
		{"5", "冯志强", "男", "汉族", "1975.05", idNumber("13052519750520001"), "九三学社", "", "清河县农业农村局农艺师", "13803190005"},
		{"6", "周建国", "男", "汉族", "1972.03", zhou, "中共", "", "清河县发展和改革局局长", "13803190001"},
		{"7", "陈晓明", "男", "汉族", "1985.06", idNumber("13052519850610003"), "民建", "工商联", "清河县晓明农机有限公司总经理", "13803190007"},
		{"8", "孙梅", "女", "汉族", "1983.13", idNumber("13052519830808002"), "致公党", "特邀界", "清河县侨联副主席", "13803190008"},
	})
	for _, m := range [][2]string{{"H4", "H6"}, {"H7", "H9"}} {
		if err := f.MergeCell(sh, m[0], m[1]); err != nil {
			return err
		}
	}
	f.SetColWidth(sh, "F", "F", 22)
	f.SetColWidth(sh, "I", "I", 30)
	return nil
}

// The ledger: rows 4–8 of the fifth session. Row 5's proposer is not on
// the roster, row 6's 类别 is not in the list, row 8 is merged into row
// 6's proposal.
func writePartialLedger(f *excelize.File) error {
	const sh = "提案台账"
	f.SetSheetName("Sheet1", sh)
	header := []string{"案号", "案由", "提案人", "类别", "提交日期", "状态", "主办单位", "备注"}
	if err := titled(f, sh, "政协清河县第十一届委员会第五次会议提案台账", "截至2026年6月30日", header); err != nil {
		return err
	}
	textRows(f, sh, [][]string{
		{"001", "关于加强农村道路养护的建议", "张明", "经济建设", "2026-01-11", "立案", "县交通运输局"},
		{"002", "关于发展县域托育服务的建议", "赵无名", "社会建设", "2026-01-11", "立案", "县卫生健康局"},
		{"003", "关于整治城区噪声扰民的建议", "李红", "城市管理", "2026-01-12", "立案", "县生态环境局"},
		{"004", "关于扶持返乡创业青年的建议", "李红", "经济建设", "2026-01-12", "已提交"},
		{"005", "关于夜间施工噪声管理的建议", "张明", "社会建设", "2026-01-12", "并案（并入第3号）"},
	})
	f.SetColWidth(sh, "B", "B", 36)
	return nil
}

// The events: one row per participant, rows 4–9. The 调研's row 7 names
// someone not on the roster, so the 调研 (rows 6–7) is left out whole;
// row 9's 日期 cannot be read.
func writePartialEvents(f *excelize.File) error {
	const sh = "活动登记"
	f.SetSheetName("Sheet1", sh)
	header := []string{"序号", "日期", "活动名称", "类型", "姓名", "出席情况"}
	if err := titled(f, sh, "2026年委员履职活动登记表", "登记人：县政协办公室", header); err != nil {
		return err
	}
	textRows(f, sh, [][]string{
		{"1", "2026年3月5日", "政协清河县第十一届委员会第五次会议", "全会", "张明", "出席"},
		{"2", "2026年3月5日", "政协清河县第十一届委员会第五次会议", "全会", "李红", "请假"},
		{"3", "2026-04-10", "乡村振兴专题调研", "调研", "李红", "出席"},
		{"4", "2026-04-10", "乡村振兴专题调研", "调研", "王五", "出席"},
		{"5", "2026-05-20", "委员读书会", "学习培训", "张明", "出席"},
		{"6", "2026年5月32日", "民营经济座谈会", "专题协商会", "李红", "出席"},
	})
	for _, m := range [][2]string{{"B4", "B5"}, {"C4", "C5"}, {"D4", "D5"}} {
		if err := f.MergeCell(sh, m[0], m[1]); err != nil {
			return err
		}
	}
	f.SetColWidth(sh, "C", "C", 36)
	return nil
}
