package sheet

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"zhengxie/data"
	"zhengxie/data/savefile"
)

// TestAuditSheetForALook writes a two-page sample to look at:
// ZX_SHOTS=/tmp/shots go test ./export -run AuditSheetForALook
func TestAuditSheetForALook(t *testing.T) {
	dir := os.Getenv("ZX_SHOTS")
	if dir == "" {
		t.Skip("set ZX_SHOTS to a folder to write the sample")
	}
	var es []data.AuditEntry
	for i := range 40 {
		e := data.AuditEntry{At: fmt.Sprintf("2026-11-%02dT09:%02d:00+08:00", 22-i/5, i), Actor: "王主任", Action: "新增", Entity: "提案",
			EntityID: int64(100 + i), Detail: fmt.Sprintf("%d号 关于加强农村饮水安全工程建设与管护的建议", 30+i)}
		if i%3 == 0 {
			e.Action, e.Entity, e.Detail = "修改", "委员", "张三"
			e.Changes = []data.FieldChange{{Field: "界别", Before: "教育界", After: "经济界"},
				{Field: "联系电话", Before: "138****5678", After: "139****1111"}, {Field: "备注", After: "2026年增补"}}
		}
		es = append(es, e)
	}
	err := savefile.Write(filepath.Join(dir, "audit.xlsx"), func(w io.Writer) error {
		return WriteAuditSheet(w, AuditSheetDoc{Title: "政协清河县委员会操作日志", Date: "导出日期：2026年11月22日",
			Filter: "日期 2026-11-01 至 2026-11-30；操作人：王主任", Entries: es})
	})
	if err != nil {
		t.Fatal(err)
	}
}
