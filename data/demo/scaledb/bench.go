package scaledb

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"zhengxie/data"
)

// Each runs fn as one sub-benchmark per scale ("scale=1", "scale=10"), the
// database built beforehand and the garbage of earlier benchmarks collected,
// and reports the process CPU time per operation as cpu-ms/op.
func Each(b *testing.B, fn func(b *testing.B, scale int)) {
	for _, scale := range Scales {
		b.Run(fmt.Sprintf("scale=%d", scale), func(b *testing.B) {
			if _, err := Path(scale); err != nil {
				b.Fatal(err)
			}
			runtime.GC()
			b.ResetTimer()
			cpu := CPUTime()
			fn(b, scale)
			b.ReportMetric(float64(CPUTime()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		})
	}
}

// Store opens the scale database for b and closes it when b ends.
func Store(b testing.TB, scale int) *data.Store {
	s, err := Open(context.Background(), scale)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}
