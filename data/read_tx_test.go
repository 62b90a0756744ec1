package data_test

import (
	"reflect"
	"testing"

	"zhengxie/data"
)

// A composite read (several statements) sees one state of the database:
// another program's write landing between its statements shows in none of
// them, and in all of them on the next call. The write comes from a second
// store on the same file the moment the method first reads the activity
// table, after its first statements have run.
func TestCompositeReadsSeeOneState(t *testing.T) {
	f := archiveFixture(t)
	member := f.members[0].Membership.ID
	term := f.session.TermID
	reads := []struct {
		name string
		read func() (any, error)
	}{
		{"AnnualStats", func() (any, error) { return f.s.AnnualStats(f.ctx, term, 2025, "2025-12-31") }},
		{"AssessmentFacts", func() (any, error) { return f.s.AssessmentFacts(f.ctx, term, 2025) }},
		{"Assess", func() (any, error) {
			setup, err := f.s.AssessmentSetup(f.ctx, 2025)
			if err != nil {
				return nil, err
			}
			res, _, err := f.s.Assess(f.ctx, 2025, setup.RuleSetID)
			return res, err
		}},
		{"MemberArchive", func() (any, error) { return f.s.MemberArchive(f.ctx, member) }},
		{"LoadArchiveBook", func() (any, error) {
			b, err := f.s.LoadArchiveBook(f.ctx, term, 0)
			if err != nil {
				return nil, err
			}
			return b.Archive(f.members[0]), nil
		}},
	}
	other, err := data.Open(f.ctx, f.s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	for i, r := range reads {
		t.Run(r.name, func(t *testing.T) {
			before, err := r.read()
			if err != nil {
				t.Fatal(err)
			}
			var writeErr error
			undo, err := f.s.OnReadTableForTest(f.ctx, "activity", func() {
				a := data.Activity{TermID: term, Kind: data.ActEvent, Type: "调研", Title: "插入的调研",
					Date: "2025-06-0" + string(rune('1'+i)), Members: []data.Attendee{f.att(0, data.AttPresent)}}
				writeErr = other.CreateActivity(f.ctx, &a)
			})
			if err != nil {
				t.Fatal(err)
			}
			during, err := r.read()
			undo()
			if err != nil || writeErr != nil {
				t.Fatalf("read: %v; write between its statements: %v", err, writeErr)
			}
			if !reflect.DeepEqual(during, before) {
				t.Errorf("a write between the statements of %s changed part of its answer", r.name)
			}
			after, err := r.read()
			if err != nil {
				t.Fatal(err)
			}
			if reflect.DeepEqual(after, before) {
				t.Errorf("%s does not show the new 调研 at all: the test writes the wrong thing", r.name)
			}
		})
	}
}
