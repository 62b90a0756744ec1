package data_test

import (
	"context"
	"fmt"
	"testing"

	"zhengxie/data"
	"zhengxie/data/datatest"
)

// auditLines is a log of decades: 200,000 lines over 20 years, one in ten a
// 委员 修改 with changes.
const auditLines = 200_000

func longLog(b *testing.B) *data.Store {
	b.Helper()
	s := datatest.Empty(b)
	err := s.ExecForTest(context.Background(), fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
		INSERT INTO audit(at, actor, action, entity, entity_id, detail, changes)
		SELECT strftime('%%Y-%%m-%%dT%%H:%%M:%%S+08:00', '2006-01-01', '+' || (i * 3) || ' minutes'),
			CASE i %% 3 WHEN 0 THEN '王主任' WHEN 1 THEN '李干事' ELSE '' END,
			CASE WHEN i %% 10 = 0 THEN '修改' ELSE '新增' END,
			CASE WHEN i %% 10 = 0 THEN '委员' ELSE '提案' END,
			i, '第' || i || '号 关于加强农村饮水安全的建议',
			CASE WHEN i %% 10 = 0 THEN '[{"field":"界别","before":"教育界","after":"经济界"}]' ELSE '' END
		FROM n`, auditLines))
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkFindAudit: one page (200 lines) and its count, as the 操作日志
// screen reads them, on a 200,000-line log.
func BenchmarkFindAudit(b *testing.B) {
	s := longLog(b)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		f    data.AuditFilter
	}{
		{"all", data.AuditFilter{}},
		{"entity", data.AuditFilter{Entity: "委员"}},
		{"one-month", data.AuditFilter{From: "2016-03-01", To: "2016-03-31"}},
		{"keyword", data.AuditFilter{Query: "经济界"}},
		{"last-page", data.AuditFilter{Offset: auditLines - 200}},
	} {
		b.Run(c.name, func(b *testing.B) {
			f := c.f
			f.Limit = 200
			for b.Loop() {
				if _, err := s.FindAudit(ctx, f); err != nil {
					b.Fatal(err)
				}
				if _, err := s.CountAudit(ctx, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
