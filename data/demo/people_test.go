package demo

import (
	"slices"
	"testing"

	"zhengxie/data"
	"zhengxie/data/validate"
)

func TestCheckDigit(t *testing.T) {
	// The standard's worked example ends in X.
	if c := checkDigit("11010519491231002"); c != 'X' {
		t.Errorf("checkDigit = %c, want X", c)
	}
	g := newGenerator(1)
	for range 2000 {
		gender := "男"
		if g.rng.IntN(2) == 0 {
			gender = "女"
		}
		id := g.idNumber("130534", 1950+g.rng.IntN(45), 1+g.rng.IntN(12), 1+g.rng.IntN(28), gender)
		info, err := validate.IDCard(id)
		if err != nil || info.Gender != gender {
			t.Fatalf("%s (%s): %v %+v", id, gender, err, info)
		}
	}
}

func TestSectorSizesAddUp(t *testing.T) {
	for _, n := range []int{20, 40, 295, 300, 301, 1000} {
		sum := 0
		for _, x := range sectorSizes(n) {
			sum += x
		}
		if sum != n {
			t.Errorf("sectorSizes(%d) adds up to %d", n, sum)
		}
	}
}

// The demo uses only the names of the default lists, so that importing its
// rosters adds no list entries.
func TestProfilesUseDefaultLists(t *testing.T) {
	var names []string
	for _, s := range sectors {
		names = append(names, s.name)
	}
	if !slices.Equal(names, data.DefaultCatalog(data.KindSector)) {
		t.Errorf("sector profiles %v\ndiffer from the default list %v", names, data.DefaultCatalog(data.KindSector))
	}
	parties := append([]string{"中共", "无党派", "群众"}, democraticParties...)
	for _, p := range parties {
		if !slices.Contains(data.DefaultCatalog(data.KindParty), p) {
			t.Errorf("party %s not in the default list", p)
		}
	}
	for pool, cs := range committeeOf {
		if _, ok := pools[pool]; !ok {
			t.Errorf("committeeOf names unknown pool %s", pool)
		}
		for _, c := range cs {
			if !slices.Contains(data.DefaultCatalog(data.KindCommittee), c) {
				t.Errorf("专委会 %s not in the default list", c)
			}
		}
	}
	if !slices.Equal(groups, data.DefaultCatalog(data.KindGroup)) {
		t.Errorf("groups %v differ from the default list", groups)
	}
	for _, s := range sectors {
		for _, p := range s.pools {
			if _, ok := pools[p]; !ok {
				t.Errorf("sector %s names unknown pool %s", s.name, p)
			}
		}
	}
}
