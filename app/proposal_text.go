package app

import (
	"fmt"
	"strings"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// The texts the proposal screens show for a proposal's fields, kept apart
// from the widgets so that they read (and test) as plain functions.

// deadlineText shows the deadline, with the days left or overdue while the
// proposal is being handled.
func deadlineText(p data.Proposal, today string) string {
	if p.Deadline == "" {
		return ""
	}
	if p.Status != proposal.Handling && p.Status != proposal.Rehandled {
		return p.Deadline
	}
	n, ok := proposal.DaysLeft(today, p.Deadline)
	switch {
	case !ok:
		return p.Deadline
	case n < 0:
		return fmt.Sprintf("%s（超期 %d 天）", p.Deadline, -n)
	case n == 0:
		return p.Deadline + "（今天到期）"
	}
	return fmt.Sprintf("%s（剩 %d 天）", p.Deadline, n)
}

// verdictSummary is the proposers' latest verdicts: one word when they
// agree, else a count per verdict.
func verdictSummary(p data.Proposal) string {
	if len(p.Verdicts) == 0 {
		return ""
	}
	counts := map[string]int{}
	for _, v := range p.Verdicts {
		counts[v]++
	}
	var parts []string
	for _, r := range proposal.Ratings {
		if counts[r] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", r, counts[r]))
		}
	}
	if len(counts) == 1 && len(p.Verdicts) == len(p.Proposers) {
		return p.Verdicts[p.Proposers[0].Seq]
	}
	if missing := len(p.Proposers) - len(p.Verdicts); missing > 0 {
		parts = append(parts, fmt.Sprintf("未评 %d", missing))
	}
	return strings.Join(parts, "，")
}

// statusSummary is "共 186 件：已提交 3 · 立案 12 · …".
func statusSummary(rows []data.Proposal) string {
	if len(rows) == 0 {
		return "共 0 件"
	}
	counts := map[proposal.Status]int{}
	for _, p := range rows {
		counts[p.Status]++
	}
	var parts []string
	for _, s := range proposal.Statuses {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", s, counts[s]))
		}
	}
	return fmt.Sprintf("共 %d 件：%s", len(rows), strings.Join(parts, " · "))
}

// cmpInts compares pairs of ints in order.
func cmpInts(xs ...int) int {
	for i := 0; i+1 < len(xs); i += 2 {
		if xs[i] != xs[i+1] {
			return xs[i] - xs[i+1]
		}
	}
	return 0
}

// proposerList names the proposers in order, the first one marked.
func proposerList(p data.Proposal) string {
	var names []string
	for i, x := range p.Proposers {
		n := fmt.Sprintf("%d. %s", i+1, x.Name)
		if i == 0 && len(p.Proposers) > 1 {
			n += "（第一提案人）"
		}
		names = append(names, n)
	}
	return strings.Join(names, "　")
}

func fileSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}

// dateOf is the date part of an RFC 3339 timestamp.
func dateOf(ts string) string {
	if len(ts) >= 10 {
		return ts[:10]
	}
	return ts
}

func orDefaultText(s, d string) string {
	if strings.TrimSpace(s) == "" {
		return d
	}
	return s
}

// arrowText draws "→" as "⟶": the embedded font shows "→" followed by a
// space as a broken glyph, and the store's notes write "a → b".
func arrowText(s string) string { return strings.ReplaceAll(s, "→", "⟶") }
