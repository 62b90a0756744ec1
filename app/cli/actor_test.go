package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"zhengxie/data"
)

func TestCommandsAreAuditedAsTheCommandLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	if code, out, errOut := run(t, "--db", db, "init", "--name", "政协清河县委员会", "--term", "11", "--start", "2021"); code != ExitOK {
		t.Fatalf("init: %d %s %s", code, out, errOut)
	}
	s, err := data.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	audit, _ := s.ListAudit(context.Background(), 1)
	if len(audit) != 1 || !strings.HasPrefix(audit[0].Actor, "命令行") {
		t.Errorf("audit = %+v, want the command line named", audit)
	}
}
