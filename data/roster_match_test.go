package data

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// The index matches every person exactly as findPerson's queries do.
func TestPersonIndexMatchesLikeFindPerson(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	stored := []Person{
		{Name: "张伟", Birth: "1970-01", IDNumber: "110101197001011234"},
		{Name: "张伟", Birth: "1970-01"}, // same name and birth, no 身份证号
		{Name: "张伟", Birth: "1970-01"}, // a later duplicate: never the match
		{Name: "李娜", Birth: "1980-05", IDNumber: "110101198005052345"},
		{Name: "王芳", Birth: ""},
	}
	asked := []Person{
		{Name: "张伟", Birth: "1970-01", IDNumber: "110101197001011234"}, // by 身份证号
		{Name: "张伟", Birth: "1970-01"},                                 // by name + birth: the earliest
		{Name: "张伟", Birth: "1970-01", IDNumber: "110101197001019999"}, // unknown number: only persons without one
		{Name: "李娜", Birth: "1980-05"},                                 // row without number matches one with
		{Name: "李娜", Birth: "1980-05", IDNumber: "110101198005050000"}, // different number: no match
		{Name: "王芳"}, // no birth: no match by name alone
		{Name: "赵强", Birth: "1990-01"},
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		for i := range stored {
			if err := s.savePerson(ctx, tx, &stored[i]); err != nil {
				return err
			}
		}
		x, err := loadPersonIndex(ctx, tx)
		if err != nil {
			return err
		}
		for _, p := range asked {
			wantID, wantBy, err := findPerson(ctx, tx, p)
			if err != nil {
				return err
			}
			if id, by := x.find(p); id != wantID || by != wantBy {
				t.Errorf("%+v: index %d %q, findPerson %d %q", p, id, by, wantID, wantBy)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
