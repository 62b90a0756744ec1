package sheet

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
	"zhengxie/data/savefile"
)

// eventTemplateColumns are the blank template's columns (one row per
// participant); * marks the required ones.
var eventTemplateColumns = []struct {
	label string
	width float64
}{
	{"序号", 6}, {data.EvColDate + "*", 12}, {data.EvColTitle + "*", 36}, {data.EvColType, 12},
	{data.EvColOrganizer, 16}, {data.EvColPlace, 16}, {data.EvColName + "*", 10}, {data.EvColSector, 14},
	{data.EvColStatus, 12}, {data.EvColRole, 10}, {data.EvColNote, 20},
}

// WriteEventTemplate writes the blank events import template: one row per
// participant, drop-down lists for 类型 (the county's event types) and 出席情况,
// an example row, and a sheet explaining both layouts the import reads.
func WriteEventTemplate(w io.Writer, types []string) error {
	f, st, err := newRosterBook()
	if err != nil {
		return err
	}
	defer f.Close()
	const sheet = "活动登记"
	if err := f.SetSheetName(rosterSheet, sheet); err != nil {
		return err
	}
	last := colName(len(eventTemplateColumns))
	f.MergeCell(sheet, "A1", last+"1")
	f.SetCellStr(sheet, "A1", "会议活动及出席情况导入模板：每行一位参加人员；同一活动的日期、名称等可只在第一行填写")
	example := []string{"1", "2026-03-05", "政协清河县第十一届委员会第五次会议", "全体会议", "县政协办公室", "县会议中心", "张三",
		"教育界", data.AttLeave, "", "示例：此行不导入"}
	for i, c := range eventTemplateColumns {
		col := colName(i + 1)
		f.SetColWidth(sheet, col, col, c.width)
		f.SetCellStr(sheet, col+"2", c.label)
		f.SetCellStr(sheet, col+"3", example[i])
	}
	f.SetCellStyle(sheet, "A2", last+"2", st.header)
	f.SetCellStyle(sheet, "A3", last+"502", st.text)
	for col, options := range map[string][]string{"D": types, "I": data.AttendanceStatuses} {
		if len(options) == 0 {
			continue
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s3:%s502", col, col)
		if err := dv.SetDropList(options); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, "请从列表中选择", "可选："+strings.Join(options, "、"))
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
	if err := pageA4(f, sheet, "landscape", false); err != nil {
		return err
	}
	const help = "填写说明"
	if _, err := f.NewSheet(help); err != nil {
		return err
	}
	f.SetColWidth(help, "A", "A", 100)
	for i, line := range []string{
		"一、本模板每行填写一位参加人员。日期、活动名称、类型、主办单位、地点相同的行属于同一个活动；同一活动的这些列可只在第一行填写。",
		"二、日期可写成 2026-03-05、2026/3/5、2026年3月5日 或 2026.3.5；几天的活动写成 2026年3月5日至7日。",
		"三、类型须为以下之一（可在“设置 → 履职”中修改）：" + strings.Join(types, "、") + "；不填时按活动名称判断（如“…委员会第五次会议”为全体会议）。",
		"四、出席情况可写：" + strings.Join(data.AttendanceStatuses, "、") + "；也可写 √、到会、请假、缺席等，不填视为出席；“请假”即已批准的请假。",
		"五、姓名须与本届委员名册一致；名册中有同名委员时请填写界别。",
		"六、也可导入每个工作表一个活动的签到表：第一行为活动名称，下面写“时间：2026年3月5日　地点：…”，再下面是序号、姓名、界别、出席情况、备注的表格。",
		"七、再次导入同一文件时，已导入的活动（类型、名称、日期相同）会跳过，不会重复。",
	} {
		f.SetCellStr(help, fmt.Sprintf("A%d", i+1), line)
	}
	_, err = f.WriteTo(w)
	return err
}

// EventTemplateFile writes the blank events import template to path.
func EventTemplateFile(path string, types []string) error {
	return savefile.Write(path, func(w io.Writer) error { return WriteEventTemplate(w, types) })
}
