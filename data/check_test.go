package data_test

import (
	"context"
	"strings"
	"testing"
)

func TestCheckReportsInvalidStoredRows(t *testing.T) {
	ctx := context.Background()
	s, term := newStore(t)
	m := member("张三", "男", "1975-03", "中国共产党")
	m.TermID = term.ID
	if err := s.CreateMember(ctx, &m); err != nil {
		t.Fatal(err)
	}
	r, err := s.Check(ctx)
	if err != nil || !r.OK() || r.Memberships != 1 {
		t.Fatalf("fresh store: %v %+v", err, r)
	}
	// A row written by an older version that today's rules refuse.
	if err := s.ExecForTest(ctx, "UPDATE person SET gender = '未知'"); err != nil {
		t.Fatal(err)
	}
	r, err = s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r.OK() || !strings.Contains(strings.Join(r.Problems, "\n"), "张三") || !strings.Contains(r.Problems[0], "性别") {
		t.Errorf("problems = %q, want one naming 张三 and 性别", r.Problems)
	}
}
