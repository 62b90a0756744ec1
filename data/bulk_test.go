package data_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"zhengxie/data"
)

func TestBulkLoadWritesAllOrNothingAndKeepsTheSearchIndex(t *testing.T) {
	ctx := context.Background()
	s, term := newStore(t)
	var sessionID int64
	insert := func(tx *sql.Tx, n int) error {
		if sessionID == 0 {
			res, err := tx.ExecContext(ctx, "INSERT INTO session(term_id, number) VALUES (?, 9)", term.ID)
			if err != nil {
				return err
			}
			sessionID, _ = res.LastInsertId()
		}
		st, err := tx.PrepareContext(ctx, "INSERT INTO proposal(session_id, number, title, body) VALUES (?, ?, ?, ?)")
		if err != nil {
			return err
		}
		defer st.Close()
		for i := range n {
			if _, err := st.ExecContext(ctx, sessionID, i+1, "关于翡翠湾码头改造的建议", "正文"); err != nil {
				return err
			}
		}
		return nil
	}
	boom := errors.New("boom")
	err := s.BulkLoad(ctx, "提案", func(tx *sql.Tx) error {
		if err := insert(tx, 3); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("failed load: %v, want boom", err)
	}
	sessionID = 0 // rolled back with the rest
	if ps, _ := s.ListProposals(ctx, data.ProposalFilter{Query: "翡翠湾"}); len(ps) != 0 {
		t.Fatalf("a failed load left %d proposals", len(ps))
	}
	if err := s.BulkLoad(ctx, "提案", func(tx *sql.Tx) error { return insert(tx, 3) }); err != nil {
		t.Fatal(err)
	}
	ps, err := s.ListProposals(ctx, data.ProposalFilter{Query: "翡翠湾"})
	if err != nil || len(ps) != 3 {
		t.Errorf("search after a bulk load: %d proposals, %v; want 3 (the triggers keep the index)", len(ps), err)
	}
	audit, err := s.ListAudit(ctx, 1)
	if err != nil || len(audit) != 1 || audit[0].Action != "批量写入" || audit[0].Entity != "提案" {
		t.Errorf("audit after a bulk load: %+v, %v", audit, err)
	}
}
