package data

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The search benchmark: 25,000 proposals (about a hundred years of a
// county's proposals, or a prefecture's decade) with 400-character bodies,
// one of which contains the needle. Numbers are recorded in
// docs/BENCHMARKS.md (per-feature benchmarks).

const benchProposals = 25000

var (
	benchOnce  sync.Once
	benchStore *Store
	benchErr   error
	benchBuild time.Duration
	benchDir   string
)

// benchHan is common Han text the bodies are drawn from, so that trigrams
// are as varied as in real proposals.
const benchHan = "我县农村饮水安全工程建设管护机制城区停车设施规划学校周边交通秩序养老服务体系医共体建设" +
	"乡村振兴人才队伍电子商务冷链物流文旅融合发展河长制秸秆综合利用老旧小区改造污水处理垃圾分类" +
	"中小学生近视防控食品安全监管营商环境优化民营企业融资难题职业教育产教融合社区治理网格化管理" +
	"公共文化服务基层医疗卫生人才引进留住用好财政资金绩效管理高标准农田建设耕地保护生态补偿机制" +
	"建议加快推进进一步加强完善落实提高水平保障能力统筹协调资源整合政策支持资金投入考核评价监督"

func benchSearchStore(b *testing.B) *Store {
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "zhengxie-bench-")
		if benchErr != nil {
			return
		}
		start := time.Now()
		benchStore, benchErr = fillSearchStore(context.Background(), filepath.Join(benchDir, "bench.db"))
		benchBuild = time.Since(start)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchStore
}

func fillSearchStore(ctx context.Context, path string) (*Store, error) {
	s, err := Open(ctx, path)
	if err != nil {
		return nil, err
	}
	if _, err := s.SetUp(ctx, Setup{Committee: Committee{Name: "政协清河县委员会"}, Term: Term{Number: 1, StartYear: 2021, EndYear: 2025}}); err != nil {
		return nil, err
	}
	term, _ := s.CurrentTerm(ctx)
	han := []rune(benchHan)
	rng := rand.New(rand.NewPCG(1, 2))
	text := func(n int) string {
		var sb strings.Builder
		for sb.Len() < n*3 {
			i := rng.IntN(len(han) - 8)
			sb.WriteString(string(han[i : i+2+rng.IntN(6)]))
			if rng.IntN(9) == 0 {
				sb.WriteString("，")
			}
		}
		return sb.String()
	}
	perSession := benchProposals / 5
	for sess := 1; sess <= 5; sess++ {
		x := Session{TermID: term.ID, Number: sess}
		if err := s.SaveSession(ctx, &x); err != nil {
			return nil, err
		}
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			for i := 0; i < perSession; i++ {
				p := Proposal{SessionID: x.ID, Title: "关于" + text(12) + "的建议", Body: text(400),
					Category: "经济建设", Kind: "大会提案", ProposerType: "党派", Proposers: []Proposer{{Name: "民盟"}}}
				if sess == 3 && i == perSession/2 {
					p.Body = text(200) + "翡翠湾" + text(200) // the needle
				}
				if err := s.insertProposal(ctx, tx, &p); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return s, nil
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchStore != nil {
		benchStore.Close()
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// BenchmarkSearch25k finds one proposal by a 3-character substring of its
// body among 25,000 (FTS5 trigram index).
func BenchmarkSearch25k(b *testing.B) {
	s := benchSearchStore(b)
	ctx := context.Background()
	for b.Loop() {
		ps, err := s.ListProposals(ctx, ProposalFilter{Query: "翡翠湾"})
		if err != nil || len(ps) != 1 {
			b.Fatalf("found %d, %v", len(ps), err)
		}
	}
	b.ReportMetric(benchBuild.Seconds(), "s-build")
	if fi, err := os.Stat(s.Path()); err == nil {
		b.ReportMetric(float64(fi.Size())/1e6, "MB-db")
	}
}

// BenchmarkSearch25kCommon searches a substring that occurs in many bodies,
// the worst case for loading the hits.
func BenchmarkSearch25kCommon(b *testing.B) {
	s := benchSearchStore(b)
	ctx := context.Background()
	var hits int
	for b.Loop() {
		ps, err := s.ListProposals(ctx, ProposalFilter{Query: "饮水安全工程"})
		if err != nil {
			b.Fatal(err)
		}
		hits = len(ps)
	}
	b.ReportMetric(float64(hits), "hits")
}

// BenchmarkSearch25kLike is the same rare search without the index (a LIKE
// scan), for comparison.
func BenchmarkSearch25kLike(b *testing.B) {
	s := benchSearchStore(b)
	ctx := context.Background()
	for b.Loop() {
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM proposal WHERE body LIKE ?", "%翡翠湾%").Scan(&n); err != nil || n != 1 {
			b.Fatal(fmt.Sprint(n, err))
		}
	}
}
