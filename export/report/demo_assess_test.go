package report_test

import (
	"context"
	"testing"

	"zhengxie/data/assess"
	"zhengxie/data/demo"
	"zhengxie/data/rules"
)

func TestDemoCountyIsAssessedWithThePresets(t *testing.T) {
	s := archiveCounty(t)
	ctx := context.Background()
	for _, year := range demo.ActivityYears {
		sets, err := s.ListRuleSets(ctx, year)
		if err != nil || len(sets) != 4 {
			t.Fatalf("%d: %d rule sets, %v", year, len(sets), err)
		}
		setup, err := s.AssessmentSetup(ctx, year)
		if err != nil || setup.RuleSetID != sets[0].ID && setup.RuleSetID == 0 {
			t.Fatalf("%d: setup %+v, %v", year, setup, err)
		}
		for _, st := range sets {
			res, _, err := s.Assess(ctx, year, st.ID)
			if err != nil {
				t.Fatalf("%d %s: %v", year, st.Rules.Name, err)
			}
			assessed, scored := 0, 0
			grades := map[string]int{}
			for _, m := range res.Members {
				if m.Excluded != "" {
					continue
				}
				assessed++
				grades[m.Grade]++
				if m.Total.Sign() > 0 {
					scored++
				}
			}
			t.Logf("%d %s: %d assessed, %d with points, grades %v", year, st.Rules.Name, assessed, scored, grades)
			// 延边 scores only proposals and 社情民意 of one's own: about
			// a third to a half of the demo's members have one in a year.
			if assessed < 250 || scored < assessed/4 {
				t.Errorf("%d %s: %d assessed, %d with points", year, st.Rules.Name, assessed, scored)
			}
			if len(st.Rules.Grades) > 1 && (len(grades) < 2 || grades[st.Rules.Grades[0].Name] < assessed/2) {
				t.Errorf("%d %s: grades %v, want most in %s and not everyone", year, st.Rules.Name, grades,
					st.Rules.Grades[0].Name)
			}
		}
	}
	// Installing again keeps what is there.
	if err := rules.InstallPresets(ctx, s, 2025); err != nil {
		t.Fatal(err)
	}
	if sets, _ := s.ListRuleSets(ctx, 2025); len(sets) != 4 {
		t.Fatalf("after a second install: %d", len(sets))
	}
}

// BenchmarkAssessDemoYear is the annual assessment of the demo county
// (about 300 members, a year of records) with the 桐城 preset, loading the
// facts from the database included: what the 履职考核 screen waits for.
func BenchmarkAssessDemoYear(b *testing.B) {
	s := archiveCounty(b)
	ctx := context.Background()
	setup, err := s.AssessmentSetup(ctx, 2025)
	if err != nil {
		b.Fatal(err)
	}
	var res assess.Result
	b.ResetTimer()
	for b.Loop() {
		if res, _, err = s.Assess(ctx, 2025, setup.RuleSetID); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(res.Members)), "members")
}
