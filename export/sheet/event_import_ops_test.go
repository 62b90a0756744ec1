package sheet

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
	"zhengxie/data/datatest"
)

// eventCounty is a county with the members the test workbooks name.
func eventCounty(t *testing.T) (*data.Store, data.Term) {
	t.Helper()
	s, term := datatest.County(t)
	skipWithoutEventStore(t, s)
	for _, m := range [][2]string{{"张明", "经济界"}, {"李红", "妇联"}, {"王强", "教育界"}, {"赵敏", "教育界"}} {
		x := data.Member{Person: data.Person{Name: m[0], Gender: "男"},
			Membership: data.Membership{TermID: term.ID, Party: "中共", Sector: m[1]}}
		if err := s.CreateMember(context.Background(), &x); err != nil {
			t.Fatal(err)
		}
	}
	return s, term
}

// skipWithoutEventStore skips while the 履职 store is still the contract
// stub. TEMPORARY: removed once data/activity_store.go lands.
func skipWithoutEventStore(t testing.TB, s *data.Store) {
	t.Helper()
}

func writeBook(t *testing.T, b *sheetBuilder, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b.bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// The one-sheet-per-event book previews, imports and re-imports as nothing.
func TestPreviewEventFileAppliesOnceThenSkips(t *testing.T) {
	ctx := context.Background()
	s, term := eventCounty(t)
	path := writeBook(t, meetingBook(t), "签到表.xlsx")
	p, err := PreviewEventFile(ctx, s, term, path, data.EventImportOptions{Actor: "小周"})
	if err != nil {
		t.Fatal(err)
	}
	if !p.OK() {
		t.Fatalf("issues %+v", p.Issues)
	}
	info := strings.Join(p.Info(), "\n")
	for _, want := range []string{"签到表.xlsx", LayoutSheet, "第十一届", "识别的列：姓名、界别、出席情况、备注",
		"已跳过的工作表：说明"} {
		if !strings.Contains(info, want) {
			t.Errorf("info lacks %q:\n%s", want, info)
		}
	}
	if len(p.Plan.Events) != 2 || p.Plan.Events[0].Activity.Type != "全体会议" || p.Plan.Events[1].Activity.Type != "常委会议" {
		t.Fatalf("events %+v", p.Plan.Events)
	}
	if m := p.Plan.Events[0].Activity.Members; len(m) != 3 || m[1].Status != data.AttLeaveRefused || m[2].Role != "主讲" {
		t.Errorf("members %+v", m)
	}
	res, err := p.Apply(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if got := EventResultMessage(res); got != "导入完成：新增 2 个活动（4 人次）。" {
		t.Errorf("message %q", got)
	}
	again, err := PreviewEventFile(ctx, s, term, path, data.EventImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if again.Plan.Skipped != 2 || again.Plan.Created != 0 || EventAction(again.Plan.Events[0]) != "跳过（已导入过）" {
		t.Errorf("re-import plan %+v", again.Plan)
	}
}

// A register with a problem refuses to apply, and its problem list names
// the row and the field.
func TestPreviewEventFileProblemsBlockAndExport(t *testing.T) {
	ctx := context.Background()
	s, term := eventCounty(t)
	b := attendanceRegister(t)
	b.set("I3", "出差") // 张明's status
	path := writeBook(t, b, "登记.xlsx")
	p, err := PreviewEventFile(ctx, s, term, path, data.EventImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p.OK() || len(p.Issues) != 1 || p.Issues[0].Row != 3 || p.Issues[0].Field != data.EvColStatus {
		t.Fatalf("issues %+v", p.Issues)
	}
	if _, err := p.Apply(ctx, s); !errors.Is(err, data.ErrImportHasIssues) {
		t.Errorf("apply: %v", err)
	}
	if list, _ := s.ListActivities(ctx, data.ActivityFilter{TermID: term.ID}); len(list) != 0 {
		t.Errorf("refused import wrote %d activities", len(list))
	}
	out := filepath.Join(t.TempDir(), "问题.xlsx")
	if err := IssuesFile(out, "登记.xlsx", p.Issues); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("导入问题清单")
	if len(rows) != 3 || rows[2][0] != "3" || rows[2][1] != data.EvColStatus {
		t.Errorf("problem list %q", rows)
	}
}
