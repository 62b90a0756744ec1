package sheet

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"zhengxie/data/composition"
)

func TestCompositionSheetReadsBack(t *testing.T) {
	st := composition.Compute(sampleMembers(), composition.Options{AsOf: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)})
	var buf bytes.Buffer
	doc := CompositionDoc{Title: "政协清河县第十一届委员会委员构成统计", Date: "统计日期：2026年11月22日", Stats: st}
	if err := WriteComposition(&buf, doc); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("委员构成统计")
	if err != nil {
		t.Fatal(err)
	}
	text := ""
	for _, r := range rows {
		text += strings.Join(r, "|") + "\n"
	}
	// One serving member (the other resigned): 民盟 100%, 合计 1.
	for _, want := range []string{"政协清河县第十一届委员会委员构成统计", "在任委员 1 人", "按性别", "男|1|100.0%", "合计|1|100.0%"} {
		if !strings.Contains(text, want) {
			t.Errorf("sheet lacks %q:\n%s", want, text)
		}
	}
}

func TestCompositionSummaryEmpty(t *testing.T) {
	if got := composition.Summary(composition.Stats{}); !strings.Contains(got, "暂无") {
		t.Errorf("empty summary %q", got)
	}
}
