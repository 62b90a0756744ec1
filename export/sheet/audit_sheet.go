package sheet

import (
	"io"
	"strings"
	"time"

	"zhengxie/data"
)

// AuditSheetDoc is a printed extract of the 操作日志.
type AuditSheetDoc struct {
	Title   string // e.g. 政协清河县委员会操作日志
	Date    string // e.g. 导出日期：2026年11月22日
	Filter  string // the filter in words, printed under the table; "" for the whole log
	Entries []data.AuditEntry
}

const auditSheet = "操作日志"

// AuditTime is how an audit line's time reads: "2026-11-22 09:00:00", or the
// stored text when it is not RFC 3339.
func AuditTime(at string) string {
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		return at
	}
	return t.Format("2006-01-02 15:04:05")
}

// AuditChanges is the changes of one line, one field a line.
func AuditChanges(cs []data.FieldChange) string {
	lines := make([]string, len(cs))
	for i, c := range cs {
		lines[i] = c.String()
	}
	return strings.Join(lines, "\n")
}

// WriteAuditSheet writes the audit lines as a bordered table, A4 landscape,
// header repeated and pages numbered, with the filter under it.
func WriteAuditSheet(w io.Writer, doc AuditSheetDoc) error {
	cols := []tableColumn{{"序号", 6, cellCenter}, {"时间", 19, cellCenter}, {"操作人", 9, cellCenter},
		{"操作", 8, cellCenter}, {"对象", 11, cellCenter}, {"编号", 6, cellCenter},
		{"内容", 30, cellWrap}, {"修改内容", 46, cellWrap}}
	t, err := newTableSheet(auditSheet, doc.Title, doc.Date, cols)
	if err != nil {
		return err
	}
	for i, e := range doc.Entries {
		var id any
		if e.EntityID != 0 {
			id = int(e.EntityID)
		}
		t.addRow([]any{i + 1, AuditTime(e.At), e.Actor, e.Action, e.Entity, id, e.Detail, AuditChanges(e.Changes)}, false)
	}
	if len(doc.Entries) == 0 {
		row := t.addRow([]any{"没有符合条件的记录"}, false)
		t.merge(row, 1, len(cols))
	}
	if doc.Filter != "" {
		t.addNote("筛选条件：" + doc.Filter)
	}
	return t.finish(w, "landscape", 0)
}
