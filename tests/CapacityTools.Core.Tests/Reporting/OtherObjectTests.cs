using CapacityTools.Core.Gpu;
using CapacityTools.Core.Reporting;

namespace CapacityTools.Core.Tests.Reporting;

public class OtherObjectTests
{
    /// <summary>Shaped like a usage record: nullable numbers, dates, a computed property.</summary>
    private sealed class UsageLike
    {
        public string? Host { get; set; }
        public double? AverageUtilization { get; set; }
        public double GpuHours { get; set; }
        public DateTimeOffset Start { get; set; }
        public string[] Tags { get; set; } = [];
    }

    [Fact]
    public void ObjectsOfOtherTypesBecomeATableOfTheirSimplePropertiesTypedByDeclaration()
    {
        var report = new Report("r", GpuCatalog.Embedded);
        Assert.False(report.Add(new UsageLike { Host = "<b>n1</b>", AverageUtilization = null, GpuHours = 1, Start = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero) }));
        report.Add(new UsageLike { Host = "n2", AverageUtilization = 0.5, GpuHours = 2.5 });
        var table = Assert.Single(report.Tables());
        Assert.Equal("Other: UsageLike", table.Title);
        Assert.Equal(["Host", "AverageUtilization", "GpuHours", "Start"], table.Columns.Select(c => c.Header));
        Assert.Equal([ColumnKind.Text, ColumnKind.Number, ColumnKind.Number, ColumnKind.Text], table.Columns.Select(c => c.Kind));
        Assert.Equal(new object?[] { "n2", 0.5, 2.5, "0001-01-01 00:00:00 +00:00" }, table.Rows[1]);
        Assert.Equal("2026-01-02 03:04:05 +00:00", table.Rows[0][3]);
        Assert.Null(table.Rows[0][1]);
        Assert.Contains("&lt;b&gt;n1&lt;/b&gt;", ReportSamples.Text(report, ReportFormat.Html));
    }

    [Fact]
    public void AKindBeyondTheRowLimitIsCountedNotKept()
    {
        var report = new Report("r", GpuCatalog.Embedded);
        for (var i = 0; i < Report.MaxRows + 5; i++) report.Add(new UsageLike { Host = "h", GpuHours = i });
        var table = Assert.Single(report.Tables());
        Assert.Equal(Report.MaxRows, table.Rows.Count);
        Assert.Equal("The first 10,000 of 10,005.", table.Note);
    }
}
