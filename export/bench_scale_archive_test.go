package export

import (
	"context"
	"os"
	"testing"
)

// BenchmarkScaleArchive loads and writes the 履职档案 of every member of the
// current term into one PDF (300 members at scale 1, 3,000 at scale 10).
// Scale 10 takes most of a minute of CPU a run, so the suite runs it only
// with ZHENGXIE_ARCHIVE10=1.
func BenchmarkScaleArchive(b *testing.B) {
	eachScale(b, func(b *testing.B, scale int) {
		if scale == 10 && os.Getenv("ZHENGXIE_ARCHIVE10") == "" {
			b.Skip("set ZHENGXIE_ARCHIVE10=1 to write 3,000 archives")
		}
		s := scaleStore(b, scale)
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
