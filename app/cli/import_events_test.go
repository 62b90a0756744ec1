package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
)

// skipWithoutEventStore skips while the 履职 store is still the contract
// stub. TEMPORARY: removed once data/activity_store.go lands.
func skipWithoutEventStore(t *testing.T, db string) {
	t.Helper()
	s, err := data.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
}

// meetingSheets writes one sheet per event, as offices keep 签到表: a title,
// a 时间 line and the participants.
func meetingSheets(t *testing.T, extra string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "五次全会")
	sheets := []struct {
		name, title, when string
		rows              [][]any
	}{
		{"五次全会", "政协清河县第十一届委员会第五次会议签到表", "时间：2026年3月5日", [][]any{{1, "张明", "出席"}, {2, "李红", "请假"}}},
		{"常委会", "县政协常委会第十二次会议", "时间：2026年4月2日　地点：县政协三楼", [][]any{{1, "张明", "迟到"}, {2, extra, ""}}},
	}
	for i, s := range sheets {
		if i > 0 {
			f.NewSheet(s.name)
		}
		f.SetCellStr(s.name, "A1", s.title)
		f.SetCellStr(s.name, "A2", s.when)
		f.SetSheetRow(s.name, "A3", &[]any{"序号", "姓名", "出席情况"})
		for j, r := range s.rows {
			f.SetSheetRow(s.name, fmt.Sprintf("A%d", j+4), &r)
		}
	}
	path := filepath.Join(t.TempDir(), "签到表.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportEventsPreviewYesThenSkip(t *testing.T) {
	db := proposalDB(t)
	skipWithoutEventStore(t, db)
	path := meetingSheets(t, "李红")
	code, out, errOut := run(t, "--db", db, "import", "events", path)
	if code != ExitOK || !strings.Contains(out, "未写入数据") || !strings.Contains(out, layoutLine) {
		t.Fatalf("preview: %d %s %s", code, out, errOut)
	}
	if !strings.Contains(out, "2026-04-02\t常委会议\t县政协常委会第十二次会议\t2 人（出席 2，请假 0，缺席 0）") {
		t.Errorf("preview lacks the 常委会议 line:\n%s", out)
	}
	code, out, errOut = run(t, "--db", db, "import", "events", path, "--yes")
	if code != ExitOK || !strings.Contains(out, "新增 2 个活动（4 人次）") {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	code, out, _ = run(t, "--db", db, "import", "events", path, "--yes")
	if code != ExitOK || !strings.Contains(out, "新增 0 个活动（0 人次），跳过已导入的 2 个") {
		t.Fatalf("second import: %d %s", code, out)
	}
	s, err := data.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.ListActivities(context.Background(), data.ActivityFilter{Kind: data.ActEvent})
	if err != nil || len(list) != 2 {
		t.Fatalf("stored %d events, %v", len(list), err)
	}
}

func TestImportEventsUnknownNameIsAProblemUnlessKept(t *testing.T) {
	db := proposalDB(t)
	skipWithoutEventStore(t, db)
	path := meetingSheets(t, "王五")
	code, out, errOut := run(t, "--db", db, "import", "events", path, "--yes")
	if code != ExitIssues || !strings.Contains(out, "第 5 行\t姓名\t工作表“常委会”：本届名册中没有“王五”") ||
		!strings.Contains(errOut, "未导入任何数据") {
		t.Fatalf("unknown name: %d %s %s", code, out, errOut)
	}
	code, out, errOut = run(t, "--db", db, "import", "events", path, "--keep-unmatched", "--yes")
	if code != ExitOK || !strings.Contains(out, "提示：第 5 行") || !strings.Contains(out, "新增 2 个活动") {
		t.Fatalf("kept: %d %s %s", code, out, errOut)
	}
	if code, _, _ := run(t, "--db", db, "import", "events"); code != ExitUsage {
		t.Errorf("without a file: exit %d", code)
	}
}

// layoutLine is how the preview names a one-sheet-per-event workbook.
const layoutLine = "格式：每个工作表一个活动（2 个工作表）"
