package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

func TestExplanationCitesIssueOnceAndIndentsByLevel(t *testing.T) {
	w := newAssessWorld(t)
	w.add(&data.Activity{TermID: w.u.term.ID, Kind: data.ActInfo, Title: "关于校园周边交通安全的建议", Date: "2026-08-02",
		Issue: "2026年第8期", Counted: true, Members: []data.Attendee{w.attendee("张三", "")}})
	w.s.recompute()
	w.u.win.Resize(fyne.NewSize(1280, 800))
	w.click("张三")
	lines := w.s.explain.lineTexts()
	text := strings.Join(lines, "\n")
	if strings.Contains(text, "期期") || strings.Contains(text, "第2026年") {
		t.Errorf("issue cited wrongly:\n%s", text)
	}
	want := "2026-08-02　2026年第8期 关于校园周边交通安全的建议　第一作者　+10"
	if !slices.Contains(lines, want) {
		t.Errorf("explanation lacks %q:\n%s", want, text)
	}

	// Each level is indented further than the one above it, and stays
	// so when the line wraps (the indent is a margin, not spaces).
	indent := map[int]float32{}
	for i, row := range w.s.explain.lines.Objects {
		l := w.s.explain.text[i+1]
		label := row.(*fyne.Container).Objects[0].(*widget.Label)
		if label.Text != l.text {
			t.Fatalf("row %d shows %q, want %q", i, label.Text, l.text)
		}
		x := label.Position().X
		if got, ok := indent[l.level]; ok && got != x {
			t.Errorf("level %d lines start at %.0f and %.0f", l.level, got, x)
		}
		indent[l.level] = x
		if l.level == 1 && !label.TextStyle.Bold {
			t.Errorf("item line %q is not bold", l.text)
		}
	}
	if !(indent[1] < indent[2] && indent[2] < indent[3]) {
		t.Errorf("indents by level %v, want each level further in", indent)
	}
}
