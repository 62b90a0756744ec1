package proposal

import "time"

// Dates are stored and passed as "YYYY-MM-DD".
const dateLayout = "2006-01-02"

// ParseDate reads a stored date.
func ParseDate(s string) (time.Time, bool) {
	t, err := time.Parse(dateLayout, s)
	return t, err == nil
}

// AddMonths gives the deadline n months after date (3 months after
// 2026-03-20 is 2026-06-20); a day missing in the target month becomes its
// last day (2026-11-30 + 3 months = 2027-02-28). "" for a bad date.
func AddMonths(date string, n int) string {
	t, ok := ParseDate(date)
	if !ok {
		return ""
	}
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	if d > last {
		d = last
	}
	return time.Date(first.Year(), first.Month(), d, 0, 0, 0, 0, time.UTC).Format(dateLayout)
}

// WorkingDaysBetween counts the working days (Monday to Friday) after from
// up to and including to; 0 when to is not after from. Public holidays and
// adjusted weekends are not known offline and count as ordinary days.
func WorkingDaysBetween(from, to string) int {
	a, ok1 := ParseDate(from)
	b, ok2 := ParseDate(to)
	if !ok1 || !ok2 || !b.After(a) {
		return 0
	}
	n := 0
	for d := a.AddDate(0, 0, 1); !d.After(b); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}

// DaysLeft is the number of calendar days from today to the deadline:
// positive while time is left, 0 on the day, negative when overdue.
func DaysLeft(today, deadline string) (int, bool) {
	a, ok1 := ParseDate(today)
	b, ok2 := ParseDate(deadline)
	if !ok1 || !ok2 {
		return 0, false
	}
	return int(b.Sub(a).Hours() / 24), true
}
