//go:build unix

package scaledb

import (
	"syscall"
	"time"
)

// CPUTime is the process's CPU time so far (user + system). On a shared
// machine wall time depends on the neighbours; benchmarks report CPU time
// beside it (b.ReportMetric, "cpu-ms/op").
func CPUTime() time.Duration {
	var r syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &r); err != nil {
		return 0
	}
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}
