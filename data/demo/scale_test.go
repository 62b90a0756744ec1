package demo_test

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"testing"
	"time"

	"zhengxie/data"
	"zhengxie/data/demo"
	"zhengxie/data/proposal"
)

var scaleNow = time.Date(2026, 6, 30, 9, 0, 0, 0, time.Local)

func TestPopulateScaleOneIsACountyOfTenYears(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	start := time.Now()
	sum, err := demo.PopulateScale(ctx, s, demo.ScaleOptions{Scale: 1, Seed: 1, Now: scaleNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("scale 1 in %v: %+v", time.Since(start), sum)
	within := func(what string, got, lo, hi int) {
		t.Helper()
		if got < lo || got > hi {
			t.Errorf("%s = %d, want %d–%d", what, got, lo, hi)
		}
	}
	within("persons", sum.Persons, 430, 470)
	within("units", sum.Units, 60, 60)
	within("proposals", sum.Proposals, 2100, 2700)
	within("社情民意", sum.Infos, 1700, 2300)
	within("attendance", sum.Attendance, 40000, 60000)
	for _, st := range proposal.Statuses {
		if sum.ByStatus[st] == 0 {
			t.Errorf("no proposal is %s: %v", st, sum.ByStatus)
		}
	}
	rep, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.BrokenLinks > 0 || rep.Damaged || len(rep.Problems) > 0 {
		t.Errorf("check: %+v", rep)
	}
	// What the office sees: the current term's proposals with their results,
	// and the search index kept up.
	cur, err := s.CurrentTerm(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := s.ListProposals(ctx, data.ProposalFilter{TermID: cur.ID})
	if err != nil {
		t.Fatal(err)
	}
	classes := 0
	for _, p := range ps {
		if p.Status == proposal.Closed && p.Class != "" {
			classes++
		}
	}
	if classes < len(ps)/2 {
		t.Errorf("%d of %d proposals closed with a result class", classes, len(ps))
	}
	hits, err := s.ListProposals(ctx, data.ProposalFilter{Query: "饮水安全"})
	if err != nil || len(hits) == 0 {
		t.Errorf("search 饮水安全: %d hits, %v", len(hits), err)
	}
	if _, err := demo.PopulateScale(ctx, s, demo.ScaleOptions{Scale: 1}); !errors.Is(err, demo.ErrNotEmpty) {
		t.Errorf("second populate: %v, want ErrNotEmpty", err)
	}
}

func TestPopulateScaleIsDeterministic(t *testing.T) {
	ctx := context.Background()
	var got [2]string
	for i := range got {
		s := open(t)
		sum, err := demo.PopulateScale(ctx, s, demo.ScaleOptions{Scale: 1, Seed: 7, Now: scaleNow})
		if err != nil {
			t.Fatal(err)
		}
		ps, err := s.ListProposals(ctx, data.ProposalFilter{})
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.New()
		fmt.Fprintf(h, "%d %d %d %d\n", sum.Persons, sum.Attendance, sum.Infos, sum.Events)
		for _, p := range ps {
			fmt.Fprintln(h, p.Number, p.Title, p.Body, p.Status, p.ProposerNames(), p.UnitNames(""), p.Class, p.AnswerDate)
		}
		got[i] = fmt.Sprintf("%x", h.Sum(nil))
	}
	if got[0] != got[1] {
		t.Error("same seed, different proposals")
	}
}

func TestPopulateScaleRefusesZero(t *testing.T) {
	if _, err := demo.PopulateScale(context.Background(), open(t), demo.ScaleOptions{Scale: 0}); err == nil {
		t.Error("scale 0 accepted")
	}
}
