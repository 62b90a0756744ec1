// Package datatest opens real, temporary databases for tests of the store
// and of everything built on it.
package datatest

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"zhengxie/data"
)

// Today is the fixed "now" of test stores.
var Today = time.Date(2026, 11, 22, 9, 0, 0, 0, time.Local)

// Empty opens a new database in a temp folder, not yet set up, with its
// clock fixed at Today. It is closed when the test ends.
func Empty(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.Now = func() time.Time { return Today }
	s.KDF = data.KDF{Time: 1, Memory: 64, Threads: 1} // password hashing in milliseconds
	return s
}

// County opens a new database set up as 政协清河县委员会 in its 第十一届
// (2021–2026), with the default lists and no members.
func County(t testing.TB) (*data.Store, data.Term) {
	t.Helper()
	s := Empty(t)
	term, err := s.SetUp(context.Background(), data.Setup{
		Committee: data.Committee{Name: "政协清河县委员会", ShortName: "清河县"},
		Term:      data.Term{Number: 11, StartYear: 2021, EndYear: 2026},
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, term
}
