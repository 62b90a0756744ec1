package report

import (
	"context"
	"os"
	"testing"

	"zhengxie/data/demo/scaledb"
	"zhengxie/export/pdf"
)

// BenchmarkScaleArchive loads and writes the 履职档案 of every member of the
// current term into one PDF (300 members at scale 1, 3,000 at scale 10).
// Scale 10 takes most of a minute of CPU a run, so the suite runs it only
// with ZHENGXIE_ARCHIVE10=1.
func BenchmarkScaleArchive(b *testing.B) {
	scaledb.Each(b, func(b *testing.B, scale int) {
		if scale == 10 && os.Getenv("ZHENGXIE_ARCHIVE10") == "" {
			b.Skip("set ZHENGXIE_ARCHIVE10=1 to write 3,000 archives")
		}
		s := scaledb.Store(b, scale)
		ctx := context.Background()
		t, err := s.CurrentTerm(ctx)
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			set, err := LoadArchiveSet(ctx, s, t.ID, 0)
			if err != nil {
				b.Fatal(err)
			}
			var c countWriter
			if err := set.WritePDF(ctx, &c); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(len(set.Book.Members)), "members")
			b.ReportMetric(float64(c.n)/1e6, "MB-file")
		}
	})
}

// BenchmarkScaleProposalReport loads and writes the 提案工作情况报告 PDF of
// the current term's newest session and of the whole term.
func BenchmarkScaleProposalReport(b *testing.B) {
	for _, whole := range []bool{false, true} {
		name := map[bool]string{false: "session", true: "term"}[whole]
		b.Run(name, func(b *testing.B) {
			scaledb.Each(b, func(b *testing.B, scale int) {
				s := scaledb.Store(b, scale)
				ctx := context.Background()
				t, err := s.CurrentTerm(ctx)
				if err != nil {
					b.Fatal(err)
				}
				sessions, err := s.ListSessions(ctx, t.ID)
				if err != nil {
					b.Fatal(err)
				}
				sc := Scope{Term: t}
				if !whole {
					sc.Session = &sessions[len(sessions)-1]
				}
				for b.Loop() {
					r, err := LoadProposalReport(ctx, s, sc, scaledb.Now.Format("2006-01-02"))
					if err != nil {
						b.Fatal(err)
					}
					var c countWriter
					if err := r.Write(&c, pdf.GBT9704(), pdf.DocInfo{Date: scaledb.Now}); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }
