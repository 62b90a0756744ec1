package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"zhengxie/data"
)

// The ledger of one database imports into an empty session of another:
// preview first, then --yes, then a second run skips everything.
func TestImportProposalsFromExportedLedger(t *testing.T) {
	src := proposalDB(t)
	ledger := filepath.Join(t.TempDir(), "台账.xlsx")
	if code, _, errOut := run(t, "--db", src, "export", "ledger", ledger, "--session", "5"); code != ExitOK {
		t.Fatalf("export: %s", errOut)
	}
	// The same roster and sessions, but the fifth session's proposals gone.
	dst := proposalDB(t)
	ctx := context.Background()
	s, err := data.Open(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := s.ListProposals(ctx, data.ProposalFilter{})
	for _, p := range ps {
		if err := s.DeleteProposal(ctx, p.ID, ""); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	code, out, errOut := run(t, "--db", dst, "import", "proposals", ledger, "--session", "4")
	if code != ExitOK || !strings.Contains(out, "未写入数据") {
		t.Fatalf("preview: %d %s %s", code, out, errOut)
	}
	code, out, errOut = run(t, "--db", dst, "import", "proposals", ledger, "--session", "4", "--yes")
	if code != ExitOK {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	s, _ = data.Open(ctx, dst)
	defer s.Close()
	term, _ := s.CurrentTerm(ctx)
	sessions, _ := s.ListSessions(ctx, term.ID)
	got, _ := s.ListProposals(ctx, data.ProposalFilter{SessionID: sessions[0].ID})
	if len(got) != len(ps) {
		t.Fatalf("imported %d proposals, want %d: %s", len(got), len(ps), out)
	}
	if code, _, _ := run(t, "--db", dst, "import", "proposals", ledger); code != ExitUsage {
		t.Fatalf("without --session: exit %d", code)
	}
}
