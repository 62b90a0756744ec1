package demo_test

import (
	"context"
	"testing"
	"time"

	"zhengxie/data"
	"zhengxie/data/demo"
)

// activities lists a year's activities of one kind.
func activities(t *testing.T, s *data.Store, kind string, year int) []data.ActivitySummary {
	t.Helper()
	list, err := s.ListActivities(context.Background(), data.ActivityFilter{Kind: kind, Year: year})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestDemoActivitiesAreRealistic(t *testing.T) {
	ctx := context.Background()
	start := time.Now()
	s, _ := populate(t, demo.Options{Seed: 7, Now: today})
	t.Logf("Populate took %v", time.Since(start))
	_, ms := roster(t, s, 11)
	standing := map[int64]bool{}
	for _, m := range ms {
		standing[m.Membership.ID] = m.Standing
	}
	for _, year := range []int{2025, 2026} {
		events := activities(t, s, data.ActEvent, year)
		types := map[string]int{}
		rows, absent := 0, 0
		for _, e := range events {
			types[e.Type]++
			rows += e.Count
			absent += e.Absent
			if e.Date > "2026-11-22" {
				t.Errorf("%s on %s is after now", e.Title, e.Date)
			}
		}
		t.Logf("%d: %d events %v, %d attendance rows (%d 请假/缺席)", year, len(events), types, rows, absent)
		if types["全体会议"] != 1 || types["小组讨论"] < 3 || types["常委会议"] < 5 || types["主席会议"] < 5 ||
			types["专题协商会"] < 1 {
			t.Errorf("%d meetings %v", year, types)
		}
		other := types["调研"] + types["视察"] + types["民主监督"] + types["学习培训"] + types["界别活动"] + types["公益活动"]
		if other < 12 || other > 25 {
			t.Errorf("%d: %d activities, want 15–25 (a few may find no members)", year, other)
		}
		if share := float64(absent) / float64(rows); share < 0.03 || share > 0.2 {
			t.Errorf("%d: %.2f of attendance is 请假/缺席", year, share)
		}
		infos := activities(t, s, data.ActInfo, year)
		issued, fromProposal := 0, 0
		for _, sum := range infos {
			if sum.Issue != "" {
				issued++
			}
			a, err := s.GetActivity(ctx, sum.ID)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Count < 1 || sum.Count > 3 && a.Source != "提案转来" {
				t.Errorf("%s has %d authors", sum.Title, sum.Count)
			}
			if a.Source == "提案转来" {
				fromProposal++
				if a.ProposalID == 0 {
					t.Errorf("%s came from a proposal but names none", a.Title)
				}
			}
		}
		t.Logf("%d: %d infos, %d issued, %d from proposals", year, len(infos), issued, fromProposal)
		if len(infos) < 50 || len(infos) > 70 {
			t.Errorf("%d: %d 社情民意, want about 60", year, len(infos))
		}
		if r := float64(issued) / float64(len(infos)); r < 0.25 || r > 0.55 {
			t.Errorf("%d: %.2f issued, want about 0.4", year, r)
		}
		if len(activities(t, s, data.ActSpeech, year)) < 10 || len(activities(t, s, data.ActAward, year)) < 5 ||
			len(activities(t, s, data.ActRecord, year)) < 10 {
			t.Errorf("%d: too few speeches, awards or records", year)
		}
	}
	// 常委会议 are for 常委 only; a 小组讨论 belongs to its 全体会议.
	for _, e := range activities(t, s, data.ActEvent, 2025) {
		if e.Type != "常委会议" && e.Type != "小组讨论" {
			continue
		}
		a, err := s.GetActivity(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a.Type == "小组讨论" && a.ParentID == 0 {
			t.Errorf("%s has no 全体会议", a.Title)
		}
		for _, m := range a.Members {
			if a.Type == "常委会议" && !standing[m.MembershipID] {
				t.Errorf("%s: %s is not a 常委", a.Title, m.Name)
			}
		}
	}
	adj, err := s.ListAdjustments(ctx, 2025)
	if err != nil || len(adj) == 0 {
		t.Errorf("2025 adjustments: %d, %v", len(adj), err)
	}
}

func TestDemoActivitiesStopAtNow(t *testing.T) {
	early := time.Date(2025, 3, 1, 9, 0, 0, 0, time.Local)
	s, _ := populate(t, demo.Options{Seed: 3, MembersPerTerm: 40, Now: early})
	for _, kind := range []string{data.ActEvent, data.ActInfo, data.ActAward, data.ActRecord} {
		for _, a := range activities(t, s, kind, 0) {
			if a.Date > "2025-03-01" {
				t.Errorf("%s %s on %s, after now", kind, a.Title, a.Date)
			}
		}
	}
	if n := len(activities(t, s, data.ActEvent, 2025)); n == 0 {
		t.Error("no events before now")
	}
}
