package data_test

import (
	"context"
	"testing"
	"time"

	"zhengxie/data"
	"zhengxie/data/datatest"
)

func TestReportTextKeptForNextTime(t *testing.T) {
	ctx := context.Background()
	s := datatest.Empty(t)
	got, err := s.ReportText(ctx, "proposals", "term11.session3")
	if err != nil || got.Scope != "term11.session3" || len(got.Sections) != 0 || got.SavedAt != "" {
		t.Fatalf("nothing saved yet: %+v, %v", got, err)
	}
	save := func(scope, practice string, at time.Time) {
		t.Helper()
		s.Now = func() time.Time { return at }
		if err := s.SaveReportText(ctx, data.ReportText{Kind: "proposals", Scope: scope,
			Sections: map[string]string{"practice": practice + "\r\n第二段"}}); err != nil {
			t.Fatal(err)
		}
	}
	save("term11.session3", "去年的做法", datatest.Today)
	save("year2024", "年度的做法", datatest.Today.Add(-time.Hour))

	got, _ = s.ReportText(ctx, "proposals", "term11.session3")
	if got.Sections["practice"] != "去年的做法\n第二段" || got.Scope != "term11.session3" {
		t.Errorf("same scope: %+v", got)
	}
	// A new session starts from the text saved last (not the older year text).
	got, _ = s.ReportText(ctx, "proposals", "term11.session4")
	if got.Scope != "term11.session3" || got.Sections["practice"] != "去年的做法\n第二段" {
		t.Errorf("next session should start from the last saved text: %+v", got)
	}
	save("term11.session4", "今年的做法", datatest.Today.Add(time.Hour))
	if got, _ = s.ReportText(ctx, "proposals", "term11.session4"); got.Sections["practice"] != "今年的做法\n第二段" {
		t.Errorf("after saving: %+v", got)
	}
	// Another kind of report shares nothing, and "_" in a kind is no wildcard.
	if got, _ = s.ReportText(ctx, "p_oposals", "term11.session4"); len(got.Sections) != 0 {
		t.Errorf("other kind: %+v", got)
	}
	if err := s.SaveReportText(ctx, data.ReportText{Kind: "proposals"}); err == nil {
		t.Error("a text without scope was saved")
	}
}
