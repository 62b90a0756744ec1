package sheet

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
)

func TestIssuesSheetListsEveryProblem(t *testing.T) {
	issues := []data.ImportIssue{{Row: 5, Field: data.FieldIDNumber, Msg: "校验码错误"}, {Row: 9, Field: data.FieldSector, Msg: "不能为空"}}
	var buf bytes.Buffer
	if err := WriteIssues(&buf, "名册.xlsx", issues); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("导入问题清单")
	if len(rows) != 4 || rows[2][0] != "5" || rows[2][1] != "身份证号" || rows[3][2] != "不能为空" || !strings.Contains(rows[0][0], "共 2 处") {
		t.Errorf("rows %q", rows)
	}
}
