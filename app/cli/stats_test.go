package cli

import (
	"strings"
	"testing"
)

func TestStatsProposalsPrintsReportFigures(t *testing.T) {
	db := proposalDB(t)
	code, out, errOut := run(t, "--db", db, "stats", "proposals", "--session", "5")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"第十一届第五次会议提案统计", "第五次会议以来共收到提案3件", "立案率 66.7%", "办理结果（共 1）", "  A类\t1\t100.0%"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, _, errOut = run(t, "--db", db, "stats", "proposals", "--session", "9")
	if code != ExitError || !strings.Contains(errOut, "本届已有的会次：4（第四次会议）、5（第五次会议）") {
		t.Fatalf("unknown session: %d %s", code, errOut)
	}
	if code, _, _ := run(t, "--db", db, "stats", "members"); code != ExitUsage {
		t.Fatalf("stats members: exit %d", code)
	}
}
