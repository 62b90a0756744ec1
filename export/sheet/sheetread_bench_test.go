package sheet

import (
	"bytes"
	"testing"
)

// BenchmarkReadRoster reads a 3,000-row roster (the size of a big county's
// roster over a whole 届) from memory: what 导入名册 costs before the store
// plans anything.
func BenchmarkReadRoster(b *testing.B) {
	file := manyRows(b, 3000)
	b.ReportAllocs()
	b.SetBytes(int64(len(file)))
	for b.Loop() {
		s, err := ReadRoster(bytes.NewReader(file))
		if err != nil || len(s.Rows) != 3000 {
			b.Fatal(err)
		}
	}
}
