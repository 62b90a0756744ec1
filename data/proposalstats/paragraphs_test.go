package proposalstats

import (
	"strings"
	"testing"

	"zhengxie/data/proposal"
)

func TestParagraphsReadLikeAReport(t *testing.T) {
	items := []Item{
		{Status: proposal.Closed, ProposerType: "委员个人", Kind: "大会提案", Category: "社会建设", LeadUnits: []string{"县教育局"},
			Units: []string{"县教育局"}, Class: "A", Ratings: []string{"满意"}, PersonIDs: []int64{1}, Key: true, KeyLeader: "副县长 王五"},
		{Status: proposal.Answered, ProposerType: "委员联名", Kind: "大会提案", Category: "经济建设", LeadUnits: []string{"县财政局"},
			Units: []string{"县财政局", "县教育局"}, Class: "B", Ratings: []string{"基本满意", "不满意"}, PersonIDs: []int64{1, 2}},
		{Status: proposal.Handling, ProposerType: "委员个人", Kind: "平时提案", Category: "社会建设", LeadUnits: []string{"县民政局"},
			Units: []string{"县民政局"}, Overdue: true},
		{Status: proposal.Merged, ProposerType: "党派", Kind: "大会提案", Category: "社会建设"},
		{Status: proposal.Rejected, Disposition: "转社情民意", ProposerType: "委员个人", Kind: "大会提案", PersonIDs: []int64{3}},
	}
	cfg := proposal.Default()
	p := Compute(Input{Items: items, Members: 4, Categories: cfg.Categories, Dispositions: cfg.Dispositions,
		Classes: cfg.ClassCodes()}).Paragraphs("十一届五次会议以来", "县", cfg.ClassLabel)
	for _, c := range []struct{ got, want string }{
		{p.Submission, "十一届五次会议以来，共收到委员和各参加单位提案5件。其中，委员个人提案3件，占60.0%；委员联名提案1件，占20.0%；集体提案1件，占20.0%；大会提案4件、平时提案1件。"},
		{p.Submission, "经提案委员会审查，立案3件，立案率60.0%；内容相近、作并案处理的1件；不予立案1件（转社情民意1件）。"},
		{p.Categories, "从立案提案的内容看，经济建设方面1件，占33.3%；社会建设方面2件，占66.7%。"},
		{p.Handling, "立案提案已交办3件，由3个承办单位办理，其中主办单位3个。"},
		{p.Handling, "已答复2件，办复率66.7%；已办结1件，办结率33.3%；超过办理期限尚未答复1件"},
		{p.Handling, "所提问题已经解决或基本解决的（A类）1件，占50.0%；所提问题正在解决或已列入计划逐步解决的（B类）1件，占50.0%。"},
		{p.Evaluation, "收回提案办理情况征询意见表3份，其中满意1份、基本满意1份、不满意1份，满意率66.7%。"},
		{p.Evaluation, "共有3名委员参与提出提案，委员提案参与率75.0%。"},
		{p.Key, "确定重点提案1件，由县领导领衔督办。"},
	} {
		if !strings.Contains(c.got, c.want) {
			t.Errorf("paragraph lacks %q:\n%s", c.want, c.got)
		}
	}
	if e := Compute(Input{}).Paragraphs("2025年", "县", nil); e.Submission != "2025年尚未收到提案。" || e.Handling != "" {
		t.Errorf("empty: %+v", e)
	}
}

// Who leads the 督办 follows the 督办领导 entered and the committee's level.
func TestKeyParagraphFollowsTheLeaders(t *testing.T) {
	key := func(level string, leaders ...string) string {
		var items []Item
		for _, l := range leaders {
			items = append(items, Item{Status: proposal.Filed, Category: "经济建设", Key: true, KeyLeader: l})
		}
		return Compute(Input{Items: items}).Paragraphs("2025年", level, nil).Key
	}
	for _, c := range []struct{ got, want string }{
		{key("县", "政协副主席 张三", "王主席"), "确定重点提案2件，由政协领导领衔督办。"},
		{key("区", "副区长 李四"), "确定重点提案1件，由区领导领衔督办。"},
		{key("市", "副市长 李四、政协副主席 张三"), "确定重点提案1件，由市领导和政协领导领衔督办。"},
		{key("县", "政协副主席 张三", ""), "确定重点提案2件，其中1件由政协领导领衔督办。"},
		{key("县", ""), "确定重点提案1件。"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
