package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// Scale data: the demo county at a volume for measuring speed. Scale 1 is
// one county over both of its terms with every year recorded — about 450
// people (300 seats a term), 60 承办单位, 2,500 proposals over the eleven
// sessions in every workflow state, 2,000 社情民意 and 50,000 attendance
// rows. Scale N is N counties' records merged into one database, as a city
// office gathering its counties' data would hold them: N times the seats of
// each term, N sets of 60 units (the first county's names, then the same
// offices of other counties), N times the proposals, 社情民意 and activities.
// The number of terms and years stays: more years would stretch a county's
// history past what any office keeps, while merged counties are what makes a
// database ten times larger in practice.
//
// Rosters go through the store's own import (ImportRoster, one transaction
// a term, every row checked); everything else is written with prepared
// statements through data.Store.BulkLoad, a few big transactions.

// ScaleOptions control PopulateScale.
type ScaleOptions struct {
	Scale int       // 1 or more
	Seed  int64     // same seed, same data
	Now   time.Time // nothing dated after it is written; zero means time.Now()
}

// ScaleSummary says what PopulateScale wrote.
type ScaleSummary struct {
	Terms, Persons, Members, Units int
	Proposals                      int
	ByStatus                       map[proposal.Status]int
	Events, Attendance, Speeches   int
	Infos                          int // 社情民意, those turned from proposals included
}

// Volumes per county (scale 1).
const (
	scaleSeats         = 300  // roster seats per term
	scaleContinuity    = 0.5  // share of a term's seats kept by returning members
	scaleProposals     = 2500 // over all sessions
	scaleInfos         = 2000 // 社情民意 over all years (besides those turned from proposals)
	scaleCountyUnits   = 60
	scaleFirstYear     = 2016
	scaleLastTermStart = 2021
)

// scaleCounties name the counties merged at scale N > 1 (the first is the
// demo county). Beyond the list, numbered names are used.
var scaleCounties = []string{"清河县", "临河县", "柳河县", "白河县", "桃源县", "永丰县", "长乐县", "安平县", "丰宁县", "宁远县",
	"石门县", "青山县"}

func countyName(k int) string {
	if k < len(scaleCounties) {
		return scaleCounties[k]
	}
	return fmt.Sprintf("第%d县", k+1)
}

// PopulateScale fills an empty database with scale N data (see above). It
// refuses a database that is already set up (ErrNotEmpty).
func PopulateScale(ctx context.Context, s *data.Store, opt ScaleOptions) (ScaleSummary, error) {
	sum := ScaleSummary{ByStatus: map[proposal.Status]int{}}
	if opt.Scale < 1 {
		return sum, fmt.Errorf("demo: scale %d, want 1 or more", opt.Scale)
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	today := opt.Now.Format(time.DateOnly)
	if set, err := s.IsSetUp(ctx); err != nil {
		return sum, fmt.Errorf("populate scale: %w", err)
	} else if set {
		return sum, ErrNotEmpty
	}
	n := scaleSeats * opt.Scale
	g := newGenerator(opt.Seed)
	first := g.firstTerm(n, term10.StartYear)
	g.changeStatuses(first, events[term10.Number], today)
	second := g.nextTerm(first, n, term11.StartYear, scaleContinuity)
	g.changeStatuses(second, events[term11.Number], today)

	t10, err := s.SetUp(ctx, data.Setup{Committee: committee, Term: term10})
	if errors.Is(err, data.ErrConflict) {
		return sum, ErrNotEmpty
	} else if err != nil {
		return sum, fmt.Errorf("populate scale: %w", err)
	}
	if err := writeTerm(ctx, s, t10, first, today); err != nil {
		return sum, err
	}
	t11, err := s.CreateTerm(ctx, term11)
	if err != nil {
		return sum, fmt.Errorf("populate scale: %w", err)
	}
	if err := writeTerm(ctx, s, t11, second, today); err != nil {
		return sum, err
	}
	sum.Terms, sum.Members = 2, len(first)+len(second)
	sum.Persons = sum.Members
	for _, x := range second {
		if x.prev != nil {
			sum.Persons--
		}
	}

	sc := &scaler{s: s, scale: opt.Scale, today: today, rng: rand.New(rand.NewPCG(uint64(opt.Seed), 0x7363_616c65)),
		unitByID: map[int64]unitRef{}, docNo: map[string]int{}}
	if err := sc.bulk(ctx, "承办单位", sc.writeUnits); err != nil {
		return sum, err
	}
	sum.Units = len(sc.unitByID)
	for _, t := range []data.Term{t10, t11} {
		if err := sc.writeTermRecords(ctx, t, &sum); err != nil {
			return sum, fmt.Errorf("populate scale: term %d: %w", t.Number, err)
		}
	}
	return sum, nil
}

// scaler writes the bulk records.
type scaler struct {
	s        *data.Store
	scale    int
	today    string
	rng      *rand.Rand
	units    [][]unitRef // by county, in countyUnits order
	keys     map[string]int
	unitByID map[int64]unitRef
	docNo    map[string]int // answers per unit and year, for 文号
	// per term
	term      data.Term
	sessions  []data.Session
	members   []data.Member
	memberIdx map[int64]int // membership id → index in members

	byCommittee, bySector, byGroup map[string][]data.Attendee
}

// countyUnitFor is a county's copy of a demo unit: the county's name in
// place of the demo county's, the towns prefixed with the county.
func countyUnitFor(cu countyUnit, k int) countyUnit {
	if k == 0 {
		return cu
	}
	name, short := countyName(k), strings.TrimSuffix(countyName(k), "县")
	if cu.kind == "乡镇街道" {
		cu.name = name + cu.name
	} else {
		cu.name = strings.ReplaceAll(cu.name, "清河", short)
	}
	cu.abbr = string([]rune(short)[0]) + string([]rune(cu.abbr)[1:])
	return cu
}
