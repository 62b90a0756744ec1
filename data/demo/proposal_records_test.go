package demo_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"zhengxie/data"
)

// Helpers of the proposal tests: everything the store keeps about the demo
// proposals, loaded once per test, and the checks several tests share.

// record is one demo proposal with everything the store keeps about it.
type record struct {
	p       data.Proposal
	history []data.ProposalEvent
	answers []data.Answer
	ratings []data.Rating
}

func loadProposals(t *testing.T, s *data.Store) []record {
	t.Helper()
	ctx := context.Background()
	ps, err := s.ListProposals(ctx, data.ProposalFilter{})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]record, len(ps))
	for i, p := range ps {
		out[i].p = p
		if out[i].history, err = s.ProposalHistory(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
		if out[i].answers, err = s.ListAnswers(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
		if out[i].ratings, err = s.ListRatings(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func sessionsByID(t *testing.T, s *data.Store) map[int64]data.Session {
	t.Helper()
	term, err := s.TermByNumber(context.Background(), 11)
	if err != nil {
		t.Fatal(err)
	}
	ss, err := s.ListSessions(context.Background(), term.ID)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]data.Session{}
	for _, x := range ss {
		out[x.ID] = x
	}
	return out
}

// checkDates fails for any recorded date after now, and for a history
// whose dates go backwards or that does not run from 提交 to the state the
// proposal is in.
func checkDates(t *testing.T, recs []record, now string) {
	t.Helper()
	for _, r := range recs {
		p := r.p
		if p.Submitted > now || p.AssignedDate > now || p.WithdrawDate > now || p.AnswerDate > now {
			t.Errorf("%d %s: a date after %s: %+v", p.Number, p.Title, now, p)
		}
		checkHistory(t, r, now)
		answered := map[int]string{} // round → its last answer
		for _, a := range r.answers {
			answered[a.Round] = max(answered[a.Round], a.Date)
		}
		for _, x := range r.ratings {
			if x.Date > now || answered[x.Round] == "" || x.Date < answered[x.Round] {
				t.Errorf("%d %s: round %d rated on %s, answered %q", p.Number, p.Title, x.Round, x.Date, answered[x.Round])
			}
		}
	}
}

func checkHistory(t *testing.T, r record, now string) {
	t.Helper()
	p, h := r.p, r.history
	if len(h) == 0 || h[0].Action != "提交" || h[0].Date != p.Submitted {
		t.Errorf("%d %s: history does not start with 提交 on %s: %+v", p.Number, p.Title, p.Submitted, h)
		return
	}
	if h[len(h)-1].To != p.Status {
		t.Errorf("%d %s: history ends in %s, proposal is %s", p.Number, p.Title, h[len(h)-1].To, p.Status)
	}
	for i, e := range h {
		if e.Date > now || (i > 0 && e.Date < h[i-1].Date) {
			t.Errorf("%d %s: step %s on %s out of order or after %s", p.Number, p.Title, e.Action, e.Date, now)
		}
	}
}

// lastAnswer is the date of the last 答复 (not 会办意见) of a round, or "".
func lastAnswer(r record, round int) string {
	last := ""
	for _, a := range r.answers {
		if a.Round == round && a.Class != "" {
			last = max(last, a.Date)
		}
	}
	return last
}

func find(recs []record, id int64) *record {
	for i := range recs {
		if recs[i].p.ID == id {
			return &recs[i]
		}
	}
	return nil
}

func addDays(date string, n int) string {
	d, _ := time.Parse(time.DateOnly, date)
	return d.AddDate(0, 0, n).Format(time.DateOnly)
}

// fingerprint is what a user sees of the proposals, in order.
func fingerprint(t *testing.T, s *data.Store) []string {
	t.Helper()
	var out []string
	for _, r := range loadProposals(t, s) {
		p := r.p
		out = append(out, fmt.Sprint(p.Number, p.Title, p.Body, p.Status, p.Class, p.ProposerNames(), p.UnitNames(""),
			p.Deadline, p.KeyLeader, p.ExcellentYear, len(r.history), r.answers, r.ratings))
	}
	return out
}
