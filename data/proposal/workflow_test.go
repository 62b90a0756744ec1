package proposal

import (
	"errors"
	"slices"
	"testing"
)

func TestEveryStateOffersExactlyItsActions(t *testing.T) {
	want := map[Status][]Action{
		Submitted: {ActReview, ActFile, ActReject, ActMerge, ActWithdraw},
		Reviewing: {ActFile, ActReject, ActMerge, ActWithdraw},
		Filed:     {ActMerge, ActAssign, ActWithdraw},
		Rejected:  {ActReopen},
		Merged:    {ActReopen},
		Withdrawn: {ActReopen},
		Handling:  {ActAnswer, ActExtend, ActReturn, ActWithdraw},
		Answered:  {ActRate, ActRehandle, ActClose},
		Rehandled: {ActAnswer, ActExtend},
		Closed:    nil,
	}
	for _, s := range Statuses {
		if got := Allowed(s); !slices.Equal(got, want[s]) {
			t.Errorf("%s offers %v, want %v", s, got, want[s])
		}
	}
}

func TestNextRefusesInvalidActionsWithChineseMessage(t *testing.T) {
	for _, s := range Statuses {
		for _, a := range Actions() {
			next, err := Next(s, a)
			if slices.Contains(Allowed(s), a) {
				if err != nil {
					t.Errorf("%s from %s: %v", a, s, err)
				}
				continue
			}
			var te *TransitionError
			if !errors.As(err, &te) || next != s {
				t.Errorf("%s from %s was not refused: %v → %s", a, s, err, next)
			}
		}
	}
	_, err := Next(Closed, ActAssign)
	if err.Error() != "提案当前状态为“办结”，不能执行“交办”。" {
		t.Fatalf("message %q", err)
	}
}

func TestStatePredicates(t *testing.T) {
	for _, c := range []struct {
		s                          Status
		counted, assigned, answerd bool
	}{
		{Submitted, false, false, false},
		{Filed, true, false, false},
		{Merged, false, false, false},
		{Handling, true, true, false},
		{Answered, true, true, true},
		{Rehandled, true, true, true},
		{Closed, true, true, true},
		{Withdrawn, false, false, false},
	} {
		if Counted(c.s) != c.counted || Assigned(c.s) != c.assigned || IsAnswered(c.s) != c.answerd {
			t.Errorf("%s: counted %v assigned %v answered %v", c.s, Counted(c.s), Assigned(c.s), IsAnswered(c.s))
		}
	}
}

func TestDates(t *testing.T) {
	for _, c := range []struct {
		date string
		n    int
		want string
	}{
		{"2026-03-20", 3, "2026-06-20"},
		{"2026-11-30", 3, "2027-02-28"},
		{"2024-11-30", 3, "2025-02-28"},
		{"2023-11-30", 3, "2024-02-29"},
		{"2026-01-31", 1, "2026-02-28"},
		{"bad", 3, ""},
	} {
		if got := AddMonths(c.date, c.n); got != c.want {
			t.Errorf("AddMonths(%s, %d) = %s, want %s", c.date, c.n, got, c.want)
		}
	}
	// Thursday 2025-02-20 to Thursday the 27th: Fri 21 and Mon 24 – Thu 27.
	if n := WorkingDaysBetween("2025-02-20", "2025-02-27"); n != 5 {
		t.Errorf("working days = %d, want 5 (Fri 21, Mon 24 – Thu 27)", n)
	}
	if n := WorkingDaysBetween("2025-02-21", "2025-02-23"); n != 0 {
		t.Errorf("a weekend counts %d working days", n)
	}
	if d, ok := DaysLeft("2026-11-22", "2026-11-20"); !ok || d != -2 {
		t.Errorf("DaysLeft = %d %v", d, ok)
	}
}

func TestConfigValidateAndFormat(t *testing.T) {
	c := Default()
	if errs := c.Validate(); len(errs) != 0 {
		t.Fatalf("default config invalid: %v", errs)
	}
	if got := c.FormatNumber(7); got != "第007号" {
		t.Errorf("FormatNumber = %s", got)
	}
	c.Categories = append(c.Categories, "其他")
	c.DeadlineMonths = 0
	c.Classes = c.Classes[:1]
	fields := map[string]bool{}
	for _, e := range c.Validate() {
		fields[e.Field] = true
	}
	for _, f := range []string{"提案类别", "办理期限", "办理结果分类"} {
		if !fields[f] {
			t.Errorf("no problem reported for %s: %v", f, c.Validate())
		}
	}
	parsed, err := Parse([]byte(`{"deadline_months": 5}`))
	if err != nil || parsed.DeadlineMonths != 5 || len(parsed.Categories) != 6 {
		t.Fatalf("partial JSON: %+v %v", parsed, err)
	}
}

func TestLikelyIsTheNextStepOnTheMainPath(t *testing.T) {
	for _, c := range []struct {
		s     Status
		rated bool
		want  Action
	}{
		{Submitted, false, ActFile},
		{Reviewing, false, ActFile},
		{Filed, false, ActAssign}, // not 并案, listed before it
		{Handling, false, ActAnswer},
		{Rehandled, false, ActAnswer},
		{Answered, false, ActRate},
		{Answered, true, ActClose},
		{Closed, false, ""},
		{Rejected, false, ""}, // 重新审查 is a correction, not a next step
		{Merged, false, ""},
		{Withdrawn, false, ""},
	} {
		got := Likely(c.s, c.rated)
		if got != c.want {
			t.Errorf("Likely(%s, rated %v) = %q, want %q", c.s, c.rated, got, c.want)
		}
		if got != "" && !slices.Contains(Allowed(c.s), got) {
			t.Errorf("Likely(%s) = %s, which the state does not allow", c.s, got)
		}
	}
}
