package sheet

import (
	"bytes"
	"strings"
	"testing"

	"zhengxie/data"
)

func TestAuditSheetListsLinesWithChanges(t *testing.T) {
	doc := AuditSheetDoc{Title: "政协清河县委员会操作日志", Date: "导出日期：2026年11月22日", Filter: "对象：委员",
		Entries: []data.AuditEntry{
			{At: "2026-11-22T09:30:00+08:00", Actor: "王主任", Action: "修改", Entity: "委员", EntityID: 7, Detail: "张三",
				Changes: []data.FieldChange{{Field: "界别", Before: "教育界", After: "经济界"}, {Field: "备注", After: "新"}}},
			{At: "2026-11-21T08:00:00+08:00", Action: "新增", Entity: "委员", EntityID: 7, Detail: "张三"},
		}}
	f := writeAndOpen(t, func(b *bytes.Buffer) error { return WriteAuditSheet(b, doc) })
	rows, _ := f.GetRows(auditSheet)
	if rows[0][0] != doc.Title || strings.Join(rows[2], "|") != "序号|时间|操作人|操作|对象|编号|内容|修改内容" {
		t.Fatalf("head %q", rows[:3])
	}
	if got := strings.Join(rows[3], "|"); got != "1|2026-11-22 09:30:00|王主任|修改|委员|7|张三|界别：“教育界”改为“经济界”\n备注：（空）改为“新”" {
		t.Errorf("row 1: %q", got)
	}
	if got := strings.Join(rows[4], "|"); got != "2|2026-11-21 08:00:00||新增|委员|7|张三" {
		t.Errorf("row 2: %q", got)
	}
	if rows[5][0] != "筛选条件：对象：委员" {
		t.Errorf("note %q", rows[5])
	}
	layout, _ := f.GetPageLayout(auditSheet)
	if layout.Orientation == nil || *layout.Orientation != "landscape" || layout.Size == nil || *layout.Size != 9 {
		t.Errorf("page layout %+v", layout)
	}
	if hf, _ := f.GetHeaderFooter(auditSheet); !strings.Contains(hf.OddFooter, "&P") {
		t.Errorf("no page numbers: %+v", hf)
	}
}

func TestAuditSheetSaysWhenNothingMatched(t *testing.T) {
	f := writeAndOpen(t, func(b *bytes.Buffer) error {
		return WriteAuditSheet(b, AuditSheetDoc{Title: "操作日志", Date: "导出日期：2026年11月22日"})
	})
	if v, _ := f.GetCellValue(auditSheet, "A4"); v != "没有符合条件的记录" {
		t.Errorf("A4 = %q", v)
	}
}
