package proposalstats

import (
	"strings"
	"testing"

	"zhengxie/data/proposal"
)

func TestSummaryReadsLikeAReport(t *testing.T) {
	items := []Item{
		{Status: proposal.Closed, ProposerType: "委员个人", Category: "社会建设", LeadUnits: []string{"县教育局"},
			Units: []string{"县教育局"}, Class: "A", Ratings: []string{"满意"}, PersonIDs: []int64{1}},
		{Status: proposal.Answered, ProposerType: "委员联名", Category: "经济建设", LeadUnits: []string{"县财政局"},
			Units: []string{"县财政局", "县教育局"}, Class: "B", Ratings: []string{"基本满意", "不满意"}, PersonIDs: []int64{1, 2}},
		{Status: proposal.Merged, ProposerType: "党派", Category: "社会建设"},
		{Status: proposal.Rejected, Disposition: "转社情民意", ProposerType: "委员个人", PersonIDs: []int64{3}},
	}
	got := Compute(Input{Items: items, Members: 4, Categories: proposal.Default().Categories,
		Dispositions: proposal.Default().Dispositions, Classes: []string{"A", "B", "C"}}).Summary("本次会议")
	for _, want := range []string{
		"本次会议共收到提案4件，其中委员个人2件，占50.0%；委员联名1件，占25.0%；集体1件，占25.0%。",
		"经审查立案2件，立案率50.0%；并案处理1件；不予立案1件（转社情民意1件）。",
		"立案提案中，经济建设1件，占50.0%；社会建设1件，占50.0%。",
		"由2个承办单位办理（主办单位2个）",
		"已答复2件，办复率100.0%；办结1件，办结率50.0%。",
		"答复中，A类1件，占50.0%；B类1件，占50.0%。",
		"收回委员评价3份，满意1份、基本满意1份、不满意1份，满意率66.7%。",
		"3名委员参与提出提案，委员提案参与率75.0%。",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("summary lacks %q:\n%s", want, got)
		}
	}
	if s := Compute(Input{}).Summary("本次会议"); s != "本次会议尚未收到提案。" {
		t.Errorf("empty: %q", s)
	}
}
