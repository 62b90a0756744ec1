package report

import (
	"maps"
	"strings"
	"testing"

	"zhengxie/data"
)

func TestNarrativeRoundTrip(t *testing.T) {
	text := DefaultProposalNarrative(data.Committee{Name: "政协清河县委员会", ShortName: "清河县"}, 2026)
	text[SectionSpeaker] = ""
	got, err := ParseNarrative(ProposalReportSections, FormatNarrative(ProposalReportSections, text))
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(got, text) {
		t.Errorf("round trip changed the text:\n%v\n%v", got, text)
	}
}

func TestParseNarrative(t *testing.T) {
	got, err := ParseNarrative(ProposalReportSections, "\ufeff【存在的不足】\r\n  一是……\r\n\r\n二是……\n【报告人】\n")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{SectionShortcomings: "一是……\n\n二是……", SectionSpeaker: ""}
	if !maps.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	for src, msg := range map[string]string{
		"前言\n【主要做法】\n":        "第 1 行：文字应写在某一部分的标题之下",
		"【主要做法】\n甲\n【做法】\n":   "第 3 行：没有名为“做法”的部分",
		"【主要做法】\n甲\n【主要做法】\n": "第 3 行：“主要做法”出现了两次",
	} {
		if _, err := ParseNarrative(ProposalReportSections, src); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("%q: error %v, want %q", src, err, msg)
		}
	}
}

func FuzzParseNarrative(f *testing.F) {
	f.Add("【主要做法】\n（一）甲\n乙\n【结束语】\n丙")
	f.Add("【】\n【报告人")
	f.Fuzz(func(t *testing.T, src string) {
		got, err := ParseNarrative(ProposalReportSections, src)
		if err != nil {
			return
		}
		again, err := ParseNarrative(ProposalReportSections, FormatNarrative(ProposalReportSections, got))
		if err != nil {
			t.Fatalf("formatted text does not parse: %v", err)
		}
		for k, v := range got {
			if again[k] != v {
				t.Fatalf("section %s: %q became %q", k, v, again[k])
			}
		}
	})
}
