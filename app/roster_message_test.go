package app

import (
	"strings"
	"testing"

	"zhengxie/data"
)

// The import's closing message names a few updated rows and summarises
// many (an import of a whole roster once listed 181 numbers).
func TestRosterImportMessageSummarisesManyRows(t *testing.T) {
	many := make([]int, 181)
	for i := range many {
		many[i] = i + 3
	}
	gappy := append(append([]int{}, many[1:]...), 200) // rows 4–183 and 200
	for _, c := range []struct {
		res  data.ImportResult
		want string
	}{
		{data.ImportResult{Created: 4}, "导入完成：新增 4 人，更新 0 人。"},
		{data.ImportResult{Created: 1, Updated: 2, UpdatedRows: []int{5, 9}}, "表格第 5、9 行更新了已有委员的信息"},
		{data.ImportResult{Created: 116, Updated: 181, UpdatedRows: many}, "表格第 3–183 行（共 181 行）更新了"},
		{data.ImportResult{Updated: 181, UpdatedRows: gappy}, "表格第 4–200 行中的 181 行更新了"},
	} {
		got := rosterImportMessage(c.res)
		if !strings.Contains(got, c.want) || strings.Count(got, "、") > 9 {
			t.Errorf("rows %v: message %q, want it to say %q", c.res.UpdatedRows, got, c.want)
		}
	}
}
